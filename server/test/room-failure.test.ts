// A failure confined to one room (here: a throw while a round resolves, outside any message handler) does not stop the
// process: the room is rebuilt from its record with every resolved round, its players rejoin with their seat tokens,
// and the other matches of the process never notice. Plus the last-resort process policy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { MSG } from "@metastrategy/shared";
import { liveRooms } from "../src/rooms/MatchRoom.js";
import { Metrics } from "../src/http/metrics.js";
import { ERROR_BURST, installProcessPolicy, isProcessFault } from "../src/process.js";
import { autoPlay, create, join, testServer } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer({ reconnectSeconds: 30 });
});
afterAll(async () => {
  await srv.close();
});

const T = 15_000;
const TIMERS = { news: 1, deliberation: 1, orders: 1800, report: 1 }; // × 0.01: orders end when the human submits
const roomOf = (code: string) => [...liveRooms].find((r) => r.code === code) as any;

describe("a failure inside one room", () => {
  it("rebuilds that room from its record; its players rejoin; another match plays on", async () => {
    const a = await create(srv.url, {
      seed: 51,
      rounds: 4,
      seats: [{ role: "lab" }, { role: "regulator", bot: true }],
      timers: TIMERS,
    });
    const b = await create(srv.url, {
      seed: 52,
      rounds: 3,
      seats: [{ role: "lab" }, { role: "lab", bot: true }],
      timers: TIMERS,
    });
    const codeA = a.token!.code;
    const tokenA = a.token!.seatToken!;
    const playA = autoPlay(a, 51);
    const playB = autoPlay(b, 52);
    a.room.send(MSG.hostStart, {});
    b.room.send(MSG.hostStart, {});
    await a.until(() => a.reports.length >= 1, T, "A's first round");
    // Round 2 of A fails after its orders are stored, while the room updates its views.
    const room = roomOf(codeA);
    const left = new Promise<number>((resolve) => a.room.onLeave(resolve));
    const sync = room.match.syncGame.bind(room.match);
    let thrown = 0;
    room.match.syncGame = () => {
      if (room.match.game?.round === 3 && thrown++ === 0) throw new Error("injected failure"); // round 2 just resolved
      return sync();
    };
    await left;
    playA.stop();
    await new Promise<void>((resolve) => {
      const check = () => (roomOf(codeA) && roomOf(codeA) !== room ? resolve() : setTimeout(check, 20));
      check();
    });
    expect(srv.ctx.metrics.roomsRebuilt).toBe(1);
    expect(srv.ctx.metrics.roomErrors).toBeGreaterThanOrEqual(1);
    // The rebuilt room holds both resolved rounds; the player rejoins with its token and finishes the match.
    expect(roomOf(codeA).match.record.ordersByRound.length).toBe(2);
    const back = await join(srv.url, codeA, { seatToken: tokenA });
    expect(back.token!.seat).toBe(0);
    await back.until(() => back.reports.length === 2, T, "both reports after the rebuild");
    autoPlay(back, 51);
    await back.until(() => !!back.ended, 30_000, "A's end");
    expect(back.ended!.aborted).toBe(false);
    // B never noticed.
    await b.until(() => !!b.ended, 30_000, "B's end");
    expect(b.errors).toEqual([]);
    playB.stop();
    await Promise.all([back.room.leave(), b.room.leave()]);
  });
});

describe("the process policy", () => {
  it("logs and keeps serving after stray errors; exits on a process fault or a burst", () => {
    expect(isProcessFault(Object.assign(new Error("x"), { code: "EADDRINUSE" }))).toBe(true);
    expect(isProcessFault(new TypeError("cannot read x of undefined"))).toBe(false);
    const before = process.listeners("uncaughtException").slice();
    const beforeRej = process.listeners("unhandledRejection").slice();
    const exits: number[] = [];
    const metrics = new Metrics();
    installProcessPolicy(pino({ level: "silent" }), metrics, (c) => exits.push(c));
    const handler = process.listeners("uncaughtException").find((l) => !before.includes(l))!;
    const rejection = process.listeners("unhandledRejection").find((l) => !beforeRej.includes(l))!;
    try {
      (handler as (e: unknown) => void)(new TypeError("stray"));
      (rejection as (e: unknown) => void)(new Error("stray rejection"));
      expect(exits).toEqual([]);
      expect(metrics.processErrors).toBe(2);
      (handler as (e: unknown) => void)(Object.assign(new Error("no memory"), { code: "ERR_OUT_OF_MEMORY" }));
      expect(exits).toEqual([1]);
      for (let i = 0; i < ERROR_BURST; i++) (handler as (e: unknown) => void)(new Error("again"));
      expect(exits.length).toBeGreaterThan(1);
    } finally {
      process.removeListener("uncaughtException", handler as never);
      process.removeListener("unhandledRejection", rejection as never);
    }
  });
});
