// Scoring: W = 0 → all zero; W + prestige with end-of-match role points; winners; round objectives; income.
import { describe, expect, it } from "vitest";
import { DOCTRINE_DEFS, FRONTIER_HELD_FROM, OBJECTIVE_POINTS } from "../src/content/doctrines.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import { finalScores, winners } from "../src/rules/scoring.js";
import type { MatchState } from "../src/rules/types.js";
import { lab, play, quietMatch } from "./helpers.js";

/** Five seats, one final round: lab 0 and lab 1 share the lead at cap 5. */
function finalRound(edit: (s: MatchState) => void = () => {}): MatchState {
  return quietMatch(["lab", "lab", "lab", "regulator", "researcher"], { rounds: 1 }, (s) => {
    Object.assign(lab(s, 0), { cap: 5, aligned: 5, flaws: 0, prod: 2 });
    Object.assign(lab(s, 1), { cap: 5, aligned: 5, flaws: 0, prod: 0 });
    Object.assign(lab(s, 2), { cap: 4, aligned: 4, flaws: 0, prod: 1 });
    s.world.policies.push("exportControls", "computeLicensing");
    s.world.regime = 1;
    [4, 1, 0, 2, 3].forEach((p, i) => (s.seats[i].prestige = p));
    edit(s);
  });
}

describe("final scores", () => {
  it("W + prestige, after role points: market share of products, market lead (ties share it), policies in force", () => {
    const { state } = play(finalRound());
    expect(state.end).toMatchObject({ ending: "precarious", worldValue: 30 });
    const prestige = [
      4 + 4 + 3, // lab 0: 2 of the 3 products on the market (6 × 2/3) + market lead
      1 + 0 + 3, // lab 1: tied lead
      0 + 2, // lab 2: 1 of 3 products (6 × 1/3)
      2 + 2, // regulator: 2 policies in force (the unenforced regime lapsed; regime steps pay nothing at the end)
      3, // researcher: no end-of-match points
    ];
    expect(state.seats.map((x) => x.prestige)).toEqual(prestige);
    expect(state.scores).toEqual(prestige.map((p) => 30 + p));
    expect(state.seats[0].prestigeBy).toMatchObject({ revenue: 4, marketLead: 3 });
    expect(state.seats[3].prestigeBy).toMatchObject({ legitimacy: 2 });
    expect(winners(state)).toEqual([0]);
  });

  it("W = 0: every score is 0 whatever the prestige, and nobody wins", () => {
    const { state } = play(finalRound((s) => Object.assign(lab(s, 2), { cap: 12, aligned: 11 })));
    expect(state.end).toMatchObject({ ending: "catastrophe", worldValue: 0 });
    expect(state.seats.some((x) => x.prestige > 0)).toBe(true);
    expect(state.scores).toEqual([0, 0, 0, 0, 0]);
    expect(winners(state)).toEqual([]);
  });

  it.each([
    // W, prestige per seat → scores
    [100, [0, 7, 7], [100, 107, 107]],
    [60, [3, 0, 1], [63, 60, 61]],
    [0, [9, 9, 9], [0, 0, 0]],
  ])("finalScores with W %s and prestige %j → %j (researchers only: no role points)", (W, prestige, scores) => {
    const s = quietMatch(["researcher", "researcher", "researcher"]);
    prestige.forEach((p, i) => (s.seats[i].prestige = p));
    s.end = { ending: W === 0 ? "catastrophe" : "secure", round: 1, by: "time", cause: "test", worldValue: W };
    expect(finalScores(s)).toEqual(scores);
  });

  it("winners: every seat with the top score", () => {
    const s = quietMatch(["researcher", "researcher", "researcher"]);
    s.end = { ending: "precarious", round: 1, by: "time", cause: "test", worldValue: 30 };
    s.scores = [40, 45, 45];
    expect(winners(s)).toEqual([1, 2]);
    s.scores = null;
    expect(winners(s)).toEqual([]);
  });
});

