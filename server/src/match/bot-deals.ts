// Bots that deal at an online table: each round a bot may offer one side payment (a chat line), answers offers players
// write to it in the chat, and takes a player's "deal" to its own offer. Accepted deals change the bots' orders at
// resolution: a paid bot adds the asked action, a paying bot adds the transfer. Deals stay non-binding for players.
import {
  answerDeal,
  answerLine,
  botOrders,
  offerLine,
  parseOffer,
  payDeal,
  proposeDeal,
  seatView,
  type DealOffer,
  type MatchState,
  type SeatOrders,
  type SeatView,
} from "@metastrategy/shared";

export interface TableSeat {
  kind: string;
  name: string;
}

export interface BotLine {
  seat: number;
  from: string;
  text: string;
}

/** A player's reply that takes an offer made to them. */
const YES = /^\s*(deal|accepted?|agreed?|ok(ay)?|yes)\b/i;

/** The seat's view with the names the table shows (players' names), so lines and chat offers name seats alike. */
function tableView(state: MatchState, seat: number, seats: readonly TableSeat[]): SeatView {
  const v = seatView(state, seat, { history: false });
  return { ...v, seats: v.seats.map((p, i) => ({ ...p, name: seats[i]?.name || p.name })) };
}

const plan = (v: SeatView, seed: number) => botOrders(v, { difficulty: "normal", seed });

export class BotDeals {
  /** Deals accepted this round (bot with bot, player with bot). */
  private accepted: DealOffer[] = [];
  /** Offers bots made to players this round, waiting for a "deal". */
  private open: DealOffer[] = [];
  private round = -1;

  private sync(state: MatchState): void {
    if (state.round === this.round) return;
    this.round = state.round;
    this.accepted = [];
    this.open = [];
  }

  /** The bots' offers of this round, with the answers of bot payees (lines to post; only when a player is present). */
  offers(state: MatchState, seats: readonly TableSeat[]): BotLine[] {
    this.sync(state);
    if (state.phase === "ended" || !seats.some((s) => s.kind === "human")) return [];
    const out: BotLine[] = [];
    const busy = new Set<number>(); // one deal per seat and round, either side
    for (let i = 0; i < state.seats.length; i++) {
      if (seats[i]?.kind !== "bot" || busy.has(i)) continue;
      const v = tableView(state, i, seats);
      const o = proposeDeal(v, plan(v, state.seed));
      if (!o || busy.has(o.to)) continue;
      out.push({ seat: i, from: v.seats[i].name, text: offerLine(v, o) });
      busy.add(i);
      busy.add(o.to);
      if (seats[o.to]?.kind === "bot") {
        const pv = tableView(state, o.to, seats);
        const a = answerDeal(pv, plan(pv, state.seed), o);
        out.push({ seat: o.to, from: pv.seats[o.to].name, text: answerLine(pv, o, a) });
        if (a.accept) this.accepted.push(o);
      } else {
        this.open.push(o);
      }
    }
    return out;
  }

  /** A player's chat line: an offer to a bot (the bot answers) or a "deal" to a bot's open offer (the bot confirms). */
  hear(state: MatchState, seats: readonly TableSeat[], from: number | null, text: string): BotLine[] {
    this.sync(state);
    if (from === null || state.phase === "ended" || seats[from]?.kind !== "human") return [];
    const taken = this.open.findIndex((o) => o.to === from);
    if (taken >= 0 && YES.test(text)) {
      const o = this.open.splice(taken, 1)[0];
      this.accepted.push(o);
      const v = tableView(state, o.from, seats);
      return [
        {
          seat: o.from,
          from: v.seats[o.from].name,
          text: `Done, ${v.seats[from].name}: I'll pay you ${o.amount} with my orders.`,
        },
      ];
    }
    const v = tableView(state, from, seats);
    const o = parseOffer(v, from, text);
    if (!o || seats[o.to]?.kind !== "bot" || this.accepted.some((d) => d.to === o.to || d.from === o.to)) return [];
    const pv = tableView(state, o.to, seats);
    const a = answerDeal(pv, plan(pv, state.seed), o);
    if (a.accept) this.accepted.push(o);
    return [{ seat: o.to, from: pv.seats[o.to].name, text: answerLine(pv, o, a) }];
  }

  /** The round's orders with the bots' side of accepted deals (players' orders are theirs: never changed). */
  apply(state: MatchState, seats: readonly TableSeat[], orders: SeatOrders[]): SeatOrders[] {
    this.sync(state);
    if (this.accepted.length === 0) return orders;
    const out = orders.slice();
    for (const d of this.accepted) {
      if (seats[d.to]?.kind === "bot" && out[d.to])
        out[d.to] = answerDeal(seatView(state, d.to, { history: false }), out[d.to], d).orders;
      if (seats[d.from]?.kind === "bot" && out[d.from])
        out[d.from] = payDeal(seatView(state, d.from, { history: false }), out[d.from], d);
    }
    return out;
  }
}
