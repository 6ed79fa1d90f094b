// The shared store: match records in PostgreSQL (DATABASE_URL), reachable by every process, with an owner and a lease per
// unfinished match so that another process can restore it when its owner dies.
//
// Fencing: each match row has an `owner_epoch`, moved on by every claim. This process remembers the epoch it holds for
// each of its matches, and every write of a match is conditional on it (`... WHERE owner_epoch = $n`, checked first in
// each transaction, which also locks the row against a concurrent claim). A write that finds another epoch, or that
// cannot be confirmed, is refused (FencedError) and the match is dropped here for good: a stalled owner that comes back
// after a takeover cannot write the match again, and its room is told to stop serving it (onFenced listeners).
import pg from "pg";
import type { MatchRecord, RoundExtras, SeatOrders } from "@metastrategy/shared";
import type { RoomMeta } from "../match/meta.js";
import { hydrate, type MatchRow, type RoundRow } from "./rows.js";
import {
  FencedError,
  type LeaseStore,
  type MatchStatus,
  type MatchStore,
  type Orphan,
  type StoredMatch,
} from "./types.js";

/** What this process holds of a match: the epoch of its claim and, by its own monotonic clock, when its lease runs out. */
interface Held {
  epoch: number;
  until: number;
}

type Queryable = Pick<pg.Pool, "query">;

