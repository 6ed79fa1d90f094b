// The reports a client holds: the backlog from `report` messages, then each new round's report as the state patch of
// that round brings it (the room's `report` field and the seat's `notes`). Every client (browser, headless follower,
// load generator) keeps its reports here. docs/PROTOCOL.md §2 and §4.
import type { RoundReport } from "../rules/types.js";
import type { PublicHistoryRow } from "../rules/view-types.js";
import type { RoomStateLike } from "./reader.js";
import { decodeRoundState, withNotes } from "./report-wire.js";
import type { ReportMsg } from "./server-messages.js";

function secretNotes(st: RoomStateLike, seat: number | null): string {
  if (seat === null) return "";
  const m = st.secrets as { get?: (k: string) => unknown } | Record<string, unknown> | undefined;
  if (!m || typeof m !== "object") return "";
  const s = (typeof m.get === "function" ? m.get(String(seat)) : (m as Record<string, unknown>)[String(seat)]) as
    { notes?: unknown } | undefined;
  return typeof s?.notes === "string" ? s.notes : "";
}

export class ReportLog {
  /** Reports so far, oldest first (a new array whenever it changes). */
  reports: RoundReport[] = [];
  /** Public history rows so far (a new array whenever it changes). */
  history: PublicHistoryRow[] = [];
  /** A backlog has arrived, or the state showed no resolved round yet (nothing to miss): until then the state's report
   * is not taken (the backlog brings it, with the others). */
  private synced = false;

  /** A `report` message: the whole backlog (`replace`), or reports to append. */
  message(m: ReportMsg): void {
    if (m.replace) {
      this.reports = m.reports.slice();
      this.history = m.history.slice();
      this.synced = true;
    } else {
      this.reports = [...this.reports, ...m.reports];
      this.history = [...this.history, ...m.history];
    }
  }

  /**
   * The room state after a patch: takes the round report it carries when it is newer than the last one held (with the
   * seat's own notes of that round). Returns that report, or null when nothing was new.
   */
  state(st: RoomStateLike | undefined, seat: number | null): RoundReport | null {
    if (!st || st.phase === undefined) return null;
    const raw = typeof st.report === "string" ? st.report : "";
    if (!raw) {
      this.synced = true; // no round resolved yet: every report to come will come in the state
      return null;
    }
    if (!this.synced) return null;
    const round = this.roundOf(raw);
    const held = this.reports.length ? this.reports[this.reports.length - 1].round : 0;
    if (round <= held) return null;
    const decoded = decodeRoundState(raw);
    if (!decoded) return null;
    const report = withNotes(decoded.report, secretNotes(st, seat));
    this.reports = [...this.reports, report];
    if (decoded.row) this.history = [...this.history, decoded.row];
    return report;
  }

  /** The round of a `report` field (its first number) without decoding the rest: most patches bring no new round. */
  private roundOf(raw: string): number {
    const m = /^\[\[(\d+)/.exec(raw);
    return m ? Number(m[1]) : 0;
  }

  reset(): void {
    this.reports = [];
    this.history = [];
    this.synced = false;
  }
}
