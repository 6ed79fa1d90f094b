// Engine state → what the schema carries. One place decides what a seat may see.
import { publicView, seatViewWith, type MatchState, type PublicView, type SeatView } from "@metastrategy/shared";

/** The public view without history and reveal: history rows come with reports, the reveal at the end. */
export function syncedPublicView(s: MatchState): PublicView {
  const pv = publicView(s, { history: false });
  pv.reveal = null;
  return pv;
}

/** The seat's own secrets (`me` of its seat view), built on the round's public view. */
export function seatMe(s: MatchState, seat: number, pv: PublicView): SeatView["me"] {
  return seatViewWith(pv, s, seat).me;
}

/** The full public view for the end: history and every hidden value. */
export function finalView(s: MatchState): PublicView {
  if (s.phase === "ended") return publicView(s);
  // Aborted by the host: reveal what there is (redaction only, no rule is decided here).
  const v = publicView({ ...s, phase: "ended" });
  v.phase = s.phase;
  return v;
}
