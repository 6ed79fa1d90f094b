// Where match records live. SQLite now; a later PostgreSQL store implements the same interface.
import type { MatchRecord, RoundExtras, SeatOrders } from "@metastrategy/shared";
import type { RoomMeta } from "../rooms/meta.js";

export type MatchStatus = "lobby" | "running" | "finished" | "aborted" | "abandoned";

export interface StoredMatch {
  code: string;
  status: MatchStatus;
  createdAt: number;
  updatedAt: number;
  /** Room-side data the engine does not need: settings, seats, seat and host tokens. */
  meta: RoomMeta;
  /** Setup plus every resolved round's orders; null before the match starts. */
  record: MatchRecord | null;
  /** Final result (end, scores) once finished. */
  result: unknown;
}

export interface MatchStore {
  /** Whether a code was ever used (codes are never reused). */
  codeExists(code: string): Promise<boolean>;
  createMatch(code: string, meta: RoomMeta): Promise<void>;
  saveMeta(code: string, meta: RoomMeta): Promise<void>;
  /** The engine setup of a match that starts now (ordersByRound empty). */
  startMatch(code: string, record: MatchRecord, meta: RoomMeta): Promise<void>;
  /** Appends one resolved round (0-based index) in one transaction with the meta. */
  appendRound(code: string, index: number, orders: SeatOrders[], extras: RoundExtras | null, meta: RoomMeta): Promise<void>;
  finishMatch(code: string, status: MatchStatus, result: unknown, meta?: RoomMeta): Promise<void>;
  getMatch(code: string): Promise<StoredMatch | null>;
  /** Matches to restore after a restart (lobby or running). */
  unfinished(): Promise<StoredMatch[]>;
  close(): Promise<void>;
}
