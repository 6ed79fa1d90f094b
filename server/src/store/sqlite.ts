// The embedded default store: one SQLite file, rounds appended in a transaction as they resolve.
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

export class SqliteStore implements MatchStore {
  private db: Database.Database;
  private appendTx: (code: string, index: number, orders: string, extras: string | null, meta: string) => void;

  constructor(file: string) {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
    const ins = this.db.prepare("INSERT OR REPLACE INTO rounds (code, idx, orders, extras) VALUES (?, ?, ?, ?)");
    const upd = this.db.prepare("UPDATE matches SET meta = ?, updated_at = ? WHERE code = ?");
    this.appendTx = this.db.transaction((code: string, index: number, orders: string, extras: string | null, meta: string) => {
      ins.run(code, index, orders, extras);
      upd.run(meta, Date.now(), code);
    });
  }

  static inDir(dir: string): SqliteStore {
    return new SqliteStore(path.join(dir, "metastrategy.db"));
  }

  async codeExists(code: string): Promise<boolean> {
    return !!this.db.prepare("SELECT 1 FROM matches WHERE code = ?").get(code);
  }

  async createMatch(code: string, meta: RoomMeta): Promise<void> {
    const now = Date.now();
    this.db.prepare("INSERT INTO matches (code, status, created_at, updated_at, meta) VALUES (?, 'lobby', ?, ?, ?)").run(code, now, now, JSON.stringify(meta));
  }

  async saveMeta(code: string, meta: RoomMeta): Promise<void> {
    this.db.prepare("UPDATE matches SET meta = ?, updated_at = ? WHERE code = ?").run(JSON.stringify(meta), Date.now(), code);
  }

  async startMatch(code: string, record: MatchRecord, meta: RoomMeta): Promise<void> {
    const setup = { ...record, ordersByRound: undefined, extrasByRound: undefined };
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM rounds WHERE code = ?").run(code);
      this.db.prepare("UPDATE matches SET status = 'running', setup = ?, meta = ?, updated_at = ? WHERE code = ?").run(JSON.stringify(setup), JSON.stringify(meta), Date.now(), code);
    })();
  }

  async appendRound(code: string, index: number, orders: SeatOrders[], extras: RoundExtras | null, meta: RoomMeta): Promise<void> {
    this.appendTx(code, index, JSON.stringify(orders), extras ? JSON.stringify(extras) : null, JSON.stringify(meta));
  }

  async finishMatch(code: string, status: MatchStatus, result: unknown, meta?: RoomMeta): Promise<void> {
    if (meta) this.db.prepare("UPDATE matches SET meta = ? WHERE code = ?").run(JSON.stringify(meta), code);
    this.db.prepare("UPDATE matches SET status = ?, result = ?, updated_at = ? WHERE code = ?").run(status, JSON.stringify(result ?? null), Date.now(), code);
  }

  async getMatch(code: string): Promise<StoredMatch | null> {
    const row = this.db.prepare("SELECT * FROM matches WHERE code = ?").get(code) as MatchRow | undefined;
    return row ? this.hydrate(row) : null;
  }

  async unfinished(): Promise<StoredMatch[]> {
    const rows = this.db.prepare("SELECT * FROM matches WHERE status IN ('lobby', 'running') ORDER BY created_at").all() as MatchRow[];
    return rows.map((r) => this.hydrate(r));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private hydrate(row: MatchRow): StoredMatch {
    return hydrate(row, this.db.prepare("SELECT idx, orders, extras FROM rounds WHERE code = ? ORDER BY idx").all(row.code) as RoundRow[]);
  }
}
