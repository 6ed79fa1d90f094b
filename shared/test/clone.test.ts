// Speed paths must not change results: cloneState copies field by field, resolveRound can skip report text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveRound } from "../src/rules/resolve.js";
import { cloneState } from "../src/rules/state.js";
import { matchSpecArb, playRandomMatch } from "./random-match.js";

describe("cloneState", () => {
  it("gives an equal state that shares no mutable part with the original", () => {
    fc.assert(
      fc.property(matchSpecArb, (m) => {
        for (const s of playRandomMatch(m).states) {
          const c = cloneState(s);
          expect(c).toEqual(s);
          expect(Object.keys(c).sort()).toEqual(Object.keys(s).sort());
          c.seats.forEach((x, i) => {
            expect(Object.keys(x).sort()).toEqual(Object.keys(s.seats[i]).sort());
            expect(x).not.toBe(s.seats[i]);
            if (x.lab) expect(x.lab).not.toBe(s.seats[i].lab);
            expect(x.prestigeBy).not.toBe(s.seats[i].prestigeBy);
            expect(x.knownFlaws).not.toBe(s.seats[i].knownFlaws);
          });
          expect(c.world).not.toBe(s.world);
          expect(c.world.policies).not.toBe(s.world.policies);
          expect(c.history).not.toBe(s.history);
        }
      }),
      { seed: 77, numRuns: 25 },
    );
  });
});

describe("resolveRound without report text", () => {
  it("reaches the very same state, with no report entries", () => {
    fc.assert(
      fc.property(matchSpecArb, (m) => {
        const played = playRandomMatch(m);
        played.record.ordersByRound.forEach((o, r) => {
          const extras = played.record.extrasByRound?.[r] ?? null;
          const loud = resolveRound(played.states[r], o, extras);
          const quiet = resolveRound(played.states[r], o, extras, { report: false });
          expect(quiet.state).toEqual(loud.state);
          expect(quiet.report.entries).toEqual([]);
          expect({ ...quiet.report, entries: loud.report.entries }).toEqual(loud.report);
        });
      }),
      { seed: 78, numRuns: 25 },
    );
  });
});
