// Records made under rules 2.3 still replay exactly: rules 2.4 changed numbers only (the classroom's regime needs political
// will 8, rogue actors absorb more and start closer), and a 2.3 record replays with the numbers it was played with
// (content/legacy.ts RULES_2_3_PARAMS).
import { describe, expect, it } from "vitest";
import { isBeforeRules23, isBeforeRules24, RULES_2_3_PARAMS } from "../src/content/legacy.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { replay } from "../src/rules/resolve.js";
import { seatView } from "../src/rules/view.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import { fixtures, summarize } from "./golden/cases.js";

const { files, load } = fixtures("v2.3");

describe("rules 2.3 records", () => {
  it("the fixtures are rules 2.3 records and today's rules are newer", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const v = load(f).record.rulesVersion;
      expect(v.startsWith("2.3.")).toBe(true);
      expect(isBeforeRules24(v)).toBe(true);
      expect(isBeforeRules23(v)).toBe(false);
    }
    expect(isBeforeRules24(RULES_VERSION)).toBe(false);
  });

  it.each(files)("%s replays to the summary it had under rules 2.3", (f) => {
    const g = load(f);
    const { state } = replay(g.record);
    expect(state.rulesVersion).toBe(g.record.rulesVersion);
    expect(summarize(state)).toEqual(g.summary);
  });

  it("every scenario's 2.3 numbers differ from today's only where 2.4 changed them, and overrides still win", () => {
    for (const id of SCENARIO_IDS) {
      const now = scenarioParams(id);
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
