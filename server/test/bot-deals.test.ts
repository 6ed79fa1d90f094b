// Bots that deal at an online table: offers in the chat, answers, and the deals kept in the bots' orders.
import { describe, expect, it } from "vitest";
import {
  botOrders,
  checkOrders,
  createMatch,
  resolveRound,
  seatView,
  type MatchState,
  type SeatOrders,
} from "@metastrategy/shared";
import { BotDeals } from "../src/match/bot-deals.js";
import { botOrdersAsync, MAX_QUEUED_SEARCHES, queuedSearches } from "../src/match/bots.js";

const SEATS = [
  { role: "lab", doctrine: "incrementalist" },
  { role: "lab", doctrine: "conservative" },
  { role: "regulator", doctrine: "butlerian" },
  { role: "researcher", doctrine: "conservative" },
] as const;

const table = (humans: number[]) =>
  SEATS.map((_, i) => ({
    kind: humans.includes(i) ? "human" : "bot",
    name: humans.includes(i) ? `Player ${i}` : `Bot ${i}`,
  }));

function botsFill(s: MatchState, seats: { kind: string }[], human: SeatOrders = { actions: [] }): SeatOrders[] {
  return s.seats.map((_, i) =>
    seats[i].kind === "bot"
      ? botOrders(seatView(s, i, { history: false }), { difficulty: "normal", seed: s.seed })
      : human,
  );
}

describe("BotDeals", () => {
  it("a bot answers a player's chat offer and, having accepted, does what it was paid for", () => {
    const s = createMatch({ scenario: "baseline", seed: 4, seats: SEATS.map((x) => ({ ...x })) });
    const seats = table([2]);
    const deals = new BotDeals();
    const replies = deals.hear(s, seats, 2, "Bot 0, I'll pay you 2 funds if you validate");
    expect(replies).toEqual([{ seat: 0, from: "Bot 0", text: "Deal, Player 2: I'll test my systems this round." }]);
    const orders = deals.apply(s, seats, botsFill(s, seats));
    expect(orders[0].actions[0]).toEqual({ kind: "validate" });
    expect(checkOrders(seatView(s, 0), orders[0]).ok).toBe(true);
    expect(orders[2]).toEqual({ actions: [] }); // the player's orders are never touched
    // Lines that are not offers, or offers to players, get no answer.
    expect(deals.hear(s, seats, 2, "hello everyone")).toEqual([]);
    expect(deals.hear(s, table([1, 2]), 2, "Player 1, I'll pay you 2 to validate")).toEqual([]);
  });

  it("bots offer only when a player is present; a player's 'deal' makes the bot pay; deals end with the round", () => {
    const seats = table([3]);
    let offered = 0;
    let paid = 0;
    let toPlayer = 0;
    // Offers need a bot with something to gain from the player's seat: in this table a few matches in ten have them
    // (rules 2.6: seeds 7, 8 and 12 up to 12; under 2.5 seed 1 did too, and five seeds were enough).
    for (let seed = 1; seed <= 10; seed++) {
      const deals = new BotDeals();
      let s = createMatch({ scenario: "baseline", seed, seats: SEATS.map((x) => ({ ...x })) });
      while (s.phase !== "ended") {
        expect(deals.offers(s, table([]))).toEqual([]);
        const lines = deals.offers(s, seats);
        for (const l of lines) expect(l.text).not.toMatch(/undefined|NaN|\[object/);
        offered += lines.length;
        const toMe = lines.find((l) => l.text.startsWith("Player 3:"));
        if (toMe) {
          toPlayer++;
          expect(deals.hear(s, seats, 3, "deal!")).toEqual([
            {
              seat: toMe.seat,
              from: toMe.from,
              text: expect.stringMatching(/^Done, Player 3: I'll pay you \d with my orders\.$/),
            },
          ]);
        }
        const orders = deals.apply(s, seats, botsFill(s, seats));
        orders.forEach((o, i) => expect(checkOrders(seatView(s, i), o).ok).toBe(true));
        if (toMe) paid += orders[toMe.seat].transfers?.length ?? 0;
        s = resolveRound(s, orders, null, { report: false }).state;
      }
    }
    expect(offered).toBeGreaterThan(0);
    expect(toPlayer).toBeGreaterThan(0);
    expect(paid).toBe(toPlayer); // the bots' plans left the funds spare, so each kept its word
  });
});

describe("search bots under load", () => {
  it("at most MAX_QUEUED_SEARCHES searches wait in the worker; the others play normal at once, all legal", async () => {
    const s = createMatch({ scenario: "baseline", seed: 6, seats: SEATS.map((x) => ({ ...x })) });
    const n = MAX_QUEUED_SEARCHES + 4;
    const all = Array.from({ length: n }, (_, k) => botOrdersAsync(s, k % s.seats.length, "expert"));
    expect(queuedSearches()).toBe(MAX_QUEUED_SEARCHES);
    const orders = await Promise.all(all);
    orders.forEach((o, k) => expect(checkOrders(seatView(s, k % s.seats.length), o).ok).toBe(true));
    expect(queuedSearches()).toBe(0);
  });
});
