// Measuring alignment: detection chance, validation, minimal-risk tests, consulting, incidents.
import { entryText } from "../src/content/report-texts.js";
import { describe, expect, it } from "vitest";
import { detectionChance } from "../src/rules/alignment.js";
import { atLeast, below, between, forceDraws, lab, play, quietMatch, type Draw } from "./helpers.js";

describe("detectionChance = 0.2 + 0.1·interp + 0.1·milestones (+0.2 consulted) − 0.1 per level past the danger line; ≥ 5%; certain at milestone 3", () => {
  it.each([
    // interp, milestones, consulted, levels at/past the danger line, p
    [0, 0, false, 0, 0.2],
    [1, 0, false, 0, 0.3],
    [3, 0, false, 0, 0.5],
    [5, 0, false, 0, 0.7],
    [0, 1, false, 0, 0.3],
    [0, 2, false, 0, 0.4],
    [2, 1, false, 0, 0.5],
    [0, 0, true, 0, 0.4],
    [2, 1, true, 0, 0.7],
    [5, 2, true, 0, 1.0], // 1.1 clamped
    [5, 2, false, 1, 0.8],
    [3, 1, false, 2, 0.4],
    [0, 0, false, 3, 0.05], // −0.1 floored at 5%
    [0, 3, false, 0, 1.0], // milestone 3: certain
    [0, 3, false, 5, 1.0], // … even far past the danger line
  ])("interp %s, milestones %s, consulted %s, %s levels past → %s", (interp, m, consulted, above, p) => {
    expect(detectionChance(interp, m, consulted, above)).toBeCloseTo(p, 10);
  });

  it("the penalty argument defaults to 0", () => {
    expect(detectionChance(1, 1, false)).toBeCloseTo(0.4, 10);
  });
});

