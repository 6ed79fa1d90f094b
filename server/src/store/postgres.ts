// The shared store: match records in PostgreSQL (DATABASE_URL), reachable by every process, with an owner and a lease per
// unfinished match so that another process can restore it when its owner dies.
import pg from "pg";
import type { MatchRecord, RoundExtras, SeatOrders } from "@metastrategy/shared";
import type { RoomMeta } from "../match/meta.js";
import { hydrate, type MatchRow, type RoundRow } from "./rows.js";
import type { LeaseStore, MatchStatus, MatchStore, Orphan, StoredMatch } from "./types.js";

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
  lease_until TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS rounds (
  code TEXT NOT NULL,
  idx INTEGER NOT NULL,
  orders TEXT NOT NULL,
  extras TEXT,
  PRIMARY KEY (code, idx)
);
CREATE INDEX IF NOT EXISTS matches_status ON matches(status);
`;

/** Serialises schema creation when several processes start at once. */
const SCHEMA_LOCK = 72_420_001;

export class PostgresStore implements MatchStore, LeaseStore {
  readonly leases: LeaseStore = this;
  private owner: string | null = null;
  private leaseMs = 15_000;

  private constructor(private pool: pg.Pool) {}

  static async connect(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
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
    await this.pool.query(
      "INSERT INTO matches (code, status, created_at, updated_at, meta, owner, lease_until) VALUES ($1, 'lobby', $2, $2, $3, $4, now() + $5 * interval '1 millisecond')",
      [code, now, JSON.stringify(meta), this.owner, this.leaseMs],
    );
  }

  async saveMeta(code: string, meta: RoomMeta): Promise<void> {
    await this.pool.query("UPDATE matches SET meta = $1, updated_at = $2 WHERE code = $3", [JSON.stringify(meta), Date.now(), code]);
  }

  async startMatch(code: string, record: MatchRecord, meta: RoomMeta): Promise<void> {
    const setup = { ...record, ordersByRound: undefined, extrasByRound: undefined };
    await this.tx(async (c) => {
      await c.query("DELETE FROM rounds WHERE code = $1", [code]);
      await c.query("UPDATE matches SET status = 'running', setup = $1, meta = $2, updated_at = $3 WHERE code = $4", [JSON.stringify(setup), JSON.stringify(meta), Date.now(), code]);
    });
  }

  async appendRound(code: string, index: number, orders: SeatOrders[], extras: RoundExtras | null, meta: RoomMeta): Promise<void> {
    await this.tx(async (c) => {
      await c.query(
        "INSERT INTO rounds (code, idx, orders, extras) VALUES ($1, $2, $3, $4) ON CONFLICT (code, idx) DO UPDATE SET orders = EXCLUDED.orders, extras = EXCLUDED.extras",
        [code, index, JSON.stringify(orders), extras ? JSON.stringify(extras) : null],
      );
      await c.query("UPDATE matches SET meta = $1, updated_at = $2 WHERE code = $3", [JSON.stringify(meta), Date.now(), code]);
    });
  }

  async finishMatch(code: string, status: MatchStatus, result: unknown, meta?: RoomMeta): Promise<void> {
    await this.pool.query(
      "UPDATE matches SET status = $1, result = $2, updated_at = $3, meta = COALESCE($4, meta), lease_until = NULL WHERE code = $5",
      [status, JSON.stringify(result ?? null), Date.now(), meta ? JSON.stringify(meta) : null, code],
    );
  }

  async getMatch(code: string): Promise<StoredMatch | null> {
    const r = await this.pool.query<MatchRow>("SELECT code, status, created_at, updated_at, meta, setup, result FROM matches WHERE code = $1", [code]);
    return r.rows[0] ? this.hydrate(r.rows[0]) : null;
  }

  async unfinished(): Promise<StoredMatch[]> {
    const r = await this.pool.query<MatchRow>("SELECT code, status, created_at, updated_at, meta, setup, result FROM matches WHERE status IN ('lobby', 'running') ORDER BY created_at");
    return Promise.all(r.rows.map((row) => this.hydrate(row)));
  }

  async renew(codes: string[]): Promise<void> {
    if (!this.owner || codes.length === 0) return;
    await this.pool.query(
      "UPDATE matches SET owner = $1, lease_until = now() + $2 * interval '1 millisecond' WHERE code = ANY($3) AND status IN ('lobby', 'running') AND (owner = $1 OR owner IS NULL)",
      [this.owner, this.leaseMs, codes],
    );
  }

  async orphans(): Promise<Orphan[]> {
    const r = await this.pool.query<Orphan>(
      "SELECT code, owner FROM matches WHERE status IN ('lobby', 'running') AND (lease_until IS NULL OR lease_until < now()) ORDER BY created_at LIMIT 500",
    );
    return r.rows;
  }

  async claim(code: string, from: string | null): Promise<boolean> {
    if (!this.owner) return false;
    const r = await this.pool.query(
      `UPDATE matches SET owner = $1, lease_until = now() + $2 * interval '1 millisecond'
       WHERE code = $3 AND status IN ('lobby', 'running') AND owner IS NOT DISTINCT FROM $4 AND (lease_until IS NULL OR lease_until < now())`,
      [this.owner, this.leaseMs, code, from],
    );
    return r.rowCount === 1;
  }

  async release(codes: string[]): Promise<void> {
    if (!this.owner || codes.length === 0) return;
    await this.pool.query("UPDATE matches SET lease_until = NULL WHERE code = ANY($1) AND owner = $2", [codes, this.owner]);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  private async hydrate(row: MatchRow): Promise<StoredMatch> {
    return hydrate(row, row.setup ? (await this.pool.query<RoundRow>("SELECT idx, orders, extras FROM rounds WHERE code = $1 ORDER BY idx", [row.code])).rows : []);
  }
}
