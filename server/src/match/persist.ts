// Persistence calls of one match: every write goes through here, errors are logged (a failed write never stops play),
// and meta writes asked for within one turn become one.
import type { MatchRecord, RoundExtras, SeatOrders } from "@metastrategy/shared";
import type { Logger } from "../log.js";
import type { MatchStatus, MatchStore } from "../store/types.js";
import type { Clock } from "./clock.js";
import type { RoomMeta } from "./meta.js";

export class Persist {
  private queued: Promise<void> | null = null;
  private soon: unknown = null;

  constructor(private store: MatchStore, private log: Logger, private clock: Clock, private code: () => string, private meta: () => RoomMeta) {}

  private failed(what: string, e: unknown, extra: Record<string, unknown> = {}): void {
    this.log.error({ event: "store.error", code: this.code(), ...extra, err: e instanceof Error ? e.message : String(e) }, what);
  }

  /** Saves the meta at the end of this turn (several changes in one turn: one write). Resolves once written. */
  saveMeta(): Promise<void> {
    return (this.queued ??= new Promise<void>((resolve) => {
      this.clock.defer(() => {
        this.queued = null;
        this.store.saveMeta(this.code(), this.meta()).catch((e) => this.failed("meta not saved", e)).finally(resolve);
      });
    }));
  }

  /** Saves the meta within `ms` (bursts of votes coalesce). */
  saveMetaSoon(ms = 150): void {
    if (this.soon !== null) return;
    this.soon = this.clock.after(ms, () => {
      this.soon = null;
      void this.saveMeta();
    });
  }

  /** Writes what is still waiting (dispose, graceful restart). */
  async flush(): Promise<void> {
    if (this.soon !== null) {
      this.clock.cancel(this.soon);
      this.soon = null;
      await this.store.saveMeta(this.code(), this.meta()).catch(() => {});
    }
    if (this.queued) await this.queued;
  }

  codeExists(code: string): Promise<boolean> {
    return this.store.codeExists(code);
  }

  create(code: string): Promise<void> {
    return this.store.createMatch(code, this.meta());
  }

  start(record: MatchRecord): Promise<void> {
    return this.store.startMatch(this.code(), record, this.meta());
  }

  async appendRound(index: number, orders: SeatOrders[], extras: RoundExtras | null): Promise<void> {
    try {
      await this.store.appendRound(this.code(), index, orders, extras, this.meta());
    } catch (e) {
      this.failed("round not saved", e, { round: index + 1 });
    }
  }

  async finish(status: MatchStatus, result: unknown, withMeta: boolean): Promise<void> {
    await this.store.finishMatch(this.code(), status, result, withMeta ? this.meta() : undefined).catch((e) => this.failed("end not saved", e));
  }
}