describe("validate through resolveRound", () => {
  it.each([
    // flaws, aligned, cap → flaws after, aligned after
    [1, 5, 6, 0, 4],
    [3, 5, 6, 0, 2],
    [3, 2, 6, 0, 0], // rework never drives aligned below 0
    [0, 6, 6, 0, 6],
  ])(
    "at theory milestone 3 every flaw is found: flaws %s, aligned %s (cap %s) → flaws %s, aligned %s",
    (flaws, aligned, cap, flawsAfter, alignedAfter) => {
      const s = quietMatch(["lab", "regulator"], {}, (s) => {
        s.world.theory = 9;
        Object.assign(lab(s, 0), { cap, aligned, flaws, alignedPublic: 1 });
      });
      const { state } = play(s, { 0: [{ kind: "validate" }] });
      expect(lab(state, 0)).toMatchObject({ flaws: flawsAfter, aligned: alignedAfter });
      expect(lab(state, 0).alignedPublic).toBe(flaws > 0 ? null : aligned); // a find voids the claim; a clean pass publishes it
    },
  );

  it.each<[string, Draw[], number]>([
    // name, one draw per flaw (p = 0.2 at theory 1, interp 0, cap 6), flaws found
    ["both missed", [atLeast(0.2), atLeast(0.2)], 0],
    ["first found", [below(0.2), atLeast(0.2)], 1],
    ["second found", [atLeast(0.2), below(0.2)], 1],
    ["both found", [below(0.2), below(0.2)], 2],
    ["just above the line is a miss", [between(0.2, 0.21), between(0.2, 0.21)], 0],
  ])("one independent draw per flaw: %s", (_n, draws, found) => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => Object.assign(lab(s, 0), { cap: 6, aligned: 5, flaws: 2 }));
    forceDraws(s, draws);
    const { state } = play(s, { 0: [{ kind: "validate" }] });
    expect(lab(state, 0)).toMatchObject({ flaws: 2 - found, aligned: 5 - found });
  });

  it.each([
    // cap (danger line 9), interp, theory, flaw draw, flaws left
    [6, 2, 1, between(0.35, 0.4), 0], // p 0.4
    [6, 2, 1, between(0.4, 0.45), 1],
    [6, 0, 3, between(0.25, 0.3), 0], // milestone 1: p 0.3
    [8, 3, 1, between(0.45, 0.5), 0], // just below the line: p 0.5
    [9, 3, 1, between(0.35, 0.4), 0], // at the line: one level, p 0.4
    [9, 3, 1, between(0.4, 0.5), 1],
    [11, 3, 1, between(0.15, 0.2), 0], // three levels: p 0.2
    [11, 3, 1, between(0.2, 0.3), 1],
  ])("detection at cap %s, interp %s, theory %s", (cap, interp, theory, draw, left) => {
    const s = quietMatch(["lab", "regulator"], { taiThreshold: 12 }, (s) => {
      s.world.interp = interp;
      s.world.theory = theory;
      Object.assign(lab(s, 0), { cap, aligned: cap, flaws: 1 });
    });
    // draws: the flaw, (a frontier incident if found past the line), …
    forceDraws(s, [draw, atLeast(0.99), null, atLeast(0.99)]);
    expect(lab(play(s, { 0: [{ kind: "validate" }] }).state, 0).flaws).toBe(left);
  });

  it("a consultant's unpublished theory counts toward milestones: world 3 + private 6 → milestone 3, certain", () => {
    const s = quietMatch(["lab", "researcher"], {}, (s) => {
      s.world.theory = 3;
      s.seats[1].researcher = { theoryPrivate: 6, fastPrivate: 0 };
      Object.assign(lab(s, 0), { cap: 8, aligned: 8, flaws: 4 });
    });
    forceDraws(s, [atLeast(0.9), atLeast(0.9), atLeast(0.9), atLeast(0.9)]); // misses at any power below 0.9
    const { state } = play(s, { 0: [{ kind: "validate" }], 1: [{ kind: "consult", target: 0 }] });
    expect(lab(state, 0)).toMatchObject({ flaws: 0, aligned: 4 });
    expect(state.world.theory).toBe(3); // consulting does not publish
  });

  it("a clean pass at aligned ≥ cap records the validated level; incrementalists score +1 per level above the start", () => {
    const s = quietMatch(
      ["lab:incrementalist", "lab:incrementalist", "regulator:incrementalist", "researcher:conservative"],
      {},
      (s) => {
        Object.assign(lab(s, 0), { cap: 5, aligned: 5, flaws: 0, validatedLevel: 2 });
        Object.assign(lab(s, 1), { cap: 3, aligned: 3, flaws: 0, validatedLevel: 3 });
      },
    );
    const { state, report } = play(s, { 0: [{ kind: "validate" }] });
    expect(lab(state, 0)).toMatchObject({ validatedLevel: 5, alignedPublic: 5 });
    expect(state.seats[0].prestigeBy.objectives).toBe(2); // levels 4 and 5 (2.2: the starting level 3 is no progress)
    expect(state.seats[1].prestigeBy.objectives ?? 0).toBe(0); // another lab: nothing
    expect(state.seats[2].prestigeBy.objectives).toBe(2); // non-lab incrementalist: the world's new levels (4, 5)
    expect(state.seats[3].prestigeBy.objectives ?? 0).toBe(0);
    expect(report.entries.some((e) => e.seat === null && entryText(e).includes("passes a validation"))).toBe(true);
    expect(state.seats[0].funds).toBe(6 + 3 + 1); // validation is free for incrementalists; +1 at the (tied) visible frontier
  });

  it("a clean pass below cap publishes aligned but records no validated level", () => {
    const s = quietMatch(["lab:incrementalist", "regulator"], {}, (s) =>
      Object.assign(lab(s, 0), { cap: 5, aligned: 3, flaws: 0 }),
    );
    const { state } = play(s, { 0: [{ kind: "validate" }] });
    expect(lab(state, 0)).toMatchObject({ alignedPublic: 3, validatedLevel: 0 });
  });

  it.each<[string, Draw, number, number]>([
    // name, incident draw, incidents, will after (from 3)
    ["incident (draw < 0.2)", below(0.2), 1, 4],
    ["no incident", atLeast(0.2), 0, 3],
  ])("finding flaws at the danger line may cause a frontier incident: %s", (_n, draw, incidents, will) => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => {
      s.world.theory = 9;
      Object.assign(lab(s, 0), { cap: 10, aligned: 10, flaws: 1 });
    });
    // draws: the flaw hunt (certain), the frontier incident, rogue's estimate, lab 0's catastrophe check (p 0.16)
    forceDraws(s, [null, draw, null, atLeast(0.2)]);
    const { state } = play(s, { 0: [{ kind: "validate" }] });
    expect(lab(state, 0).incidents).toBe(incidents);
    expect(state.world.will).toBe(will);
    expect(state.history[0].incidents).toBe(incidents);
    expect(state.end).toBeNull();
  });
});

