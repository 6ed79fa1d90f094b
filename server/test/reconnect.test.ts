// A dropped client keeps its seat (its bot plays meanwhile) and comes back with a reconnection or seat token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { MSG, type MatchRecord } from "@metastrategy/shared";
import { Follower, autoPlay, create, getJson, join, testServer } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer({ reconnectSeconds: 1 });
});
afterAll(async () => {
  await srv.close();
});

const TIMERS = { news: 0, deliberation: 0, orders: 1000, report: 0 }; // 10 s orders: only early ends move on
const drop = (f: Follower) => (f.room as any).connection.transport.ws.close();

async function twoPlayers(seed: number) {
  const a = await create(srv.url, {
    seed,
    rounds: 4,
    seats: [{ role: "lab" }, { role: "regulator" }, { role: "lab", bot: true }, { role: "researcher", bot: true }],
    timers: TIMERS,
  });
  const b = await join(srv.url, a.token!.code, { name: "B" });
  b.room.send(MSG.takeSeat, { seat: 1 });
  await b.until(() => b.token!.seat === 1);
  return { a, b, code: a.token!.code };
}

describe("reconnection", () => {
  it("a client dropped mid-round reconnects with its token to the same seat and its orders count", async () => {
    const seed = 31;
    const { a, b, code } = await twoPlayers(seed);
    const pa = autoPlay(a, seed);
    const pb = autoPlay(b, seed, { skipRounds: [2] });
    a.room.send(MSG.hostStart, {});
    await b.until(() => b.round === 2 && b.phase === "orders" && !!b.seatView(), 10_000, "round 2 orders");
    const token = b.room.reconnectionToken;
    pb.stop();
    drop(b);
    await a.until(() => a.state.seats[1].connected === false, 5000, "b away");
    expect(a.state.seats[1].kind).toBe("human");
    await a.until(() => a.state.seats[0].submitted, 5000, "a submitted");
    // Still in round 2: the dropped seat may come back, so the orders phase waits for it.
    expect(a.round).toBe(2);
    const room = await new Client(srv.url).reconnect(token);
    const b2 = new Follower(room);
    await b2.until(() => b2.token?.seat === 1 && !!b2.seatView(), 5000, "back in seat 1");
    expect(b2.reports.length).toBe(1); // the backlog came again
    expect(b2.token!.seatToken).toBe(b.token!.seatToken);
    await a.until(() => a.state.seats[1].connected === true, 5000, "b connected");
    const pb2 = autoPlay(b2, seed);
    await a.until(() => !!a.ended, 10_000, "end");
    const record = (await getJson(`${srv.http}/api/matches/${code}/record`)).body as MatchRecord;
    expect(record.ordersByRound[1][1]).toEqual(pb2.sent.get(2));
    pa.stop();
    pb2.stop();
    await a.room.leave();
    await b2.room.leave();
  });

  it("after the reconnection window the bot plays the seat, and the seat token brings the player back", async () => {
    const seed = 32;
    const { a, b, code } = await twoPlayers(seed);
    const pa = autoPlay(a, seed);
    const pb = autoPlay(b, seed);
    a.room.send(MSG.hostStart, {});
    await b.until(() => b.round === 2 && b.phase === "orders" && !!b.seatView(), 10_000, "round 2");
    const seatToken = b.token!.seatToken!;
    pb.stop();
    await b.until(() => b.state.seats[1].submitted || b.round > 2, 5000, "b's round 2 orders in");
    drop(b);
    // The window closes (1 s), the seat stops holding up rounds: bots play it while a plays on.
    await a.until(() => a.round >= 4, 10_000, "rounds go on without b");
    expect(a.state.seats[1].kind).toBe("human");
    expect(a.state.seats[1].connected).toBe(false);
    // Reload after the window: join by code with the seat token.
    const b2 = await join(srv.url, code, { seatToken, name: "B again" });
    expect(b2.token!.seat).toBe(1);
    await b2.until(() => !!b2.seatView() || !!b2.ended, 5000, "secret back");
    await a.until(() => a.state.seats[1].connected === true || !!a.ended, 5000, "connected");
    // A wrong token gets nothing.
    const c = await join(srv.url, code, { seatToken: "not-a-token-at-all" });
    expect(c.token!.seat).toBeNull();
    c.room.send(MSG.reclaim, { seat: 1, token: "not-a-token-at-all" });
    await c.until(() => c.errors.length > 0, 5000, "refused");
    expect(c.errors[0].code).toBe("wrong_token");
    // The right token in a reclaim message works too (a second member of the seat).
    c.room.send(MSG.reclaim, { seat: 1, token: seatToken });
    await c.until(() => c.token!.seat === 1 || !!c.ended, 5000, "reclaimed");
    a.room.send(MSG.hostEndMatch, {});
    await a.until(() => !!a.ended, 5000, "ended");
    pa.stop();
    for (const f of [a, b2, c]) await f.room.leave();
  });

  it("a consented leave in the lobby frees the seat", async () => {
    const { a, b } = await twoPlayers(33);
    await b.room.leave(true);
    await a.until(() => a.state.seats[1].kind === "open", 5000, "seat open");
    await a.room.leave();
  });
});
