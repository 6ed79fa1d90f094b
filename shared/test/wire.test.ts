// The flat wire form: unflatten(flatten(v)) gives v back for any JSON value, and a changed leaf changes one entry.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FlatSync, WIRE_CHARS, WIRE_NAMES, flatten, unflatten, wirePath } from "../src/protocol/wire.js";
import { createMatch } from "../src/rules/resolve.js";
import { publicView, seatViewWith } from "../src/rules/view.js";

/** JSON as it travels: no undefined, no -0, no non-finite numbers. */
const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe("flat wire form", () => {
  it("round-trips any JSON value (keys with /, # and ~ included)", () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(unflatten(flatten(v))).toEqual(v);
      }),
      { numRuns: 300, seed: 12 },
    );
    const tricky = {
      "a/b": { "#1": [1, { "~x": [] }] },
      "": {},
      e: [[], [null]],
      A: { "~4": 1, "~": 2, "#": 3, "7": [4], lab: { round: 5 } },
    };
    expect(unflatten(flatten(tricky))).toEqual(tricky);
  });

  it("round-trips the views the server syncs, and one changed number is one changed entry", () => {
    const s = createMatch({
      scenario: "baseline",
      seed: 5,
      seats: [
        { role: "lab", doctrine: "incrementalist" },
        { role: "regulator", doctrine: "butlerian" },
        { role: "researcher", doctrine: "transhumanist" },
      ],
    });
    const pv = publicView(s, { history: false });
    expect(unflatten(flatten(pv))).toEqual(pv);
    const me = seatViewWith(pv, s, 0).me;
    expect(unflatten(flatten(me))).toEqual(me);
    const before = flatten(pv);
    const after = flatten({ ...pv, world: { ...pv.world, will: pv.world.will + 1 } });
    const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
    expect(changed).toEqual([wirePath("world", "will")]);
    expect(changed).toEqual(["T/c"]);
  });

  it("sends the views' field names as one character each", () => {
    expect(WIRE_NAMES.length).toBeLessThanOrEqual(WIRE_CHARS.length);
    expect(new Set(WIRE_NAMES).size).toBe(WIRE_NAMES.length);
    const s = createMatch({
      scenario: "baseline",
      seed: 5,
      seats: [
        { role: "lab", doctrine: "incrementalist" },
        { role: "researcher", doctrine: "transhumanist" },
      ],
    });
    const pv = publicView(s, { history: false });
    // Every path segment of the synced views is one character or an array index.
    for (const v of [pv, seatViewWith(pv, s, 0).me, seatViewWith(pv, s, 1).me])
      for (const path of flatten(v).keys())
        for (const seg of path.split("/")) expect(seg.length === 1 || /^#\d+$/.test(seg), `${path}`).toBe(true);
  });

  it("FlatSync keeps a target equal to flatten(value) over any sequence of values, setting only changed leaves", () => {
    // Few keys and small shapes: successive values share paths, and leaves turn into containers and back.
    const { v } = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom<unknown>(null, true, false, 0, 1, 2.5, "", "x", "a/b", undefined, Number.NaN),
        fc.array(tie("v"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("a", "b", "#1", "~", "", "lab", "x/y", "7"), tie("v"), { maxKeys: 3 }),
      ),
    }));
    fc.assert(
      fc.property(fc.array(v, { minLength: 1, maxLength: 8 }), (values) => {
        const target = new Map<string, string>();
        let sets = 0;
        const sync = new FlatSync({
          set: (k, leaf) => {
            sets++;
            target.set(k, leaf);
          },
          delete: (k) => target.delete(k),
        });
        let before = new Map<string, string>();
        for (const value of values) {
          sets = 0;
          sync.update(value);
          const want = flatten(value);
          expect(new Map([...target].sort())).toEqual(new Map([...want].sort()));
          expect(sets).toBe([...want].filter(([k, leaf]) => before.get(k) !== leaf).length);
          before = want;
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
