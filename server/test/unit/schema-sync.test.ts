// The schema sink asks the room for a patch only when a write changes what clients hold.
import { describe, expect, it } from "vitest";
import { createMatch, type SeatOrders } from "@metastrategy/shared";
import type { SeatMeta } from "../../src/match/meta.js";
import { SchemaSync } from "../../src/sync/state.js";

const META: SeatMeta[] = [
  { role: "lab", doctrine: "conservative", kind: "human", name: "Ada", difficulty: "normal", ready: true, token: "t" },
  { role: "regulator", doctrine: "butlerian", kind: "bot", name: "Bot", difficulty: "hard", ready: true, token: null },
];

function sink() {
  const sync = new SchemaSync("ABCD");
  let writes = 0;
  sync.onWrite = () => writes++;
  return { sync, writes: () => writes };
}

describe("SchemaSync write hook", () => {
  it("the same seats, phase and timer written again ask for no patch; a change asks for one", () => {
    const { sync, writes } = sink();
    const seats = (submitted: boolean, spectators = 0) =>
      sync.seats(
        META,
        () => true,
        () => submitted,
        spectators,
      );
    seats(false);
    sync.phase("orders", 1);
    sync.timer(false, 1_000, 0);
    const first = writes();
    expect(first).toBeGreaterThan(0);
    seats(false);
    sync.phase("orders", 1);
    sync.timer(false, 1_000, 0);
    expect(writes()).toBe(first);
    seats(true);
    expect(writes()).toBe(first + 1);
    expect(sync.state.seats[0].submitted).toBe(true);
    seats(true, 2);
    expect(writes()).toBe(first + 2);
    expect(sync.state.spectators).toBe(2);
    sync.phase("report", 1);
    sync.timer(true, 1_000, 500);
    expect(writes()).toBe(first + 4);
    expect(sync.state.phase).toBe("report");
    expect(sync.state.paused).toBe(true);
  });

  it("orders ask for a patch only when a watched seat's echo changes", () => {
    const { sync, writes } = sink();
    const s = createMatch({
      scenario: "baseline",
      seed: 3,
      seats: META.map((m) => ({ role: m.role, doctrine: m.doctrine, name: m.name })),
    });
    sync.view(s);
    const secret = sync.watch(0)!;
    const orders: SeatOrders = { actions: [{ kind: "security" }] };
    let before = writes();
    sync.orders(0, orders);
    expect(writes()).toBe(before + 1);
    expect(secret.orders).not.toBe("");
    const echo = secret.orders;
    // The same object again, or equal orders in a new object: the echo is unchanged, no patch.
    before = writes();
    sync.orders(0, orders);
    sync.orders(0, { actions: [{ kind: "security" }] });
    expect(writes()).toBe(before);
    expect(secret.orders).toBe(echo);
    sync.orders(0, null);
    expect(writes()).toBe(before + 1);
    expect(secret.orders).toBe("");
    // An unwatched seat has no echo on the wire: no patch.
    before = writes();
    sync.orders(1, orders);
    expect(writes()).toBe(before);
  });
});
