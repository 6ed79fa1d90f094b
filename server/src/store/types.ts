// Where match records live: SQLite (embedded default) or PostgreSQL (shared by several processes), same interface.
import type { MatchRecord, RoundExtras, SeatOrders } from "@metastrategy/shared";
import type { RoomMeta } from "../match/meta.js";

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
  /** Stores shared by several processes: each unfinished match has an owner (a Colyseus processId) and a lease. */
  leases?: LeaseStore;
}

export interface Orphan {
  code: string;
  owner: string | null;
}

/** Ownership of unfinished matches across processes: the owner renews its leases; another may take an expired one over. */
export interface LeaseStore {
  /** This process's id and lease length: matches it creates or claims are owned by it. */
  setOwner(owner: string, leaseMs: number): void;
  /** Renews the leases of the matches this process holds (its live rooms). */
  renew(codes: string[]): Promise<void>;
  /** Unfinished matches whose lease has expired. */
  orphans(): Promise<Orphan[]>;
  /** Takes an orphan over atomically: false when another process was first (or the owner renewed meanwhile). */
  claim(code: string, from: string | null): Promise<boolean>;
  /** Gives up this process's leases now (graceful shutdown): another process restores them at once. */
  release(codes: string[]): Promise<void>;
}
