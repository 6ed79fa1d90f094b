// Side payments between seats, the way bots make them: "I pay you N funds this round if you do X".
// Deals are not binding (the rules only see the payer's transfer and the payee's own orders): a bot that accepts
// adds the asked action to its orders, a bot whose offer was accepted adds the transfer. Pure functions of the seat's
// own view and plan; the room decides when to post the lines and carries accepted deals to the orders.
import { actionCost } from "../rules/costs.js";
import { checkAction, checkOrders } from "../rules/legal.js";
import { POLICIES, type Action, type SeatOrders } from "../rules/types.js";
import type { SeatView } from "../rules/view-types.js";
import { OrderBuilder } from "./plan.js";
import { phrase } from "./talk.js";

export interface DealOffer {
  /** The seat that pays. */
  from: number;
  /** The seat that is paid and asked to act. */
  to: number;
  /** Funds paid this round, as a transfer in the payer's orders. */
  amount: number;
  /** What the payee is asked to do this round (one action of the payee's role). */
  ask: Action;
}

/** The largest payment a bot offers or a chat line may name (the protocol allows 100; deals here are small). */
export const MAX_DEAL = 5;

const SAFETY_FIRST = new Set(["conservative", "butlerian", "incrementalist"]);

function cost(v: SeatView, o: SeatOrders): number {
  let f = 0;
  for (const a of o.actions)
    f += actionCost({ doctrine: v.me.doctrine, policies: v.world.policies, mods: v.mods }, a).funds;
  for (const t of o.transfers ?? []) f += t.amount;
  return f;
}

/** Funds the seat still has after its planned orders. */
export function spareFunds(v: SeatView, plan: SeatOrders): number {
  return v.me.funds - cost(v, plan);
}

/**
 * The one deal this bot would offer this round, from its doctrine and the public table, or null.
 * - A safety-minded regulator or researcher pays the least-validated lab near the danger line to validate.
 * - A lab near the danger line that plans to validate pays a researcher to consult for it (consultants sharpen tests).
 * - A transhumanist researcher pays a regulator to enact augmentation-legal once augmentation reaches its legal limit.
 * The payment comes out of funds the bot's own plan leaves spare.
 */
export function proposeDeal(v: SeatView, plan: SeatOrders): DealOffer | null {
  if (v.phase === "ended" || plan.switchDoctrine) return null;
  const spare = spareFunds(v, plan);
  if (spare < 1) return null;
  const me = v.me;
  if ((me.role === "regulator" || me.role === "researcher") && SAFETY_FIRST.has(me.doctrine) && spare >= 2) {
    let target: SeatView["seats"][number] | null = null;
    for (const s of v.seats) {
      if (!s.lab || s.id === v.seat) continue;
      const unproven = s.lab.alignedPublic === null || s.lab.alignedPublic < s.lab.declaredCap;
      if (!unproven || s.lab.declaredCap < v.dangerLine - 1) continue;
      if (!target || s.lab.declaredCap > target.lab!.declaredCap) target = s;
    }
    if (target) return { from: v.seat, to: target.id, amount: 2, ask: { kind: "validate" } };
  }
  if (
    me.role === "lab" &&
    me.lab &&
    me.lab.cap >= v.dangerLine - 1 &&
    plan.actions.some((a) => a.kind === "validate")
  ) {
    const r = v.seats.find((s) => s.role === "researcher" && s.id !== v.seat);
    if (r) return { from: v.seat, to: r.id, amount: 1, ask: { kind: "consult", target: v.seat } };
  }
  if (
    me.role === "researcher" &&
    me.doctrine === "transhumanist" &&
    v.world.aug >= 2 &&
    !v.world.policies.includes("augmentationLegal")
  ) {
    const g = v.seats.find((s) => s.role === "regulator" && s.id !== v.seat);
    if (g)
      return {
        from: v.seat,
        to: g.id,
        amount: Math.min(spare, 3),
        ask: { kind: "enact", policy: "augmentationLegal" },
      };
  }
  return null;
}

