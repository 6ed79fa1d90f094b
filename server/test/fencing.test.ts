// Fenced ownership under scale-out, with real processes, a real redis-server and a real PostgreSQL, default lease and
// sweep settings: (1) the owner is frozen (SIGSTOP) past its lease, the survivor takes the match over, the owner is
// resumed (SIGCONT): it may not write the match again and stops serving it, its clients are told and rejoin the new
// owner, and the match has exactly one history (no lost or doubled round); (2) after a kill -9 the survivor serves
// the match again within 10 s (measured: kill → a player back in his seat on the survivor).
import type { ChildProcess } from "node:child_process";
import readline from "node:readline";
import { describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import pg from "pg";
import { MSG, replay, reportFor, type MatchRecord, type RoundReport } from "@metastrategy/shared";
import { Follower, autoPlay, create, getJson, offlineMatch } from "./helpers.js";
import { PostgresStore } from "../src/store/postgres.js";
import { FencedError } from "../src/store/types.js";
import { freePort, killChild, spawnServer, useScaleServices } from "./infra.js";

const children: ChildProcess[] = [];
const svc = useScaleServices(children);

interface Proc {
  child: ChildProcess;
  url: string;
  http: string;
  /** Every JSON log line the process printed. */
  logs: Record<string, unknown>[];
}

/** A game server with the default LEASE_SECONDS and SWEEP_SECONDS (the settings under test). */
async function startProc(env: Record<string, string> = {}): Promise<Proc> {
  const port = await freePort();
  const { child } = await spawnServer(
    {
      PORT: String(port),
      REDIS_URL: svc.redis.url,
      DATABASE_URL: svc.postgres.url,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      TIMER_SCALE: "0.01",
      RECONNECT_SECONDS: "30",
      CLIENT_DIST: "/nonexistent",
      LEASE_SECONDS: "",
      SWEEP_SECONDS: "",
      ...env,
    },
    children,
  );
  const logs: Record<string, unknown>[] = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line));
    } catch {
      /* not a log line */
    }
  });
  return { child, url: `ws://127.0.0.1:${port}`, http: `http://127.0.0.1:${port}`, logs };
}

/** Joins by code through `url`, retrying while the match is between processes. */
async function rejoin(url: string, code: string, options: Record<string, unknown>, ms = 30_000): Promise<Follower> {
  const until = Date.now() + ms;
  let last: unknown = null;
  while (Date.now() < until) {
    try {
      const room = await new Client(url).joinById(code, options);
      const f = new Follower(room);
      await f.until(() => f.token !== null && (!options.seatToken || f.token.seat !== null), 3000, "seat");
      return f;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`could not rejoin ${code}: ${last instanceof Error ? last.message : String(last)}`);
}

async function owner(code: string): Promise<{ owner: string | null; epoch: number | null }> {
  const c = new pg.Client({ connectionString: svc.postgres.url });
  await c.connect();
  try {
    const r = await c.query("SELECT * FROM matches WHERE code = $1", [code]);
    return {
      owner: r.rows[0]?.owner ?? null,
      epoch: r.rows[0]?.owner_epoch === undefined ? null : Number(r.rows[0].owner_epoch),
    };
  } finally {
    await c.end();
  }
}

const SEATS = [
  { role: "lab" },
  { role: "regulator" },
  { role: "lab", bot: true },
  { role: "lab", bot: true },
  { role: "researcher", bot: true },
  { role: "researcher", bot: true },
];

/**
 * Two processes, a match created on one with two players (one joined through the other process). With `ownerEnv`, the
 * owner is started first with that environment (the match is created on it), the other after.
 */
async function twoProcessMatch(seed: number, timers: Record<string, number>, ownerEnv?: Record<string, string>) {
  const [p1, p2] = ownerEnv ? [await startProc(ownerEnv), null] : await Promise.all([startProc(), startProc()]);
  const a = await create(p1.url, { seed, seats: SEATS, timers, player: { name: "Ada" } });
  if (!p2) {
    const survivor = await startProc();
    const code = a.token!.code;
    const b = await rejoin(survivor.url, code, { name: "Bob" }, 5000);
    b.room.send(MSG.takeSeat, { seat: 1 });
    await b.until(() => b.token!.seat === 1);
    return { code, a, b, own: p1, survivor };
  }
  const code = a.token!.code;
  // Through the other process: its matchmaker finds the room in Redis and reserves the seat where it lives.
  const b = await rejoin(p2.url, code, { name: "Bob" }, 5000);
  b.room.send(MSG.takeSeat, { seat: 1 });
  await b.until(() => b.token!.seat === 1);
  const h = await Promise.all([getJson(`${p1.http}/healthz`), getJson(`${p2.http}/healthz`)]);
  const [own, survivor] = h[0].body.rooms === 1 ? [p1, p2] : [p2, p1];
  return { code, a, b, own, survivor };
}

async function waitFor(test: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function roundRows(code: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: svc.postgres.url });
  await c.connect();
  try {
    return (await c.query("SELECT idx FROM rounds WHERE code = $1 ORDER BY idx", [code])).rows.map((r) =>
      Number(r.idx),
    );
  } finally {
    await c.end();
  }
}

