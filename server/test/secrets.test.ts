// What a seat may see: every byte each client receives over whole matches holds no other seat's secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MSG,
  createMatch,
  entriesOf,
  publicView,
  resolveRound,
  seatViewWith,
  unflatten,
  wirePath,
  encodeOrders,
  type MatchRecord,
  type MatchState,
} from "@metastrategy/shared";
import { FAST, autoPlay, bytesOf, create, getJson, join, testServer, type Follower } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

const enc = new TextEncoder();

function concat(parts: Uint8Array[]): Buffer {
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

function contains(hay: Buffer, needle: string): boolean {
  return hay.includes(Buffer.from(enc.encode(needle)));
}

/** Every state the match went through, from its record. */
function statesOf(record: MatchRecord): MatchState[] {
  let s = createMatch({
    scenario: record.scenario,
    seed: record.seed,
    seats: record.seats,
    overrides: record.overrides,
  });
  const out = [s];
  for (const o of record.ordersByRound) {
    s = resolveRound(s, o).state;
    out.push(s);
  }
  return out;
}

/** Every seat whose private part a client held at any state change (StateView: only its own). */
function watchSecrets(f: Follower): Set<string> {
  const seen = new Set<string>();
  const look = () => f.secretSeats().forEach((k) => seen.add(k));
  f.room.onStateChange(look);
  look();
  return seen;
}

/** Paths that exist only in a seat's private part (flattened `me`), as the schema writes a map key (a msgpack string,
 * the path in its wire form): a client without a seat never gets them. */
const PRIVATE_PATHS = [
  ["researcher", "fastPrivate"],
  ["researcher", "theoryPrivate"],
  ["lab", "aligned"],
  ["lab", "sec"],
].map((p) => wirePath(...p));

function containsKey(hay: Buffer, path: string): boolean {
  const b = Buffer.from(enc.encode(path));
  return hay.includes(Buffer.concat([Buffer.from([0xa0 | b.length]), b]));
}

async function playRecorded(seed: number, scenario: string) {
  const seats = [
    { role: "lab" },
    { role: "researcher" },
    { role: "regulator" },
    { role: "lab", bot: true },
    { role: "lab", bot: true },
    { role: "researcher", bot: true },
  ];
  const a = await create(srv.url, { seed, scenario, seats, timers: FAST });
  const code = a.token!.code;
  const b = await join(srv.url, code, { name: "B" });
  const c = await join(srv.url, code, { name: "C" });
  const spec = await join(srv.url, code, { spectator: true });
  b.room.send(MSG.takeSeat, { seat: 1 });
  c.room.send(MSG.takeSeat, { seat: 2 });
  await b.until(() => b.token!.seat === 1);
  await c.until(() => c.token!.seat === 2);
  const players = [a, b, c];
  const secrets = new Map([...players, spec].map((f) => [f, watchSecrets(f)]));
  const endIndex = new Map<Follower, number>();
  for (const f of [...players, spec]) {
    f.room.onMessage("ended", () => endIndex.set(f, bytesOf(f.room).length - 1));
  }
  const plays = players.map((f) => autoPlay(f, seed));
  a.room.send(MSG.hostStart, {});
  for (const f of [...players, spec]) await f.until(() => !!f.ended && endIndex.has(f), 20_000, "end");
  plays.forEach((p) => p.stop());
  const record = (await getJson(`${srv.http}/api/matches/${code}/record`)).body as MatchRecord;
  return { players, spec, record, endIndex, secrets };
}

describe("hidden information", () => {
  for (const [seed, scenario] of [
    [21, "baseline"],
    [22, "leaky"],
  ] as const) {
    it(`no client ever receives another seat's secrets (${scenario}, seed ${seed})`, async () => {
      const { players, spec, record, endIndex, secrets } = await playRecorded(seed, scenario);
      const states = statesOf(record);
      expect(states.at(-1)!.phase).toBe("ended");
      const n = record.seats.length;
      for (const f of [...players, spec]) {
        const all = bytesOf(f.room);
        const cut = endIndex.get(f)!;
        const before = concat(all.slice(0, cut));
        const everything = concat(all);
        const mine = f.seat;
        expect(before.length).toBeGreaterThan(1000);
        // Hidden values never appear before the end: flaws, drift, the exact pool and rogue level.
        for (const key of ['"flaws"', '"drift"', '"pool"', '"rogue":', '"rogueMomentum"', '"deck"', '"rng"'])
          expect(contains(before, key), key).toBe(false);
        // No other seat's private part, in any round: the client only ever held its own seat's secret.
        expect([...secrets.get(f)!], `secrets seen by ${mine}`).toEqual(mine === null ? [] : [String(mine)]);
        if (mine === null) for (const p of PRIVATE_PATHS) expect(containsKey(before, p), p).toBe(false);
        else if (mine < 2) expect(PRIVATE_PATHS.some((p) => containsKey(before, p))).toBe(true); // seen when sent (a lab, a researcher)
        // No other seat's orders before the end (skipping orders identical to one this client sent itself).
        // (Orders travel in their wire form, encodeOrders, as a seat's echo.)
        const own = new Set(record.ordersByRound.map((o) => (mine === null ? "" : encodeOrders(o[mine]))));
        for (const orders of record.ordersByRound) {
          orders.forEach((o, seat) => {
            const j = encodeOrders(o);
            if (seat !== mine && !own.has(j) && o.actions.length > 0)
              expect(contains(before, j), `orders of ${seat} in ${mine}`).toBe(false);
          });
        }
        // Reports carry public entries and this seat's own notes only.
        for (const r of f.reports) for (const e of r.entries) expect(e.seat === null || e.seat === mine).toBe(true);
        // The seat's own secret did arrive and decodes to the engine's own (the wire works).
        if (mine !== null) {
          const last = states.at(-1)!;
          expect(f.me()).toEqual(seatViewWith(publicView(last, { history: false }), last, mine).me);
        }
      }
      for (const f of [...players, spec]) await f.room.leave();
    });
  }

  it("a client removed from its seat stops receiving that seat's secrets", async () => {
    const a = await create(srv.url, {
      seed: 4,
      seats: [{ role: "lab", bot: true }, { role: "lab" }, { role: "regulator", bot: true }],
      timers: { news: 0, deliberation: 0, orders: 600, report: 0 },
      player: { spectator: true },
    });
    const b = await join(srv.url, a.token!.code, { name: "B" });
    b.room.send(MSG.takeSeat, { seat: 1 });
    await b.until(() => b.token!.seat === 1);
    a.room.send(MSG.hostStart, {});
    await b.until(() => b.phase === "orders" && !!b.seatView(), 5000, "orders");
    expect(a.state.secrets === undefined || a.state.secrets.size === 0).toBe(true);
    a.room.send(MSG.hostKick, { seat: 1 });
    await b.until(() => b.token!.seat === null, 5000, "kicked");
    // The client keeps what it had (a StateView stops updates, it does not delete), and nothing newer arrives.
    const held = () => JSON.stringify(entriesOf(b.state.secrets?.get("1")?.me));
    const atKick = held();
    const mark = bytesOf(b.room).length;
    a.room.send(MSG.hostEndPhase, {});
    await b.until(() => b.round === 2, 5000, "round 2");
    await b.until(() => b.phase === "orders", 5000, "orders 2");
    expect([atKick, "[]"]).toContain(held()); // the old values, or none once the removal reached the client
    expect(b.me()).toBeNull();
    const after = concat(bytesOf(b.room).slice(mark));
    for (const p of PRIVATE_PATHS) expect(containsKey(after, p), p).toBe(false);
    const rec = await getJson(`${srv.http}/api/matches/${a.token!.code}/record?hostToken=${a.token!.hostToken}`);
    const states = statesOf(rec.body);
    const meAt = (i: number) => seatViewWith(publicView(states[i], { history: false }), states[i], 1).me;
    expect(unflatten(JSON.parse(atKick))).toEqual(meAt(0)); // round 1: the state before any resolution
    expect(meAt(1)).not.toEqual(meAt(0)); // the seat's secrets did change meanwhile
    a.room.send(MSG.hostEndMatch, {});
    await a.until(() => !!a.ended);
    await a.room.leave();
    await b.room.leave();
  });
});
