// Records made under rules 2.5 still replay exactly: rules 2.6 changed scenario numbers only (baseline, leaky and slow a
// little more dangerous, the classroom's lesson re-balanced, so that the ending targets hold on any seed), and a 2.5
// record replays with the numbers it was played with (content/legacy.ts RULES_2_5_PARAMS).
import { describe, expect, it } from "vitest";
import { isBeforeRules25, isBeforeRules26, RULES_2_5_PARAMS } from "../src/content/legacy.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { createMatch } from "../src/rules/resolve.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import { oldRecordTests } from "./golden/old-records.js";

describe("rules 2.5 records", () => {
  const { files } = oldRecordTests("v2.5", "2.5", isBeforeRules26, isBeforeRules25);

  it("every scenario's 2.5 numbers differ from today's only where 2.6 changed them, and overrides still win", () => {
    expect(isBeforeRules26(RULES_VERSION)).toBe(false);
    for (const id of SCENARIO_IDS) {
      const now = scenarioParams(id, undefined, "2.6.0");
      const then = scenarioParams(id, undefined, "2.5.0");
      for (const k of Object.keys(now) as (keyof typeof now)[]) {
        if (k in (RULES_2_5_PARAMS[id] ?? {})) expect(then[k], `${id}.${k}`).not.toEqual(now[k]);
        else expect(then[k], `${id}.${k}`).toEqual(now[k]);
      }
    }
    expect(scenarioParams("baseline").volatility).toBe(1.5);
    expect(scenarioParams("baseline", undefined, "2.5.0").volatility).toBe(1);
    expect(scenarioParams("slow", undefined, "2.5.0").deception).toBe(0.6);
    expect(scenarioParams("slow").deception).toBe(0.9);
    expect(scenarioParams("classroom", undefined, "2.5.0").startTheory).toBe(0);
    expect(scenarioParams("classroom").startTheory).toBe(2);
    // older records keep their own older numbers over 2.5's (2.4's classroom drift, 2.1's absent driftBeyond)
    expect(scenarioParams("classroom", undefined, "2.4.0").driftBeyond).toBe(0.325);
    expect(scenarioParams("classroom", undefined, "2.4.0").legalWill).toBe(8);
    expect(scenarioParams("baseline", undefined, "2.1.0").volatility).toBe(1);
    expect(scenarioParams("baseline", { volatility: 3 }, "2.5.0").volatility).toBe(3);
    expect(files.length).toBe(3);
  });

  it("a 2.6 classroom match starts with theory 2 and a 2.5 one with none", () => {
    const seats = [{ name: "A", role: "lab" as const, doctrine: "conservative" as const }];
    expect(createMatch({ scenario: "classroom", seed: 1, seats }).world.theory).toBe(2);
    expect(createMatch({ scenario: "classroom", seed: 1, seats, rulesVersion: "2.5.0" }).world.theory).toBe(0);
  });
});