describe("minimal-risk test: half the power (conservative: full), never an incident", () => {
  it.each([
    // doctrine, flaw draw, flaws left (theory 9: full power 1, half 0.5)
    ["conservative", between(0.7, 0.8), 0],
    ["transhumanist", between(0.7, 0.8), 1],
    ["incrementalist", between(0.3, 0.4), 0],
  ] as const)("%s lab, draw in range → flaws left %s", (doctrine, draw, left) => {
    const s = quietMatch([`lab:${doctrine}`, "regulator"], {}, (s) => {
      s.world.theory = 9;
      Object.assign(lab(s, 0), { cap: 10, aligned: 10, flaws: 1, alignedPublic: null });
    });
    forceDraws(s, [draw, null, atLeast(0.2)]);
    const { state } = play(s, { 0: [{ kind: "minimalRiskTest" }] });
    expect(lab(state, 0).flaws).toBe(left);
    expect(lab(state, 0).aligned).toBe(10 - (1 - left));
    expect(lab(state, 0).incidents).toBe(0); // found at the frontier, yet no incident
    expect(state.world.will).toBe(3);
    expect(lab(state, 0).alignedPublic).toBeNull(); // a minimal-risk test proves nothing in public
  });
});

describe("incidents from deployed products with hidden flaws (20% per flaw, one per lab per round)", () => {
  it.each([
    // name, prod, flaws, extra incident chance, expect incident
    ["certain (extra chance 1)", 1, 2, 1, true],
    ["impossible (extra chance −0.2)", 1, 2, -0.2, false],
    ["no products, no incident", 0, 2, 1, false],
    ["no flaws, no incident", 3, 0, 1, false],
  ])("%s", (_n, prod, flaws, extra, incident) => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => {
      s.mods.extraIncidentChance = extra;
      s.seats[0].prestige = 5;
      Object.assign(lab(s, 0), { cap: 4, aligned: 4, prod, flaws, alignedPublic: 4 });
    });
    const { state } = play(s);
    const l = lab(state, 0);
    expect(l.flaws).toBe(incident ? flaws - 1 : flaws); // one incident per lab per round
    expect(l.incidents).toBe(incident ? 1 : 0);
    expect(state.world.will).toBe(incident ? 5 : 3);
    expect(state.seats[0].prestige).toBe(incident ? 3 : 5);
    expect(l.alignedPublic).toBe(incident ? null : 4);
  });

  it("the incident draw is 20% per flaw: a draw in [0.2, 0.3) is not an incident, below 0.2 is", () => {
    const mk = () =>
      quietMatch(["lab", "regulator"], {}, (s) => Object.assign(lab(s, 0), { cap: 4, aligned: 4, prod: 1, flaws: 1 }));
    // draws: rogue's estimate, then the product's flaw
    expect(lab(play(forceDraws(mk(), [null, between(0.2, 0.3)])).state, 0).incidents).toBe(0);
    expect(lab(play(forceDraws(mk(), [null, between(0.1, 0.2)])).state, 0).incidents).toBe(1);
  });

  it("incident prestige loss never takes prestige below 0", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => {
      s.mods.extraIncidentChance = 1;
      Object.assign(lab(s, 0), { prod: 1, flaws: 1 });
    });
    const { state } = play(s);
    expect(state.seats[0].prestige).toBe(0);
    // The breakdown records the real change: nothing was left to lose.
    expect(state.seats[0].prestigeBy.incidents).toBe(0);
  });
});
