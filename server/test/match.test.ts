// Whole matches through real colyseus.js clients against a real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG, botOrders, replay, seatView, createMatch, resolveRound, type MatchRecord } from "@metastrategy/shared";
import { FAST, autoPlay, create, getJson, join, offlineMatch, testServer } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

const SIX = [
  { role: "lab" },
  { role: "lab" },
  { role: "lab", bot: true },
  { role: "regulator", bot: true, difficulty: "easy" },
  { role: "researcher", bot: true },
  { role: "researcher", bot: true, difficulty: "hard" },
];

describe("a full match", () => {
  it("2 clients and 4 bots play to the end; the result is the replay of the stored record and of the offline match", async () => {
    const seed = 11;
    const a = await create(srv.url, { seed, seats: SIX, timers: FAST, player: { name: "Ada" } });
    expect(a.token!.seat).toBe(0);
    expect(a.token!.isHost).toBe(true);
    const code = a.token!.code;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const b = await join(srv.url, code, { name: "Bob" });
    expect(b.token!.seat).toBeNull();
    b.room.send(MSG.takeSeat, { seat: 0 });
    await b.until(() => b.errors.length > 0, 5000, "refusal");
    expect(b.errors[0].code).toBe("seat_taken");
    b.room.send(MSG.takeSeat, { seat: 1 });
    await b.until(() => b.token!.seat === 1, 5000, "seat 1");
    b.room.send(MSG.setDoctrine, { doctrine: "butlerian" });
    b.room.send(MSG.ready, { ready: true });
    await a.until(() => a.state.seats[1].doctrine === "butlerian" && a.state.seats[1].ready, 5000, "doctrine");
    expect(a.state.seats[1].kind).toBe("human");
    expect(a.state.seats[2].kind).toBe("bot");

    const pa = autoPlay(a, seed);
    const pb = autoPlay(b, seed);
    a.room.send(MSG.hostStart, {});
    await a.until(() => !!a.ended, 20_000, "end");
    await b.until(() => !!b.ended, 5000, "end b");
    pa.stop();
    pb.stop();

    const view = a.ended!.view!;
    expect(a.ended!.aborted).toBe(false);
    expect(view.end).not.toBeNull();
    expect(view.reveal).not.toBeNull();
    expect(a.phase).toBe("ended");
    expect(a.reports.length).toBe(view.round);
    expect(a.history.length).toBe(view.round);

    // The stored record is public once the match has ended, and it is the match.
    const rec = await getJson(`${srv.http}/api/matches/${code}/record`);
    expect(rec.status).toBe(200);
    const record = rec.body as MatchRecord;
    expect(record.ordersByRound.length).toBe(view.round);
    const { state } = replay(record);
    expect(state.scores).toEqual(view.scores);
    expect(state.end).toEqual(view.end);
    expect(state.seats[1].doctrine === "butlerian" || state.seats[1].switched).toBe(true);
    // The humans' orders are what they sent.
    for (const [round, o] of pa.sent) expect(record.ordersByRound[round - 1][0]).toEqual(o);
    for (const [round, o] of pb.sent) expect(record.ordersByRound[round - 1][1]).toEqual(o);
    // And the whole match equals the one computed offline by the engine alone.
    const diff = (i: number) => (i === 3 ? "easy" : i === 5 ? "hard" : "normal");
    const off = offlineMatch(record, new Set([0, 1]), diff);
    expect(off.orders).toEqual(record.ordersByRound);
    expect(off.state.scores).toEqual(view.scores);

    const csv = await fetch(`${srv.http}/api/matches/${code}/export.csv`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines.length).toBe(1 + 6 * view.round);
    await a.room.leave();
    await b.room.leave();
  });

  it("ends the orders phase early when every human has submitted", async () => {
    const a = await create(srv.url, {
      seed: 3,
      rounds: 2,
      seats: [{ role: "lab" }, { role: "lab", bot: true }],
      timers: { news: 0, deliberation: 0, orders: 1800, report: 0 },
    });
    const p = autoPlay(a, 3);
    const t0 = Date.now();
    a.room.send(MSG.hostStart, {});
    await a.until(() => !!a.ended, 10_000, "end");
    // 2 rounds with an 18 s orders timer (1800 s × 0.01) finished at once.
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(p.sent.size).toBe(2);
    p.stop();
    await a.room.leave();
  });

  it("fills the orders of a human who does not submit with that seat's bot on timeout", async () => {
    const seed = 5;
    const a = await create(srv.url, {
      seed,
      rounds: 2,
      seats: [{ role: "lab" }, { role: "regulator" }, { role: "researcher", bot: true }],
      timers: { news: 0, deliberation: 0, orders: 10, report: 0 },
    });
    const b = await join(srv.url, a.token!.code, { name: "Quiet" });
    b.room.send(MSG.takeSeat, { seat: 1 });
    await b.until(() => b.token!.seat === 1);
    const p = autoPlay(a, seed);
    a.room.send(MSG.hostStart, {});
    await a.until(() => !!a.ended, 10_000, "end");
    p.stop();
    const rec = await getJson(`${srv.http}/api/matches/${a.token!.code}/record`);
    const record = rec.body as MatchRecord;
    let state = createMatch({
      scenario: record.scenario,
      seed: record.seed,
      seats: record.seats,
      overrides: record.overrides,
    });
    for (const orders of record.ordersByRound) {
      expect(orders[1]).toEqual(botOrders(seatView(state, 1, { history: false }), { difficulty: "normal", seed }));
      state = resolveRound(state, orders).state;
    }
    await a.room.leave();
    await b.room.leave();
  });
});