/** How many fenced codes are remembered (a room still running somewhere here is refused its listing updates). */
const LOST_MEMORY = 10_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  code TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  meta TEXT NOT NULL,
  setup TEXT,
  result TEXT,
  owner TEXT,
  lease_until TIMESTAMPTZ,
  owner_epoch BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS rounds (
  code TEXT NOT NULL,
  idx INTEGER NOT NULL,
  orders TEXT NOT NULL,
  extras TEXT,
  PRIMARY KEY (code, idx)
);
CREATE INDEX IF NOT EXISTS matches_status ON matches(status);
ALTER TABLE matches ADD COLUMN IF NOT EXISTS owner_epoch BIGINT NOT NULL DEFAULT 0;
`;

/** Serialises schema creation when several processes start at once. */
const SCHEMA_LOCK = 72_420_001;

export class PostgresStore implements MatchStore, LeaseStore {
  readonly leases: LeaseStore = this;
  private owner: string | null = null;
  private leaseMs = 6_000;
  private held = new Map<string, Held>();
  private lost = new Set<string>();
  private listeners: ((code: string, reason: string) => void)[] = [];

  private constructor(private pool: pg.Pool) {}

  static async connect(url: string): Promise<PostgresStore> {
    // A process frozen inside a transaction holds the match's row lock: the server ends such a session after 5 s (its
    // transaction rolls back, so its write is refused), and a claim waits at most 3 s for a lock before the next sweep.
    const pool = new pg.Pool({
      connectionString: url,
      max: 8,
      connectionTimeoutMillis: 5_000,
      lock_timeout: 3_000,
      idle_in_transaction_session_timeout: 5_000,
    } as pg.PoolConfig);
    pool.on("error", () => {}); // an idle client's error: the next query reconnects
    const store = new PostgresStore(pool);
    await store.tx(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
      await c.query(SCHEMA);
    });
    return store;
  }

  setOwner(owner: string, leaseMs: number): void {
    this.owner = owner;
    this.leaseMs = leaseMs;
  }

  onFenced(listener: (code: string, reason: string) => void): void {
    this.listeners.push(listener);
  }

  standing(code: string): "held" | "lapsed" | "lost" | "unknown" {
    const h = this.held.get(code);
    if (h) return performance.now() < h.until ? "held" : "lapsed";
    return this.lost.has(code) ? "lost" : "unknown";
  }

  /** This process no longer holds `code`: forget its epoch (fail closed) and tell the listeners (its room stops). */
  private lose(code: string, reason: string): FencedError {
    const had = this.held.delete(code);
    if (!this.lost.has(code)) {
      this.lost.add(code);
      if (this.lost.size > LOST_MEMORY) this.lost.delete(this.lost.values().next().value!);
    }
    if (had) {
      for (const l of this.listeners) {
        try {
          l(code, reason);
        } catch {
          /* a listener's failure does not unfence */
        }
      }
    }
    return new FencedError(code, reason);
  }

  private epochOf(code: string): number {
    const h = this.held.get(code);
    if (!h) throw this.lose(code, "not held by this process");
    return h.epoch;
  }

  /**
   * A write of `code` under the epoch held: `check` runs first in the transaction and must touch the match row only if
   * the epoch still matches (rowCount 1). With `strict`, any failure (the write cannot be confirmed) also fences.
   */
  private async fencedTx(
    code: string,
    what: string,
    strict: boolean,
    check: (c: Queryable, epoch: number) => Promise<number>,
    rest?: (c: Queryable) => Promise<void>,
  ): Promise<void> {
    const epoch = this.epochOf(code);
    let refused = false;
    try {
      if (!rest)
        refused = (await check(this.pool, epoch)) !== 1; // one statement: no transaction needed
      else {
        await this.tx(async (c) => {
          if ((await check(c, epoch)) !== 1) {
            refused = true;
            throw new Error("epoch moved");
          }
          await rest(c);
        });
      }
      if (refused) throw new Error("epoch moved");
    } catch (e) {
      if (refused) throw this.lose(code, `taken over by another process (${what} refused)`);
      if (strict) throw this.lose(code, `${what} not confirmed (${e instanceof Error ? e.message : String(e)})`);
      throw e;
    }
  }
  private async tx(fn: (c: pg.PoolClient) => Promise<void>): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query("BEGIN");
      await fn(c);
      await c.query("COMMIT");
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async codeExists(code: string): Promise<boolean> {
    return (await this.pool.query("SELECT 1 FROM matches WHERE code = $1", [code])).rowCount! > 0;
  }

  async createMatch(code: string, meta: RoomMeta): Promise<void> {
    const now = Date.now();
    const t0 = performance.now();
    await this.pool.query(
      "INSERT INTO matches (code, status, created_at, updated_at, meta, owner, lease_until, owner_epoch) VALUES ($1, 'lobby', $2, $2, $3, $4, now() + $5 * interval '1 millisecond', 1)",
      [code, now, JSON.stringify(meta), this.owner, this.leaseMs],
    );
    this.held.set(code, { epoch: 1, until: t0 + this.leaseMs });
  }

  async saveMeta(code: string, meta: RoomMeta): Promise<void> {
    await this.fencedTx(code, "saveMeta", false, (c, epoch) => updateMeta(c, code, meta, epoch));
  }

  async startMatch(code: string, record: MatchRecord, meta: RoomMeta): Promise<void> {
    const setup = { ...record, ordersByRound: undefined, extrasByRound: undefined };
    await this.fencedTx(
      code,
      "startMatch",
      true,
      async (c, epoch) =>
        (
          await c.query(
            "UPDATE matches SET status = 'running', setup = $1, meta = $2, updated_at = $3 WHERE code = $4 AND owner_epoch = $5",
            [JSON.stringify(setup), JSON.stringify(meta), Date.now(), code, epoch],
          )
        ).rowCount!,
      async (c) => void (await c.query("DELETE FROM rounds WHERE code = $1", [code])),
    );
  }

  async appendRound(
    code: string,
    index: number,
    orders: SeatOrders[],
    extras: RoundExtras | null,
    meta: RoomMeta,
  ): Promise<void> {
    // A round index is written once: a second writer of the same round (which fencing rules out) would fail, not replace it.
    await this.fencedTx(
      code,
      "appendRound",
      true,
      (c, epoch) => updateMeta(c, code, meta, epoch),
      async (c) =>
        void (await c.query("INSERT INTO rounds (code, idx, orders, extras) VALUES ($1, $2, $3, $4)", [
          code,
          index,
          JSON.stringify(orders),
          extras ? JSON.stringify(extras) : null,
        ])),
    );
  }

  async finishMatch(code: string, status: MatchStatus, result: unknown, meta?: RoomMeta): Promise<void> {
    await this.fencedTx(
      code,
      "finishMatch",
      false,
      async (c, epoch) =>
        (
          await c.query(
            "UPDATE matches SET status = $1, result = $2, updated_at = $3, meta = COALESCE($4, meta), lease_until = NULL WHERE code = $5 AND owner_epoch = $6",
            [status, JSON.stringify(result ?? null), Date.now(), meta ? JSON.stringify(meta) : null, code, epoch],
          )
        ).rowCount!,
    );
  }

  async getMatch(code: string): Promise<StoredMatch | null> {
    const r = await this.pool.query<MatchRow>(
      "SELECT code, status, created_at, updated_at, meta, setup, result FROM matches WHERE code = $1",
      [code],
    );
    return r.rows[0] ? this.hydrate(r.rows[0]) : null;
  }

  async unfinished(): Promise<StoredMatch[]> {
    const r = await this.pool.query<MatchRow>(
      "SELECT code, status, created_at, updated_at, meta, setup, result FROM matches WHERE status IN ('lobby', 'running') ORDER BY created_at",
    );
    return Promise.all(r.rows.map((row) => this.hydrate(row)));
  }

  async renew(codes: string[]): Promise<{ lost: string[]; regained: string[] }> {
    const out = { lost: [] as string[], regained: [] as string[] };
    if (!this.owner) return out;
    const t0 = performance.now();
    const mine = codes.filter((c) => this.held.has(c));
    for (const c of codes) if (!this.held.has(c)) out.lost.push(c);
    if (mine.length > 0) {
      const r = await this.pool.query<{ code: string }>(
        `UPDATE matches m SET lease_until = now() + $2 * interval '1 millisecond'
         FROM unnest($3::text[], $4::bigint[]) AS h(code, epoch)
         WHERE m.code = h.code AND m.owner_epoch = h.epoch AND m.owner = $1
         RETURNING m.code`,
        [this.owner, this.leaseMs, mine, mine.map((c) => this.held.get(c)!.epoch)],
      );
      const renewed = new Set(r.rows.map((x) => x.code));
      for (const c of mine) {
        const h = this.held.get(c);
        if (!h) continue; // fenced meanwhile
        if (renewed.has(c)) {
          if (h.until < t0) out.regained.push(c);
          h.until = t0 + this.leaseMs;
        } else {
          this.lose(c, "taken over by another process (lease not renewed)");
          out.lost.push(c);
        }
      }
    }
    // Forget matches whose room is gone here (finished and disposed) once their lease has long run out.
    const live = new Set(codes);
    for (const [c, h] of this.held) if (!live.has(c) && h.until < t0 - this.leaseMs) this.held.delete(c);
    return out;
  }

  async orphans(): Promise<Orphan[]> {
    const r = await this.pool.query<{ code: string; owner: string | null; owner_epoch: string }>(
      "SELECT code, owner, owner_epoch FROM matches WHERE status IN ('lobby', 'running') AND (lease_until IS NULL OR lease_until < now()) ORDER BY created_at LIMIT 500",
    );
    return r.rows.map((x) => ({ code: x.code, owner: x.owner, epoch: Number(x.owner_epoch) }));
  }

  async claim(code: string, from: string | null, epoch: number): Promise<boolean> {
    if (!this.owner) return false;
    const t0 = performance.now();
    let r: pg.QueryResult<{ owner_epoch: string }>;
    try {
      r = await this.pool.query<{ owner_epoch: string }>(
        `UPDATE matches SET owner = $1, owner_epoch = owner_epoch + 1, lease_until = now() + $2 * interval '1 millisecond'
         WHERE code = $3 AND status IN ('lobby', 'running') AND owner IS NOT DISTINCT FROM $4 AND owner_epoch = $5
           AND (lease_until IS NULL OR lease_until < now())
         RETURNING owner_epoch`,
        [this.owner, this.leaseMs, code, from, epoch],
      );
    } catch (e) {
      // The row is locked by a transaction of its (stalled) owner: not now; PostgreSQL ends that session soon.
      if ((e as { code?: string }).code === "55P03") return false;
      throw e;
    }
    if (r.rowCount !== 1) return false;
    this.held.set(code, { epoch: Number(r.rows[0].owner_epoch), until: t0 + this.leaseMs });
    this.lost.delete(code);
    return true;
  }

  async release(codes: string[]): Promise<void> {
    const mine = codes.filter((c) => this.held.has(c));
    if (!this.owner || mine.length === 0) return;
    await this.pool.query(
      `UPDATE matches m SET lease_until = NULL FROM unnest($2::text[], $3::bigint[]) AS h(code, epoch)
       WHERE m.code = h.code AND m.owner_epoch = h.epoch AND m.owner = $1`,
      [this.owner, mine, mine.map((c) => this.held.get(c)!.epoch)],
    );
    for (const c of mine) this.held.delete(c);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  private async hydrate(row: MatchRow): Promise<StoredMatch> {
    return hydrate(
      row,
      row.setup
        ? (
            await this.pool.query<RoundRow>("SELECT idx, orders, extras FROM rounds WHERE code = $1 ORDER BY idx", [
              row.code,
            ])
          ).rows
        : [],
    );
  }
}

/** The owner's fenced meta write (saveMeta, appendRound): rows changed, 0 when another owner holds the epoch. */
async function updateMeta(c: Queryable, code: string, meta: RoomMeta, epoch: number): Promise<number> {
  const r = await c.query("UPDATE matches SET meta = $1, updated_at = $2 WHERE code = $3 AND owner_epoch = $4", [
    JSON.stringify(meta),
    Date.now(),
    code,
    epoch,
  ]);
  return r.rowCount!;
}
