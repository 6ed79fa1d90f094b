// Engine state → the strings the schema carries. One place decides what a seat may see.
import { legalOrders, publicView, seatViewWith, type MatchState, type PublicView } from "@metastrategy/shared";

/** The public view without history and reveal: history rows come with reports, the reveal at the end. */
export function publicJson(s: MatchState, pv: PublicView = publicView(s, { history: false })): string {
  return JSON.stringify({ ...pv, reveal: null });
}

/** The seat's own secrets (`me` of its seat view); pass the round's public view to build it once for every seat. */
export function meJson(s: MatchState, seat: number, pv: PublicView = publicView(s, { history: false })): string {
  return JSON.stringify(seatViewWith(pv, s, seat).me);
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
