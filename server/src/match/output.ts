// What a match tells the world, as an interface: the room implements it over Colyseus, tests with plain arrays.
import type {
  MatchState,
  PublicHistoryRow,
  RoomPhase,
  RoundReport,
  SeatOrders,
  ServerMessageName,
  ServerMessages,
} from "@metastrategy/shared";
import type { SeatMeta, Settings } from "./meta.js";

/** The synced room state (sync/ writes it into the Colyseus schema). */
export interface StateSink {
  settings(s: Settings): void;
  seats(
    seats: SeatMeta[],
    connected: (seat: number) => boolean,
    submitted: (seat: number) => boolean,
    spectators: number,
  ): void;
  phase(phase: RoomPhase, round: number): void;
  timer(paused: boolean, deadline: number, remaining: number): void;
  /** The engine state: the public view for everyone, each seat's own part for its members. */
  view(state: MatchState): void;
  /** The newest round's full report and public history row: its public part for everyone, each seat's notes for its
   * members (they reach clients in the patch that brings the round's results). */
  report(report: RoundReport | null, row: PublicHistoryRow | undefined): void;
  /** The orders the match holds for a seat this round (its members see them). */
  orders(seat: number, orders: SeatOrders | null): void;
}

/** The public listing of a match (lobby room, /api/matches). */
export interface Listing {
  code: string;
  name: string;
  mode: string;
  scenario: string;
  phase: RoomPhase;
  round: number;
  rounds: number;
  seats: number;
  open: number;
  humans: number;
}

export interface MatchOutput {
  readonly state: StateSink;
  send<K extends ServerMessageName>(to: string, type: K, payload: ServerMessages[K], afterPatch?: boolean): void;
  broadcast<K extends ServerMessageName>(type: K, payload: ServerMessages[K], afterPatch?: boolean): void;
  /** The member's client holds the room's state already (it has seen every change since: nothing to catch up on). */
  hasState(to: string): boolean;
  /** The member sees this seat's private part (null: none). */
  showSeat(to: string, seat: number | null): void;
  listing(entry: Listing): void;
  setPrivate(isPrivate: boolean): void;
  /** While a match runs, its room stays even with nobody connected. */
  keepAlive(keep: boolean): void;
  /** The state changes `write` makes may wait up to `ms` before they leave (fewer frames: they ride on a later patch),
   * unless a change that may not wait is pending or comes meanwhile. Without it, they leave as any other change. */
  unhurried?(ms: number, write: () => void): void;
  /** Sends pending state changes now rather than at the next patch tick (latency). */
  flush(): void;
  /** A round is resolving: pending changes wait for its results (flush) rather than leave a patch ahead of them
   * (bounded: they leave anyway after a while). `release` ends the wait without sending (no results to wait for). */
  hold?(): void;
  release?(): void;
  /** A failure outside a message handler (a timer, a resolution): logged; `rebuild` when state may be half-updated. */
  failed(where: string, err: unknown, rebuild: boolean): void;
  /** The match's code, once chosen (the room's id). */
  named(code: string): void;
}
