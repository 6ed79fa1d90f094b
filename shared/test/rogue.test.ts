// Rogue growth: drift, absorption from the pool, compounding momentum, licensing, export controls, treaty, enforcement.
import { describe, expect, it } from "vitest";
import { rogueGrowth } from "../src/rules/rogue.js";
import { between, forceDraws, play, quietMatch } from "./helpers.js";

type In = Parameters<typeof rogueGrowth>[0];
const base: In = {
  drift: 0.5,
  momentum: 0,
  pool: 0,
  enforcements: 0,
  licensing: false,
  exportControls: false,
  treaty: false,
};

const ENFORCE = { kind: "enforce" } as const;

describe("rogueGrowth arithmetic", () => {
  it.each<[string, Partial<In>, { drift: number; absorbed: number; removed: number }]>([
    ["drift only", {}, { drift: 0.5, absorbed: 0, removed: 0 }],
    ["momentum adds to drift", { momentum: 1 }, { drift: 1.5, absorbed: 0, removed: 0 }],
    ["absorbs 1 + half the pool (pool 4 → 3)", { pool: 4 }, { drift: 0.5, absorbed: 3, removed: 3 }],
    ["never more than the pool (pool 1)", { pool: 1 }, { drift: 0.5, absorbed: 1, removed: 1 }],
    ["small pool (0.5) taken whole", { pool: 0.5 }, { drift: 0.5, absorbed: 0.5, removed: 0.5 }],
    ["big pool (10 → 6)", { pool: 10 }, { drift: 0.5, absorbed: 6, removed: 6 }],
    [
      "export controls halve what is absorbed (the rest is lost)",
      { pool: 4, exportControls: true },
      { drift: 0.5, absorbed: 1.5, removed: 3 },
    ],
    [
      "export controls + treaty: a quarter",
      { pool: 4, exportControls: true, treaty: true },
      { drift: 0.5, absorbed: 0.75, removed: 3 },
    ],
    ["a treaty alone does not cut absorption", { pool: 4, treaty: true }, { drift: 0.5, absorbed: 3, removed: 3 }],
    ["licensing: drift −0.5", { momentum: 1, licensing: true }, { drift: 1, absorbed: 0, removed: 0 }],
    ["one enforcement: drift −0.5", { momentum: 1, enforcements: 1 }, { drift: 1, absorbed: 0, removed: 0 }],
    ["two enforcements: drift −1", { momentum: 1, enforcements: 2 }, { drift: 0.5, absorbed: 0, removed: 0 }],
    [
      "treaty doubles enforcement",
      { momentum: 1, enforcements: 1, treaty: true },
      { drift: 0.5, absorbed: 0, removed: 0 },
    ],
    ["drift never below 0", { enforcements: 2, licensing: true }, { drift: 0, absorbed: 0, removed: 0 }],
    [
      "everything at once",
      { momentum: 2, pool: 2, enforcements: 1, licensing: true, exportControls: true, treaty: true },
      { drift: 1, absorbed: 0.5, removed: 2 },
    ],
  ])("%s", (_n, p, want) => {
    expect(rogueGrowth({ ...base, ...p })).toEqual(want);
  });
});

