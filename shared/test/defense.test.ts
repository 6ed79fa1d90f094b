// AI defense: building conditions, completion, objectives, and the deceptive-alignment check.
import { entryText } from "../src/content/report-texts.js";
import { describe, expect, it } from "vitest";
import { deceptiveChance } from "../src/rules/defense.js";
import { legalOrders } from "../src/rules/legal-state.js";
import type { MatchState } from "../src/rules/types.js";
import { atLeast, below, forceDraws, lab, play, playAllowingRefusals, quietMatch } from "./helpers.js";

describe("deceptiveChance = 1 − 0.6^flaws (40% per flaw)", () => {
  it.each([
    [0, 0],
    [1, 0.4],
    [2, 0.64],
    [3, 0.784],
    [5, 0.92224],
  ])("%s flaw(s) → %s", (flaws, p) => {
    expect(deceptiveChance(flaws)).toBeCloseTo(p, 10);
  });

  it.each([
    // ordinary flaws, deceptive flaws, chance: deceptive flaws weigh 70% each
    [0, 1, 0.7],
    [1, 1, 1 - 0.6 * 0.3],
    [0, 2, 1 - 0.09],
  ])("%s flaw(s) and %s deceptive flaw(s) → %s", (flaws, deceptive, p) => {
    expect(deceptiveChance(flaws, deceptive)).toBeCloseTo(p, 10);
  });
});

/** A lab at cap 10 (TAI 12), aligned 10 and publicly validated, with the given hidden flaws (and defense progress). */
function ready(
  flaws: number,
  specs: Parameters<typeof quietMatch>[0] = [
    "lab:incrementalist",
    "lab:conservative",
    "regulator:incrementalist",
    "researcher:conservative",
  ],
  theory = 1,
  defense = 0,
  deceptive = 0,
): MatchState {
  return quietMatch(specs, {}, (s) => {
    s.world.theory = theory;
    s.world.milestonesScored = 0b1110; // milestones already credited: only the defense objectives count here
    s.seats[0].funds = 12;
    Object.assign(lab(s, 0), { cap: 10, aligned: 10, flaws, deceptive, alignedPublic: 10, declaredCap: 10, defense });
  });
}

describe("building a defense", () => {
  it.each<[string, (s: MatchState) => void, string]>([
    [
      "capability three short of TAI (the danger line) is needed",
      (s) => Object.assign(lab(s, 0), { cap: 8, aligned: 8, alignedPublic: 8 }),
      "A defense needs capability 9 or more (you have 8).",
    ],
    ["a public aligned claim is needed", (s) => (lab(s, 0).alignedPublic = null), "validate first"],
    ["the public claim must cover the capability", (s) => (lab(s, 0).alignedPublic = 9), "validate first"],
  ])("%s", (_n, edit, reason) => {
    const s = ready(0);
    edit(s);
    const o = legalOrders(s, 0).options.find((x) => x.kind === "buildDefense")!;
    expect(o.legal).toBe(false);
    expect(o.reason).toContain(reason);
  });

  it("one step a round: 1/2 is public, 2/2 deploys an aligned defense → secure, W 100", () => {
    let s = ready(0);
    const r1 = play(s, { 0: [{ kind: "buildDefense" }] });
    expect(lab(r1.state, 0).defense).toBe(1);
    expect(r1.state.end).toBeNull();
    expect(r1.report.entries.some((e) => e.seat === null && entryText(e).includes("(1/2)"))).toBe(true);
    s = r1.state;
    const { state } = play(s, { 0: [{ kind: "buildDefense" }] });
    expect(state.end).toMatchObject({ ending: "secure", worldValue: 100, by: "defense", seat: 0, round: 2 });
    expect(state.world.neutralized).toBe(true);
    expect(state.seats[0].prestigeBy.defense).toBe(5);
    expect(state.seats[0].funds).toBe(12 - 3 + 3 + 1 - 3 + 3 + 1); // +1 a round as the lab at the visible frontier
  });

  it("a defense takes two rounds: two steps in one round are refused", () => {
    const r = playAllowingRefusals(ready(0), { 0: [{ kind: "buildDefense" }, { kind: "buildDefense" }] });
    expect(r.refused.get(0)).toContain("Build AI defense can be done once a round.");
    expect(lab(r.state, 0).defense).toBe(0);
  });

  it.each([
    // theory, incrementalist objective (+3 each), conservative objective (+8 on theory milestone 2)
    [1, 3, 0],
    [6, 3, 8],
  ])("objectives at theory %s: incrementalists +%s, conservatives +%s", (theory, inc, cons) => {
    const { state } = play(ready(0, undefined, theory, 1), { 0: [{ kind: "buildDefense" }] });
    const obj = (i: number) => state.seats[i].prestigeBy.objectives ?? 0;
    expect([obj(0), obj(2)]).toEqual([inc, inc]); // both incrementalist seats
    expect([obj(1), obj(3)]).toEqual([cons, cons]); // both conservative seats
  });

  it.each([
    // flaws, deceptive draw (after rogue's estimate), ending
    [2, below(0.64), "catastrophe"],
    [2, atLeast(0.64), "secure"],
    [1, below(0.4), "catastrophe"],
    [1, atLeast(0.4), "secure"],
  ])("with %s hidden flaw(s), draw %# → %s", (flaws, draw, ending) => {
    const s = forceDraws(ready(flaws, undefined, 1, 1), [null, draw]);
    const { state } = play(s, { 0: [{ kind: "buildDefense" }] });
    expect(state.end).toMatchObject({ ending, by: "defense", seat: 0 });
    if (ending === "catastrophe") {
      expect(state.end!.cause).toContain("deceptively aligned");
      expect(state.scores!.every((x) => x === 0)).toBe(true);
    } else {
      expect(state.end!.cause).toContain("by luck");
    }
  });

  it.each([
    [below(0.7), "catastrophe"],
    [atLeast(0.7), "secure"],
  ])("a deceptive flaw (70%%), draw %# → %s: validation passed, the defense still fails", (draw, ending) => {
    const s = forceDraws(ready(0, undefined, 1, 1, 1), [null, draw]);
    expect(play(s, { 0: [{ kind: "buildDefense" }] }).state.end).toMatchObject({ ending, by: "defense", seat: 0 });
  });

  it("no draw at all when the lab has no hidden flaws", () => {
    const a = play(ready(0, undefined, 1, 1), { 0: [{ kind: "buildDefense" }] }).state;
    const b = play(ready(0, undefined, 1, 1)).state; // a quiet round of the same state: only rogue's estimate draws
    expect(a.rng).toBe(b.rng);
  });
});