describe("fenced ownership (redis + postgres, two processes, default lease settings)", () => {
  it("the store: a claim moves the epoch on; the old holder's writes are refused and it is told once; a frozen transaction delays a claim by seconds only", async () => {
    const [s1, s2, s3] = await Promise.all([
      PostgresStore.connect(svc.postgres.url),
      PostgresStore.connect(svc.postgres.url),
      PostgresStore.connect(svc.postgres.url),
    ]);
    s1.setOwner("p1", 0); // its leases run out at once
    s2.setOwner("p2", 60_000);
    s3.setOwner("p3", 60_000);
    const told: string[] = [];
    s1.onFenced((c) => told.push(c));
    // A process frozen inside a transaction cannot hold a match's row lock for long.
    const pool = (s1 as any).pool as pg.Pool;
    expect((await pool.query("SHOW idle_in_transaction_session_timeout")).rows[0]).toEqual({
      idle_in_transaction_session_timeout: "5s",
    });
    expect((await pool.query("SHOW lock_timeout")).rows[0]).toEqual({ lock_timeout: "3s" });
    const code = `FE${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
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
      started: true,
    } as any;
    const record = {
      rulesVersion: 1,
      scenario: "baseline",
      seed: 5,
      seats: [{ role: "lab", doctrine: "conservative" }],
      ordersByRound: [],
      extrasByRound: [],
    } as any;
    await s1.createMatch(code, meta);
    await s1.startMatch(code, record, meta);
    await s1.appendRound(code, 0, [{ actions: [] }], null, meta);
    expect(s1.standing(code)).toBe("lapsed");
    const orphan = (await s2.orphans()).find((o) => o.code === code)!;
    expect(orphan).toEqual({ code, owner: "p1", epoch: 1 });
    // Two processes race for the orphan: exactly one wins.
    const wins = await Promise.all([s2.claim(code, "p1", 1), s3.claim(code, "p1", 1)]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = wins[0] ? [s2, s3] : [s3, s2];
    expect(winner.standing(code)).toBe("held");
    expect(loser.standing(code)).toBe("unknown");
    expect(await owner(code)).toMatchObject({ epoch: 2 });
    // The old holder comes back: every write is refused, and it learns it once.
    await expect(s1.appendRound(code, 1, [{ actions: [{ kind: "old" } as any] }], null, meta)).rejects.toBeInstanceOf(
      FencedError,
    );
    expect(told).toEqual([code]);
    await expect(s1.saveMeta(code, { ...meta, hostToken: "old" })).rejects.toBeInstanceOf(FencedError);
    await expect(s1.finishMatch(code, "finished", { old: true })).rejects.toBeInstanceOf(FencedError);
    expect(await s1.renew([code])).toEqual({ lost: [code], regained: [] });
    expect(s1.standing(code)).toBe("lost");
    expect(told).toEqual([code]);
    // The new holder writes on; the record is its history only.
    await winner.appendRound(code, 1, [{ actions: [] }], null, meta);
    expect(await winner.renew([code])).toEqual({ lost: [], regained: [] });
    const m = (await winner.getMatch(code))!;
    expect(m.record!.ordersByRound).toEqual([[{ actions: [] }], [{ actions: [] }]]);
    expect(m.meta.hostToken).toBe("h");
    expect(m.status).toBe("running");
    // An owner frozen inside a transaction holds the row lock: a claim waits 3 s at most and fails (no error), and
    // PostgreSQL ends the frozen session after 5 s idle in its transaction, after which the claim succeeds.
    const code2 = `FE${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    await s1.createMatch(code2, meta);
    const frozen = await pool.connect();
    frozen.on("error", () => {});
    await frozen.query("BEGIN");
    await frozen.query("UPDATE matches SET updated_at = updated_at WHERE code = $1", [code2]);
    expect(await s2.claim(code2, "p1", 1)).toBe(false);
    await waitFor(async () => s2.claim(code2, "p1", 1), 15_000, "the frozen session to end");
    await expect(frozen.query("COMMIT")).rejects.toThrow();
    frozen.release(true);
    expect(s2.standing(code2)).toBe("held");
    // A round index is written once, even by its holder.
    await expect(
      winner.appendRound(code, 1, [{ actions: [{ kind: "again" } as any] }], null, meta),
    ).rejects.toBeInstanceOf(FencedError);
    await Promise.all([s1.close(), s2.close(), s3.close()]);
  });

  // The resumed owner finds out by its next renewal (it runs at once on resume), or, when it renews rarely (here never:
  // a sweep every hour), by the refusal of its next write: a round resolved by its clients' orders after the resume.
  it.each([
    ["its renewal", 52, undefined],
    ["a refused write", 49, { SWEEP_SECONDS: "3600" }], // a seed whose match outlasts the freeze (rules 2.2: 53 ends in round 2)
  ] as const)(
    "an owner frozen (SIGSTOP) past its lease is fenced when resumed (learning it by %s): one history, no lost or doubled round",
    async (via, seed, ownerEnv) => {
      const { code, a, b, own, survivor } = await twoProcessMatch(
        seed,
        { news: 1, deliberation: 1, orders: 1800, report: 1 },
        ownerEnv,
      );
      const tokens = { a: a.token!, b: b.token! };
      const closed: Record<string, number | null> = { a: null, b: null };
      a.room.onLeave((c) => (closed.a = c));
      b.room.onLeave((c) => (closed.b = c));
      expect(await owner(code)).toMatchObject({ epoch: 1 });
      // Rounds flow as fast as the players answer: the owner is frozen in the middle of whatever it was doing.
      const pa = autoPlay(a, seed);
      const pb = autoPlay(b, seed);
      a.room.send(MSG.hostStart, {});
      await a.until(() => a.reports.length >= 2, 15_000, "2 rounds");
      own.child.kill("SIGSTOP");
      // The survivor finds the lease expired and the owner silent, claims the match (epoch 2) and restores it.
      await waitFor(async () => (await getJson(`${survivor.http}/healthz`)).body.rooms === 1, 30_000, "takeover");
      expect(await owner(code)).toMatchObject({ epoch: 2 });
      const seenOnOld = { a: a.reports.slice(), b: b.reports.slice() };
      own.child.kill("SIGCONT");

      // The old owner finds out (a refused write or its next renewal), stops serving: its clients are told to move.
      await waitFor(() => closed.a !== null && closed.b !== null, 15_000, "the old owner closing its clients");
      pa.stop();
      pb.stop();
      expect(closed).toEqual({ a: 4100, b: 4100 });
      const fence = own.logs.find((l) => l.event === "match.fenced" && l.code === code);
      expect(fence).toBeDefined();
      console.log(`the resumed owner learned it was fenced by: ${fence!.reason}`);
      expect(fence!.reason).toMatch(
        via === "its renewal" ? /renew/ : /taken over by another process \((appendRound|saveMeta) refused\)$/,
      );
      // Whatever the old owner showed before it learned, it showed through the store: nothing after the freeze.
      seenOnOld.a = a.reports.slice();
      seenOnOld.b = b.reports.slice();
      // It is still a healthy process, serving nothing of that match, and a join through it reaches the new owner.
      expect((await getJson(`${own.http}/healthz`)).body).toMatchObject({ rooms: 0 });
      const a2 = await rejoin(survivor.url, code, {
        seatToken: tokens.a.seatToken!,
        hostToken: tokens.a.hostToken!,
        name: "Ada",
      });
      const b2 = await rejoin(own.url, code, { seatToken: tokens.b.seatToken!, name: "Bob" });
      expect(a2.token).toMatchObject({ code, seat: 0, seatToken: tokens.a.seatToken });
      expect(b2.token).toMatchObject({ code, seat: 1, seatToken: tokens.b.seatToken });
      expect((await getJson(`${survivor.http}/healthz`)).body).toMatchObject({ rooms: 1, clients: 2 });
      const qa = autoPlay(a2, seed);
      const qb = autoPlay(b2, seed);
      await a2.until(() => !!a2.ended, 60_000, "end");
      await b2.until(() => !!b2.ended, 10_000, "end");
      qa.stop();
      qb.stop();

      // Exactly one history: the record is the uninterrupted match, each round stored once, and every report any
      // client saw, on either process, is that record's report.
      const record = (await getJson(`${survivor.http}/api/matches/${code}/record`)).body as MatchRecord;
      const off = offlineMatch(record, new Set([0, 1]));
      expect(record.ordersByRound).toEqual(off.orders);
      const { state, reports } = replay(record);
      expect(state).toEqual(off.state);
      expect(await roundRows(code)).toEqual(record.ordersByRound.map((_, i) => i));
      const mine = (seat: number) => reports.map((r: RoundReport) => reportFor(r, seat));
      expect(a2.reports).toEqual(mine(0));
      expect(b2.reports).toEqual(mine(1));
      expect(seenOnOld.a).toEqual(mine(0).slice(0, seenOnOld.a.length));
      expect(seenOnOld.b).toEqual(mine(1).slice(0, seenOnOld.b.length));
      expect(await owner(code)).toMatchObject({ epoch: 2 });
      await a2.room.leave();
      await b2.room.leave();
      await Promise.all([killChild(own.child, "SIGTERM"), killChild(survivor.child, "SIGTERM")]);
    },
    120_000,
  );

  it("kill -9 of the owner: the survivor serves the match again within 10 s", async () => {
    const seed = 51;
    const { code, a, b, own, survivor } = await twoProcessMatch(seed, {
      news: 1,
      deliberation: 1,
      orders: 1800,
      report: 1,
    });
    const tokens = { a: a.token!, b: b.token! };
    const pa = autoPlay(a, seed);
    const pb = autoPlay(b, seed);
    a.room.send(MSG.hostStart, {});
    await a.until(() => a.reports.length >= 2, 15_000, "2 rounds");
    pa.stop();
    pb.stop();
    const t0 = Date.now();
    own.child.kill("SIGKILL");
    const a2 = await rejoin(survivor.url, code, {
      seatToken: tokens.a.seatToken!,
      hostToken: tokens.a.hostToken!,
      name: "Ada",
    });
    const takeoverMs = Date.now() - t0;
    console.log(`takeover after kill -9: ${takeoverMs} ms`);
    expect(a2.token).toMatchObject({ code, seat: 0 });
    expect(takeoverMs).toBeLessThanOrEqual(10_000);
    await a2.room.leave();
    await killChild(survivor.child, "SIGTERM");
  }, 90_000);
});