describe("rogue step through resolveRound", () => {
  it.each([
    // estimate draw u → nextInt(3) = floor(3u) − 1 added to floor(rogue); rogue 1 + 0.5 = 1.5
    [between(0, 1 / 3), 0],
    [between(1 / 3, 2 / 3), 1],
    [between(2 / 3, 1), 2],
  ])("the public estimate is floor(rogue) ± 1 (draw %#) → %s", (draw, estimate) => {
    const s = forceDraws(quietMatch(["lab", "regulator"]), [draw]);
    const { state } = play(s);
    expect(state.world.rogue).toBe(1.5);
    expect(state.world.rogueEstimate).toBe(estimate);
    expect(state.world.rogueExact).toBe(false);
  });

  it("the estimate is never negative", () => {
    const s = forceDraws(quietMatch(["lab", "regulator"], { startRogue: 0, rogueDrift: 0 }), [between(0, 1 / 3)]);
    expect(play(s).state.world.rogueEstimate).toBe(0);
  });

  it("compounds: rounds that absorb leaks add momentum (+1), quiet rounds shed it (−0.5)", () => {
    let s = quietMatch(["lab", "regulator"], { taiThreshold: 30 }, (s) => (s.world.pool = 4));
    const rows: [number, number, number][] = [];
    for (let r = 0; r < 4; r++) {
      s = play(s).state;
      rows.push([s.world.rogue, s.world.pool, s.world.rogueMomentum]);
    }
    expect(rows).toEqual([
      // rogue, pool, momentum
      [1 + 0.5 + 3, 1, 1], // absorbs 3 of 4
      [4.5 + 1.5 + 1, 0, 2], // drift 0.5 + momentum 1, absorbs the last 1
      [7 + 2.5, 0, 1.5], // drift 0.5 + momentum 2, nothing to absorb: momentum fades
      [9.5 + 2, 0, 1],
    ]);
  });

  it.each([
    // name, policies, enforcements, pool before → rogue, pool, exact
    ["one enforcement seizes 1 from the pool and makes rogue exact", [], 1, 3, 1 + 0 + 2, 0, true],
    ["with a treaty it seizes 2 and slows drift twice as much", ["treaty"], 1, 3, 1 + 0 + 1, 0, true],
    ["export controls: absorb half of 1 + pool/2", ["exportControls"], 0, 4, 1 + 0.5 + 1.5, 1, false],
    ["licensing: drift −0.5", ["computeLicensing"], 0, 0, 1, 0, false],
  ] as const)("%s", (_n, policies, enforcements, pool, rogue, poolAfter, exact) => {
    const s = quietMatch(["lab", "regulator", "regulator"], {}, (s) => {
      s.world.pool = pool;
      s.world.policies.push(...policies);
    });
    const orders = { 1: enforcements > 0 ? [{ kind: "enforce" as const }] : [] };
    const { state } = play(s, orders);
    expect(state.world.rogue).toBe(rogue);
    expect(state.world.pool).toBe(poolAfter);
    expect(state.world.rogueExact).toBe(exact);
    if (exact) expect(state.world.rogueEstimate).toBe(Math.floor(rogue));
  });

  it.each([
    // (2.2) each enforcing regulator raids once a round: its second enforcement only slows the drift
    ["one regulator enforcing twice seizes once", { 1: [ENFORCE, ENFORCE] }, 4, 3],
    ["two regulators enforcing once each seize twice", { 1: [ENFORCE], 2: [ENFORCE] }, 4, 2],
    ["two regulators, one enforcing twice: two raids", { 1: [ENFORCE, ENFORCE], 2: [ENFORCE] }, 4, 2],
  ] as const)("%s", (_n, orders, pool, left) => {
    const s = quietMatch(["lab", "regulator", "regulator"], { absorb: 0 }, (s) => {
      s.world.pool = pool;
      s.seats[1].influence = 5;
    });
    const { state } = play(s, orders as unknown as Record<number, { kind: "enforce" }[]>);
    // absorb 0: the rogue actors take min(pool, 1 + pool/2) out of the pool and gain nothing, so what they took is
    // known: the pool after the raids was `left`, and they then took min(left, 1 + left/2) of it.
    expect(state.world.pool).toBe(left - Math.min(left, 1 + left / 2));
  });

  it("a rules 2.1 record's double enforcement still seizes twice (it replays as it was played)", () => {
    const s = quietMatch(["lab", "regulator"], { absorb: 0 }, (s) => {
      s.rulesVersion = "2.1.0";
      s.world.pool = 4;
      s.seats[1].influence = 5;
    });
    const { state } = play(s, { 1: [ENFORCE, ENFORCE] });
    expect(state.world.pool).toBe(2 - Math.min(2, 1 + 2 / 2));
  });

  it("the number of draws does not depend on whether rogue was exact (enforcement keeps the stream aligned)", () => {
    const a = play(quietMatch(["lab", "regulator"])).state;
    const b = play(quietMatch(["lab", "regulator"]), { 1: [{ kind: "enforce" }] }).state;
    expect(b.rng).toBe(a.rng);
  });

  it("a neutralized world: rogue stops, momentum clears, the level is known exactly, no draw", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => {
      s.world.neutralized = true;
      s.world.rogue = 5.5;
      s.world.rogueMomentum = 2;
      s.world.pool = 3;
    });
    const { state } = play(s);
    expect(state.world).toMatchObject({ rogue: 5.5, rogueMomentum: 0, rogueEstimate: 5, rogueExact: true, pool: 3 });
    expect(state.rng).toBe(s.rng);
  });

  // BUG (reported): a news card that moves rogue (rogue-state-programme, leak-forum, joint-crackdown, reckless-demo) is
  // applied after the rogue step, and rogueEstimate/rogueExact are not refreshed: the view claims an exact level that is
  // off by the card's delta (and a ±1 estimate can end up 2 away from the true level).
  it("after enforcement and a news card moving rogue, an 'exact' rogue estimate is still exact", () => {
    const s = quietMatch(["lab", "regulator"]);
    s.deck = ["reckless-demo"]; // rogue +1 in the next round's news
    const { state } = play(s, { 1: [{ kind: "enforce" }] });
    expect(state.news[0].card).toBe("reckless-demo");
    expect(state.world.rogueExact).toBe(true);
    expect(state.world.rogueEstimate).toBe(Math.floor(state.world.rogue));
  });
});
