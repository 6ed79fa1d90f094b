// Leaks: the leak chance, certain and uncertain leaks of unpublished gains, catch-up, late theory applications.
import { entryText } from "../src/content/report-texts.js";
import { describe, expect, it } from "vitest";
import { leakChance } from "../src/rules/leaks.js";
import { atLeast, below, between, forceDraws, lab, play, quietMatch, type Draw } from "./helpers.js";

describe("leakChance = base − 5%·sec − 10% (security standard) + bonus, at least 2%", () => {
  it.each([
    // base, sec, standard, bonus, p
    [0.3, 0, false, 0, 0.3],
    [0.3, 1, false, 0, 0.25],
    [0.3, 3, false, 0, 0.15],
    [0.3, 5, false, 0, 0.05],
    [0.3, 2, true, 0, 0.1],
    [0.3, 5, true, 0, 0.02], // −0.05 floored at 2%
    [0.3, 4, true, 0, 0.02], // 0.0 floored
    [0.45, 0, false, 0, 0.45], // leaky world
    [0.45, 0, false, 0.1, 0.55], // conference chatter
    [0.2, 2, false, 0, 0.1], // slow and steady
    [0.3, 1, true, 0.1, 0.25],
    [0, 0, false, 0, 0.02],
  ])("base %s, sec %s, standard %s, bonus %s → %s", (base, sec, std, bonus, p) => {
    expect(leakChance(base, sec, std, bonus)).toBeCloseTo(p, 10);
  });
});

// A +1 capability gain: draw 1 is the breakthrough (+1), draw 2 the flaw (none), draw 3 the leak.
const PLUS1 = atLeast(0.3);
const NO_FLAW = atLeast(0.3);

describe("an unpublished capability gain leaks with leakChance", () => {
  it.each<[string, number, boolean, Draw, boolean]>([
    // name, sec, security standard, leak draw, leaked
    ["sec 1: p 0.25, draw 0.24 leaks", 1, false, between(0.2, 0.25), true],
    ["sec 1: p 0.25, draw 0.26 keeps", 1, false, between(0.25, 0.3), false],
    ["sec 3: p 0.15, draw 0.16 keeps", 3, false, between(0.15, 0.2), false],
    ["sec 3: p 0.15, draw 0.14 leaks", 3, false, between(0.1, 0.15), true],
    ["sec 1 + standard: p 0.15, draw 0.16 keeps", 1, true, between(0.15, 0.2), false],
  ])("%s", (_n, sec, std, draw, leaked) => {
    const s = quietMatch(["lab", "regulator"], { rogueDrift: 0 }, (s) => {
      Object.assign(lab(s, 0), { sec, cap: 4, aligned: 4, flaws: 0 });
      if (std) s.world.policies.push("securityStandard");
    });
    forceDraws(s, [PLUS1, NO_FLAW, draw]);
    const { state, report } = play(s, { 0: [{ kind: "capability" }] });
    expect(state.history[0].leaks).toBe(leaked ? 1 : 0);
    // the rogue actors absorb the leaked point in the same round (drift 0 here)
    expect(state.world.rogue).toBe(leaked ? 2 : 1);
    expect(report.entries.some((e) => e.seat === 0 && entryText(e).includes("leaked"))).toBe(leaked);
    // the public only learns that *a* lab leaked, not which one
    const pub = report.entries.filter((e) => e.seat === null && e.concept === "leak");
    expect(pub.length).toBe(leaked ? 1 : 0);
    for (const e of pub) expect(entryText(e)).not.toContain(state.seats[0].name);
  });

  it("leakBonus ≥ 1 makes a leak certain; rivals behind the leaker pick up +1 on a 50% draw each", () => {
    const s = quietMatch(["lab", "lab", "lab", "lab"], { rogueDrift: 0 }, (s) => {
      s.mods.leakBonus = 1;
      Object.assign(lab(s, 0), { cap: 6, aligned: 6, flaws: 0 });
      Object.assign(lab(s, 1), { cap: 3, aligned: 3, flaws: 0 }); // behind: catches up (draw < 0.5)
      Object.assign(lab(s, 2), { cap: 3, aligned: 3, flaws: 0 }); // behind: misses (draw ≥ 0.5)
      Object.assign(lab(s, 3), { cap: 8, aligned: 8, flaws: 0 }); // ahead: no draw
    });
    forceDraws(s, [PLUS1, NO_FLAW, null, below(0.5), atLeast(0.5)]);
    const { state } = play(s, { 0: [{ kind: "capability" }] });
    expect([0, 1, 2, 3].map((i) => lab(state, i).cap)).toEqual([7, 4, 3, 8]);
    expect(state.history[0].leaks).toBe(1);
  });

  it("a published gain never leaks (it is in the pool already)", () => {
    const s = quietMatch(["lab", "regulator"], { rogueDrift: 0 }, (s) => (s.mods.leakBonus = 1));
    forceDraws(s, [PLUS1, NO_FLAW]);
    const { state } = play(s, { 0: [{ kind: "capability", publish: true }] });
    expect(state.history[0].leaks).toBe(0);
  });
});

describe("published fast theory reaches the pool two rounds later at half weight", () => {
  it("fast theory published in round 1 → 0.5 leaked in round 3, not before", () => {
    let s = quietMatch(["lab", "researcher"], { rogueDrift: 0 });
    s = play(s, { 1: [{ kind: "theory", mode: "fast", publish: true }] }).state;
    expect(s.world.pendingApplications).toEqual([{ round: 3, amount: 1 }]);
    s = play(s).state;
    expect(s.history[1].leaks).toBe(0);
    expect(s.world.pendingApplications).toHaveLength(1);
    s = play(s).state;
    expect(s.history[2].leaks).toBe(0.5);
    expect(s.world.pendingApplications).toEqual([]);
    expect(s.world.rogue).toBe(1.5); // absorbed at once
  });

  it("careful theory has no capability application", () => {
    let s = quietMatch(["lab", "researcher"], { rogueDrift: 0 });
    s = play(s, { 1: [{ kind: "theory", mode: "careful", publish: true }] }).state;
    expect(s.world.pendingApplications).toEqual([]);
  });
});
