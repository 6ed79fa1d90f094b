// Engine state → the strings the schema carries. One place decides what a seat may see.
import { legalOrders, publicView, seatView, type MatchState, type PublicView } from "@metastrategy/shared";

/** The public view without history and reveal: history rows come with reports, the reveal at the end. */
export function publicJson(s: MatchState): string {
  const v: PublicView = publicView(s, { history: false });
  v.reveal = null;
  return JSON.stringify(v);
}

/** The seat's own secrets (`me` of its seat view). */
export function meJson(s: MatchState, seat: number): string {
  return JSON.stringify(seatView(s, seat, { history: false }).me);
}

export function legalJson(s: MatchState, seat: number): string {
  return s.phase === "ended" ? "" : JSON.stringify(legalOrders(s, seat));
}

/** The full public view for the end: history and every hidden value. */
export function finalView(s: MatchState): PublicView {
  if (s.phase === "ended") return publicView(s);
  // Aborted by the host: reveal what there is (redaction only, no rule is decided here).
  const v = publicView({ ...s, phase: "ended" });
  v.phase = s.phase;
  return v;
}
