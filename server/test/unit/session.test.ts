// Members, seats and tokens without sockets: joins, drops, reconnections and the seat waiting for its player.
import { describe, expect, it } from "vitest";
import { MSG } from "@metastrategy/shared";
import { Session } from "../../src/match/session.js";
import type { RoomMeta } from "../../src/match/meta.js";
import { advance, newMatch } from "./fake.js";

function meta(): RoomMeta {
  const seat = {
    role: "lab" as const,
    doctrine: "incrementalist" as const,
    kind: "open" as const,
    name: "",
    difficulty: "normal" as const,
    ready: false,
    token: null,
  };
  return {
    settings: {
      mode: "online",
      scenario: "baseline",
      rounds: null,
      timers: { news: 1, deliberation: 1, orders: 5, report: 1 },
      public: false,
      name: "m",
      seed: 1,
    },
    seats: [{ ...seat }, { ...seat }, { ...seat }],
    hostToken: "host-token-123",
    started: false,
  };
}

describe("session", () => {
  it("the first member is the host; a host token makes another; seats count their members", () => {
    const s = new Session(meta());
    const a = s.add("a", {}, "A");
    const b = s.add("b", { hostToken: "wrong" }, "B");
    const c = s.add("c", { hostToken: "host-token-123" }, "C");
    expect([a.host, b.host, c.host]).toEqual([true, false, true]);
    s.claimOpen(1, "B");
    s.sit(b, 1);
    expect(s.present(1)).toBe(1);
    expect(s.seatOfToken(s.meta.seats[1].token)).toBe(1);
    expect(s.seatOfToken("nope")).toBe(-1);
    expect(s.spectators()).toBe(2);
    expect(s.hostSeated()).toBe(false);
    s.sit(a, 2);
    expect(s.hostSeated()).toBe(true);
    expect(s.stand(a)).toBe(2);
    expect(s.present(2)).toBe(0);
  });

  it("removing a seat moves later members down, held ones included", () => {
    const s = new Session(meta());
    const a = s.add("a", {}, "A");
    const b = s.add("b", {}, "B");
    s.sit(a, 1);
    s.sit(b, 2);
    s.remove(b);
    s.hold(b);
    const moved = s.removeSeat(0);
    expect(moved.map((m) => m.id).sort()).toEqual(["a", "b"]);
    expect([a.seat, b.seat]).toEqual([0, 1]);
    expect(s.present(0)).toBe(1);
    expect(s.restore("b")).toBe(b);
    expect(s.restore("b")).toBeNull();
  });
});

describe("drops and reconnections (match)", () => {
  const SEATS = [{ role: "lab" }, { role: "regulator" }, { role: "lab", bot: true }];
  const TIMERS = { news: 1, deliberation: 1, orders: 60, report: 1 };

  it("a dropped player's seat waits (holding up the early end); the reconnection seats it again by its token", async () => {
    const h = await newMatch({ seed: 7, seats: SEATS, timers: TIMERS });
    await h.match.join("a", {});
    const b = await h.match.join("b", {});
    await h.send("b", MSG.takeSeat, { seat: 1 });
    await h.send("a", MSG.hostStart);
    await advance(h, 2000);
    expect(h.match.phase).toBe("orders");
    expect(h.match.leave("b", false)).toBe(true);
    expect(h.match.session.waiting.has(1)).toBe(true);
    expect(h.out.state.state.seats[1].connected).toBe(false);
    await h.send("a", MSG.orders, { actions: [] });
    await h.match.settled();
    expect(h.match.phase).toBe("orders"); // b may still come back
    h.match.rejoined("b");
    expect(b.seat).toBe(1);
    expect(h.out.last("b", "token")).toMatchObject({ seat: 1 });
    expect(h.out.last("b", "report")).toMatchObject({ replace: true });
    expect(h.out.state.state.seats[1].connected).toBe(true);
    await h.send("b", MSG.orders, { actions: [] });
    await h.match.settled();
    h.clock.flush();
    expect(h.match.phase).toBe("report");
  });

  it("a drop that does not come back: in the lobby the seat opens; a consented leave never waits", async () => {
    const h = await newMatch({ seed: 8, seats: SEATS, timers: TIMERS });
    await h.match.join("a", {});
    await h.match.join("b", {});
    await h.send("b", MSG.takeSeat, { seat: 1 });
    expect(h.match.leave("b", false)).toBe(true);
    expect(h.match.meta.seats[1].kind).toBe("human");
    h.match.dropped("b");
    expect(h.match.meta.seats[1]).toMatchObject({ kind: "open", token: null });
    await h.match.join("c", {});
    await h.send("c", MSG.takeSeat, { seat: 1 });
    expect(h.match.leave("c", true)).toBe(false);
    expect(h.match.meta.seats[1].kind).toBe("open");
  });

  it("after a restore, human seats wait for their players for the reconnection window only", async () => {
    const h = await newMatch({ seed: 9, seats: SEATS, timers: TIMERS }, { reconnectSeconds: 30 });
    await h.match.join("a", {});
    await h.send("a", MSG.hostStart);
    h.match.markWaiting(0);
    expect(h.match.session.waiting.has(0)).toBe(true);
    await advance(h, 30_000);
    expect(h.match.session.waiting.has(0)).toBe(false);
  });
});
