// AI defense: building conditions, completion, objectives, and the deceptive-alignment check.
import { describe, expect, it } from "vitest";
import { deceptiveChance } from "../src/rules/defense.js";
import { legalOrders } from "../src/rules/legal-state.js";
import type { MatchState } from "../src/rules/types.js";
import { atLeast, below, forceDraws, lab, play, quietMatch } from "./helpers.js";

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
});

/** A lab at cap 10 (TAI 12), aligned 10 and publicly validated, with the given hidden flaws. */
function ready(flaws: number, specs: Parameters<typeof quietMatch>[0] = ["lab:incrementalist", "lab:conservative", "regulator:incrementalist", "researcher:conservative"], theory = 1): MatchState {
  return quietMatch(specs, {}, (s) => {
    s.world.theory = theory;
    s.world.milestonesScored = 0b1110; // milestones already credited: only the defense objectives count here
    s.seats[0].funds = 12;
    Object.assign(lab(s, 0), { cap: 10, aligned: 10, flaws, alignedPublic: 10, declaredCap: 10 });
  });
}

describe("building a defense", () => {
  it.each<[string, (s: MatchState) => void, string]>([
    ["capability two short of TAI is needed", (s) => Object.assign(lab(s, 0), { cap: 9, aligned: 9, alignedPublic: 9 }), "A defense needs capability 10 or more (you have 9)."],
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
    expect(r1.report.entries.some((e) => e.seat === null && e.text.includes("(1/2)"))).toBe(true);
    s = r1.state;
    const { state } = play(s, { 0: [{ kind: "buildDefense" }] });
    expect(state.end).toMatchObject({ ending: "secure", worldValue: 100, by: "defense", seat: 0, round: 2 });
    expect(state.world.neutralized).toBe(true);
    expect(state.seats[0].prestigeBy.defense).toBe(5);
    expect(state.seats[0].funds).toBe(12 - 3 + 3 - 3 + 3);
  });

  it("two steps in one round complete it at once", () => {
    const { state } = play(ready(0), { 0: [{ kind: "buildDefense" }, { kind: "buildDefense" }] });
    expect(state.end?.ending).toBe("secure");
    expect(lab(state, 0).defense).toBe(2);
  });

  it.each([
    // theory, incrementalist objective (+6 each), conservative objective (+10 on milestone 3)
    [1, 6, 0],
    [9, 6, 10],
  ])("objectives at theory %s: incrementalists +%s, conservatives +%s", (theory, inc, cons) => {
    const { state } = play(ready(0, undefined, theory), { 0: [{ kind: "buildDefense" }, { kind: "buildDefense" }] });
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
    const s = forceDraws(ready(flaws), [null, draw]);
    const { state } = play(s, { 0: [{ kind: "buildDefense" }, { kind: "buildDefense" }] });
    expect(state.end).toMatchObject({ ending, by: "defense", seat: 0 });
    if (ending === "catastrophe") {
      expect(state.end!.cause).toContain("deceptively aligned");
      expect(state.scores!.every((x) => x === 0)).toBe(true);
    } else {
      expect(state.end!.cause).toContain("by luck");
    }
  });

  it("no draw at all when the lab has no hidden flaws", () => {
    const a = play(ready(0), { 0: [{ kind: "buildDefense" }, { kind: "buildDefense" }] }).state;
    const b = play(ready(0)).state; // a quiet round of the same state: only rogue's estimate draws
    expect(a.rng).toBe(b.rng);
  });
});
