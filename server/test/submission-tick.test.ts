// A player's submission tick (its `submitted` flag to the other seats) may wait for the round's results, up to
// SUBMISSION_TICK_MS: when the last orders follow soon enough, it arrives in the frame of the results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG } from "@metastrategy/shared";
import { SUBMISSION_TICK_MS } from "../src/match/match.js";
import { bytesOf, create, humanOrders, join, testServer, type Follower } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

const TIMERS = { news: 0, deliberation: 0, orders: 1800, report: 0 }; // 18 s orders: only early ends move on
const SEED = 41;

async function twoPlayers(): Promise<{ a: Follower; b: Follower }> {
  const a = await create(srv.url, {
    seed: SEED,
    rounds: 3,
    seats: [{ role: "lab" }, { role: "regulator" }, { role: "lab", bot: true }, { role: "researcher", bot: true }],
    timers: TIMERS,
  });
  const b = await join(srv.url, a.token!.code, { name: "B" });
  b.room.send(MSG.takeSeat, { seat: 1 });
  await b.until(() => b.token!.seat === 1);
  return { a, b };
}

const ordersOpen = (f: Follower, round: number) => f.round === round && f.phase === "orders" && !!f.seatView();

describe("submission ticks", () => {
  it("ride on the results when the last orders follow soon; alone, they arrive within SUBMISSION_TICK_MS", async () => {
    const { a, b } = await twoPlayers();
    // What b sees of a's submission while the orders are open.
    const seen: { round: number; at: number }[] = [];
    b.room.onStateChange(() => {
      if (b.phase === "orders" && b.state.seats[0]?.submitted && !seen.some((s) => s.round === b.round))
        seen.push({ round: b.round, at: Date.now() });
    });
    a.room.send(MSG.hostStart, {});
    await a.until(() => ordersOpen(a, 1), 5000, "a in round 1");
    await b.until(() => ordersOpen(b, 1), 5000, "b in round 1");

    // Round 1: b's orders follow a's within the window: a's tick comes with the results, in the same frame.
    const mark = bytesOf(b.room).length;
    a.room.send(MSG.orders, humanOrders(a.seatView()!, SEED));
    await new Promise((r) => setTimeout(r, 100));
    b.room.send(MSG.orders, humanOrders(b.seatView()!, SEED));
    await b.until(() => ordersOpen(b, 2), 5000, "round 2 orders");
    expect(seen.filter((s) => s.round === 1)).toEqual([]);
    // The results (one frame), then the next round's orders phase (one frame; no chat at this table without talk).
    expect(bytesOf(b.room).length - mark).toBeLessThanOrEqual(2);

    // Round 2: b waits: a's tick reaches b on its own, no later than the window (and a bit of slack).
    await a.until(() => ordersOpen(a, 2), 5000, "a in round 2");
    const sentAt = Date.now();
    a.room.send(MSG.orders, humanOrders(a.seatView()!, SEED));
    await b.until(() => seen.some((s) => s.round === 2), SUBMISSION_TICK_MS + 2000, "a's tick");
    expect(b.round).toBe(2);
    expect(seen.find((s) => s.round === 2)!.at - sentAt).toBeLessThan(SUBMISSION_TICK_MS + 1000);
    b.room.send(MSG.orders, humanOrders(b.seatView()!, SEED));
    await b.until(() => b.round === 3, 5000, "round 3");
    await a.room.leave();
    await b.room.leave();
  });
});
