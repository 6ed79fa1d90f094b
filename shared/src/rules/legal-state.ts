// legalOrders and validateOrders over the full state (the server's entry points).
import { checkOrders, legalOrdersFromView, type Check, type LegalOrders } from "./legal.js";
import type { MatchState, SeatOrders } from "./types.js";
import { seatView } from "./view.js";

export function legalOrders(state: MatchState, seat: number): LegalOrders {
  return legalOrdersFromView(seatView(state, seat, { history: false }));
}

export function validateOrders(state: MatchState, seat: number, orders: SeatOrders): Check {
  if (!Number.isInteger(seat) || seat < 0 || seat >= state.seats.length) return { ok: false, reason: "No such seat." };
  return checkOrders(seatView(state, seat, { history: false }), orders);
}
