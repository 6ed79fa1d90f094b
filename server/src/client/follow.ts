// A headless colyseus.js follower of one match: what a client learns from the room, decoded by the shared reader
// (terminal client, load generator and tests).
import type { Room } from "colyseus.js";
import "./send-copies.js";
import {
  ReportLog,
  SMSG,
  SnapshotReader,
  onServerMessage,
  type ChatLine,
  type ClassroomView,
  type EndedMsg,
  type ErrorMsg,
  type LegalOrders,
  type PublicHistoryRow,
  type PublicView,
  type ReportMsg,
  type RoundReport,
  type SeatOrders,
  type SeatView,
  type ServerMessages,
  type TokenMsg,
} from "@metastrategy/shared";

export type { EndedMsg, TokenMsg };

/** Collects what a client learns from a match room. */
export class Follower {
  token: TokenMsg | null = null;
  /** Reports and history: the backlog from `report` messages, each new round from the patch that brings it. */
  readonly log = new ReportLog();
  errors: ErrorMsg[] = [];
  chat: ChatLine[] = [];
  ended: EndedMsg | null = null;
  /** Classroom mode: the latest class view (server message `proposals`). */
  classroom: ClassroomView | null = null;
  readonly reader = new SnapshotReader();
  private waiters: { test: () => boolean; resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] =
    [];

  constructor(public room: Room<any>) {
    this.attach(room);
  }

  attach(room: Room<any>): void {
    this.room = room;
    const on = <K extends keyof ServerMessages>(type: K, fn: (m: ServerMessages[K]) => void) =>
      onServerMessage(room, type, fn);
    on(SMSG.token, (m) => {
      this.token = m;
      this.poke();
    });
    on(SMSG.report, (m: ReportMsg) => {
      this.log.message(m);
      this.poke();
    });
    on(SMSG.error, (m) => {
      this.errors.push(m);
      this.poke();
    });
    on(SMSG.chat, (m) => {
      this.chat.push(m);
      this.poke();
    });
    on(SMSG.ended, (m) => {
      this.ended = m;
      this.poke();
    });
    on(SMSG.proposals, (m: ClassroomView) => {
      this.classroom = m;
      this.poke();
    });
    room.onMessage("*", () => this.poke());
    room.onStateChange(() => {
      this.log.state(room.state, this.seat);
      this.poke();
    });
  }

  get reports(): RoundReport[] {
    return this.log.reports;
  }

  get history(): PublicHistoryRow[] {
    return this.log.history;
  }

  get state(): any {
    return this.room.state;
  }

  get phase(): string {
    return this.state?.phase ?? "";
  }

  get round(): number {
    return this.state?.round ?? 0;
  }

  get seat(): number | null {
    return this.token?.seat ?? null;
  }

  /** The public view (history from the reports). */
  publicView(): PublicView | null {
    const pv = this.reader.publicView(this.state);
    return pv ? { ...pv, history: this.history } : null;
  }

  /** The seat's own part, when seated and it has arrived. */
  me(): SeatView["me"] | null {
    return this.reader.seatMe(this.state, this.seat);
  }

  /** The seat view, when seated and the secret has arrived. */
  seatView(): SeatView | null {
    return this.reader.seatView(this.state, this.seat, this.history);
  }

  /** The seat's legal orders, computed from its view as clients do (the server does not send them). */
  legal(): LegalOrders | null {
    return this.reader.legal(this.state, this.seat);
  }

  submitted(): SeatOrders | null {
    return this.reader.orders(this.state, this.seat);
  }

  /** Seats whose private part this client holds now. */
  secretSeats(): string[] {
    const out: string[] = [];
    this.state?.secrets?.forEach((_: unknown, k: string) => out.push(k));
    return out;
  }

  /** Resolves once `test` holds (checked on every state change or message). */
  until(test: () => boolean, ms = 10_000, what = "condition"): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w = {
        test,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((x) => x !== w);
          reject(new Error(`timed out waiting for ${what} (phase ${this.phase}, round ${this.round})`));
        }, ms),
      };
      this.waiters.push(w);
    });
  }

  private poked = false;

  /** Checks waiters once the current message's other handlers have run too. */
  private poke(): void {
    if (this.poked) return;
    this.poked = true;
    queueMicrotask(() => {
      this.poked = false;
      this.check();
    });
  }

  private check(): void {
    for (const w of this.waiters.slice()) {
      let ok = false;
      try {
        ok = w.test();
      } catch {
        ok = false;
      }
      if (ok) {
        clearTimeout(w.timer);
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }
}
