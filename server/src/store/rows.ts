// Turning stored rows back into a match: shared by the SQLite and PostgreSQL stores.
import type { MatchRecord, RoundExtras, SeatOrders } from "@metastrategy/shared";
import type { MatchStatus, StoredMatch } from "./types.js";

export interface MatchRow {
  code: string;
  status: MatchStatus;
  /** Epoch ms (PostgreSQL's BIGINT arrives as a string). */
  created_at: number | string;
  updated_at: number | string;
  meta: string;
  setup: string | null;
  result: string | null;
}

export interface RoundRow {
  idx: number;
  orders: string;
  extras: string | null;
}

/** The stored match: its setup plus the resolved rounds in order, stopping at a gap (a replay across one would be wrong). */
export function hydrate(row: MatchRow, rounds: RoundRow[]): StoredMatch {
  let record: MatchRecord | null = null;
  if (row.setup) {
    const setup = JSON.parse(row.setup) as MatchRecord;
    const ordersByRound: SeatOrders[][] = [];
    const extrasByRound: (RoundExtras | null)[] = [];
    for (const r of rounds) {
      if (r.idx !== ordersByRound.length) break;
      ordersByRound.push(JSON.parse(r.orders));
      extrasByRound.push(r.extras ? JSON.parse(r.extras) : null);
    }
    record = {
      rulesVersion: setup.rulesVersion,
      scenario: setup.scenario,
      seed: setup.seed,
      seats: setup.seats,
      ordersByRound,
      extrasByRound,
    };
    if (setup.overrides) record.overrides = setup.overrides;
  }
  return {
    code: row.code,
    status: row.status,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    meta: JSON.parse(row.meta),
    record,
    result: row.result ? JSON.parse(row.result) : null,
  };
}
