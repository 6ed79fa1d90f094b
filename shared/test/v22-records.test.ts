// Records made under rules 2.2 still replay exactly: rules 2.3 changed one counting rule (the butlerian objective pays
// for a held frontier from round 2), and a 2.2 record is scored as it was played (content/legacy.ts RULES_2_2_PARAMS).
import { describe, expect, it } from "vitest";
import { isBeforeRules23, isRules21, RULES_2_2_PARAMS } from "../src/content/legacy.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { replay } from "../src/rules/resolve.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import { oldRecordTests } from "./golden/old-records.js";

describe("rules 2.2 records", () => {
  const { files, load } = oldRecordTests("v2.2", "2.2", isBeforeRules23, isRules21);

  it("every scenario's 2.2 numbers differ from 2.3's only where 2.3 changed them, and overrides still win", () => {
    for (const id of SCENARIO_IDS) {
      const now = scenarioParams(id, undefined, "2.3.0");
      const then = scenarioParams(id, undefined, "2.2.0");
      for (const k of Object.keys(now) as (keyof typeof now)[])
        if (!(k in (RULES_2_2_PARAMS[id] ?? {}))) expect(then[k]).toEqual(now[k]);
    }
    expect(scenarioParams("classroom", undefined, "2.2.0").absorb).toBe(3);
    expect(scenarioParams("classroom", undefined, "2.3.0").absorb).toBe(4);
    expect(scenarioParams("classroom", { absorb: 2 }, "2.2.0").absorb).toBe(2);
    // A 2.1 record keeps its own numbers over 2.2's.
    expect(scenarioParams("classroom", undefined, "2.1.0").absorb).toBe(2);
  });

  it("replayed as rules 2.3, a record with a butlerian seat scores round 1's held frontier no more", () => {
    const g = load(files.find((f) => f.startsWith("baseline"))!);
    const butlerian = g.record.seats.findIndex((s) => s.doctrine === "butlerian");
    expect(butlerian).toBeGreaterThanOrEqual(0);
    const then = replay(g.record).state;
    const now = replay({ ...g.record, rulesVersion: RULES_VERSION }).state;
    expect(now.seats[butlerian].prestigeBy.objectives ?? 0).toBeLessThan(
      then.seats[butlerian].prestigeBy.objectives ?? 0,
    );
  });
});
