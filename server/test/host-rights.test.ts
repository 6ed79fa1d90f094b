// Host rights follow the seat: the record (which replays every secret) and the session export are open mid-match only
// to a host who holds no seat now and has held none since the start — leaving, reclaiming or reconnecting change that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG } from "@metastrategy/shared";
import { create, join, testServer, type Follower } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer({ timerScale: 1 });
});
afterAll(async () => {
  await srv.close();
});

const T = 10_000;
const TIMERS = { news: 600, deliberation: 1800, orders: 1800, report: 600 };
const status = async (code: string, hostToken: string, what = "record") =>
  (await fetch(`${srv.http}/api/matches/${code}/${what}?hostToken=${hostToken}`)).status;

async function seated(f: Follower, seat: number): Promise<void> {
  if (f.token?.seat !== seat) f.room.send(MSG.takeSeat, { seat });
  await f.until(() => f.token?.seat === seat, T, `seat ${seat}`);
}

/** A match the host starts without a seat: P holds seat 1, Q seat 0 (the host's until it left it). */
async function seatlessHostMatch(seed: number) {
  const host = await create(srv.url, {
    seed,
    seats: [{ role: "lab" }, { role: "lab" }, { role: "regulator", bot: true }],
    timers: TIMERS,
  });
  const code = host.token!.code;
  const hostToken = host.token!.hostToken!;
  const p = await join(srv.url, code, { name: "P" });
  await seated(p, 1);
  if (host.token!.seat !== null) {
    host.room.send(MSG.leaveSeat, {});
    await host.until(() => host.token?.seat === null, T, "host unseated");
  }
  const q = await join(srv.url, code, { name: "Q" });
  await seated(q, 0);
  host.room.send(MSG.hostStart, {});
  await host.until(() => host.phase !== "lobby", T, "started");
  return { host, p, q, code, hostToken };
}

describe("host rights follow the seat", () => {
  it("a seatless host reads the record mid-match until it takes a seat, and not again after leaving it", async () => {
    const { host, p, q, code, hostToken } = await seatlessHostMatch(41);
    expect(await status(code, hostToken)).toBe(200);
    // Reconnecting without a seat keeps the right.
    await host.room.leave();
    const again = await join(srv.url, code, { hostToken });
    expect(again.token!.isHost).toBe(true);
    expect(again.token!.seat).toBeNull();
    expect(await status(code, hostToken)).toBe(200);
    // Taking Q's seat with its token (reclaim): from now on the host reads only that seat, for good.
    again.room.send(MSG.reclaim, { seat: 0, token: q.token!.seatToken! });
    await again.until(() => again.token?.seat === 0, T, "host seated by reclaim");
    expect(await status(code, hostToken)).toBe(403);
    expect(await status(code, hostToken, "session.json")).toBe(403);
    await again.room.leave();
    const later = await join(srv.url, code, { hostToken });
    expect(later.token!.seat).toBeNull();
    expect(await status(code, hostToken)).toBe(403);
    await Promise.all([later, p, q].map((f) => f.room.leave()));
  });

  it("a host who reconnects into a seat with a seat token loses the right too", async () => {
    const { host, p, q, code, hostToken } = await seatlessHostMatch(42);
    expect(await status(code, hostToken)).toBe(200);
    const twin = await join(srv.url, code, { hostToken, seatToken: p.token!.seatToken! });
    expect(twin.token!.isHost).toBe(true);
    expect(twin.token!.seat).toBe(1);
    expect(await status(code, hostToken)).toBe(403);
    await Promise.all([twin, host, p, q].map((f) => f.room.leave()));
  });
});
