// Records made under rules 2.3 still replay exactly: rules 2.4 changed numbers only (the classroom's regime needs political
// will 8, rogue actors absorb more and start closer), and a 2.3 record replays with the numbers it was played with
// (content/legacy.ts RULES_2_3_PARAMS).
import { describe, expect, it } from "vitest";
import { isBeforeRules23, isBeforeRules24, RULES_2_3_PARAMS } from "../src/content/legacy.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { replay } from "../src/rules/resolve.js";
import { seatView } from "../src/rules/view.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import { oldRecordTests } from "./golden/old-records.js";

describe("rules 2.3 records", () => {
  const { files, load } = oldRecordTests("v2.3", "2.3", isBeforeRules24, isBeforeRules23);

  it("every scenario's 2.3 numbers differ from 2.4's only where 2.4 changed them, and overrides still win", () => {
    for (const id of SCENARIO_IDS) {
      const now = scenarioParams(id, undefined, "2.4.0");
      const then = scenarioParams(id, undefined, "2.3.0");
      for (const k of Object.keys(now) as (keyof typeof now)[])
        if (!(k in (RULES_2_3_PARAMS[id] ?? {}))) expect(then[k]).toEqual(now[k]);
    }
    expect(scenarioParams("classroom").regimeWill).toBe(8);
    expect(scenarioParams("classroom", undefined, "2.3.0").regimeWill).toBeUndefined();
    expect(scenarioParams("classroom", { regimeWill: 7 }, "2.3.0").regimeWill).toBe(7);
    expect(scenarioParams("baseline").regimeWill).toBeUndefined();
    expect(scenarioParams("baseline", undefined, "2.3.0").absorb).toBe(3);
    expect(scenarioParams("baseline").absorb).toBe(3.5);
    // a 2.2 record keeps 2.2's classroom absorb (3), over 2.3's (4)
    expect(scenarioParams("classroom", undefined, "2.2.0").absorb).toBe(3);
    expect(scenarioParams("classroom", undefined, "2.3.0").absorb).toBe(4);
  });

  it("a 2.3 classroom record shows its seats the will the regime needed then (6), a 2.4 one 8", () => {
    const g = load(files.find((f) => f.startsWith("classroom"))!);
    const then = replay(g.record).state;
    const now = replay({ ...g.record, rulesVersion: RULES_VERSION }).state;
    expect(seatView(then, 0).world.regimeWill).toBe(6);
    expect(seatView(now, 0).world.regimeWill).toBe(8);
  });
});
