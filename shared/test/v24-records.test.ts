// Records made under rules 2.4 still replay exactly: rules 2.5 changed numbers only (outside the classroom the regime
// needs political will 7 and rogue actors absorb 5 a point of leaked capability), and a 2.4 record replays with the
// numbers it was played with (content/legacy.ts RULES_2_4_PARAMS).
import { describe, expect, it } from "vitest";
import { isBeforeRules24, isBeforeRules25, RULES_2_4_PARAMS } from "../src/content/legacy.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { replay } from "../src/rules/resolve.js";
import { seatView } from "../src/rules/view.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import { oldRecordTests } from "./golden/old-records.js";

describe("rules 2.4 records", () => {
  const { files, load } = oldRecordTests("v2.4", "2.4", isBeforeRules25, isBeforeRules24);

  it("every scenario's 2.4 numbers differ from today's only where 2.5 changed them, and overrides still win", () => {
    for (const id of SCENARIO_IDS) {
      const now = scenarioParams(id);
      const then = scenarioParams(id, undefined, "2.4.0");
      for (const k of Object.keys(now) as (keyof typeof now)[])
        if (!(k in (RULES_2_4_PARAMS[id] ?? {}))) expect(then[k]).toEqual(now[k]);
    }
    for (const id of ["baseline", "leaky", "fast", "slow"]) {
      expect(scenarioParams(id).regimeWill).toBe(7);
      expect(scenarioParams(id).absorb).toBe(5);
      expect(scenarioParams(id, undefined, "2.4.0").regimeWill).toBeUndefined();
      expect(scenarioParams(id, undefined, "2.4.0").absorb).toBe(3.5);
      expect(scenarioParams(id, { absorb: 4 }, "2.4.0").absorb).toBe(4);
    }
    // the classroom did not change, and a 2.3 baseline record keeps 2.3's absorb (3) over 2.4's (3.5)
    expect(scenarioParams("classroom", undefined, "2.4.0")).toEqual(scenarioParams("classroom"));
    expect(scenarioParams("baseline", undefined, "2.3.0").absorb).toBe(3);
  });

  it("a 2.4 baseline record shows its seats the will the regime needed then (6), a 2.5 one 7", () => {
    const g = load(files.find((f) => f.startsWith("baseline"))!);
    const then = replay(g.record).state;
    const now = replay({ ...g.record, rulesVersion: RULES_VERSION }).state;
    expect(seatView(then, 0).world.regimeWill).toBe(6);
    expect(seatView(now, 0).world.regimeWill).toBe(7);
  });
});
