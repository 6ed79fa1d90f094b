// Scale-out with a real redis-server and a real PostgreSQL: two server processes share the room listing and the
// records; a match created through one is joined through the other; its process is killed mid-match and the
// survivor restores it under the same code; the players rejoin with their seat tokens and finish it.
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { MSG, replay, type MatchRecord } from "@metastrategy/shared";
import { PostgresStore } from "../src/store/postgres.js";
import { SqliteStore } from "../src/store/sqlite.js";
import type { MatchStore } from "../src/store/types.js";
import { Follower, autoPlay, create, getJson, offlineMatch } from "./helpers.js";
import { freePort, killChild, spawnServer, useScaleServices } from "./infra.js";

const children: ChildProcess[] = [];
const svc = useScaleServices(children);

interface Proc {
  child: ChildProcess;
  port: number;
  url: string;
  http: string;
  processId: string;
}

async function startProc(): Promise<Proc> {
  const port = await freePort();
  const { child, started } = await spawnServer(
    {
      PORT: String(port),
      REDIS_URL: svc.redis.url,
      DATABASE_URL: svc.postgres.url,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      TIMER_SCALE: "0.01",
      RECONNECT_SECONDS: "20",
      LEASE_SECONDS: "2",
      SWEEP_SECONDS: "0.5",
      CLIENT_DIST: "/nonexistent",
    },
    children,
  );
  return {
    child,
    port,
    url: `ws://127.0.0.1:${port}`,
    http: `http://127.0.0.1:${port}`,
    processId: String(started.processId),
  };
}

