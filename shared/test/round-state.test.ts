// A round's report in the state patch: the room's `report` field (public part and history row) and each seat's
// `notes` give back exactly what `reportFor` gives that seat, for any match and audience; ReportLog appends each new
// round once, after the backlog (or once the state showed no resolved round).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeRoundState, encodeNotes, encodeRoundState, withNotes } from "../src/protocol/report-wire.js";
import { ReportLog } from "../src/protocol/report-log.js";
import { reportFor } from "../src/rules/resolve.js";
import type { RoundReport } from "../src/rules/types.js";
import { publicRow } from "../src/rules/view.js";
import { matchSpecArb, playRandomMatch } from "./random-match.js";

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("round report in the state", () => {
  it("public part + a seat's notes = reportFor(report, seat), for every round and audience of random matches", () => {
    let privateNotes = 0;
    fc.assert(
      fc.property(matchSpecArb, (spec) => {
        const played = playRandomMatch(spec);
        const rows = played.states.slice(1).map((s) => publicRow(s.history.at(-1)!));
        played.reports.forEach((r, i) => {
          const pub = decodeRoundState(encodeRoundState(r, rows[i]))!;
          expect(pub.row).toEqual(plain(rows[i]));
          expect(withNotes(pub.report, "")).toEqual(plain(reportFor(r, null)));
          played.states[0].seats.forEach((_, seat) => {
            const notes = encodeNotes(r, seat);
            privateNotes += (JSON.parse(notes)[1] as unknown[]).length / 2;
            expect(withNotes(pub.report, notes)).toEqual(plain(reportFor(r, seat)));
            // Notes of another round change nothing.
            if (i > 0)
              expect(withNotes(pub.report, encodeNotes(played.reports[i - 1], seat)).entries).toEqual(
                pub.report.entries,
              );
          });
        });
      }),
      { numRuns: 20, seed: 5 },
    );
    expect(privateNotes).toBeGreaterThan(50);
  });

  it("args travel as flat lists: listed names as their index, others as themselves", () => {
    const r: RoundReport = {
      round: 3,
      news: [],
      entries: [
        { seat: null, concept: "leak", key: "leakRumour", args: { name: "Lab 1", n: 2, zz: true, "": "e" } },
        { seat: 1, concept: "grant", key: "grantMade", args: { amount: 2, d: -1 } },
        { seat: null, concept: "x", key: "notAKey", args: {} },
      ],
      end: null,
    };
    const raw = encodeRoundState(r, undefined);
    expect(raw).toContain('[0,"Lab 1",21,2,"zz",true,"","e"]');
    const pub = decodeRoundState(raw)!;
    expect(pub.row).toBeNull();
    expect(withNotes(pub.report, encodeNotes(r, 1))).toEqual(r);
    expect(withNotes(pub.report, encodeNotes(r, 0))).toEqual({ ...r, entries: [r.entries[0], r.entries[2]] });
  });

  it("unreadable fields are ignored, never thrown", () => {
    expect(decodeRoundState("")).toBeNull();
    expect(decodeRoundState("{not json")).toBeNull();
    const r = { round: 1, news: [], entries: [], end: null };
    expect(withNotes(r, "{x")).toBe(r);
    expect(withNotes(r, "[1,[0]]")).toEqual(r);
  });

  it("ReportLog: the state's round is taken after the backlog, once, with the seat's notes", () => {
    const played = fc
      .sample(matchSpecArb, { numRuns: 20, seed: 11 })
      .map(playRandomMatch)
      .find((p) => p.reports.length >= 3)!;
    const rows = played.states.slice(1).map((s) => publicRow(s.history.at(-1)!));
    const seat = 0;
    const state = (i: number) => ({
      phase: "report",
      report: encodeRoundState(played.reports[i], rows[i]),
      secrets: new Map([[String(seat), { notes: encodeNotes(played.reports[i], seat) }]]),
    });
    const log = new ReportLog();
    expect(log.state(state(0), seat)).toBeNull(); // no backlog yet: the backlog will bring it
    log.message({ replace: true, reports: [reportFor(played.reports[0], seat)], history: [rows[0]] });
    expect(log.state(state(0), seat)).toBeNull(); // already held
    const before = log.reports;
    const got = log.state(state(1), seat);
    expect(got).toEqual(plain(reportFor(played.reports[1], seat)));
    expect(log.reports).not.toBe(before); // a new array: stores see the change
    expect(log.reports.map((r) => r.round)).toEqual([1, 2]);
    expect(log.history).toEqual(plain([rows[0], rows[1]]));
    expect(log.state(state(1), seat)).toBeNull();
    log.reset();
    expect(log.reports).toEqual([]);
    expect(log.state(state(2), seat)).toBeNull();
    // A client that saw the room with no round resolved (the lobby, the first round) misses nothing: no backlog needed.
    const fresh = new ReportLog();
    expect(fresh.state({ phase: "lobby" }, seat)).toBeNull();
    expect(fresh.state({ phase: "orders", report: "" }, seat)).toBeNull();
    expect(fresh.state(state(0), seat)).toEqual(plain(reportFor(played.reports[0], seat)));
    expect(fresh.history).toEqual(plain([rows[0]]));
    // A state not yet arrived (no phase) says nothing.
    const none = new ReportLog();
    expect(none.state({}, seat)).toBeNull();
    expect(none.state(state(1), seat)).toBeNull();
  });
});
