// Bots that deal: side payments offered, answered, paid and read from players' chat lines.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { botOrders } from "../src/bots/index.js";
import {
  answerDeal,
  answerLine,
  MAX_DEAL,
  offerLine,
  parseOffer,
  payDeal,
  proposeDeal,
  type DealOffer,
} from "../src/bots/deals.js";
import { checkOrders } from "../src/rules/legal.js";
import { createMatch, resolveRound } from "../src/rules/resolve.js";
import { seatView } from "../src/rules/view.js";
import { DOCTRINES, ROLES, type MatchState, type SeatOrders } from "../src/rules/types.js";

const SEATS = [
  { role: "lab", doctrine: "incrementalist" },
  { role: "lab", doctrine: "conservative" },
  { role: "regulator", doctrine: "butlerian" },
  { role: "researcher", doctrine: "transhumanist" },
  { role: "researcher", doctrine: "conservative" },
] as const;

function table(seed = 3): MatchState {
  return createMatch({ scenario: "baseline", seed, seats: SEATS.map((s) => ({ ...s })) });
}

describe("answerDeal", () => {
  it("accepts a paid validation: the ask goes first, the orders stay legal", () => {
    const s = table();
    const v = seatView(s, 0, { history: false });
    const plan = botOrders(v, { difficulty: "normal", seed: 1 });
    const offer: DealOffer = { from: 2, to: 0, amount: 2, ask: { kind: "validate" } };
    const a = answerDeal(v, plan, offer);
    expect(a.accept).toBe(true);
    expect(a.orders.actions.some((x) => x.kind === "validate")).toBe(true);
    expect(checkOrders(v, a.orders).ok).toBe(true);
    expect(answerLine(v, offer, a)).toBe(`Deal, ${s.seats[2].name}: I'll test my systems this round.`);
  });

  it("refuses capability, repeal, offers for someone else, payments below the cost and illegal asks", () => {
    const s = table();
    const v = seatView(s, 0, { history: false });
    const plan = botOrders(v, { difficulty: "normal", seed: 1 });
    expect(answerDeal(v, plan, { from: 2, to: 0, amount: 5, ask: { kind: "capability" } }).accept).toBe(false);
    expect(answerDeal(v, plan, { from: 2, to: 1, amount: 2, ask: { kind: "validate" } }).accept).toBe(false);
    expect(answerDeal(v, plan, { from: 2, to: 0, amount: 1, ask: { kind: "security" } }).accept).toBe(false); // costs 2
    expect(answerDeal(v, plan, { from: 2, to: 0, amount: 3, ask: { kind: "buildDefense" } }).accept).toBe(false); // not at the brink
    const refused = answerDeal(v, plan, { from: 2, to: 0, amount: 3, ask: { kind: "buildDefense" } });
    expect(refused.orders).toBe(plan);
    expect(answerLine(v, { from: 2, to: 0, amount: 3, ask: { kind: "buildDefense" } }, refused)).toMatch(
      /^No deal, .+: .+\.$/,
    );
    const g = seatView(s, 2, { history: false });
    expect(
      answerDeal(g, botOrders(g, { difficulty: "normal", seed: 1 }), {
        from: 0,
        to: 2,
        amount: 5,
        ask: { kind: "repeal", policy: "treaty" },
      }).accept,
    ).toBe(false);
  });
});