describe("the lobby and the host", () => {
  it("host changes settings and seats; empty seats become bots at start; others may not", async () => {
    const h = await create(srv.url, {
      mode: "online",
      seed: 1,
      timers: FAST,
      player: { name: "Teacher", spectator: true },
    });
    expect(h.token!.seat).toBeNull(); // a host who joins as a spectator holds no seat (classroom mode: test/classroom.test.ts)
    expect(h.state.seats.length).toBe(6);
    const p = await join(srv.url, h.token!.code, { name: "Pupil" });
    p.room.send(MSG.hostStart, {});
    await p.until(() => p.errors.some((e) => e.message === MSG.hostStart), 5000, "refused");
    expect(p.errors.at(-1)!.code).toBe("not_host");
    p.room.send(MSG.propose, { orders: { actions: [] } });
    await p.until(() => p.errors.some((e) => e.message === MSG.propose), 5000, "refused");
    expect(p.errors.at(-1)!.code).toBe("not_in_mode");

    h.room.send(MSG.hostSettings, { rounds: 2, scenario: "leaky", timers: { orders: 20 } });
    await h.until(
      () => h.state.rounds === 2 && h.state.scenario === "leaky" && h.state.timers.orders === 20,
      5000,
      "settings",
    );
    h.room.send(MSG.hostSeat, { seat: 6, bot: true, role: "regulator", difficulty: "easy" });
    await h.until(() => h.state.seats.length === 7, 5000, "seat added");
    h.room.send(MSG.hostSeat, { seat: 7, bot: true, role: "regulator" });
    await h.until(() => h.errors.length > 0, 5000, "too many regulators");
    expect(h.errors[0].code).toBe("bad_setup");
    expect(h.errors[0].reason).toMatch(/regulators/); // the engine's own reason rides along
    h.room.send(MSG.hostSeat, { seat: 6, bot: false, remove: true });
    await h.until(() => h.state.seats.length === 6, 5000, "seat removed");
    h.room.send(MSG.hostSeat, { seat: 2, bot: true, difficulty: "hard" });
    await h.until(() => h.state.seats[2].kind === "bot" && h.state.seats[2].difficulty === "hard", 5000, "bot");
    p.room.send(MSG.takeSeat, { seat: 2 });
    await p.until(() => p.errors.some((e) => e.message === MSG.takeSeat), 5000, "seat refused");
    p.room.send(MSG.takeSeat, { seat: 4 });
    await p.until(() => p.token!.seat === 4, 5000, "seat taken");
    h.room.send(MSG.hostKick, { seat: 4 });
    await p.until(() => p.token!.seat === null, 5000, "kicked");
    expect(h.state.seats[4].kind).toBe("open");
    p.room.send(MSG.takeSeat, { seat: 4 });
    await p.until(() => p.token!.seat === 4, 5000, "seat again");

    h.room.send(MSG.hostStart, {});
    await h.until(() => h.state.phase !== "lobby", 5000, "started");
    expect([...h.state.seats].map((s: any) => s.kind)).toEqual(["bot", "bot", "bot", "bot", "human", "bot"]);
    // Pause freezes the timer, resume restarts it, extend adds time, endPhase ends it.
    await h.until(() => h.phase === "orders", 5000, "orders");
    h.room.send(MSG.hostPause, {});
    await h.until(() => h.state.paused && h.state.deadline === 0, 5000, "paused");
    expect(h.state.remaining).toBeGreaterThan(0);
    h.room.send(MSG.hostResume, {});
    await h.until(() => !h.state.paused && h.state.deadline > 0, 5000, "resumed");
    const d = h.state.deadline;
    h.room.send(MSG.hostExtend, { seconds: 100 });
    await h.until(() => h.state.deadline >= d + 900, 5000, "extended");
    h.room.send(MSG.hostEndPhase, {});
    await h.until(() => h.round === 2, 5000, "round 2");
    // Kick in play: the seat goes to a bot for good.
    h.room.send(MSG.hostKick, { seat: 4 });
    await p.until(() => p.token!.seat === null && p.state.seats[4].kind === "bot", 5000, "kicked in play");
    h.room.send(MSG.hostEndMatch, {});
    await h.until(() => !!h.ended, 5000, "ended");
    expect(h.ended!.aborted).toBe(true);
    expect(h.ended!.view!.reveal).not.toBeNull();
    await p.until(() => !!p.ended, 5000, "p ended");
    await h.room.leave();
    await p.room.leave();
  });

  it("solo mode fills every other seat with bots; a spectator sees the public view only", async () => {
    const a = await create(srv.url, { mode: "solo", seed: 2, rounds: 1, timers: FAST });
    expect(a.token!.seat).toBe(0);
    expect([...a.state.seats].filter((s: any) => s.kind === "bot").length).toBe(5);
    const s = await join(srv.url, a.token!.code, { spectator: true, name: "Watcher" });
    s.room.send(MSG.takeSeat, { seat: 1 });
    await s.until(() => s.errors.length > 0);
    const p = autoPlay(a, 2);
    a.room.send(MSG.hostStart, {});
    await s.until(() => !!s.ended, 10_000, "end");
    expect(s.state.secrets === undefined || s.state.secrets.size === 0).toBe(true);
    expect(s.reports[0].entries.every((e) => e.seat === null)).toBe(true);
    expect(s.state.spectators).toBe(1);
    p.stop();
    await a.room.leave();
    await s.room.leave();
  });
});
