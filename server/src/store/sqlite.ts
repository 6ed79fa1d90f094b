// The embedded default store: one SQLite file. Writes of every match within a few milliseconds share one transaction
// (a round's orders and its meta always together); reads see every write asked for before them.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MatchRecord, RoundExtras, SeatOrders } from "@metastrategy/shared";
import type { RoomMeta } from "../match/meta.js";
import { hydrate, type MatchRow, type RoundRow } from "./rows.js";
import type { MatchStatus, MatchStore, StoredMatch } from "./types.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  code TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  meta TEXT NOT NULL,
  setup TEXT,
  result TEXT
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

type Pending = { run: () => void; resolve: () => void; reject: (e: unknown) => void };

/**
 * How long the first write of a batch waits for others (ms). A transaction's commit costs more than the few statements
 * of a round (a micro-benchmark of appendRound's statements: ~60 µs of CPU a round committed alone, ~19 µs four to a
 * transaction). Paired 500-match load runs (two servers at once on the shared machine): 10 ms and 3 ms each cut the
 * server's CPU per round by 6-7 % against batching only within one event-loop turn (0), and 10 ms cost the median
 * latency ~18 ms in the calmer pair; 3 ms keeps the saving for less wait. `SQLITE_BATCH_MS` overrides it.
 */
export const BATCH_MS = Number(process.env.SQLITE_BATCH_MS ?? 3);
/** A batch this long is committed at once. */
const BATCH_MAX = 256;

export class SqliteStore implements MatchStore {
  private db: Database.Database;
  /** Every statement, prepared once (preparing costs more than running a small one). */
  private q: Record<
    | "exists"
    | "insert"
    | "meta"
    | "clearRounds"
    | "start"
    | "round"
    | "touch"
    | "stamp"
    | "finishMeta"
    | "finish"
    | "get"
    | "unfinished"
    | "rounds",
    Database.Statement
  >;
  /** Writes asked for within one event-loop turn, by every match of the process: one transaction at the end of it. */
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  /** Matches whose meta waits in the queue, with the latest meta (several saves in a turn: one write). */
  private metaDue = new Map<string, RoomMeta>();
  /** The meta JSON last written per running match: a round whose meta did not change writes only its orders. */
  private storedMeta = new Map<string, string>();

  /** `batchMs`: how long a write waits for others to share its transaction (0: until the end of the event-loop turn). */
  constructor(
    file: string,
    private batchMs = BATCH_MS,
  ) {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
    const p = (sql: string) => this.db.prepare(sql);
    this.q = {
      exists: p("SELECT 1 FROM matches WHERE code = ?"),
      insert: p("INSERT INTO matches (code, status, created_at, updated_at, meta) VALUES (?, 'lobby', ?, ?, ?)"),
      meta: p("UPDATE matches SET meta = ?, updated_at = ? WHERE code = ?"),
      clearRounds: p("DELETE FROM rounds WHERE code = ?"),
      start: p("UPDATE matches SET status = 'running', setup = ?, meta = ?, updated_at = ? WHERE code = ?"),
      round: p("INSERT OR REPLACE INTO rounds (code, idx, orders, extras) VALUES (?, ?, ?, ?)"),
      touch: p("UPDATE matches SET meta = ?, updated_at = ? WHERE code = ?"),
      stamp: p("UPDATE matches SET updated_at = ? WHERE code = ?"),
      finishMeta: p("UPDATE matches SET meta = ? WHERE code = ?"),
      finish: p("UPDATE matches SET status = ?, result = ?, updated_at = ? WHERE code = ?"),
      get: p("SELECT * FROM matches WHERE code = ?"),
      unfinished: p("SELECT * FROM matches WHERE status IN ('lobby', 'running') ORDER BY created_at"),
      rounds: p("SELECT idx, orders, extras FROM rounds WHERE code = ? ORDER BY idx"),
    };
  }

  static inDir(dir: string): SqliteStore {
    return new SqliteStore(path.join(dir, "metastrategy.db"));
  }

