// The one small store: the latest snapshot from the room plus a little client state.
import type { ClientSnapshot, RoundReport, SeatOrders } from "@metastrategy/shared";

export type Connection = "idle" | "connecting" | "open" | "reconnecting" | "closed";

export interface AppState {
  snap: ClientSnapshot | null;
  connection: Connection;
  /** Last error answered by the server or the network, shown once. */
  error: string | null;
  /** Orders sent for this round (cleared when the round changes). */
  sentRound: number | null;
  /** The orders the server holds for this seat this round (echoed back), to restore after a reload. */
  myOrders: SeatOrders | null;
}

type Listener = (s: AppState, prev: AppState) => void;

let state: AppState = { snap: null, connection: "idle", error: null, sentRound: null, myOrders: null };
const listeners = new Set<Listener>();

export function getState(): AppState {
  return state;
}

export function setState(patch: Partial<AppState>): void {
  const prev = state;
  state = { ...state, ...patch };
  for (const l of [...listeners]) l(state, prev);
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The newest report of the snapshot, if any. */
export function lastReport(snap: ClientSnapshot | null): RoundReport | null {
  if (!snap || snap.reports.length === 0) return null;
  return snap.reports[snap.reports.length - 1];
}
