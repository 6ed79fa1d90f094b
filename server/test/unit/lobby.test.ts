// The lobby and host commands without sockets: seats, tokens, host rights, settings, the start; refusals by code.
import { describe, expect, it } from "vitest";
import { MSG } from "@metastrategy/shared";
import { newMatch } from "./fake.js";

const SEATS = [{ role: "lab" }, { role: "regulator" }, { role: "lab", bot: true }];

describe("lobby", () => {
  it("the creator is the host and takes the first open seat; others take free seats with a token", async () => {
    const h = await newMatch({ seed: 1, seats: SEATS });
    const a = await h.match.join("a", { name: "Ann" });
    const b = await h.match.join("b", { name: "Bob" });
    expect(a).toMatchObject({ host: true, seat: 0 });
    expect(b).toMatchObject({ host: false, seat: null });
    expect(h.out.last("a", "token")).toMatchObject({ seat: 0, isHost: true, hostToken: h.match.meta.hostToken });
    expect(h.out.last("b", "token")).toMatchObject({ seat: null, isHost: false, hostToken: null, spectator: true });
    await h.send("b", MSG.takeSeat, { seat: 0 });
    await h.send("b", MSG.takeSeat, { seat: 2 });
    await h.send("b", MSG.takeSeat, { seat: 1 });
    expect(h.out.codes("b")).toEqual(["seat_taken", "seat_taken"]);
    expect(b.seat).toBe(1);
    const tok = h.out.last("b", "token")!;
    expect(tok.seat).toBe(1);
    expect(tok.seatToken).toBe(h.match.meta.seats[1].token);
    expect(h.match.meta.seats[1]).toMatchObject({ kind: "human", name: "Bob" });
    expect(h.out.state.state.seats[1].kind).toBe("human");
    expect(h.out.shown.get("b")).toBe(1);
    await h.send("b", MSG.leaveSeat);
    expect(h.match.meta.seats[1]).toMatchObject({ kind: "open", token: null, name: "" });
    expect(h.out.shown.get("b")).toBeNull();
  });

  it("host commands are the host's only; a host token makes a second host", async () => {
    const h = await newMatch({ seed: 2, seats: SEATS });
    await h.match.join("a", {});
    await h.match.join("b", {});
    for (const [name, p] of [
      [MSG.hostStart, {}],
      [MSG.hostSettings, { rounds: 3 }],
      [MSG.hostSeat, { seat: 1, bot: true }],
      [MSG.hostKick, { seat: 0 }],
    ] as const) {
      await h.send("b", name, p);
    }
    expect(h.out.codes("b")).toEqual(["not_host", "not_host", "not_host", "not_host"]);
    expect(h.match.meta.started).toBe(false);
    const c = await h.match.join("c", { hostToken: h.match.meta.hostToken });
    expect(c.host).toBe(true);
  });

  it("refuses unknown, malformed and out-of-mode messages with stable codes", async () => {
    const h = await newMatch({ seed: 3, seats: SEATS });
    await h.match.join("a", {});
    await h.send("a", "nonsense", { x: 1 });
    await h.send("a", MSG.takeSeat, { seat: 99 });
    await h.send("a", MSG.vote, { proposal: 1 });
    await h.send("a", MSG.orders, { actions: [] });
    await h.send("a", MSG.hostSettings, { teamSize: 3 });
    expect(h.out.codes("a")).toEqual(["unknown_message", "invalid", "not_in_mode", "orders_closed", "not_in_mode"]);
    expect(h.out.to("a", "error")[1]).toMatchObject({ message: MSG.takeSeat });
    expect(h.out.to("a", "error")[1].reason).toMatch(/^Invalid takeSeat at seat/);
  });

  it("a match whose creator chose the world seed is never listed publicly: refused at creation and when the host lists it", async () => {
    await expect(newMatch({ seed: 7, public: true, seats: SEATS })).rejects.toThrow(/never listed publicly/);
    const h = await newMatch({ seed: 7, seats: SEATS });
    await h.match.join("a", {});
    await h.send("a", MSG.hostSettings, { public: true });
    expect(h.out.codes("a")).toEqual(["seeded"]);
    expect(h.match.meta.settings.public).toBe(false);
    expect(h.out.isPrivate).toBe(true);
    // Other settings still change, and a server-dealt world may be listed.
    await h.send("a", MSG.hostSettings, { rounds: 5 });
    expect(h.match.meta.settings.rounds).toBe(5);
    const free = await newMatch({ seats: SEATS });
    await free.match.join("a", {});
    await free.send("a", MSG.hostSettings, { public: true });
    expect(free.out.codes("a")).toEqual([]);
    expect(free.match.meta.settings.public).toBe(true);
  });

  it("host settings and seats: checked by the engine's setup rules; removing a seat renumbers the later ones", async () => {
    // No seed: a match whose creator chose the seed is never listed publicly (the next test).
    const h = await newMatch({ seats: [{ role: "lab" }, { role: "lab" }, { role: "researcher" }] });
    await h.match.join("a", {});
    const c = await h.match.join("c", {});
    await h.send("c", MSG.takeSeat, { seat: 2 });
    await h.send("a", MSG.hostSettings, { rounds: 4, timers: { orders: 45 }, public: true });
    expect(h.match.meta.settings).toMatchObject({ rounds: 4, public: true });
    expect(h.out.state.state.timers.orders).toBe(45);
    expect(h.out.state.state.rounds).toBe(4);
    expect(h.out.isPrivate).toBe(false);
    await h.send("a", MSG.hostSeat, { seat: 3, bot: true, role: "regulator" });
    expect(h.match.meta.seats).toHaveLength(4);
    expect(h.match.meta.seats[3]).toMatchObject({ kind: "bot", role: "regulator" });
    await h.send("a", MSG.hostSeat, { seat: 6, bot: true });
    expect(h.out.codes("a")).toEqual(["no_such_seat"]);
    // Too many regulators for the table: the engine's setup check refuses, the seats stay as they were.
    for (let i = 0; i < 4 && h.out.codes("a").length < 2; i++)
      await h.send("a", MSG.hostSeat, { seat: h.match.meta.seats.length, bot: true, role: "regulator" });
    expect(h.out.codes("a")).toEqual(["no_such_seat", "bad_setup"]);
    while (h.match.meta.seats.length > 4) await h.send("a", MSG.hostSeat, { seat: 4, bot: true, remove: true });
    await h.send("a", MSG.hostSeat, { seat: 1, bot: false, remove: true });
    expect(c.seat).toBe(1);
    expect(h.out.last("c", "token")!.seat).toBe(1);
    expect(h.out.state.state.seats.length).toBe(3);
  });

  it("the start: open seats become bots, the record is stored, lobby commands are refused", async () => {
    const h = await newMatch({ seed: 5, seats: SEATS, timers: { news: 5, deliberation: 5, orders: 30, report: 5 } });
    await h.match.join("a", {});
    await h.match.join("b", {});
    await h.match.join("c", {});
    h.out.joining.add("c"); // c's client has not received the room's state yet
    await h.send("a", MSG.setDoctrine, { doctrine: "butlerian" });
    await h.send("a", MSG.ready, { ready: true });
    expect(h.match.meta.seats[0]).toMatchObject({ doctrine: "butlerian", ready: true });
    await h.send("a", MSG.hostStart);
    expect(h.match.meta.started).toBe(true);
    expect(h.match.meta.hostPlays).toBe(true);
    expect(h.match.meta.seats[1]).toMatchObject({ kind: "bot", name: "Regulator 2" });
    expect(h.out.kept).toBe(true);
    expect(h.out.shown.get("a")).toBe(0);
    expect((await h.store.getMatch(h.match.code))!.status).toBe("running");
    await h.send("b", MSG.takeSeat, { seat: 1 });
    await h.send("a", MSG.setDoctrine, { doctrine: "butlerian" });
    await h.send("a", MSG.hostStart);
    expect(h.out.codes("b")).toEqual(["started"]);
    expect(h.out.codes("a")).toEqual(["started", "started"]);
    // The backlog at the start is empty: only a client still joining gets it (the others saw the lobby, no round);
    // the seat's private part is in the schema.
    expect(h.out.to("a", "report")).toEqual([]);
    expect(h.out.to("b", "report")).toEqual([]);
    expect(h.out.to("c", "report")).toEqual([{ replace: true, reports: [], history: [] }]);
    expect(h.out.state.existingSecret(0)!.me.size).toBeGreaterThan(0);
    // Seats nobody holds (bots) have no private part in the state at all.
    expect(h.out.state.existingSecret(1)).toBeUndefined();
    expect(h.out.state.existingSecret(2)).toBeUndefined();
  });

  it("chat: cleaned, rate-limited, heard by everyone and kept for newcomers", async () => {
    const h = await newMatch({ seed: 6, seats: SEATS });
    await h.match.join("a", { name: "Ann" });
    await h.send("a", MSG.chat, { text: "<b>hello</b> there" });
    expect(h.out.last("a", "chat")).toMatchObject({ from: "Ann", seat: 0, text: "hello there" });
    for (let i = 0; i < 5; i++) await h.send("a", MSG.chat, { text: `line ${i}` });
    expect(h.out.codes("a")).toEqual(["rate_limited"]);
    await h.match.join("n", {});
    expect(h.out.to("n", "chat").filter((_, i, all) => all.length > 0).length).toBeGreaterThanOrEqual(5);
  });
});
