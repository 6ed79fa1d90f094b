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
  appendRound(
    code: string,
    index: number,
    orders: SeatOrders[],
    extras: RoundExtras | null,
    meta: RoomMeta,
  ): Promise<void>;
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
  /** The owner's lease epoch: a claim succeeds only against this epoch, and moves it on. */
  epoch: number;
}

/**
 * A write refused because this process no longer holds the match: another process claimed it (its epoch moved on), or
 * this process cannot confirm that it still holds it (a write under its epoch failed). The room must stop serving.
 */
export class FencedError extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(`match ${code} fenced: ${reason}`);
    this.name = "FencedError";
  }
}

/**
 * Ownership of unfinished matches across processes: the owner renews its leases; another may take an expired one over.
 * Each claim moves the match's epoch on; every write of a match carries the epoch this process holds, and PostgreSQL
 * refuses it when the epoch moved (fencing: a stalled owner that comes back cannot write a match taken over).
 */
export interface LeaseStore {
  /** This process's id and lease length: matches it creates or claims are owned by it. */
  setOwner(owner: string, leaseMs: number): void;
  /** Called (synchronously, before the refused write rejects) when this process learns it lost a match. */
  onFenced(listener: (code: string, reason: string) => void): void;
  /**
   * Renews the leases of the matches this process holds (its live rooms). Returns the codes it no longer holds (they
   * were fenced: their rooms must stop serving) and the codes whose lease had lapsed locally and is held again.
   */
  renew(codes: string[]): Promise<{ lost: string[]; regained: string[] }>;
  /** Unfinished matches whose lease has expired. */
  orphans(): Promise<Orphan[]>;
  /** Takes an orphan over atomically at its epoch: false when another process was first (or the owner renewed meanwhile). */
  claim(code: string, from: string | null, epoch: number): Promise<boolean>;
  /**
   * Whether this process may still act for `code` by its own clock: "held" (a lease it renewed has not run out),
   * "lapsed" (held, but not renewed for a lease's length: it may have been taken over), "lost" (fenced), "unknown".
   */
  standing(code: string): "held" | "lapsed" | "lost" | "unknown";
  /** Gives up this process's leases now (graceful shutdown): another process restores them at once. */
  release(codes: string[]): Promise<void>;
}
