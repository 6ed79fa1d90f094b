// A headless colyseus.js follower of one match: builds the seat's view from the room (terminal client and tests).
import type { Room } from "colyseus.js";
import "./send-copies.js";
import { SMSG, legalOrdersFromView, type ClassroomView, type LegalOrders, type PublicHistoryRow, type PublicView, type RoundReport, type SeatOrders, type SeatView } from "@metastrategy/shared";

export interface TokenMsg {
  code: string;
  sessionId: string;
  seat: number | null;
  seatToken: string | null;
  hostToken: string | null;
  isHost: boolean;
  spectator: boolean;
}

export interface EndedMsg {
  aborted: boolean;
  view: PublicView | null;
}

/** Collects what a client learns from a match room. */
export class Follower {
  token: TokenMsg | null = null;
  reports: RoundReport[] = [];
  history: PublicHistoryRow[] = [];
  errors: { reason: string; message?: string }[] = [];
  chat: { from: string; seat: number | null; text: string; at: number }[] = [];
  ended: EndedMsg | null = null;
  /** Classroom mode: the latest class view (server message `proposals`). */
  classroom: ClassroomView | null = null;
  private waiters: { test: () => boolean; resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];

  constructor(public room: Room<any>) {
    this.attach(room);
  }

  attach(room: Room<any>): void {
    this.room = room;
    room.onMessage(SMSG.token, (m: TokenMsg) => {
      this.token = m;
      this.poke();
    });
    room.onMessage(SMSG.report, (m: { replace: boolean; reports: RoundReport[]; history: PublicHistoryRow[] }) => {
      if (m.replace) {
        this.reports = m.reports.slice();
        this.history = m.history.slice();
      } else {
        this.reports.push(...m.reports);
        this.history.push(...m.history);
      }
      this.poke();
    });
    room.onMessage(SMSG.error, (m: { reason: string; message?: string }) => {
      this.errors.push(m);
      this.poke();
    });
    room.onMessage(SMSG.chat, (m: any) => {
      this.chat.push(m);
      this.poke();
    });
    room.onMessage(SMSG.ended, (m: EndedMsg) => {
      this.ended = m;
      this.poke();
    });
    room.onMessage(SMSG.proposals, (m: ClassroomView) => {
      this.classroom = m;
      this.poke();
    });
    room.onMessage("*", () => this.poke());
    room.onStateChange(() => this.poke());
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

  secret(): { me: string; orders: string } | null {
    const s = this.seat;
    if (s === null || !this.state?.secrets) return null;
    return this.state.secrets.get(String(s)) ?? null;
  }

  publicView(): PublicView | null {
    const pv = this.state?.publicView;
    return pv ? { ...(JSON.parse(pv) as PublicView), history: this.history } : null;
  }

  /** The seat view, when seated and the secret has arrived. */
  seatView(): SeatView | null {
    const pv = this.publicView();
    const sec = this.secret();
    if (!pv || !sec?.me || this.seat === null) return null;
    return { ...pv, seat: this.seat, me: JSON.parse(sec.me) };
  }

  /** The seat's legal orders, computed from its view as clients do (the server does not send them). */
  legal(): LegalOrders | null {
    const v = this.seatView();
    return v ? legalOrdersFromView(v) : null;
  }

  submitted(): SeatOrders | null {
    const sec = this.secret();
    return sec?.orders ? JSON.parse(sec.orders) : null;
  }

  /** Resolves once `test` holds (checked on every state change or message). */
  until(test: () => boolean, ms = 10_000, what = "condition"): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w = {
        test, resolve, reject,
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
