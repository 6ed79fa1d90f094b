// Records made under rules 2.6 still replay exactly: rules 2.7 changed one scenario number (outside the classroom,
// augmentation past the legal limit goes at 0.85 pace, was the engine's 0.75), and a 2.6 record replays with the number
// it was played with (content/legacy.ts RULES_2_6_PARAMS).
import { describe, expect, it } from "vitest";
import { AUGMENT } from "../src/rules/augmentation.js";
import { isBeforeRules26, isBeforeRules27, RULES_2_6_PARAMS } from "../src/content/legacy.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { createMatch, resolveRound } from "../src/rules/resolve.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import type { SeatOrders } from "../src/rules/types.js";
import { oldRecordTests } from "./golden/old-records.js";

describe("rules 2.6 records", () => {
  const { files } = oldRecordTests("v2.6", "2.6", isBeforeRules27, isBeforeRules26);

  it("every scenario's 2.6 numbers differ from today's only where 2.7 changed them, and overrides still win", () => {
    expect(isBeforeRules27(RULES_VERSION)).toBe(false);
    for (const id of SCENARIO_IDS) {
      const now = scenarioParams(id);
      const then = scenarioParams(id, undefined, "2.6.0");
      for (const k of Object.keys(now) as (keyof typeof now)[]) {
        if (k in (RULES_2_6_PARAMS[id] ?? {})) expect(then[k], `${id}.${k}`).not.toEqual(now[k]);
        else expect(then[k], `${id}.${k}`).toEqual(now[k]);
      }
    }
    for (const id of ["baseline", "leaky", "fast", "slow"]) {
      expect(scenarioParams(id).augBeyond).toBe(0.85);
      expect(scenarioParams(id, undefined, "2.6.0").augBeyond ?? AUGMENT.beyondLimit).toBe(0.75);
    }
    // the classroom keeps its own pace; older records keep their own older numbers (2.5's classroom, 2.1's)
    expect(scenarioParams("classroom").augBeyond).toBe(1.75);
    expect(scenarioParams("classroom", undefined, "2.6.0").augBeyond).toBe(1.75);
    expect(scenarioParams("classroom", undefined, "2.5.0").augBeyond).toBe(1.25);
    expect(scenarioParams("classroom", undefined, "2.1.0").augBeyond).toBe(0.875);
    expect(scenarioParams("baseline", undefined, "2.1.0").augBeyond ?? AUGMENT.beyondLimit).toBe(0.75);
    expect(scenarioParams("baseline", { augBeyond: 2 }, "2.6.0").augBeyond).toBe(2);
    expect(files.length).toBe(3);
  });

  it("a legal epigenetic step past the limit adds 0.85 stage under 2.7 and 0.75 under 2.6", () => {
    const step = (rulesVersion?: string) => {
      const seats = [{ name: "R", role: "researcher" as const, doctrine: "transhumanist" as const }];
      const s = createMatch({ scenario: "baseline", seed: 1, seats, rulesVersion });
      s.world.aug = 2;
      s.world.policies.push("augmentationLegal");
      const orders: SeatOrders[] = [{ actions: [{ kind: "augmentation", route: "epigenetic" }] }];
      return resolveRound(s, orders, null, { report: false }).state.world.aug - 2;
    };
    expect(step()).toBeCloseTo(AUGMENT.epigenetic * 0.85, 9);
    expect(step("2.6.0")).toBeCloseTo(AUGMENT.epigenetic * 0.75, 9);
  });
});
