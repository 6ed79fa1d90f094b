// The world-seed field of the solo and class forms: whatever is typed, the create options get a valid seed or none.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedOf } from "../src/ui/dom";

const field = (value: string) => ({ value }) as HTMLInputElement;

describe("seedOf", () => {
  it("passes a whole number from 0 to 2^31 − 1 and nothing else", () => {
    expect(seedOf(field(""))).toEqual({});
    expect(seedOf(field("0"))).toEqual({ seed: 0 });
    expect(seedOf(field("2"))).toEqual({ seed: 2 });
    expect(seedOf(field(String(2 ** 31 - 1)))).toEqual({ seed: 2 ** 31 - 1 });
    for (const bad of [String(2 ** 31), "-1", "1.5", "abc", "1e40", "NaN", "Infinity"])
      expect(seedOf(field(bad))).toEqual({});
  });

  it("never yields a seed the server would refuse, for any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const o = seedOf(field(text));
        if (o.seed === undefined) return Object.keys(o).length === 0;
        return Number.isInteger(o.seed) && o.seed >= 0 && o.seed <= 2 ** 31 - 1;
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