/** Joins by code through `url`, retrying while the match is between processes. */
async function rejoin(url: string, code: string, options: Record<string, unknown>, ms = 30_000): Promise<Follower> {
  const until = Date.now() + ms;
  let last: unknown = null;
  while (Date.now() < until) {
    try {
      const room = await new Client(url).joinById(code, options);
      const f = new Follower(room);
      await f.until(() => f.token !== null, 5000, "token");
      return f;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`could not rejoin ${code}: ${last instanceof Error ? last.message : String(last)}`);
}

describe("scale-out (redis + postgres, two processes)", () => {
  it("the PostgreSQL store keeps what the SQLite store keeps", async () => {
    const pg = await PostgresStore.connect(svc.postgres.url);
    const lite = new SqliteStore(":memory:");
    const meta = {
      settings: {
        mode: "online",
        scenario: "baseline",
        rounds: 3,
        timers: { news: 1, deliberation: 1, orders: 1, report: 1 },
        public: false,
        name: "x",
        seed: 5,
      },
      seats: [],
      hostToken: "h",
      started: false,
    } as any;
    const record: MatchRecord = {
      rulesVersion: 1,
      scenario: "baseline",
      seed: 5,
      seats: [{ role: "lab", doctrine: "conservative" }],
      ordersByRound: [],
      extrasByRound: [],
      overrides: { rounds: 3 },
    } as any;
    const results: unknown[] = [];
    for (const s of [pg, lite] as MatchStore[]) {
      const code = `PQ${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
      expect(await s.codeExists(code)).toBe(false);
      await s.createMatch(code, meta);
      expect(await s.codeExists(code)).toBe(true);
      await s.startMatch(code, record, { ...meta, started: true });
      await s.appendRound(code, 0, [{ actions: [] }], null, { ...meta, started: true });
      await s.appendRound(code, 1, [{ actions: [{ kind: "x" } as any] }], { a: 1 } as any, { ...meta, started: true });
      const mid = await s.getMatch(code);
      expect((await s.unfinished()).some((m) => m.code === code)).toBe(true);
      await s.finishMatch(code, "finished", { end: 1 });
      const done = await s.getMatch(code);
      expect((await s.unfinished()).some((m) => m.code === code)).toBe(false);
      const strip = (m: any) => ({ ...m, code: undefined, createdAt: undefined, updatedAt: undefined });
      results.push([strip(mid), strip(done)]);
    }
    expect(results[0]).toEqual(results[1]);
    await pg.close();
    await lite.close();
  });

  it("a match created through one process is joined through the other; killed mid-match, it is restored on the survivor and finished", async () => {
    const [p1, p2] = await Promise.all([startProc(), startProc()]);
    expect(p1.processId).not.toBe(p2.processId);
    const seed = 43;
    const seats = [
      { role: "lab" },
      { role: "regulator" },
      { role: "lab", bot: true },
      { role: "lab", bot: true },
      { role: "researcher", bot: true },
      { role: "researcher", bot: true },
    ];
    const timers = { news: 1, deliberation: 1, orders: 1800, report: 1 };

    const a = await create(p1.url, { seed, seats, timers, player: { name: "Ada" } });
    const code = a.token!.code;
    // Through the other process: its matchmaker finds the room in Redis and reserves the seat where it lives.
    const b = await rejoin(p2.url, code, { name: "Bob" }, 5000);
    b.room.send(MSG.takeSeat, { seat: 1 });
    await b.until(() => b.token!.seat === 1);
    const h = await Promise.all([getJson(`${p1.http}/healthz`), getJson(`${p2.http}/healthz`)]);
    expect(h[0].body.rooms + h[1].body.rooms).toBe(1);
    const [owner, survivor] = h[0].body.rooms === 1 ? [p1, p2] : [p2, p1];
    expect(h[owner === p1 ? 0 : 1].body.clients).toBe(2);
    // Both HTTP front doors see the same records and listing.
    expect((await getJson(`${survivor.http}/api/matches/${code}/record?hostToken=${a.token!.hostToken}`)).status).toBe(
      404,
    ); // lobby: no record yet

    const tokens = { a: a.token!, b: b.token! };
    const pa = autoPlay(a, seed);
    const pb = autoPlay(b, seed);
    a.room.send(MSG.hostStart, {});
    await a.until(() => a.reports.length >= 2, 15_000, "2 rounds");
    const before = a.reports.slice(0, 2);
    pa.stop();
    pb.stop();
    await killChild(owner.child);

    // The survivor notices the orphan (lease expired, owner silent) and recreates the room under the same code.
    const a2 = await rejoin(survivor.url, code, {
      seatToken: tokens.a.seatToken!,
      hostToken: tokens.a.hostToken!,
      name: "Ada",
    });
    const b2 = await rejoin(survivor.url, code, { seatToken: tokens.b.seatToken!, name: "Bob" });
    expect(a2.token).toMatchObject({ code, seat: 0, isHost: true, seatToken: tokens.a.seatToken });
    expect(b2.token).toMatchObject({ code, seat: 1, seatToken: tokens.b.seatToken });
    expect((await getJson(`${survivor.http}/healthz`)).body).toMatchObject({ rooms: 1, clients: 2 });
    await a2.until(() => a2.reports.length >= 2, 5000, "backlog");
    expect(a2.reports.slice(0, 2)).toEqual(before);
    const qa = autoPlay(a2, seed);
    const qb = autoPlay(b2, seed);
    await a2.until(() => !!a2.ended, 30_000, "end");
    qa.stop();
    qb.stop();

    const record = (await getJson(`${survivor.http}/api/matches/${code}/record`)).body as MatchRecord;
    const final = replay(record).state;
    expect(final.phase).toBe("ended");
    expect(a2.ended!.view!.scores).toEqual(final.scores);
    // The same match as one played without interruption.
    const off = offlineMatch(record, new Set([0, 1]));
    expect(record.ordersByRound).toEqual(off.orders);
    expect(off.state).toEqual(final);
    // A new match created through the survivor lands on it (the dead process is no longer chosen).
    const c = await create(survivor.url, {
      seed: 2,
      seats: [{ role: "lab" }, { role: "lab", bot: true }],
      player: { name: "Cy" },
    });
    expect(c.token!.code).toMatch(/^[A-Z0-9]{6}$/);
    await c.room.leave();
    await a2.room.leave();
    await b2.room.leave();
    await killChild(survivor.child, "SIGTERM");
  }, 90_000);
});
