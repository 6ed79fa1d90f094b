// The two small server hooks the new-player UX needs (issue 11): a joiner by code may sit down at once,
// and orders given while the match is paused wait for the resume instead of resolving into a paused report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG } from "@metastrategy/shared";
import { create, join, testServer } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

describe("joining by code with autoSeat", () => {
  it("takes the first free seat; without it the joiner watches; a full table leaves them watching", async () => {
    const seats = [{ role: "lab" }, { role: "lab" }, { role: "regulator", bot: true }];
    const a = await create(srv.url, { seed: 3, seats, player: { name: "Ada" } });
    const code = a.token!.code;
    const watcher = await join(srv.url, code, { name: "Wes" });
    expect(watcher.token!.seat).toBeNull();
    const b = await join(srv.url, code, { name: "Bob", autoSeat: true });
    expect(b.token!.seat).toBe(1);
    await a.until(() => a.state.seats[1].kind === "human" && a.state.seats[1].name === "Bob", 5000, "Bob seated");
    // The lobby still lets the joiner move: leaving the seat opens it again.
    b.room.send(MSG.leaveSeat, {});
    await b.until(() => b.token!.seat === null, 5000, "Bob left the seat");
    const c = await join(srv.url, code, { name: "Cy", autoSeat: true });
    expect(c.token!.seat).toBe(1);
    const d = await join(srv.url, code, { name: "Di", autoSeat: true });
    expect(d.token!.seat).toBeNull(); // no free seat: watching, not refused
    const e = await join(srv.url, code, { name: "Ed", autoSeat: true, spectator: true });
    expect(e.token!.seat).toBeNull();
    for (const f of [a, watcher, b, c, d, e]) await f.room.leave(true);
  });
});

describe("orders while paused", () => {
  it("do not end the orders phase until the host resumes", async () => {
    const a = await create(srv.url, {
      mode: "solo",
      seed: 5,
      seats: [{ role: "lab" }, { role: "lab", bot: true }, { role: "regulator", bot: true }],
      timers: { news: 0, deliberation: 0, orders: 600, report: 0 },
      player: { name: "Solo" },
    });
    a.room.send(MSG.hostStart, {});
    await a.until(() => a.state.phase === "orders", 10_000, "orders");
    a.room.send(MSG.hostPause, {});
    await a.until(() => a.state.paused === true, 5000, "paused");
    a.room.send(MSG.orders, { actions: [] });
    await a.until(() => a.state.seats[0].submitted === true, 5000, "submitted");
    // Nothing moves while paused: a later message round-trip proves the server had the chance to resolve.
    a.room.send(MSG.chat, { text: "still here" });
    await a.until(() => a.chat.some((l) => l.text === "still here"), 5000, "chat echo");
    expect(a.state.phase).toBe("orders");
    expect(a.state.round).toBe(1);
    a.room.send(MSG.hostResume, {});
    await a.until(() => a.state.round === 2 || a.state.phase === "ended", 10_000, "round 1 resolved after the resume");
    expect(a.state.paused).toBe(false);
    await a.room.leave(true);
  });
});