export interface DealAnswer {
  accept: boolean;
  /** The payee's orders: its plan with the asked action in (first), when it accepts; else the plan unchanged. */
  orders: SeatOrders;
  /** Why not, in words (for the chat line). */
  reason?: string;
}

/** Funds and influence the ask costs the payee, valued at a fund each. */
function askPrice(v: SeatView, a: Action): number {
  const c = actionCost({ doctrine: v.me.doctrine, policies: v.world.policies, mods: v.mods }, a);
  return c.funds + c.influence;
}

/**
 * The payee bot's answer to an offer addressed to it. It accepts when the asked action is legal for it now, fits in
 * its orders (it takes the place of the plan's last action when they are full) and the payment covers what it costs;
 * a lab refuses to be paid into capability research, and nobody is paid to switch off their own safety (repeal,
 * lobbying against a policy). The payment arrives with the resolution, so the ask must be affordable without it.
 */
export function answerDeal(v: SeatView, plan: SeatOrders, offer: DealOffer): DealAnswer {
  const no = (reason: string): DealAnswer => ({ accept: false, orders: plan, reason });
  if (v.phase === "ended") return no("the match has ended");
  if (offer.to !== v.seat || offer.from === v.seat) return no("that offer is not for me");
  if (!Number.isInteger(offer.amount) || offer.amount < 1 || offer.amount > MAX_DEAL)
    return no("that payment is not a deal I take");
  if (plan.switchDoctrine) return no("I'm changing course this round");
  const a = offer.ask;
  if (a.kind === "capability" || a.kind === "repeal" || (a.kind === "lobby" && a.policy !== undefined))
    return no("I won't be paid for that");
  const check = checkAction(v, a);
  if (!check.ok) return no(check.reason.replace(/\.$/, ""));
  if (askPrice(v, a) > offer.amount) return no("that costs me more than you offer");
  // Already planned: accept, orders unchanged.
  if (plan.actions.some((x) => JSON.stringify(x) === JSON.stringify(a))) return { accept: true, orders: plan };
  const b = new OrderBuilder(v);
  if (!b.want(a)) return no("I can't fit that in this round");
  for (const x of plan.actions) b.want(x);
  const orders: SeatOrders = plan.transfers ? { actions: b.actions, transfers: plan.transfers } : b.orders();
  if (!checkOrders(v, orders).ok) return no("I can't fit that in this round");
  return { accept: true, orders };
}

/** The payer's orders once its offer was accepted: the plan plus the transfer, if it still affords it (else unchanged). */
export function payDeal(v: SeatView, plan: SeatOrders, offer: DealOffer): SeatOrders {
  if (offer.from !== v.seat) return plan;
  const out: SeatOrders = { ...plan, transfers: [...(plan.transfers ?? []), { to: offer.to, amount: offer.amount }] };
  return checkOrders(v, out).ok ? out : plan;
}

const nameOf = (v: SeatView, seat: number) => v.seats[seat]?.name ?? `seat ${seat + 1}`;

/** The chat line that makes the offer, addressed to the payee by name. */
export function offerLine(v: SeatView, offer: DealOffer): string {
  const you = phrase(v, offer.ask)
    .replace(/\bmy\b/g, "your")
    .replace(/\bour\b/g, "your");
  return `${nameOf(v, offer.to)}: I'll pay you ${offer.amount} fund${offer.amount === 1 ? "" : "s"} this round if you ${you}.`;
}

/** The payee's reply line. */
export function answerLine(v: SeatView, offer: DealOffer, answer: DealAnswer): string {
  if (answer.accept) return `Deal, ${nameOf(v, offer.from)}: I'll ${phrase(v, offer.ask)} this round.`;
  return `No deal, ${nameOf(v, offer.from)}: ${answer.reason ?? "not this round"}.`;
}

