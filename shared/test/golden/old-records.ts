// The two tests every "records of an older rules version" suite shares: the fixtures are of that version (and today's
// rules are newer), and each replays to the summary it had then.
import { expect, it } from "vitest";
import { replay } from "../../src/rules/resolve.js";
import { RULES_VERSION } from "../../src/rules/state.js";
import { fixtures, summarize, type GoldenFile } from "./cases.js";

export function oldRecordTests(
  folder: string,
  version: string,
  isOld: (v: string) => boolean,
  isOlder: (v: string) => boolean,
): { files: string[]; load: (f: string) => GoldenFile } {
  const { files, load } = fixtures(folder);
  it(`the fixtures are rules ${version} records and today's rules are newer`, () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const v = load(f).record.rulesVersion;
      expect(v.startsWith(`${version}.`)).toBe(true);
      expect(isOld(v)).toBe(true);
      expect(isOlder(v)).toBe(false);
    }
    expect(isOld(RULES_VERSION)).toBe(false);
  });

  it.each(files)(`%s replays to the summary it had under rules ${version}`, (f) => {
    const g = load(f);
    const { state } = replay(g.record);
    expect(state.rulesVersion).toBe(g.record.rulesVersion);
    expect(summarize(state)).toEqual(g.summary);
  });
  return { files, load };
}