  /** Queues a write; it is done (committed) when the promise resolves. */
  private write(run: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ run, resolve, reject });
      if (this.queue.length >= BATCH_MAX) this.flush();
      else if (this.batchMs > 0) this.timer ??= setTimeout(() => this.flush(), this.batchMs);
      else this.immediate ??= setImmediate(() => this.flush());
    });
  }

  /** Runs the queued writes in one transaction; if it fails, one by one (only the failing write is refused). */
  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = this.immediate = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0 || !this.db.open) {
      for (const w of batch) w.reject(new Error("store closed"));
      return;
    }
    try {
      this.db.transaction(() => {
        for (const w of batch) w.run();
      })();
      for (const w of batch) w.resolve();
    } catch {
      this.storedMeta.clear(); // the batch was rolled back: what it meant to store is not stored
      for (const w of batch) {
        try {
          w.run();
          w.resolve();
        } catch (e) {
          w.reject(e);
        }
      }
    }
    this.metaDue.clear(); // every queued meta save ran in this batch
  }

  async codeExists(code: string): Promise<boolean> {
    this.flush();
    return !!this.q.exists.get(code);
  }

  createMatch(code: string, meta: RoomMeta): Promise<void> {
    const now = Date.now();
    const json = JSON.stringify(meta);
    return this.write(() => {
      this.q.insert.run(code, now, now, json);
      this.storedMeta.set(code, json);
    });
  }

  saveMeta(code: string, meta: RoomMeta): Promise<void> {
    const due = this.metaDue.has(code);
    this.metaDue.set(code, meta);
    if (due) return this.write(() => {});
    return this.write(() => {
      const m = this.metaDue.get(code);
      if (!m) return;
      const json = JSON.stringify(m);
      this.q.meta.run(json, Date.now(), code);
      this.storedMeta.set(code, json);
    });
  }

  startMatch(code: string, record: MatchRecord, meta: RoomMeta): Promise<void> {
    const setup = JSON.stringify({ ...record, ordersByRound: undefined, extrasByRound: undefined });
    const json = JSON.stringify(meta);
    return this.write(() => {
      this.q.clearRounds.run(code);
      this.q.start.run(setup, json, Date.now(), code);
      this.storedMeta.set(code, json);
    });
  }

  appendRound(
    code: string,
    index: number,
    orders: SeatOrders[],
    extras: RoundExtras | null,
    meta: RoomMeta,
  ): Promise<void> {
    const o = JSON.stringify(orders);
    const x = extras ? JSON.stringify(extras) : null;
    return this.write(() => {
      this.q.round.run(code, index, o, x);
      const json = JSON.stringify(meta);
      // The meta is rewritten only when it changed since it was last written; the match's time moves on either way.
      if (this.storedMeta.get(code) === json) return void this.q.stamp.run(Date.now(), code);
      this.q.touch.run(json, Date.now(), code);
      this.storedMeta.set(code, json);
    });
  }

  finishMatch(code: string, status: MatchStatus, result: unknown, meta?: RoomMeta): Promise<void> {
    const r = JSON.stringify(result ?? null);
    const m = meta ? JSON.stringify(meta) : null;
    return this.write(() => {
      if (m !== null) this.q.finishMeta.run(m, code);
      this.q.finish.run(status, r, Date.now(), code);
      this.storedMeta.delete(code);
    });
  }

  async getMatch(code: string): Promise<StoredMatch | null> {
    this.flush();
    const row = this.q.get.get(code) as MatchRow | undefined;
    return row ? this.hydrate(row) : null;
  }

  async unfinished(): Promise<StoredMatch[]> {
    this.flush();
    const rows = this.q.unfinished.all() as MatchRow[];
    return rows.map((r) => this.hydrate(r));
  }

  async close(): Promise<void> {
    this.flush();
    if (this.db.open) this.db.close();
  }

  private hydrate(row: MatchRow): StoredMatch {
    return hydrate(row, this.q.rounds.all(row.code) as RoundRow[]);
  }
}