describe("payDeal and proposeDeal", () => {
  it("the payer adds the transfer only when it can afford it", () => {
    const s = table();
    const v = seatView(s, 2, { history: false });
    const plan: SeatOrders = { actions: [] };
    const paid = payDeal(v, plan, { from: 2, to: 0, amount: 2, ask: { kind: "validate" } });
    expect(paid.transfers).toEqual([{ to: 0, amount: 2 }]);
    expect(payDeal(v, plan, { from: 2, to: 0, amount: v.me.funds + 1, ask: { kind: "validate" } })).toBe(plan);
    expect(payDeal(v, plan, { from: 1, to: 0, amount: 1, ask: { kind: "validate" } })).toBe(plan);
  });

  it("through whole matches, every bot offer is affordable on top of its plan, addressed to another seat, and its line reads well", () => {
    let offers = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const seats = [...ROLES, ...ROLES].map((role, i) => ({ role, doctrine: DOCTRINES[(i + seed) % 4] }));
      let s = createMatch({ scenario: "baseline", seed, seats });
      while (s.phase !== "ended") {
        const orders = s.seats.map((_, i) =>
          botOrders(seatView(s, i, { history: false }), { difficulty: "normal", seed }),
        );
        for (let i = 0; i < s.seats.length; i++) {
          const v = seatView(s, i, { history: false });
          const o = proposeDeal(v, orders[i]);
          if (!o) continue;
          offers++;
          expect(o.from).toBe(i);
          expect(o.to).not.toBe(i);
          expect(checkOrders(v, payDeal(v, orders[i], o)).ok).toBe(true);
          expect(payDeal(v, orders[i], o).transfers).toHaveLength(1);
          const line = offerLine(v, o);
          expect(line).not.toMatch(/undefined|NaN|\[object/);
          // The payee reads the bot's own line back as the same offer.
          expect(parseOffer(v, i, line)).toEqual(o);
          const pv = seatView(s, o.to, { history: false });
          const ans = answerDeal(pv, orders[o.to], o);
          expect(checkOrders(pv, ans.orders).ok).toBe(true);
        }
        s = resolveRound(s, orders, null, { report: false }).state;
      }
    }
    expect(offers).toBeGreaterThan(20);
  });
});

describe("parseOffer", () => {
  it("reads offers written the way players write them", () => {
    const s = table();
    const v = seatView(s, 0, { history: false });
    const [lab2, reg, res] = [s.seats[1].name, s.seats[2].name, s.seats[3].name];
    expect(parseOffer(v, 0, `${reg}, I'll pay you 2 funds if you enact Moratorium`)).toEqual({
      from: 0,
      to: 2,
      amount: 2,
      ask: { kind: "enact", policy: "moratorium" },
    });
    expect(parseOffer(v, 0, `hey ${res.toUpperCase()} i pay three to consult for ${s.seats[0].name}`)).toEqual({
      from: 0,
      to: 3,
      amount: 3,
      ask: { kind: "consult", target: 0 },
    });
    expect(parseOffer(v, 0, `${lab2}: I'll pay you 1 fund this round if you test your systems.`)).toEqual({
      from: 0,
      to: 1,
      amount: 1,
      ask: { kind: "validate" },
    });
    expect(parseOffer(v, 0, `${lab2}: pay you 1 to validate`)?.ask).toEqual({ kind: "validate" });
    expect(parseOffer(v, 0, `${reg}, I'll pay you 2 funds to audit ${lab2}`)?.ask).toEqual({
      kind: "audit",
      target: 1,
    });
    expect(parseOffer(v, 0, "I'll pay you 2 to validate")).toBeNull(); // nobody named
    expect(parseOffer(v, 0, `${lab2}: pay you 9 to validate`)).toBeNull(); // above MAX_DEAL
    expect(parseOffer(v, 0, `${lab2}: please validate`)).toBeNull(); // no payment
    expect(parseOffer(v, 1, `${lab2}: pay 2 to validate`)).toBeNull(); // to oneself
  });

  it("never throws and only returns well-formed offers, whatever the text", () => {
    const s = table();
    const v = seatView(s, 0, { history: false });
    const names = s.seats.map((x) => x.name);
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        ...names,
        "pay",
        "pay you",
        "2",
        "five",
        "funds",
        "validate",
        "enact",
        "Moratorium",
        "audit",
        "if you",
        "to",
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (parts, from) => {
        const o = parseOffer(v, from, parts.join(" "));
        if (o === null) return;
        expect(o.from).toBe(from);
        expect(o.to).not.toBe(from);
        expect(o.to >= 0 && o.to < s.seats.length).toBe(true);
        expect(Number.isInteger(o.amount) && o.amount >= 1 && o.amount <= MAX_DEAL).toBe(true);
        expect(typeof o.ask.kind).toBe("string");
      }),
      { seed: 10, numRuns: 500 },
    );
  });
});
