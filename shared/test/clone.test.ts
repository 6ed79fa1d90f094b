// cloneState copies field by field for speed: it must still copy every field, and deeply.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
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