describe("objectives credited each round", () => {
  it.each([
    // a lab researches capability this round?, butlerian +1
    [false, 1],
    [true, 0],
  ])("butlerians score +1 when the frontier did not advance (capability research: %s → +%s)", (research, pts) => {
    const s = quietMatch(["lab", "regulator:butlerian"], { taiThreshold: 20 }, (s) => {
      lab(s, 0).cap = 8;
      s.round = FRONTIER_HELD_FROM;
    });
    const { state } = play(s, { 0: research ? [{ kind: "capability" }] : [] });
    expect(state.seats[1].prestigeBy.objectives ?? 0).toBe(pts);
  });

  it.each([
    // (2.3) round 1 pays nothing: nobody could have advanced the frontier yet; a rules-2.2 record still pays it.
    // (2.5) nor does round 2 (a free point tipped the fast world's shares toward butlerian seats); a 2.4 record pays it.
    [RULES_VERSION, 1, 0],
    [RULES_VERSION, 2, 0],
    [RULES_VERSION, 3, 1],
    ["2.4.0", 1, 0],
    ["2.4.0", 2, 1],
    ["2.2.0", 1, 1],
  ])("a frontier held under rules %s in round %s pays the butlerian objective +%s", (version, round, pts) => {
    const s = quietMatch(["lab", "regulator:butlerian"], { taiThreshold: 20 }, (s) => {
      s.rulesVersion = version as string;
      lab(s, 0).cap = 8;
    });
    expect(s.round).toBe(1);
    s.round = round as number;
    // quietMatch made the params under today's version: take the record's value (as replay does).
    s.params = {
      ...s.params,
      frontierHeldFrom: scenarioParams(s.scenario, undefined, version as string).frontierHeldFrom,
    };
    const { state } = play(s, {});
    expect(state.seats[1].prestigeBy.objectives ?? 0).toBe(pts);
    expect(FRONTIER_HELD_FROM).toBe(3);
  });

  it("the classroom's short match pays a held frontier from round 2", () => {
    expect(scenarioParams("classroom").frontierHeldFrom).toBe(2);
    const s = quietMatch(["lab", "regulator:butlerian"], { taiThreshold: 20, frontierHeldFrom: 2 }, (s) => {
      lab(s, 0).cap = 8;
      s.round = 2;
    });
    expect(play(s, {}).state.seats[1].prestigeBy.objectives).toBe(1);
  });

  it("a lab catching up below the frontier does not advance it", () => {
    const s = quietMatch(["lab", "lab", "regulator:butlerian"], { taiThreshold: 20 }, (s) => {
      Object.assign(lab(s, 0), { cap: 3, aligned: 0 });
      Object.assign(lab(s, 1), { cap: 9, aligned: 9, flaws: 0 });
      s.mods.paradigmBoost = 0;
    });
    s.round = FRONTIER_HELD_FROM;
    const { state } = play(s, { 0: [{ kind: "capability" }] }); // at most +3: still below 9
    expect(lab(state, 0).cap).toBeLessThan(9);
    expect(state.seats[2].prestigeBy.objectives).toBe(1);
    expect(state.world.frontier).toBe(9);
  });
});

describe("income at the end of each round", () => {
  it.each([
    // will → regulator influence income 1 + ⌊will/2⌋
    [0, 1],
    [1, 1],
    [3, 2],
    [6, 4],
    [10, 6],
  ])("at will %s a regulator gains %s influence and 1 fund", (will, inf) => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => (s.world.will = will));
    const { state } = play(s);
    expect(state.seats[1].influence).toBe(3 + inf);
    expect(state.seats[1].funds).toBe(2 + 1);
  });

  it.each([
    // products → lab income 3 + products
    [0, 3],
    [2, 5],
  ])("a lab with %s products gains %s funds; a researcher gains 2", (prod, income) => {
    const s = quietMatch(["lab", "researcher"], {}, (s) => Object.assign(lab(s, 0), { prod, flaws: 0 }));
    const { state } = play(s);
    expect(state.seats[0].funds).toBe(6 + income);
    expect(state.seats[1].funds).toBe(3 + 2);
  });
});

// The doctrine cards tell players what the engine pays: each amount in OBJECTIVE_POINTS appears in its text.
describe("objective texts state the engine's amounts", () => {
  it.each([
    ["conservative", `+${OBJECTIVE_POINTS.milestoneBeforeDanger} for each theory milestone`],
    ["conservative", `+${OBJECTIVE_POINTS.defenseOnTheory} for a defense built on theory milestone 2`],
    ["incrementalist", `+${OBJECTIVE_POINTS.validatedLevel} for each capability level above the starting one`],
    ["incrementalist", `+${OBJECTIVE_POINTS.defenseBuilt} for any defense built`],
    [
      "butlerian",
      `+${OBJECTIVE_POINTS.frontierHeld} for each round the frontier did not advance, from round ${FRONTIER_HELD_FROM} on`,
    ],
    ["butlerian", `+${OBJECTIVE_POINTS.regimeComplete} the first time the monitoring regime is completed`],
    ["transhumanist", `+${OBJECTIVE_POINTS.augStage} for each augmentation stage reached`],
    ["transhumanist", `+${OBJECTIVE_POINTS.handoff} if augmented successors take over safely`],
  ] as const)("%s: %s", (doctrine, phrase) => {
    expect(DOCTRINE_DEFS[doctrine].objectives).toContain(phrase);
  });
});