/** Plain verbs a player may type for an untargeted action. */
const VERB: Partial<Record<Action["kind"], string>> = {
  alignment: "align",
  minimalRiskTest: "minimal-risk test",
  buildDefense: "build a defense",
  buildRegime: "build the regime",
  publishTheory: "publish",
  applyGrant: "apply for a grant",
  augmentation: "augment",
};

/** Every action of the payee's role a chat offer may ask for, with its phrase as talk.ts writes it (lower case). */
function askable(v: SeatView, to: number): { a: Action; words: string }[] {
  const seat = v.seats[to];
  if (!seat) return [];
  const out: Action[] = [];
  const others = v.seats.filter((s) => s.id !== to);
  if (seat.role === "lab") {
    out.push(
      { kind: "alignment" },
      { kind: "validate" },
      { kind: "minimalRiskTest" },
      { kind: "security" },
      { kind: "deploy" },
      { kind: "buildDefense" },
      { kind: "lobby" },
    );
  } else if (seat.role === "regulator") {
    for (const p of POLICIES) out.push({ kind: "enact", policy: p });
    for (const s of others) if (s.lab) out.push({ kind: "audit", target: s.id });
    for (const s of others) if (s.role === "researcher") out.push({ kind: "grant", target: s.id, amount: 1 });
    out.push({ kind: "enforce" }, { kind: "campaign" }, { kind: "buildRegime" });
  } else {
    out.push(
      { kind: "theory", mode: "careful" },
      { kind: "interpretability" },
      { kind: "augmentation", route: "epigenetic" },
      { kind: "publishTheory" },
    );
    for (const s of others) if (s.lab) out.push({ kind: "consult", target: s.id });
    for (const s of others) if (s.role === "regulator") out.push({ kind: "advise", target: s.id });
  }
  // Phrases as the payee would say them, as the payer would ("your" for "my"), and the bare verb for untargeted actions.
  const pv = { ...v, seat: to } as SeatView;
  const res: { a: Action; words: string }[] = [];
  for (const a of out) {
    const p = phrase(pv, a).toLowerCase();
    res.push({ a, words: p }, { a, words: p.replace(/\b(my|our)\b/g, "your") });
    if (!("target" in a) && !("policy" in a)) res.push({ a, words: VERB[a.kind] ?? a.kind.toLowerCase() });
  }
  return res;
}

/**
 * Reads a human's chat line as an offer to one seat, or null: it must name the seat (by its name), say "pay" with a
 * number of funds (1 to MAX_DEAL, digits or a word) and name an action the way the bots' lines do
 * ("…pay you 2 funds if you validate", "Regulator 4, I'll pay 3 to enact Moratorium"). Plain string matching, no
 * regular expression on the whole line (lines are short; the server caps them).
 */
export function parseOffer(v: SeatView, from: number, text: string): DealOffer | null {
  if (typeof text !== "string" || text.length > 500) return null;
  const t = text.toLowerCase().replace(/\s+/g, " ");
  if (!/\bpay\b/.test(t)) return null;
  const m = /\bpay(?: you)? (\d{1,3}|one|two|three|four|five)\b/.exec(t);
  if (!m) return null;
  const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
  const amount = words[m[1]] ?? Number(m[1]);
  if (!(amount >= 1 && amount <= MAX_DEAL)) return null;
  // The addressee: the longest seat name in the line (names may contain each other), never the sender.
  let to = -1;
  for (const s of v.seats) {
    if (s.id === from) continue;
    const n = s.name.toLowerCase();
    if (n && t.includes(n) && (to < 0 || n.length > v.seats[to].name.length)) to = s.id;
  }
  if (to < 0) return null;
  // The ask: the longest action phrase after the payment (so "audit Lab 2" beats "audit").
  const rest = t.slice(m.index + m[0].length);
  let best: { a: Action; words: string } | null = null;
  for (const x of askable(v, to)) if (rest.includes(x.words) && (!best || x.words.length > best.words.length)) best = x;
  if (!best) return null;
  return { from, to, amount, ask: best.a };
}
