// Bad input: invalid, illegal, unauthorized, oversized and unknown messages get an error and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { MAX_CHAT, MAX_MESSAGE_BYTES, MSG } from "@metastrategy/shared";
import { create, join, testServer, type Follower } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

/** The refusal's stable code (tests check codes, not prose). */
async function refused(f: Follower, name: string, payload: unknown): Promise<string> {
  const n = f.errors.length;
  f.room.send(name, payload as any);
  await f.until(() => f.errors.length > n, 5000, `error for ${name}`);
  return f.errors[n].code;
}

describe("bad input", () => {
  it("refuses invalid, illegal, out-of-phase, unknown and oversized messages; the client stays connected", async () => {
    const a = await create(srv.url, {
      seed: 8,
      seats: [{ role: "lab" }, { role: "regulator", bot: true }],
      timers: { news: 0, deliberation: 0, orders: 1800, report: 0 },
    });
    expect(await refused(a, MSG.orders, { actions: [] })).toBe("orders_closed");
    a.room.send(MSG.hostStart, {});
    await a.until(() => a.phase === "orders" && !!a.seatView(), 5000, "orders");
    expect(await refused(a, MSG.orders, { actions: "all of them" })).toBe("invalid");
    expect(await refused(a, MSG.orders, { actions: [{ kind: "nuke" }] })).toBe("invalid");
    expect(await refused(a, MSG.orders, { actions: [], extra: 1 })).toBe("invalid");
    expect(await refused(a, MSG.orders, null)).toBe("invalid");
    expect(await refused(a, MSG.orders, { actions: [{ kind: "enact", policy: "moratorium" }] })).toBe("illegal_orders");
    expect(
      await refused(a, MSG.orders, {
        actions: [{ kind: "capability" }, { kind: "capability" }, { kind: "capability" }, { kind: "capability" }],
      }),
    ).toBe("invalid");
    expect(
      await refused(a, MSG.orders, {
        actions: [{ kind: "capability" }, { kind: "capability" }, { kind: "capability" }],
      }),
    ).toBe("illegal_orders");
    expect(a.state.seats[0].submitted).toBe(false);
    expect(await refused(a, "nonsense", { x: 1 })).toBe("unknown_message");
    expect(await refused(a, MSG.takeSeat, { seat: 99 })).toBe("invalid");
    expect(await refused(a, MSG.takeSeat, { seat: 1 })).toBe("started");
    expect(await refused(a, MSG.hostExtend, { seconds: 1 })).toBe("invalid");
    expect(await refused(a, MSG.vote, { proposal: 1 })).toBe("not_in_mode");
    expect(await refused(a, MSG.hostInject, { card: "x" })).toBe("not_in_mode");
    expect(await refused(a, MSG.chat, { text: "x".repeat(9000) })).toBe("too_large");
    expect(await refused(a, MSG.orders, { actions: [], note: "z".repeat(MAX_MESSAGE_BYTES) })).toBe("too_large");
    // Still connected and still able to play.
    a.room.send(MSG.orders, { actions: [{ kind: "security" }] });
    await a.until(() => a.round === 2, 5000, "round 2");
    expect(a.room.connection.isOpen).toBe(true);
    a.room.send(MSG.hostEndMatch, {});
    await a.until(() => !!a.ended);
    expect(await refused(a, MSG.hostEndMatch, {})).toBe("ended");
    await a.room.leave();
  });

  it("refuses host commands from other clients", async () => {
    const h = await create(srv.url, { seed: 9, seats: [{ role: "lab" }, { role: "lab" }] });
    const p = await join(srv.url, h.token!.code, { name: "P" });
    expect(p.token!.isHost).toBe(false);
    expect(p.token!.hostToken).toBeNull();
    for (const [name, payload] of [
      [MSG.hostStart, {}],
      [MSG.hostSettings, { rounds: 3 }],
      [MSG.hostSeat, { seat: 1, bot: true }],
      [MSG.hostPause, {}],
      [MSG.hostResume, {}],
      [MSG.hostExtend, { seconds: 10 }],
      [MSG.hostEndPhase, {}],
      [MSG.hostKick, { seat: 0 }],
      [MSG.hostEndMatch, {}],
    ] as const) {
      expect(await refused(p, name, payload)).toBe("not_host");
    }
    expect(h.state.phase).toBe("lobby");
    expect(h.state.seats[0].kind).toBe("human");
    // The host token gives host rights to another connection (e.g. after a reload).
    const h2 = await join(srv.url, h.token!.code, { hostToken: h.token!.hostToken! });
    expect(h2.token!.isHost).toBe(true);
    for (const f of [h, p, h2]) await f.room.leave();
  });

  it("rejects bad create and join options with a readable reason", async () => {
    await expect(new Client(srv.url).create("match", { scenario: "moon" })).rejects.toThrow(/scenario/i);
    await expect(
      new Client(srv.url).create("match", {
        seats: [{ role: "lab" }, { role: "regulator" }, { role: "regulator" }, { role: "regulator" }],
      }),
    ).rejects.toThrow(/regulators/);
    await expect(new Client(srv.url).create("match", { hack: true })).rejects.toThrow(/Invalid options/);
    const h = await create(srv.url, {});
    await expect(new Client(srv.url).joinById(h.token!.code, { name: "x".repeat(100) })).rejects.toThrow(
      /Invalid join options/,
    );
    await expect(new Client(srv.url).joinById("ZZZZZZ", {})).rejects.toThrow(/not found/);
    await h.room.leave();
  });
});

describe("chat", () => {
  it("broadcasts plain text, caps length, and limits the rate", async () => {
    const a = await create(srv.url, { seats: [{ role: "lab" }, { role: "lab" }], player: { name: "Ann" } });
    const b = await join(srv.url, a.token!.code, { name: "Ben" });
    a.room.send(MSG.chat, { text: "  hello <b>world</b>\u0007 <script>alert(1)</script> " });
    await b.until(() => b.chat.length === 1, 5000, "chat");
    expect(b.chat[0]).toMatchObject({ from: "Ann", seat: 0, text: "hello world alert(1)" });
    expect(await refused(a, MSG.chat, { text: "y".repeat(MAX_CHAT + 1) })).toBe("invalid");
    expect(await refused(a, MSG.chat, { text: "   " })).toBe("invalid");
    for (let i = 0; i < 4; i++) a.room.send(MSG.chat, { text: `line ${i}` });
    expect(await refused(a, MSG.chat, { text: "one too many" })).toBe("rate_limited");
    await b.until(() => b.chat.length === 5, 5000, "5 lines");
    expect(b.chat.map((c) => c.text)).not.toContain("one too many");
    // A newcomer gets the backlog.
    const c = await join(srv.url, a.token!.code, { spectator: true });
    await c.until(() => c.chat.length === 5, 5000, "backlog");
    for (const f of [a, b, c]) await f.room.leave();
  });
});
