// Records made under rules 2.4 still replay exactly: rules 2.5 changed two numbers (outside the classroom the butlerian
// objective pays for a held frontier from round 3, not 2; the classroom's safe augmentation route drifts 0.3, not
// 0.325), and a 2.4 record replays with the numbers it was played with (content/legacy.ts RULES_2_4_PARAMS).
import { describe, expect, it } from "vitest";
import { isBeforeRules24, isBeforeRules25, RULES_2_4_PARAMS } from "../src/content/legacy.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { createMatch, resolveRound } from "../src/rules/resolve.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import type { Doctrine, MatchState } from "../src/rules/types.js";
import { oldRecordTests } from "./golden/old-records.js";

/** Butlerian objective points after `rounds` rounds in which nobody orders anything (the frontier holds). */
function heldPoints(scenario: string, rulesVersion: string | undefined, rounds: number): number {
  const doctrines: Doctrine[] = [
    "butlerian",
    "conservative",
    "incrementalist",
    "transhumanist",
    "butlerian",
    "conservative",
  ];
  let s: MatchState = createMatch({
    scenario,
    seed: 4,
    seats: ["lab", "lab", "lab", "regulator", "researcher", "researcher"].map((role, i) => ({
      name: `S${i}`,
      role: role as "lab",
      doctrine: doctrines[i],
    })),
    rulesVersion,
    overrides: { eventsPerRound: 0 },
  });
  for (let r = 0; r < rounds && s.phase !== "ended"; r++)
    s = resolveRound(
      s,
      s.seats.map(() => ({ actions: [] })),
      null,
      { report: false },
    ).state;
  return s.seats[4].prestigeBy?.objectives ?? 0;
}

describe("rules 2.4 records", () => {
  const { files } = oldRecordTests("v2.4", "2.4", isBeforeRules25, isBeforeRules24);

  it("every scenario's 2.4 numbers differ from today's only where 2.5 changed them, and overrides still win", () => {
    for (const id of SCENARIO_IDS) {
      const now = scenarioParams(id, undefined, "2.5.0");
      const then = scenarioParams(id, undefined, "2.4.0");
      for (const k of Object.keys(now) as (keyof typeof now)[])
        if (!(k in (RULES_2_4_PARAMS[id] ?? {}))) expect(then[k]).toEqual(now[k]);
    }
    for (const id of ["baseline", "leaky", "fast", "slow"]) {
      expect(scenarioParams(id).frontierHeldFrom).toBeUndefined();
      expect(scenarioParams(id, undefined, "2.4.0").frontierHeldFrom).toBe(2);
      expect(scenarioParams(id, { frontierHeldFrom: 4 }, "2.4.0").frontierHeldFrom).toBe(4);
    }
    // the classroom pays from round 2 in both; its safe route drifts 0.3 (2.4: 0.325), and a 2.3 record keeps 2.3's 0.275
    expect(scenarioParams("classroom", undefined, "2.4.0").frontierHeldFrom).toBe(2);
    expect(scenarioParams("classroom").frontierHeldFrom).toBe(2);
    expect(scenarioParams("classroom").driftBeyond).toBe(0.3);
    expect(scenarioParams("classroom", undefined, "2.4.0").driftBeyond).toBe(0.325);
    expect(scenarioParams("classroom", undefined, "2.3.0").driftBeyond).toBe(0.275);
    expect(files.length).toBe(3);
  });

  it("a held frontier pays a butlerian seat from round 3 under 2.5, from round 2 under 2.4 and in the classroom", () => {
    expect(isBeforeRules25(RULES_VERSION)).toBe(false);
    // Three rounds of nothing: 2.5 pays round 3 only, 2.4 rounds 2 and 3, 2.2 all three.
    expect(heldPoints("baseline", RULES_VERSION, 3)).toBe(1);
    expect(heldPoints("baseline", "2.4.0", 3)).toBe(2);
    expect(heldPoints("baseline", "2.2.0", 3)).toBe(3);
    expect(heldPoints("classroom", RULES_VERSION, 3)).toBe(2);
    // An override wins over the scenario and the version.
    const s = createMatch({
      scenario: "baseline",
      seed: 1,
      seats: [{ name: "A", role: "lab", doctrine: "butlerian" }],
      overrides: { frontierHeldFrom: 5 },
    });
    expect(s.params.frontierHeldFrom).toBe(5);
  });
});
