// Restart mid-match: the server process is killed and started again; clients rejoin with their tokens and finish.
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { MSG, replay, type MatchRecord } from "@metastrategy/shared";
import { autoPlay, create, getJson, join, offlineMatch, tempDir } from "./helpers.js";
import { freePort, killChild, spawnGameServer } from "./infra.js";

const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) await killChild(c);
});

describe("restart", () => {
  it("a match killed mid-way is restored from its record; players rejoin and it ends as the uninterrupted match", async () => {
    const port = await freePort();
    const dataDir = tempDir("ms-restart-");
    const url = `ws://127.0.0.1:${port}`;
    const http = `http://127.0.0.1:${port}`;
    const seed = 41;
    const seats = [
      { role: "lab" },
      { role: "regulator" },
      { role: "lab", bot: true },
      { role: "lab", bot: true },
      { role: "researcher", bot: true },
      { role: "researcher", bot: true },
    ];
    const timers = { news: 1, deliberation: 1, orders: 1800, report: 1 };

    let server = await spawnGameServer(port, dataDir, children);
    const a = await create(url, { seed, seats, timers, player: { name: "Ada" } });
    const code = a.token!.code;
    const b = await join(url, code, { name: "Bob" });
    b.room.send(MSG.takeSeat, { seat: 1 });
    await b.until(() => b.token!.seat === 1);
    const tokens = { a: a.token!, b: b.token! };
    const pa = autoPlay(a, seed);
    const pb = autoPlay(b, seed);
    a.room.send(MSG.hostStart, {});
    await a.until(() => a.reports.length >= 3, 10_000, "3 rounds");
    const reportsBefore = a.reports.slice(0, 3);
    pa.stop();
    pb.stop();
    await killChild(server);

    server = await spawnGameServer(port, dataDir, children);
    const health = await getJson(`${http}/healthz`);
    expect(health.body).toMatchObject({ ok: true, rooms: 1 });
    // Not public yet (unfinished), not even to the host, who plays a seat.
    expect((await getJson(`${http}/api/matches/${code}/record`)).status).toBe(403);
    expect((await getJson(`${http}/api/matches/${code}/record?hostToken=${tokens.a.hostToken}`)).status).toBe(403);

    const a2 = await join(url, code, { seatToken: tokens.a.seatToken!, hostToken: tokens.a.hostToken!, name: "Ada" });
    const b2 = await join(url, code, { seatToken: tokens.b.seatToken!, name: "Bob" });
    expect(a2.token).toMatchObject({ seat: 0, isHost: true, seatToken: tokens.a.seatToken });
    expect(b2.token).toMatchObject({ seat: 1, seatToken: tokens.b.seatToken });
    await a2.until(() => a2.reports.length >= reportsBefore.length, 5000, "backlog");
    expect(a2.reports.slice(0, 3)).toEqual(reportsBefore);
    const qa = autoPlay(a2, seed);
    const qb = autoPlay(b2, seed);
    await a2.until(() => !!a2.ended, 20_000, "end");
    qa.stop();
    qb.stop();

    const record = (await getJson(`${http}/api/matches/${code}/record`)).body as MatchRecord;
    const final = replay(record).state;
    const view = a2.ended!.view!;
    expect(final.scores).toEqual(view.scores);
    expect(final.end).toEqual(view.end);
    // The same as the match played without interruption.
    const off = offlineMatch(record, new Set([0, 1]));
    expect(record.ordersByRound).toEqual(off.orders);
    expect(off.state).toEqual(final);
    expect(view.reveal!.history).toEqual(off.state.history);
    await a2.room.leave();
    await b2.room.leave();
    await killChild(server);
  }, 60_000);

  it("a lobby survives a graceful restart (SIGTERM) with its seats, tokens and host", async () => {
    const port = await freePort();
    const dataDir = tempDir("ms-restart-");
    const url = `ws://127.0.0.1:${port}`;
    let server = await spawnGameServer(port, dataDir, children);
    const a = await create(url, {
      seed: 5,
      rounds: 1,
      seats: [{ role: "lab" }, { role: "lab" }, { role: "regulator", bot: true }],
      timers: { news: 0, deliberation: 0, orders: 100, report: 0 },
      player: { name: "Ada" },
    });
    const code = a.token!.code;
    a.room.send(MSG.setDoctrine, { doctrine: "transhumanist" });
    await a.until(() => a.state.seats[0].doctrine === "transhumanist");
    const tok = a.token!;
    await killChild(server, "SIGTERM");
    server = await spawnGameServer(port, dataDir, children);
    const a2 = await join(url, code, { seatToken: tok.seatToken!, hostToken: tok.hostToken!, name: "Ada" });
    expect(a2.token).toMatchObject({ seat: 0, isHost: true });
    expect(a2.state.phase).toBe("lobby");
    expect(a2.state.seats[0].doctrine).toBe("transhumanist");
    expect(a2.state.seats[1].kind).toBe("open");
    const p = autoPlay(a2, 5);
    a2.room.send(MSG.hostStart, {});
    await a2.until(() => !!a2.ended, 10_000, "end");
    expect(a2.ended!.view!.seats[0].doctrine === "transhumanist" || a2.ended!.view!.seats[0].name === "Ada").toBe(true);
    p.stop();
    await a2.room.leave();
    await killChild(server);
  });
});
