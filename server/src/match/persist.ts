// Persistence calls of one match: every write goes through here, errors are logged (a failed write never stops play);
// meta saves run in order, requests made while one waits share it, and callers that must show a change only once it
// is stored (class views, chat) await them.
import type { MatchRecord, RoundExtras, SeatOrders } from "@metastrategy/shared";
import type { Logger } from "../log.js";
import { FencedError, type MatchStatus, type MatchStore } from "../store/types.js";
import type { RoomMeta } from "./meta.js";

export class Persist {
  /** Meta saves run one after another; each stores every change made before it started. */
  private chain: Promise<unknown> = Promise.resolve();
  /** The save waiting for the one in flight (later requests share it: it will store their changes too). */
  private queued: Promise<boolean> | null = null;
  /** Changes not yet in a save that started (dispose saves them; views wait for them). */
  unsaved = false;

  constructor(
    private store: MatchStore,
    private log: Logger,
    private code: () => string,
    private meta: () => RoomMeta,
  ) {}

  private failed(what: string, e: unknown, extra: Record<string, unknown> = {}): void {
    this.log.error(
      { event: "store.error", code: this.code(), ...extra, err: e instanceof Error ? e.message : String(e) },
      what,
    );
  }

  /** Saves the meta after any save in flight; true once stored (false: not stored, logged, still unsaved). */
  save(): Promise<boolean> {
    if (this.queued) return this.queued;
    const run = async (): Promise<boolean> => {
      this.queued = null;
      this.unsaved = false;
      try {
        await this.store.saveMeta(this.code(), this.meta());
        return true;
      } catch (e) {
        this.unsaved = true;
        this.failed("meta not saved", e);
        return false;
      }
    };
    const p = this.chain.then(run);
    this.queued = p;
    this.chain = p;
    return p;
  }

  /** Saves the meta; nothing waits for it (seats, settings: the next save or round stores them anyway). */
  saveMeta(): void {
    void this.save();
  }

  /** Stores what is still waiting (dispose, graceful restart). */
  async flush(): Promise<void> {
    if (this.unsaved) await this.save();
    else await this.chain;
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

  /** Stores a resolved round; "fenced" when another process holds the match now (the round is not ours to show). */
  async appendRound(
    index: number,
    orders: SeatOrders[],
    extras: RoundExtras | null,
  ): Promise<"stored" | "failed" | "fenced"> {
    try {
      await this.store.appendRound(this.code(), index, orders, extras, this.meta());
      return "stored";
    } catch (e) {
      if (e instanceof FencedError) return "fenced";
      this.failed("round not saved", e, { round: index + 1 });
      return "failed";
    }
  }

  async finish(status: MatchStatus, result: unknown, withMeta: boolean): Promise<void> {
    await this.store
      .finishMatch(this.code(), status, result, withMeta ? this.meta() : undefined)
      .catch((e) => this.failed("end not saved", e));
  }
}
