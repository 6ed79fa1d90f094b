// The compact `report` message: decoding gives back exactly what the server meant to send, for any match, and the
// compact form is much smaller than the plain one.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeReportMsg, encodeReportMsg, REPORT_KEYS } from "../src/protocol/report-wire.js";
import { decodeServerMessage, encodeServerMessage } from "../src/protocol/codec.js";
import { ORDER_KINDS, decodeOrders, encodeOrders } from "../src/protocol/orders-wire.js";
import { SeatOrdersSchema } from "../src/protocol/orders.js";
import type { ReportMsg } from "../src/protocol/server-messages.js";
import { reportFor } from "../src/rules/resolve.js";
import { publicRow } from "../src/rules/view.js";
import { matchSpecArb, playRandomMatch } from "./random-match.js";

/** As msgpack would carry it: JSON-equal, no undefined fields. */
const roundTrip = (m: ReportMsg) => decodeReportMsg(JSON.parse(JSON.stringify(encodeReportMsg(m))));
const plain = (m: ReportMsg) => JSON.parse(JSON.stringify(m));

describe("report wire form", () => {
  it("round-trips every report of random matches, for every audience, one round at a time and as a backlog", () => {
    let plainBytes = 0;
    let wireBytes = 0;
    fc.assert(
      fc.property(matchSpecArb, (spec) => {
        const played = playRandomMatch(spec);
        const rows = played.states.slice(1).map((s) => publicRow(s.history.at(-1)!));
        const seats = [null, ...played.states[0].seats.map((_, i) => i)];
        for (const seat of seats) {
          const reports = played.reports.map((r) => reportFor(r, seat));
          reports.forEach((r, i) => {
            const m: ReportMsg = { replace: false, reports: [r], history: [rows[i]] };
            expect(roundTrip(m)).toEqual(plain(m));
            plainBytes += JSON.stringify(m).length;
            wireBytes += JSON.stringify(encodeReportMsg(m)).length;
          });
          const backlog: ReportMsg = { replace: true, reports, history: rows };
          expect(roundTrip(backlog)).toEqual(plain(backlog));
        }
      }),
      { numRuns: 25, seed: 3 },
    );
    expect(wireBytes).toBeLessThan(plainBytes * 0.45);
  });

  it("keeps what the table does not know: other concepts, unlisted keys, prose entries, odd news", () => {
    const m: ReportMsg = {
      replace: true,
      reports: [
        {
          round: 2,
          news: [
            { card: "talent-departure", concept: "leak" },
            { card: "talent-departure", concept: "other" },
            { card: "no-such-card", concept: "x" },
            { card: "old", concept: "leak", headline: "H", text: "T" },
          ],
          entries: [
            { seat: null, concept: REPORT_KEYS[0][1], key: REPORT_KEYS[0][0] },
            { seat: 3, concept: "elsewhere", key: REPORT_KEYS[1][0], args: { n: 1, s: "a", b: true } },
            { seat: 1, concept: "c", key: "notAKey", args: {} },
            { seat: null, concept: "c", text: "Rules-1 prose." },
          ],
          end: { ending: "pause", round: 2, by: "time", cause: "time", worldValue: 3 },
        },
      ],
      history: [
        {
          round: 2,
          labs: [{ seat: 0, declaredCap: 2 }],
          rogueEstimate: 1,
          will: 2,
          theory: 0.5,
          interp: 1,
          aug: 0,
          regime: 0,
          policies: [],
          events: ["talent-departure"],
          incidents: 0,
        },
      ],
    };
    expect(roundTrip(m)).toEqual(plain(m));
    expect(decodeServerMessage("report", encodeServerMessage("report", m))).toEqual(m);
  });

  it("round-trips every seat's orders of random matches, and every action kind is listed", () => {
    let plainBytes = 0;
    let wireBytes = 0;
    fc.assert(
      fc.property(matchSpecArb, (spec) => {
        const played = playRandomMatch(spec);
        for (const round of played.record.ordersByRound)
          for (const o of round) {
            const w = encodeOrders(o);
            expect(decodeOrders(w)).toEqual(JSON.parse(JSON.stringify(o)));
            plainBytes += JSON.stringify(o).length;
            wireBytes += w.length;
          }
      }),
      { numRuns: 25, seed: 4 },
    );
    expect(wireBytes).toBeLessThan(plainBytes * 0.5);
    const kinds = SeatOrdersSchema.shape.actions.element.options.map((x) => x.shape.kind.value);
    expect([...ORDER_KINDS].sort()).toEqual([...kinds].sort());
    const odd = { actions: [{ kind: "grant", target: 2, amount: 3 }], switchDoctrine: "butlerian", transfers: [] };
    expect(decodeOrders(encodeOrders(odd as never))).toEqual(odd);
  });
});
