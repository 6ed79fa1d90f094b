// Endings and the world value W.
import { describe, expect, it } from "vitest";
import { WORLD_VALUE } from "../src/rules/endings.js";
import { legalOrders, validateOrders } from "../src/rules/legal-state.js";
import { resolveRound } from "../src/rules/resolve.js";
import type { Ending, EndInfo, MatchState } from "../src/rules/types.js";
import { lab, play, quietMatch } from "./helpers.js";

describe("world values", () => {
  it.each<[Ending, number]>([
    ["secure", 100],
    ["handoff", 90],
    ["pause", 60],
    ["precarious", 30],
    ["catastrophe", 0],
    ["drifted", 0],
  ])("%s → W %s", (ending, w) => {
    expect(WORLD_VALUE[ending]).toBe(w);
  });
});

const REGIME = (s: MatchState) => {
  s.world.regime = 6;
  s.world.will = 6; // a complete regime holds only while will stays at 6 or more
  s.world.neutralized = true;
};

describe("which ending a final round gives", () => {
  it.each<[string, number, (s: MatchState) => void, Record<number, unknown[]>, Partial<EndInfo> | null]>([
    ["time runs out: precarious", 1, () => {}, {}, { ending: "precarious", worldValue: 30, by: "time" }],
    ["not the last round: no ending", 2, () => {}, {}, null],
    [
      "regime complete and enforced, frontier below TAI: pause",
      1,
      REGIME,
      { 1: [{ kind: "enforce" }] },
      { ending: "pause", worldValue: 60, by: "regime" },
    ],
    [
      "regime complete but not enforced in the last round: it lapses, precarious",
      1,
      REGIME,
      {},
      { ending: "precarious", worldValue: 30 },
    ],
    [
      "regime complete but a lab at TAI: precarious",
      1,
      (s) => {
        REGIME(s);
        Object.assign(lab(s, 0), { cap: 12, aligned: 12, flaws: 0 });
      },
      {},
      { ending: "precarious", worldValue: 30 },
    ],
    ["regime 5 of 6: precarious", 1, (s) => (s.world.regime = 5), {}, { ending: "precarious" }],
    [
      "augmentation 6 without drift: handoff (even before the last round)",
      5,
      (s) => (s.world.aug = 6),
      {},
      { ending: "handoff", worldValue: 90, by: "augmentation" },
    ],
    [
      "augmentation 6 with drift 10: drifted",
      5,
      (s) => {
        s.world.aug = 6;
        s.world.drift = 10;
      },
      {},
      { ending: "drifted", worldValue: 0 },
    ],
    [
      "a misaligned lab at TAI: catastrophe",
      5,
      (s) => Object.assign(lab(s, 0), { cap: 12, aligned: 10, flaws: 0 }),
      {},
      { ending: "catastrophe", worldValue: 0, by: "lab", seat: 0 },
    ],
    [
      "an aligned defense: secure",
      5,
      (s) => {
        s.seats[0].funds = 9;
        Object.assign(lab(s, 0), { cap: 10, aligned: 10, flaws: 0, alignedPublic: 10, defense: 1 });
      },
      { 0: [{ kind: "buildDefense" }] },
      { ending: "secure", worldValue: 100, by: "defense", seat: 0 },
    ],
  ])("%s", (_n, rounds, edit, orders, want) => {
    const s = quietMatch(["lab", "regulator", "researcher"], { rounds }, (s) => {
      Object.assign(lab(s, 0), { flaws: 0 });
      edit(s);
    });
    const { state, report } = play(s, orders as never);
    if (want === null) {
      expect(state.end).toBeNull();
      expect(state.phase).toBe("orders");
      expect(state.round).toBe(2);
      expect(state.scores).toBeNull();
      return;
    }
    expect(state.end).toMatchObject({ ...want, round: 1 });
    expect(state.phase).toBe("ended");
    expect(state.round).toBe(1);
    expect(report.end).toEqual(state.end);
    expect(state.end!.cause.length).toBeGreaterThan(10);
    expect(state.scores).toHaveLength(3);
  });
});

describe("after the end", () => {
  const ended = () => play(quietMatch(["lab", "regulator"], { rounds: 1 })).state;

  it("resolveRound refuses to go on", () => {
    expect(() => resolveRound(ended(), [])).toThrow("The match has ended.");
  });

  it("no order is legal", () => {
    const s = ended();
    expect(validateOrders(s, 0, { actions: [] })).toEqual({ ok: false, reason: "The match has ended." });
    const lo = legalOrders(s, 0);
    expect(lo.canSwitch).toBe(false);
    expect(lo.options.every((o) => !o.legal && o.reason === "The match has ended.")).toBe(true);
  });

  it("the match plays exactly `rounds` rounds when nothing ends it early", () => {
    let s = quietMatch(["lab", "regulator"], { rounds: 4 });
    let n = 0;
    while (s.phase !== "ended") {
      s = play(s).state;
      n++;
    }
    expect(n).toBe(4);
    expect(s.history.map((h) => h.round)).toEqual([1, 2, 3, 4]);
    expect(s.end).toMatchObject({ ending: "precarious", round: 4 });
  });
});
