// The catastrophe check: danger line, the 8%·steps·m formula, the 95% cap, certainty at TAI, rogue actors.
import { entryText } from "../src/content/report-texts.js";
import { describe, expect, it } from "vitest";
import { catastropheChance, misalignment } from "../src/rules/catastrophe.js";
import type { MatchState } from "../src/rules/types.js";
import { atLeast, below, forceDraws, lab, play, quietMatch } from "./helpers.js";

describe("misalignment m = hidden flaws + max(0, cap − aligned)", () => {
  it.each([
    // cap, aligned, flaws, m
    [10, 10, 0, 0],
    [10, 8, 0, 2],
    [10, 10, 3, 3],
    [10, 7, 2, 5],
    [5, 7, 1, 1], // aligned above cap does not offset flaws
  ])("cap %s, aligned %s, flaws %s → %s", (cap, aligned, flaws, m) => {
    expect(misalignment(cap, aligned, flaws)).toBe(m);
  });
});

describe("catastropheChance = min(95%, 8% · (cap − TAI + 4) · m) from the danger line (TAI − 3); certain at TAI", () => {
  it.each([
    // cap, m, TAI, protected world, p
    [8, 3, 12, false, 0], // below the danger line
    [9, 0, 12, false, 0], // aligned: no danger
    [9, 1, 12, false, 0.08],
    [9, 3, 12, false, 0.24], // rogue at the danger line
    [10, 2, 12, false, 0.32],
    [11, 1, 12, false, 0.24],
    [11, 3, 12, false, 0.72],
    [11, 4, 12, false, 0.95], // 0.96 capped
    [11, 10, 12, false, 0.95],
    [12, 1, 12, false, 1], // TAI reached misaligned: certain
    [20, 1, 12, false, 1],
    [12, 0, 12, false, 0], // TAI reached aligned
    [12, 1, 12, true, 0.32], // a protected world: no certainty…
    [13, 3, 12, true, 0.95], // … but still the 95% cap
    [8, 1, 11, false, 0.08], // classroom TAI 11: danger line 8
    [7, 5, 11, false, 0],
  ])("cap %s, m %s, TAI %s, protected %s → %s", (cap, m, tai, prot, p) => {
    expect(catastropheChance(cap, m, tai, prot)).toBeCloseTo(p, 10);
  });
});

function world(edit: (s: MatchState) => void): MatchState {
  // labLeaks 0: no leak rolls, so the draws below are the catastrophe step's own
  return quietMatch(["lab", "lab", "regulator"], { rogueDrift: 0, labLeaks: 0 }, (s) => {
    for (const i of [0, 1]) Object.assign(lab(s, i), { cap: 3, aligned: 3, flaws: 0 });
    edit(s);
  });
}

describe("the catastrophe step through resolveRound", () => {
  it("a lab at TAI with m > 0: certain catastrophe, by that lab; every score 0", () => {
    const s = world((s) => Object.assign(lab(s, 1), { cap: 12, aligned: 11 }));
    const { state, report } = play(s);
    expect(state.end).toMatchObject({ ending: "catastrophe", worldValue: 0, by: "lab", seat: 1, round: 1 });
    expect(state.phase).toBe("ended");
    expect(state.scores).toEqual([0, 0, 0]);
    expect(report.end).toEqual(state.end);
    expect(state.history[0].catastropheRisk).toBe(1);
  });

  it("a lab at TAI fully aligned with no flaws is safe", () => {
    const { state } = play(world((s) => Object.assign(lab(s, 1), { cap: 12, aligned: 12 })));
    expect(state.end).toBeNull();
    expect(state.history[0].catastropheRisk).toBe(0);
  });

  it.each([
    // rogue level (drift 0), ending
    [12, "catastrophe"],
    [12.9, "catastrophe"],
    [8.9, null], // floor 8: below the danger line
  ])("rogue at %s → %s", (rogue, ending) => {
    const { state } = play(world((s) => (s.world.rogue = rogue)));
    expect(state.end?.ending ?? null).toBe(ending);
    if (ending) expect(state.end).toMatchObject({ by: "rogue" });
  });

  it("the round's risk combines actors: 1 − (1 − 0.24)(1 − 0.16), kept in history; the public report does not state it", () => {
    const s = world((s) => {
      Object.assign(lab(s, 0), { cap: 11, aligned: 11, flaws: 1 }); // 0.08·3·1
      Object.assign(lab(s, 1), { cap: 10, aligned: 9, flaws: 0 }); // 0.08·2·1
    });
    forceDraws(s, [null, atLeast(0.24), atLeast(0.16)]);
    const { state, report } = play(s);
    expect(state.end).toBeNull();
    expect(state.history[0].catastropheRisk).toBe(0.362);
    // the true danger would reveal hidden flaws and capabilities
    expect(report.entries.filter((e) => e.seat === null && /\d+\s*%/.test(entryText(e)))).toEqual([]);
  });

  it("the first actor whose draw fires decides it", () => {
    const s = world((s) => {
      Object.assign(lab(s, 0), { cap: 11, aligned: 11, flaws: 1 });
      Object.assign(lab(s, 1), { cap: 10, aligned: 9, flaws: 0 });
    });
    forceDraws(s, [null, atLeast(0.24), below(0.16)]);
    expect(play(s).state.end).toMatchObject({ ending: "catastrophe", by: "lab", seat: 1 });
  });

  it("the 95% cap holds in play: a draw of 0.95 or more survives", () => {
    const s = world((s) => Object.assign(lab(s, 0), { cap: 11, aligned: 6, flaws: 0 })); // 0.08·3·5 = 1.2
    forceDraws(s, [null, atLeast(0.95)]);
    const { state } = play(s);
    expect(state.end).toBeNull();
    expect(state.history[0].catastropheRisk).toBe(0.95);
  });

  it("a neutralized world: rogue is no threat and a lab past TAI is no longer certain doom", () => {
    const s = world((s) => {
      s.world.neutralized = true;
      s.world.rogue = 20;
      Object.assign(lab(s, 0), { cap: 13, aligned: 12, flaws: 0 }); // 0.08·5·1 = 0.4
    });
    forceDraws(s, [atLeast(0.4)]); // no rogue draw in a neutralized world
    const { state } = play(s);
    expect(state.end).toBeNull();
    expect(state.history[0].catastropheRisk).toBe(0.4);
  });
});
