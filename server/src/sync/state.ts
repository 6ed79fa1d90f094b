// The match's state sink over the Colyseus schema: writes only what changed (each write is a patch to every client).
import {
  FlatSync,
  encodeNotes,
  encodeOrders,
  encodeRoundState,
  type PublicHistoryRow,
  type RoundReport,
  type MatchState,
  type PublicView,
  type RoomPhase,
  type SeatOrders,
  SCENARIOS,
} from "@metastrategy/shared";
import type { SeatMeta, Settings } from "../match/meta.js";
import type { StateSink } from "../match/output.js";
import { LobbySeatState, MatchRoomState, SeatSecret } from "./schema.js";
import { seatMe, syncedPublicView } from "./views.js";

/** Sets `o[k]` to `v` if it differs: 1 when it did (a change to send), 0 when it already held `v`. */
function put<T extends object, K extends keyof T>(o: T, k: K, v: T[K]): 0 | 1 {
  if (o[k] === v) return 0;
  o[k] = v;
  return 1;
}

export class SchemaSync implements StateSink {
  readonly state = new MatchRoomState();
  private secretBySeat: SeatSecret[] = [];
  /** The public view's flat form, kept in step with `state.pub` (only changed leaves are written). */
  private pub = new FlatSync(this.state.pub);
  /** Each seat's own part, kept in step with its secret's `me`. */
  private meBySeat: FlatSync[] = [];
  /** Clients holding each seat (its private part is kept current only while someone does). */
  private watchers: number[] = [];
  private ordersBySeat: string[] = [];
  /** The orders object each seat's wire form was encoded from. */
  private ordersObj: (SeatOrders | null)[] = [];
  private last: { s: MatchState; pv: PublicView } | null = null;
  /** The newest round's full report (every seat's notes): `state.report` holds its public part, each watched seat's
   * secret its own notes. */
  private lastReport: RoundReport | null = null;
  /** Each seat's `notes` of that report, encoded once. */
  private notesBySeat: (string | undefined)[] = [];
  /** Called after every write (the room sends a patch soon instead of polling for changes). */
  onWrite: () => void = () => {};

  constructor(code: string) {
    this.state.code = code;
    this.state.phase = "lobby";
    this.state.round = 0;
  }

  set code(code: string) {
    this.state.code = code;
  }

  settings(s: Settings): void {
    this.onWrite();
    const st = this.state;
    st.mode = s.mode;
    st.name = s.name;
    st.scenario = s.scenario;
    st.rounds = s.rounds ?? SCENARIOS[s.scenario].params.rounds;
    st.public = s.public;
    st.timers.news = s.timers.news;
    st.timers.deliberation = s.timers.deliberation;
    st.timers.orders = s.timers.orders;
    st.timers.report = s.timers.report;
  }

  seats(
    meta: SeatMeta[],
    connected: (seat: number) => boolean,
    submitted: (seat: number) => boolean,
    spectators: number,
  ): void {
    const seats = this.state.seats;
    let changed = seats.length !== meta.length ? 1 : 0;
    while (seats.length > meta.length) seats.pop();
    while (seats.length < meta.length) seats.push(new LobbySeatState());
    for (let i = 0; i < meta.length; i++) {
      const s = meta[i];
      const x = seats[i];
      const on = s.kind === "bot" || connected(i);
      const sub = submitted(i);
      // Each field written only when it differs (a write is a change on the wire); `|`, not `||`: every one is set.
      changed |=
        put(x, "index", i) |
        put(x, "role", s.role) |
        put(x, "doctrine", s.doctrine) |
        put(x, "kind", s.kind) |
        put(x, "name", s.name) |
        put(x, "difficulty", s.difficulty) |
        put(x, "connected", on) |
        put(x, "ready", s.ready) |
        put(x, "submitted", sub);
    }
    changed |= put(this.state, "spectators", spectators);
    if (changed) this.onWrite(); // nothing changed, no patch to send (a sync that rewrites the same seats)
  }

  phase(phase: RoomPhase, round: number): void {
    if (put(this.state, "phase", phase) | put(this.state, "round", round)) this.onWrite();
  }

  timer(paused: boolean, deadline: number, remaining: number): void {
    const st = this.state;
    if (put(st, "paused", paused) | put(st, "deadline", deadline) | put(st, "remaining", remaining)) this.onWrite();
  }

  /** One public view per sync for every seat; each seat's own part into its secret. */
  view(s: MatchState): void {
    this.onWrite();
    if (this.state.round !== s.round) this.state.round = s.round;
    const pv = syncedPublicView(s);
    this.pub.update(pv);
    this.last = { s, pv };
    // Only seats someone watches: a bot's seat has no private part on the wire (nor its cost) until a client holds it.
    for (let i = 0; i < s.seats.length; i++) if ((this.watchers[i] ?? 0) > 0) this.fill(i);
  }

  /** The newest round's report and public history row (null: none yet). Written before the view it goes with. */
  report(report: RoundReport | null, row: PublicHistoryRow | undefined): void {
    this.onWrite();
    this.lastReport = report;
    this.notesBySeat = [];
    const pub = report ? encodeRoundState(report, row) : "";
    if (this.state.report !== pub) this.state.report = pub;
    for (let i = 0; i < this.secretBySeat.length; i++) if ((this.watchers[i] ?? 0) > 0) this.fillNotes(i);
  }

  orders(seat: number, orders: SeatOrders | null): void {
    // The same orders object again (every sync of the game writes every seat's): its wire form is the one written.
    if (orders !== null && this.ordersObj[seat] === orders) return;
    this.ordersObj[seat] = orders;
    const o = orders ? encodeOrders(orders) : "";
    this.ordersBySeat[seat] = o;
    const secret = this.secretBySeat[seat];
    if (secret && secret.orders !== o) {
      this.onWrite();
      secret.orders = o;
    }
  }

  /** A client holds the seat now: its private part, brought up to date (undefined before the start: nothing yet). */
  watch(seat: number): SeatSecret | undefined {
    this.watchers[seat] = (this.watchers[seat] ?? 0) + 1;
    if (!this.last || seat >= this.last.s.seats.length) return undefined;
    this.fill(seat);
    return this.secretBySeat[seat];
  }

  unwatch(seat: number): void {
    this.watchers[seat] = Math.max(0, (this.watchers[seat] ?? 0) - 1);
  }

  private fill(seat: number): void {
    const { s, pv } = this.last!;
    const secret = this.secret(seat);
    this.meBySeat[seat].update(seatMe(s, seat, pv));
    const o = this.ordersBySeat[seat] ?? "";
    if (secret.orders !== o) secret.orders = o;
    this.fillNotes(seat);
  }

  private fillNotes(seat: number): void {
    const secret = this.secretBySeat[seat];
    if (!secret) return;
    const n = (this.notesBySeat[seat] ??= this.lastReport ? encodeNotes(this.lastReport, seat) : "");
    if (secret.notes !== n) secret.notes = n;
  }

  /** A seat's private part (created when a client first holds the seat in a started match). */
  secret(seat: number): SeatSecret {
    let s = this.secretBySeat[seat];
    if (!s) {
      s = new SeatSecret();
      s.seat = seat;
      s.orders = "";
      s.notes = "";
      this.secretBySeat[seat] = s;
      this.meBySeat[seat] = new FlatSync(s.me);
      this.state.secrets.set(String(seat), s);
    }
    return s;
  }

  existingSecret(seat: number): SeatSecret | undefined {
    return this.secretBySeat[seat];
  }
}
