// HTTP endpoints, the lobby listing, quick match, the terminal client, and bots that do not block the loop.
import { performance } from "node:perf_hooks";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { MSG, SCENARIOS, botOrders, createMatch, seatView, type MatchRecord } from "@metastrategy/shared";
import { botIntentLines, fillWithBots } from "../src/match/bots.js";
import { FAST, autoPlay, create, getJson, join, testServer } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

describe("HTTP", () => {
  it("health, metrics, record access rules, CSV export and SPA fallback", async () => {
    const h0 = await getJson(`${srv.http}/healthz`);
    expect(h0.status).toBe(200);
    expect(h0.body).toMatchObject({ ok: true, rooms: 0, clients: 0 });
    const a = await create(srv.url, {
      seed: 6,
      rounds: 2,
      seats: [{ role: "lab" }, { role: "lab", bot: true }],
      timers: { ...FAST, orders: 1800 },
    });
    const code = a.token!.code;
    expect((await getJson(`${srv.http}/healthz`)).body).toMatchObject({ rooms: 1, clients: 1 });
    expect((await getJson(`${srv.http}/api/matches/${code}/record`)).status).toBe(404); // not started: no record yet
    const p = autoPlay(a, 6, { skipRounds: [2] });
    a.room.send(MSG.hostStart, {});
    await a.until(() => a.reports.length >= 1, 5000, "a round");
    expect((await getJson(`${srv.http}/api/matches/${code}/record`)).status).toBe(403);
    expect((await getJson(`${srv.http}/api/matches/${code}/export.csv`)).status).toBe(403);
    expect((await getJson(`${srv.http}/api/matches/${code}/record?hostToken=wrong`)).status).toBe(403);
    // The host plays a seat here: the record (which replays every secret) waits for the end for it too.
    const r = await fetch(`${srv.http}/api/matches/${code}/record`, {
      headers: { "x-host-token": a.token!.hostToken! },
    });
    expect(r.status).toBe(403);
    await a.until(() => a.round === 2 && a.phase === "orders", 5000, "round 2");
    a.room.send(MSG.orders, { actions: [] });
    await a.until(() => !!a.ended, 5000, "end");
    p.stop();
    const rec = await getJson(`${srv.http}/api/matches/${code.toLowerCase()}/record`);
    expect(rec.status).toBe(200);
    expect((rec.body as MatchRecord).ordersByRound.length).toBe(2);
    const csv = await fetch(`${srv.http}/api/matches/${code}/export.csv`);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toMatch(/^round,seat,name,role/);
    expect(lines.length).toBe(1 + 2 * 2);
    expect((await getJson(`${srv.http}/api/matches/NOPE22/record`)).status).toBe(404);

    const m = await (await fetch(`${srv.http}/metrics`)).text();
    expect(m).toMatch(/^metastrategy_rooms \d+$/m);
    expect(m).toMatch(/^metastrategy_clients \d+$/m);
    expect(m).toMatch(/^metastrategy_rounds_resolved_total [1-9]\d*$/m);
    expect(m).toMatch(/^metastrategy_resolution_seconds_bucket\{le="\+Inf"\} [1-9]/m);
    expect(m).toMatch(/^metastrategy_resolution_seconds_count [1-9]/m);

    const spa = await fetch(`${srv.http}/projector?code=${code}`);
    expect(spa.status).toBe(200);
    expect(await spa.text()).toMatch(/<html/i);
    await a.room.leave();
  });

  it("lists public matches in real time and quick match joins or creates one", async () => {
    const lobby = await new Client(srv.url).joinOrCreate("lobby");
    let rooms: any[] = [];
    const changed: (() => void)[] = [];
    const poke = () => changed.splice(0).forEach((f) => f());
    lobby.onMessage("rooms", (r) => {
      rooms = r;
      poke();
    });
    lobby.onMessage("+", ([id, room]) => {
      rooms = rooms.filter((r) => r.roomId !== id).concat(room);
      poke();
    });
    lobby.onMessage("-", (id) => {
      rooms = rooms.filter((r) => r.roomId !== id);
      poke();
    });
    const until = async (test: () => boolean) => {
      while (!test()) await new Promise<void>((r) => changed.push(r));
    };
    const priv = await create(srv.url, { seats: [{ role: "lab" }, { role: "lab" }] });
    const pub = await create(srv.url, { public: true, name: "Open table", seats: [{ role: "lab" }, { role: "lab" }] });
    await until(() => rooms.some((r) => r.roomId === pub.token!.code && r.metadata?.open === 1));
    expect(rooms.some((r) => r.roomId === priv.token!.code)).toBe(false);
    const listed = rooms.find((r) => r.roomId === pub.token!.code);
    expect(listed.metadata).toMatchObject({
      code: pub.token!.code,
      name: "Open table",
      phase: "lobby",
      seats: 2,
      open: 1,
      humans: 1,
    });

    const q = await fetch(`${srv.http}/api/quickmatch`, { method: "POST" }).then((r) => r.json());
    expect(q.code).toBe(pub.token!.code);
    const joiner = await join(srv.url, q.code, { name: "Quick" });
    joiner.room.send(MSG.takeSeat, { seat: 1 });
    await until(() => rooms.some((r) => r.roomId === pub.token!.code && r.metadata?.open === 0));
    const q2 = await fetch(`${srv.http}/api/quickmatch`, { method: "POST" }).then((r) => r.json());
    expect(q2.code).not.toBe(pub.token!.code);
    const first = await join(srv.url, q2.code, { name: "First" });
    expect(first.token).toMatchObject({ isHost: true, seat: 0 });
    const list = await getJson(`${srv.http}/api/matches`);
    expect(list.body.map((r: any) => r.code)).toEqual(expect.arrayContaining([pub.token!.code, q2.code]));
    for (const f of [priv, pub, joiner, first]) await f.room.leave();
    await lobby.leave();
  });

  it("the terminal client plays a match to the end and prints the result", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "server/src/play.ts", "--url", srv.url, "--bots", "5", "--seed", "7", "--json"],
      { cwd: root, timeout: 30_000 },
    );
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(result.seed).toBe(7);
    expect(result.scores).toHaveLength(6);
    expect(typeof result.ending).toBe("string");
    expect(result.rounds).toBeGreaterThan(0);
    expect(result.errors).toEqual([]);
  });
});

