// The one decoder of room state: every client (browser, headless follower, load generator) turns the synced room
// state into plain data here. The server's side of the same form is sync/ (flatten into schema maps).
import { legalOrdersFromView, type LegalOrders } from "../rules/legal.js";
import type { RoundReport, SeatOrders } from "../rules/types.js";
import type { PublicHistoryRow, PublicView, SeatView } from "../rules/view-types.js";
import type { EndedMsg } from "./server-messages.js";
import type { ChatLine, ClientSnapshot, LobbySeat, MatchInfo, RoomPhase } from "./snapshot.js";
import { decodeOrders } from "./orders-wire.js";
import { entriesOf, unflatten } from "./wire.js";

/** The synced room state as colyseus.js holds it (schema instances) or as plain JSON (toJSON). */
export interface RoomStateLike {
  code?: string;
  mode?: string;
  name?: string;
  scenario?: string;
  rounds?: number;
  public?: boolean;
  timers?: { news?: number; deliberation?: number; orders?: number; report?: number };
  phase?: string;
  deadline?: number;
  paused?: boolean;
  remaining?: number;
  round?: number;
  spectators?: number;
  seats?: Iterable<LobbySeat>;
  /** The public view, flattened (wire.ts). */
  pub?: unknown;
  /** Seat → its private part; a client has only its own seat's. */
  secrets?: unknown;
  /** The newest round's public report and history row (report-wire.ts `encodeRoundState`; "" before round 1). */
  report?: string;
}

type Me = SeatView["me"];

function get<T>(m: unknown, key: string): T | undefined {
  if (!m || typeof m !== "object") return undefined;
  const g = (m as { get?: unknown }).get;
  return typeof g === "function" ? (m as Map<string, T>).get(key) : (m as Record<string, T>)[key];
}

/** Decodes a flat map only when one of its entries changed. */
class FlatMemo<T> {
  private last: [string, string][] = [];
  private val: T | null = null;
  read(m: unknown): T | null {
    const e = entriesOf(m);
    if (e.length === 0) {
      this.last = e;
      this.val = null;
      return null;
    }
    if (e.length !== this.last.length || e.some(([k, v], i) => this.last[i][0] !== k || this.last[i][1] !== v)) {
      this.last = e;
      this.val = unflatten(e) as T;
    }
    return this.val;
  }
}

export class SnapshotReader {
  private pub = new FlatMemo<PublicView>();
  private me = new FlatMemo<Me>();
  private ordersKey = "";
  private ordersVal: SeatOrders | null = null;
  private legalKey: [PublicView | null, Me | null] = [null, null];
  private legalVal: LegalOrders | null = null;

  info(st: RoomStateLike, fallbackCode = ""): MatchInfo | null {
    if (!st || st.phase === undefined) return null;
    const seats: LobbySeat[] = [];
    for (const x of st.seats ?? []) {
      seats.push({
        index: x.index,
        role: x.role,
        doctrine: x.doctrine,
        kind: x.kind,
        name: x.name,
        difficulty: x.difficulty,
        connected: !!x.connected,
        ready: !!x.ready,
        submitted: !!x.submitted,
      });
    }
    const t = st.timers ?? {};
    return {
      code: st.code || fallbackCode,
      mode: (st.mode ?? "online") as MatchInfo["mode"],
      scenario: st.scenario ?? "",
      rounds: st.rounds ?? 0,
      public: !!st.public,
      name: st.name ?? "",
      timers: { news: t.news ?? 0, deliberation: t.deliberation ?? 0, orders: t.orders ?? 0, report: t.report ?? 0 },
      phase: st.phase as RoomPhase,
      deadline: st.deadline ?? 0,
      paused: !!st.paused,
      remaining: st.remaining ?? 0,
      round: st.round ?? 0,
      seats,
      spectators: st.spectators ?? 0,
    };
  }

  /** The public view without history (rows come with reports); null before the start. */
  publicView(st: RoomStateLike): PublicView | null {
    return this.pub.read(st?.pub);
  }

  private secret(st: RoomStateLike, seat: number | null): { me?: unknown; orders?: string } | undefined {
    return seat === null ? undefined : get(st?.secrets, String(seat));
  }

  /** The seat's own part of its view (its secrets), once it has arrived. */
  seatMe(st: RoomStateLike, seat: number | null): Me | null {
    const s = this.secret(st, seat);
    return s ? this.me.read(s.me) : null;
  }

  /** The orders the server holds for the seat this round (null: none yet). */
  orders(st: RoomStateLike, seat: number | null): SeatOrders | null {
    const raw = this.secret(st, seat)?.orders ?? "";
    if (raw !== this.ordersKey) {
      this.ordersKey = raw;
      this.ordersVal = raw ? decodeOrders(raw) : null;
    }
    return this.ordersVal;
  }

  seatView(st: RoomStateLike, seat: number | null, history: PublicHistoryRow[] = []): SeatView | null {
    const pv = this.publicView(st);
    const me = this.seatMe(st, seat);
    if (!pv || !me || seat === null) return null;
    return { ...pv, history, seat, me };
  }

  /** Legal orders follow from the seat's own view by the shared rules (the server does not send them). */
  legal(st: RoomStateLike, seat: number | null): LegalOrders | null {
    const pv = this.publicView(st);
    const me = this.seatMe(st, seat);
    if (!pv || !me || seat === null || st.phase === "ended") return null;
    if (this.legalKey[0] !== pv || this.legalKey[1] !== me || !this.legalVal) {
      this.legalKey = [pv, me];
      this.legalVal = legalOrdersFromView({ ...pv, seat, me });
    }
    return this.legalVal;
  }

  /** Everything a client shows, from the room state and what its messages brought. */
  snapshot(
    st: RoomStateLike,
    c: {
      code?: string;
      seat: number | null;
      isHost: boolean;
      history: PublicHistoryRow[];
      reports: RoundReport[];
      chat: ChatLine[];
      ended: EndedMsg | null;
    },
  ): ClientSnapshot | null {
    const info = this.info(st, c.code);
    if (!info) return null;
    let view: PublicView | SeatView | null = null;
    if (c.ended?.view) view = c.ended.view;
    else if (!c.ended) {
      const pv = this.publicView(st);
      if (pv) view = { ...pv, history: c.history };
    }
    const me = this.seatMe(st, c.seat);
    if (view && me && c.seat !== null) view = { ...view, seat: c.seat, me } as SeatView;
    const legal = info.phase !== "ended" ? this.legal(st, c.seat) : null;
    return { info, mySeat: c.seat, isHost: c.isHost, view, legal, reports: c.reports, chat: c.chat };
  }

  reset(): void {
    this.pub = new FlatMemo();
    this.me = new FlatMemo();
    this.ordersKey = "";
    this.ordersVal = null;
    this.legalVal = null;
    this.legalKey = [null, null];
  }
}
