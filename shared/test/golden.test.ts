// Golden replays: stored records must still replay to their stored final summaries.
import { entryText } from "../src/content/report-texts.js";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { replay } from "../src/rules/resolve.js";
import { RULES_VERSION } from "../src/rules/state.js";
import { GOLDEN_CASES, summarize, UPDATE_COMMAND, type GoldenFile } from "./golden/cases.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "golden");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();
const load = (f: string): GoldenFile => JSON.parse(readFileSync(join(dir, f), "utf8"));
const HOW = `If the rules change is intended, regenerate the fixtures from the repository root with:\n    ${UPDATE_COMMAND}\nand review the diff of shared/test/golden/*.json.`;

describe("golden replays", () => {
  it("there is one fixture per golden case", () => {
    expect(files, HOW).toEqual(GOLDEN_CASES.map((c) => `${c.name}.json`).sort());
  });

  it.each(files)("%s replays to its stored summary", (f) => {
    const g = load(f);
    const { state, reports } = replay(g.record);
    expect(state.phase, `${f}: the record no longer plays to the end. ${HOW}`).toBe("ended");
    expect(reports).toHaveLength(g.record.ordersByRound.length);
    expect(summarize(state), `${f}: the replay no longer matches the stored summary. ${HOW}`).toEqual(g.summary);
  });

  it.each(files)("%s: no stored order is refused by today's rules", (f) => {
    const { reports } = replay(load(f).record);
    const refused = reports
      .flatMap((r) => r.entries)
      .filter((e) => entryText(e).startsWith("Your orders were refused"));
    expect(refused, `${f}: ${HOW}`).toEqual([]);
  });

  it.each(files)("%s was recorded under the current rules version", (f) => {
    expect(load(f).record.rulesVersion, HOW).toBe(RULES_VERSION);
  });

  it("the classroom fixture carries a facilitator inject that shows in the next round's news", () => {
    const g = load("classroom-seed3.json");
    const r = g.record.extrasByRound!.findIndex((x) => x?.inject);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(g.summary.news[r + 1][0]).toBe(g.record.extrasByRound![r]!.inject);
  });
});