describe("bots", () => {
  it("bot seats state their intent only when a human sits at the table", () => {
    const seats = SCENARIOS.baseline.table.map((role) => ({ role, doctrine: "incrementalist" as const }));
    const s = createMatch({ scenario: "baseline", seed: 3, seats });
    const meta = seats.map((_, i) => ({ kind: i === 0 ? "human" : "bot", name: `Seat ${i}` }));
    const lines = botIntentLines(s, meta);
    expect(lines.map((l) => l.seat)).toEqual([1, 2, 3, 4, 5]);
    for (const l of lines) expect(l.text).toMatch(/^This round I plan to |^I'm sitting this round out/);
    expect(
      botIntentLines(
        s,
        meta.map((m) => ({ ...m, kind: "bot" })),
      ),
    ).toEqual([]);
  });

  it.each(["hard", "expert"] as const)(
    "%s bots run off the event loop, and the worker's orders equal the engine's",
    async (level) => {
      const seats = SCENARIOS.baseline.table.map((role) => ({ role, doctrine: "conservative" as const }));
      const s = createMatch({ scenario: "baseline", seed: 7, seats });
      await fillWithBots(
        s,
        seats.map(() => null),
        (i) => (i === 0 ? "hard" : "normal"),
      ); // the worker's start-up is not what is measured
      // The main thread's event-loop utilisation over the decision: near 1 if the search ran here, low if a worker ran it.
      // (A wall-clock gap would depend on the machine's load; the share of time the loop was busy does not.)
      let ticks = 0;
      const iv = setInterval(() => ticks++, 2);
      const before = performance.eventLoopUtilization();
      const orders = await fillWithBots(
        s,
        seats.map(() => null),
        (i) => (i === 0 ? level : "normal"),
      );
      const busy = performance.eventLoopUtilization(before);
      clearInterval(iv);
      expect(orders).toHaveLength(6);
      expect(orders[0]).toEqual(botOrders(seatView(s, 0, { history: false }), { difficulty: level, seed: s.seed }));
      expect(ticks).toBeGreaterThan(3);
      expect(busy.utilization).toBeLessThan(0.5);
    },
  );
});
