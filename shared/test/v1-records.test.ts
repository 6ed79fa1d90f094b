// Records made under rules 1 still open: they replay, exactly, on the frozen rules 1 engine they were made with.
import { entryText } from "../src/content/report-texts.js";
import { describe, expect, it } from "vitest";
import { createMatch, isRulesV1, replay, resolveRound } from "../src/rules/resolve.js";
import { RULES_VERSION } from "../src/rules/state.js";
import { publicView, seatView } from "../src/rules/view.js";
import { fixtures, summarize } from "./golden/cases.js";

const { files, load } = fixtures("v1");

describe("rules 1 records", () => {
  it("today's rules are version 2 and the frozen fixtures are version 1", () => {
    expect(RULES_VERSION.startsWith("2.")).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(isRulesV1(load(f).record.rulesVersion)).toBe(true);
  });

  it.each(files)("%s replays to the summary it had under rules 1", (f) => {
    const g = load(f);
    const { state, reports } = replay(g.record);
    expect(state.rulesVersion).toBe(g.record.rulesVersion);
    expect(state.phase).toBe("ended");
    expect(reports).toHaveLength(g.record.ordersByRound.length);
    expect(summarize(state)).toEqual(g.summary);
    expect(
      reports.flatMap((r) => r.entries).filter((e) => entryText(e).startsWith("Your orders were refused")),
    ).toEqual([]);
  });

  it.each(files)("%s: its states can still be viewed (public and per seat) at every round", (f) => {
    const g = load(f);
    let s = createMatch({
      scenario: g.record.scenario,
      seed: g.record.seed,
      seats: g.record.seats,
      overrides: g.record.overrides,
      rulesVersion: g.record.rulesVersion,
    });
    for (const orders of g.record.ordersByRound) {
      if (s.phase === "ended") break;
      expect(() => publicView(s)).not.toThrow();
      for (let i = 0; i < s.seats.length; i++) expect(seatView(s, i).me.id).toBe(i);
      s = resolveRound(s, orders).state;
    }
    expect(publicView(s).end?.ending).toBe(g.summary.ending);
  });
});
