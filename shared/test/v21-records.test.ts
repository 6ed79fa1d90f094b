// Records made under rules 2.1 (and 2.0) still replay exactly: rules 2.2 changed scenario numbers (the rogue track's
// start, the classroom's augmentation pace), and `scenarioParams` gives such a record the numbers it was played with.
import { describe, expect, it } from "vitest";
import { isRules21, RULES_2_1_PARAMS } from "../src/content/legacy.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { replay } from "../src/rules/resolve.js";
import { RULES_VERSION, scenarioParams } from "../src/rules/state.js";
import { fixtures, summarize } from "./golden/cases.js";

const { files, load } = fixtures("v2.1");

describe("rules 2.1 records", () => {
  it("the fixtures are rules 2.1 records and today's rules are newer", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(isRules21(load(f).record.rulesVersion)).toBe(true);
    expect(isRules21(RULES_VERSION)).toBe(false);
  });

  it.each(files)("%s replays to the summary it had under rules 2.1", (f) => {
    const g = load(f);
    const { state } = replay(g.record);
    expect(state.rulesVersion).toBe(g.record.rulesVersion);
    expect(state.params.startRogue).toBe(4);
    expect(summarize(state)).toEqual(g.summary);
  });

  it("every scenario's 2.1 numbers differ from 2.2's only where 2.2 changed them, and overrides still win", () => {
    for (const id of SCENARIO_IDS) {
      // Later versions' changes are their own tests' business (v22, v23).
      const now = scenarioParams(id, undefined, "2.2.0");
      const then = scenarioParams(id, undefined, "2.1.0");
      expect(then.startRogue).toBe(4);
      expect(now.startRogue).toBeGreaterThan(4);
      for (const k of Object.keys(now) as (keyof typeof now)[])
        if (!(k in RULES_2_1_PARAMS[id])) expect(then[k]).toEqual(now[k]);
      expect(scenarioParams(id, { startRogue: 5 }, "2.1.0").startRogue).toBe(5);
    }
  });
});
