// The match room: a thin adapter that sequences phases, holds timers and seats, and calls the engine.
import { Room, updateLobby, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import {
  CreateOptionsSchema, DEFAULT_TEAM_SIZE, DEFAULT_TIMERS, DOCTRINES, EVENT_BY_ID, JoinOptionsSchema, MAX_MESSAGE_BYTES, MSG, RULES_VERSION, SCENARIOS, SMSG,
  ROLE_DEFS, checkSetup, createMatch, parseMessage, publicRow, publicView, replay, reportFor, resolveRound, validateOrders,
  type ChatLine, type Difficulty, type Doctrine, type MatchRecord, type MatchState, type PublicHistoryRow, type Role,
  type RoomPhase, type RoundReport, type SeatOrders, type Timers, type ClassroomView, type PollChoice, type RoundExtras,
} from "@metastrategy/shared";
import { Classroom, MAX_MATCH_NAME, cleanName, freshClassroom, type ChatRecord, type ChatScope, type StudentMeta } from "./classroom.js";
import { getContext, type ServerContext } from "../context.js";
import { botIntentLines, fillWithBots } from "./bots.js";
import { BotDeals } from "./bot-deals.js";
import { CHAT_BACKLOG, RateLimit, cleanChat } from "./chat.js";
import { newCode, newToken, randomSeed } from "./codes.js";
import type { RoomMeta, SeatMeta, Settings } from "./meta.js";
import { FencedError } from "../store/types.js";
import { PhaseTimer } from "./timer.js";
import { gateFrame, safeName } from "./guard.js";
import { rebuildRoom } from "./restore.js";
import { LobbySeatState, MatchRoomState, SeatSecret } from "../sync/schema.js";
import { finalView, meJson, publicJson } from "../sync/views.js";

type JoinOptions = { name?: string; spectator?: boolean; autoSeat?: boolean; seatToken?: string; hostToken?: string };

/** Per-client data kept on `client.userData`. */
interface Member {
  name: string;
  seat: number | null;
  host: boolean;
  spectator: boolean;
  chat: RateLimit;
  /** The seat token of the seat held (to find it again after a reconnection). */
  token: string | null;
  /** Classroom: the student this client is (null: teacher, projector). */
  student: string | null;
}

type Handler = (client: Client, payload: any) => string | void | Promise<string | void>;

const CLASSROOM_ONLY = new Set<string>([MSG.propose, MSG.vote, MSG.poll, MSG.hostInject, MSG.hostMove, MSG.hostTeamBot]);
/** Messages that do not fit a class: the teacher places students, teams vote instead of one player ordering. */
const CLASSROOM_REFUSED: Record<string, string> = {
  [MSG.orders]: "In a class, propose orders and vote: the team's orders are the proposal with the most votes.",
  [MSG.takeSeat]: "In a class, the teacher places students in teams.",
  [MSG.leaveSeat]: "In a class, the teacher places students in teams.",
  [MSG.reclaim]: "In a class, rejoin with your own token.",
  [MSG.setDoctrine]: "In a class, the teacher sets each team's metastrategy.",
  [MSG.hostKick]: "In a class, move the student or replace the team with a bot.",
};
const TIMED: RoomPhase[] = ["news", "deliberation", "orders", "report"];
const ORDERS_OPEN: RoomPhase[] = ["news", "deliberation", "orders"];

/** Live match rooms of this process (health and metrics). */
export const liveRooms = new Set<MatchRoom>();

export class MatchRoom extends Room<MatchRoomState> {
  private ctx!: ServerContext;
  private meta!: RoomMeta;
  private match: MatchState | null = null;
  private record: MatchRecord | null = null;
  private pending: (SeatOrders | null)[] = [];
  /** Full reports (with every seat's private notes): filtered per client when sent. */
  private reports: RoundReport[] = [];
  private history: PublicHistoryRow[] = [];
  /** Online chat backlog: the meta's own array, so every meta save stores it. */
  private chatLog: ChatLine[] = [];
  /** Side payments bots offer, answer and keep at this online table (see bot-deals.ts). */
  private deals = new BotDeals();
  /** Connected clients per seat (a seat may later have several members: classroom teams). */
  private members: Set<string>[] = [];
  /** Human seats whose player dropped and may still come back: they hold up the early end of orders. */
  private waiting = new Map<number, NodeJS.Timeout | null>();
  private timer = new PhaseTimer((e) => this.crashed("phase timer", e, true));
  private phaseSeq = 0;
  private hostClaimed = false;
  private ended = false;
  private aborted = false;
  /** When this round's latest orders arrived (performance.now()): the server's share of a round's turnaround. */
  private lastOrderAt = 0;
  /** Classroom mode only. */
  private classroom: Classroom | null = null;
  private classFlush: NodeJS.Timeout | null = null;
  /** Meta saves run one after another; each stores every change made before it started. */
  private saveChain: Promise<unknown> = Promise.resolve();
  /** Changes since the last save that started (dispose saves them). */
  private unsaved = false;

  get code(): string {
    return this.roomId;
  }

  // ---------------------------------------------------------------- lifecycle

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    this.ctx = getContext();
    this.setPatchRate(50);
    this.maxClients = 200; // seats, classroom teams, projectors and spectators
    const restoreCode = typeof options?.__restore === "string" ? options.__restore : null;
    const stored = restoreCode ? this.ctx.restores.get(restoreCode) : undefined;
    this.state = new MatchRoomState();
    if (stored) {
      this.ctx.restores.delete(stored.code);
      this.roomId = stored.code;
      this.meta = stored.meta;
      this.hostClaimed = true;
      if (this.meta.classroom) this.classroom = new Classroom(this.meta.classroom);
      this.initState();
      if (stored.record && stored.meta.started) this.restoreRunning(stored.record);
      else this.resetAutoDisposeTimeout(Math.max(15, this.ctx.config.reconnectSeconds));
      this.ctx.log.info({ event: "match.restored", code: this.code, round: this.match?.round ?? 0, phase: this.state.phase }, "match restored");
    } else {
      const { player: _player, __restore: _r, ...rest } = options ?? {};
      const parsed = CreateOptionsSchema.safeParse(rest);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`Invalid options${issue.path.length ? ` at ${issue.path.join(".")}` : ""}: ${issue.message}`);
      }
      const o = parsed.data;
      const settings: Settings = {
        mode: o.mode, scenario: o.scenario, rounds: o.rounds ?? null, timers: { ...DEFAULT_TIMERS, ...(o.timers ?? {}) },
        public: o.public, name: cleanName(o.name, MAX_MATCH_NAME) ?? `${SCENARIOS[o.scenario].name} match`, seed: o.seed ?? randomSeed(),
      };
      const roles: { role: Role; bot: boolean; difficulty: Difficulty; doctrine?: Doctrine }[] = o.seats
        ? o.seats
        : SCENARIOS[o.scenario].table.map((role, i) => ({ role, bot: o.mode === "solo" && i > 0, difficulty: "normal" as Difficulty }));
      const classroom = o.mode === "classroom";
      const seats: SeatMeta[] = roles.map((s, i) => ({
        role: s.role, doctrine: s.doctrine ?? DOCTRINES[i % DOCTRINES.length], kind: s.bot ? "bot" : "open",
        name: s.bot || classroom ? botName(s.role, i) : "", difficulty: s.difficulty ?? "normal", ready: false, token: null,
      }));
      const check = checkSetup({ scenario: settings.scenario, seed: 0, seats: seats.map((s) => ({ role: s.role, doctrine: s.doctrine })), overrides: roundsOverride(settings) });
      if (!check.ok) throw new Error(check.reason);
      this.meta = { settings, seats, hostToken: newToken(), started: false };
      if (classroom) {
        this.meta.classroom = freshClassroom(o.teamSize ?? DEFAULT_TEAM_SIZE);
        this.classroom = new Classroom(this.meta.classroom);
      }
      let code = newCode();
      for (let i = 0; i < 50 && (await this.ctx.store.codeExists(code)); i++) code = newCode();
      this.roomId = code;
      await this.ctx.store.createMatch(code, this.meta);
      this.initState();
      this.ctx.log.info({ event: "match.created", code, mode: settings.mode, scenario: settings.scenario, public: settings.public, seats: seats.length }, "match created");
    }
    await this.setPrivate(!this.meta.settings.public);
    this.updateListing();
    this.registerHandlers();
    liveRooms.add(this);
  }

  private initState(): void {
    this.chatLog = this.meta.chat ??= [];
    const st = this.state;
    st.code = this.code;
    st.phase = "lobby";
    st.round = 0;
    st.publicView = "";
    this.members = this.meta.seats.map(() => new Set());
    this.syncSettings();
    this.syncSeats();
  }

  private restoreRunning(record: MatchRecord): void {
    const { state, reports } = replay(record);
    this.record = record;
    this.record.extrasByRound ??= record.ordersByRound.map(() => null);
    this.match = state;
    this.reports = reports;
    this.history = publicView(state).history;
    this.autoDispose = false;
    this.createSecrets();
    this.syncMatch();
    if (state.phase === "ended") {
      this.finish(false).catch((e) => this.crashed("finish", e, true));
      return;
    }
    // Every human seat gets a grace period to rejoin before it stops holding up early ends.
    this.meta.seats.forEach((s, i) => {
      if (s.kind === "human") this.markWaiting(i);
    });
    this.syncSeats();
    this.beginRound();
  }

  /** Join options are checked here: an error thrown in onAuth reaches the client whole, before any seat is reserved. */
  override onAuth(_client: Client, options: Record<string, unknown>): JoinOptions {
    const hasPlayer = options && typeof options.player === "object" && options.player !== null;
    // The creator's options are the create options: its own join options sit under `player`.
    let parsed = JoinOptionsSchema.safeParse(hasPlayer ? options.player : omitInternal(options ?? {}));
    if (!parsed.success && !this.hostClaimed && !hasPlayer) parsed = JoinOptionsSchema.safeParse({});
    if (!parsed.success && this.classroom && !hasPlayer) {
      const raw = (options ?? {}) as Record<string, unknown>;
      if (!raw.spectator && !raw.seatToken && !raw.hostToken && !cleanName(raw.name)) throw new Error("Type your name to join the class.");
    }
    if (!parsed.success) throw new Error(`Invalid join options: ${parsed.error.issues[0].message}`);
    const o = parsed.data;
    // Classroom students: a name that is neither blank nor already taken (unless they come back with their token).
    if (this.classroom && this.hostClaimed && !hasPlayer && !o.spectator && !(o.hostToken && o.hostToken === this.meta.hostToken) && !this.classroom.byToken(o.seatToken)) {
      const name = cleanName(o.name);
      if (!name) throw new Error("Type your name to join the class.");
      if (this.classroom.nameTaken(name)) throw new Error(`The name "${name}" is already taken in this class: add an initial or a number.`);
      o.name = name;
    }
    // Names are shown to everyone: cleaned like chat (no markup, no control or direction characters).
    if (o.name !== undefined) o.name = cleanName(o.name) ?? undefined;
    return o;
  }

  override async onJoin(client: Client, _options: unknown, auth?: JoinOptions): Promise<void> {
    const creator = !this.hostClaimed;
    const o: JoinOptions = auth ?? {};
    const host = creator || (!!o.hostToken && o.hostToken === this.meta.hostToken);
    if (creator) this.hostClaimed = true;
    const m: Member = { name: o.name ?? `Player ${Math.floor(Math.random() * 900) + 100}`, seat: null, host, spectator: !!o.spectator, chat: new RateLimit(), token: null, student: null };
    client.userData = m;
    client.view = new StateView();
    if (this.classroom) {
      await this.joinClassroom(client, m, o);
      return;
    }
    let seat: number | null = null;
    if (o.seatToken && !o.spectator) {
      const idx = this.meta.seats.findIndex((s) => s.token !== null && s.token === o.seatToken);
      if (idx >= 0) seat = idx;
    }
    // The creator sits down at once; so does a joiner by code who asks for it (client UX, issue 11).
    if (seat === null && (creator || o.autoSeat) && !o.spectator && this.meta.settings.mode !== "classroom" && !this.meta.started) {
      const idx = this.meta.seats.findIndex((s) => s.kind === "open");
      if (idx >= 0) {
        this.claimOpenSeat(idx, m);
        seat = idx;
      }
    }
    if (seat !== null) this.seatClient(client, seat, false);
    this.sendToken(client);
    for (const line of this.chatLog) client.send(SMSG.chat, line);
    if (this.match) this.sendBacklog(client);
    if (this.ended) client.send(SMSG.ended, this.endedPayload());
    this.ctx.log.info({ event: "player.joined", code: this.code, seat: m.seat, host: m.host, spectator: m.spectator }, "player joined");
    this.afterSeatsChanged();
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const m = client.userData as Member | undefined;
    if (!m || this.ctx.shuttingDown || this.fenced) return; // a restart (or a takeover) keeps every seat and token as stored
    if (this.classroom) return this.leaveClassroom(client, m, consented);
    const seat = m.seat;
    if (seat !== null) this.members[seat]?.delete(client.sessionId);
    this.afterSeatsChanged();
    if (seat === null || this.meta.seats[seat]?.kind !== "human" || this.members[seat].size > 0) return;
    if (!consented && !this.ended && this.ctx.config.reconnectSeconds > 0) {
      this.waiting.set(seat, null);
      try {
        const back = await this.allowReconnection(client, this.ctx.config.reconnectSeconds);
        const mm = back.userData as Member;
        this.waiting.delete(seat);
        // The seat may have been kicked, reopened or renumbered meanwhile: follow the token.
        const idx = mm.token ? this.meta.seats.findIndex((s) => s.kind === "human" && s.token === mm.token) : -1;
        back.view = new StateView();
        mm.seat = null;
        if (idx >= 0) this.seatClient(back, idx, false);
        this.sendToken(back);
        if (this.match) this.sendBacklog(back);
        if (this.ended) back.send(SMSG.ended, this.endedPayload());
        this.ctx.log.info({ event: "player.reconnected", code: this.code, seat: mm.seat }, "player reconnected");
        this.afterSeatsChanged();
        return;
      } catch {
        this.waiting.delete(seat);
      }
    }
    // Gone for now: in the lobby the seat opens; in play its bot holds it until the token comes back.
    if (!this.meta.started && this.meta.seats[seat]?.kind === "human" && this.members[seat].size === 0) {
      this.openSeat(seat);
    }
    this.ctx.log.info({ event: "player.left", code: this.code, seat, consented }, "player left");
    this.afterSeatsChanged();
    this.checkEarlyEnd();
  }

  override async onDispose(): Promise<void> {
    liveRooms.delete(this);
    this.timer.clear();
    if (this.classFlush) clearTimeout(this.classFlush);
    // Whatever is being saved, and anything changed since: stored before the store closes (graceful restart).
    if (this.ctx && this.meta) {
      if (this.unsaved) await this.persist();
      else await this.saveChain;
    }
    for (const t of this.waiting.values()) if (t) clearTimeout(t);
    if (!this.ctx) return;
    if (!this.meta?.started && !this.ctx.shuttingDown && !this.ended && !this.fenced) {
      await this.ctx.store.finishMatch(this.code, "abandoned", null).catch(() => {});
      this.ctx.log.info({ event: "match.abandoned", code: this.code }, "lobby abandoned");
    }
  }

  // ---------------------------------------------------------------- fencing (scale-out: called by scale.ts only)

  /** Set once another process holds this match: nothing more is written, shown or listed here. */
  fenced = false;

  /** Another process took this match over: stop serving it, writing nothing; clients are closed with `closeCode` and rejoin the new owner. */
  stopServing(closeCode: number): void {
    if (this.fenced) return;
    this.fenced = true;
    this.phaseSeq++; // an in-flight resolution or a phase timer does nothing more
    this.timer.clear();
    if (this.classFlush) clearTimeout(this.classFlush);
    this.unsaved = false; // nothing of this match is ours to save any more
    const close = () => void this.disconnect(closeCode).catch(() => {});
    try {
      close();
    } catch {
      setTimeout(close, 0); // still inside onCreate
    }
  }

  /** Every frame passes the gate (guard.ts): only known names with bounded payloads reach a handler. */
  protected override _onMessage(client: any, buffer: Buffer): void {
    gateFrame(this, client, buffer, () => super._onMessage(client, buffer), (e, name) => this.crashed(`message ${name}`, e, false));
  }

  /**
   * Colyseus calls this for a throw in onCreate, onAuth, onJoin, onLeave, onDispose, its clock or a message handler.
   * onCreate/onAuth/onJoin throws are rethrown to the joining client (a refused join changes nothing: log only);
   * a throw in onLeave or a clock callback may leave the room half-updated: rebuild it from its record.
   */
  override onUncaughtException(err: Error, methodName: string): void {
    if (methodName === "onAuth" || methodName === "onCreate" || methodName === "onJoin") {
      this.ctx?.log.warn({ event: "room.join_refused", code: this.roomId, where: methodName, err: err.message }, "join refused");
      return;
    }
    this.crashed(methodName, err, methodName === "onLeave" || methodName === "setTimeout" || methodName === "setInterval");
  }

  /**
   * A failure confined to this room. A message handler's throw was already answered and changed nothing we keep;
   * anything else may have left the room half-updated: it is rebuilt from its record (the last resolved round).
   */
  private crashed(where: string, err: unknown, rebuild: boolean): void {
    this.ctx?.log.error({ event: "room.error", code: this.code, where, err: err instanceof Error ? err.stack ?? err.message : safeName(err) }, "room failed");
    if (this.ctx) this.ctx.metrics.roomErrors++;
    if (rebuild && this.ctx && !this.ctx.shuttingDown && !this.fenced) void rebuildRoom(this.ctx, this.code, () => this.disconnect());
  }

  /** A timer callback whose throw stays in this room. */
  private guarded(where: string, fn: () => void): () => void {
    return () => {
      try {
        fn();
      } catch (e) {
        this.crashed(where, e, true);
      }
    };
  }

  // ---------------------------------------------------------------- messages

  private registerHandlers(): void {
    const table: Record<string, Handler> = {
      [MSG.orders]: (c, p) => this.onOrders(c, p),
      [MSG.chat]: (c, p) => this.onChat(c, p),
      [MSG.takeSeat]: (c, p) => this.onTakeSeat(c, p.seat),
      [MSG.leaveSeat]: (c) => this.onLeaveSeat(c),
      [MSG.setDoctrine]: (c, p) => this.onSetDoctrine(c, p.doctrine),
      [MSG.ready]: (c, p) => this.onReady(c, p.ready),
      [MSG.reclaim]: (c, p) => this.onReclaim(c, p.seat, p.token),
      [MSG.hostSettings]: (c, p) => this.onHostSettings(p),
      [MSG.hostSeat]: (c, p) => this.onHostSeat(p),
      [MSG.hostStart]: () => this.onHostStart(),
      [MSG.hostPause]: () => this.onPause(),
      [MSG.hostResume]: () => this.onResume(),
      [MSG.hostExtend]: (c, p) => this.onExtend(p.seconds),
      [MSG.hostEndPhase]: () => this.onEndPhase(),
      [MSG.hostKick]: (c, p) => this.onKick(p.seat),
      [MSG.hostEndMatch]: () => this.onEndMatch(),
      [MSG.propose]: (c, p) => this.onPropose(c, p.orders),
      [MSG.vote]: (c, p) => this.onVote(c, p.proposal),
      [MSG.poll]: (c, p) => this.onPoll(c, p.opinion),
      [MSG.hostInject]: (c, p) => this.onInject(p.card),
      [MSG.hostMove]: (c, p) => this.onMove(p.student, p.seat),
      [MSG.hostTeamBot]: (c, p) => this.onTeamBot(p.seat, p.bot),
    };
    const run = async (client: Client, name: string, payload: unknown) => {
      const parsed = parseMessage(name, payload);
      if (!parsed.ok) return this.refuse(client, name, parsed.reason);
      if (CLASSROOM_ONLY.has(name) && !this.classroom) return this.refuse(client, name, "Not available in this mode.");
      if (this.classroom && CLASSROOM_REFUSED[name]) return this.refuse(client, name, CLASSROOM_REFUSED[name]);
      if (name.startsWith("host:") && !(client.userData as Member).host) return this.refuse(client, name, "Only the host may do that.");
      try {
        const reason = await table[name](client, parsed.value);
        if (reason) this.refuse(client, name, reason);
      } catch (e) {
        this.ctx.log.error({ event: "room.error", code: this.code, message: name, err: e instanceof Error ? e.message : String(e) }, "handler failed");
        this.refuse(client, name, "Internal error.");
      }
    };
    for (const name of Object.values(MSG)) this.onMessage(name, (client, payload) => run(client, name, payload));
  }

  private refuse(client: Client, message: string, reason: string): void {
    client.send(SMSG.error, { reason, message });
  }

  private onOrders(client: Client, orders: SeatOrders): string | void {
    const m = client.userData as Member;
    if (m.seat === null) return "You hold no seat.";
    if (!this.match || !ORDERS_OPEN.includes(this.state.phase as RoomPhase)) return "Orders are not open now.";
    const check = validateOrders(this.match, m.seat, orders);
    if (!check.ok) return check.reason;
    this.pending[m.seat] = orders;
    this.lastOrderAt = performance.now();
    this.state.seats[m.seat].submitted = true;
    const secret = this.state.secrets.get(String(m.seat));
    if (secret) secret.orders = JSON.stringify(orders);
    this.checkEarlyEnd();
  }

  private onChat(client: Client, p: { text: string }): string | void | Promise<string | void> {
    const m = client.userData as Member;
    if (!m.chat.take()) return "You are sending messages too fast.";
    const text = cleanChat(p.text);
    if (!text) return "Empty message.";
    const line: ChatLine & { seat: number | null } = { from: m.name, seat: m.seat, text, at: Date.now() };
    if (this.classroom) return this.classChat(m, line);
    return this.addChat([line]).then((ok) => {
      if (!ok) return "Your message could not be saved: try again.";
      // A line may offer a bot a side payment, or take a bot's offer: the bot answers in the chat.
      const replies = this.match ? this.deals.hear(this.match, this.meta.seats, m.seat, text) : [];
      if (replies.length > 0) void this.addChat(replies.map((l) => ({ ...l, at: Date.now() })));
    });
  }

  /** Online chat: lines join the backlog, are stored, and only then broadcast (a line survives a restart or a crash). */
  private async addChat(lines: ChatLine[]): Promise<boolean> {
    for (const line of lines) {
      this.chatLog.push(line);
      if (this.chatLog.length > CHAT_BACKLOG) this.chatLog.shift();
    }
    if (!(await this.persist())) return false;
    for (const line of lines) this.broadcast(SMSG.chat, line);
    return true;
  }

  private onTakeSeat(client: Client, seat: number): string | void {
    const m = client.userData as Member;
    if (this.meta.started) return "The match has started: seats are taken with a seat token (reclaim).";
    if (m.spectator) return "Spectators do not take seats.";
    const s = this.meta.seats[seat];
    if (!s) return "No such seat.";
    if (s.kind !== "open") return "That seat is not free.";
    if (m.seat !== null) this.releaseSeat(client);
    this.claimOpenSeat(seat, m);
    this.seatClient(client, seat, true);
    this.afterSeatsChanged();
  }

  private onLeaveSeat(client: Client): string | void {
    const m = client.userData as Member;
    if (this.meta.started) return "The match has started.";
    if (m.seat === null) return "You hold no seat.";
    this.releaseSeat(client);
    this.sendToken(client);
    this.afterSeatsChanged();
  }

  private onSetDoctrine(client: Client, doctrine: Doctrine): string | void {
    const m = client.userData as Member;
    if (this.meta.started) return "The match has started: switch metastrategy with your orders.";
    if (m.seat === null) return "You hold no seat.";
    this.meta.seats[m.seat].doctrine = doctrine;
    this.afterSeatsChanged();
  }

  private onReady(client: Client, ready: boolean): string | void {
    const m = client.userData as Member;
    if (this.meta.started) return "The match has started.";
    if (m.seat === null) return "You hold no seat.";
    this.meta.seats[m.seat].ready = ready;
    this.afterSeatsChanged(false);
  }

  private onReclaim(client: Client, seat: number, token: string): string | void {
    const m = client.userData as Member;
    const s = this.meta.seats[seat];
    if (!s || !s.token || s.token !== token) return "Wrong seat or token.";
    if (this.ended) return "The match has ended.";
    if (m.seat === seat) return;
    if (m.seat !== null) this.releaseSeat(client);
    m.spectator = false;
    this.seatClient(client, seat, true);
    this.ctx.log.info({ event: "seat.reclaimed", code: this.code, seat }, "seat reclaimed");
    this.afterSeatsChanged();
  }

  private onHostSettings(p: { scenario?: string; rounds?: number; timers?: Partial<Timers>; public?: boolean; teamSize?: number }): string | void {
    const st = this.meta.settings;
    if (this.meta.started && (p.scenario !== undefined || p.rounds !== undefined)) return "Scenario and rounds are fixed once the match has started.";
    if (this.ended) return "The match has ended.";
    const next: Settings = { ...st, timers: { ...st.timers, ...(p.timers ?? {}) } };
    if (p.scenario !== undefined) next.scenario = p.scenario;
    if (p.rounds !== undefined) next.rounds = p.rounds;
    if (p.public !== undefined) next.public = p.public;
    const check = checkSetup({ scenario: next.scenario, seed: 0, seats: this.meta.seats.map((s) => ({ role: s.role, doctrine: s.doctrine })), overrides: roundsOverride(next) });
    if (!check.ok) return check.reason;
    if (p.teamSize !== undefined) {
      if (!this.classroom) return "Team size applies to classes only.";
      this.classroom.data.teamSize = p.teamSize;
      if (!this.meta.started) this.rebalance();
    }
    this.meta.settings = next;
    if (p.public !== undefined) this.setPrivate(!next.public).catch((e) => this.crashed("listing", e, false));
    this.syncSettings();
    this.saveMeta();
    this.updateListing();
  }

  private onHostSeat(p: { seat: number; bot: boolean; difficulty?: Difficulty; role?: Role; remove?: boolean; doctrine?: Doctrine }): string | void {
    if (this.meta.started) return "Seats are fixed once the match has started (use kick).";
    const seats = this.meta.seats;
    let next: SeatMeta[];
    if (p.seat === seats.length) {
      if (p.remove) return "No such seat.";
      const role = p.role ?? "lab";
      next = [...seats, { role, doctrine: DOCTRINES[seats.length % DOCTRINES.length], kind: p.bot ? "bot" : "open", name: p.bot || this.classroom ? botName(role, seats.length) : "", difficulty: p.difficulty ?? "normal", ready: false, token: null }];
      const reason = this.checkSeats(next);
      if (reason) return reason;
      this.meta.seats = next;
      this.members.push(new Set());
    } else if (p.seat > seats.length) {
      return "No such seat.";
    } else if (p.remove) {
      if (seats.length <= 1) return "A match needs at least one seat.";
      this.unseatAll(p.seat);
      this.meta.seats.splice(p.seat, 1);
      this.members.splice(p.seat, 1);
      // Renumber the seats after the removed one.
      for (const c of this.clients) {
        const m = c.userData as Member | undefined;
        if (m && m.seat !== null && m.seat > p.seat) {
          m.seat -= 1;
          this.sendToken(c);
        }
      }
    } else {
      const s = { ...seats[p.seat] };
      if (p.role) s.role = p.role;
      if (p.difficulty) s.difficulty = p.difficulty;
      if (p.doctrine) s.doctrine = p.doctrine;
      next = seats.slice();
      next[p.seat] = s;
      const reason = this.checkSeats(next);
      if (reason) return reason;
      if (p.bot && s.kind !== "bot") {
        this.unseatAll(p.seat);
        Object.assign(s, { kind: "bot", token: null, ready: false, name: botName(s.role, p.seat) });
      } else if (!p.bot && s.kind === "bot") {
        Object.assign(s, { kind: "open", name: this.classroom ? botName(s.role, p.seat) : "" });
      }
      if (this.classroom) s.name = botName(s.role, p.seat);
      this.meta.seats[p.seat] = s;
    }
    if (this.classroom) this.classSeatsChanged(p.remove ? p.seat : null);
    this.afterSeatsChanged();
  }

  private checkSeats(seats: SeatMeta[]): string | null {
    const c = checkSetup({ scenario: this.meta.settings.scenario, seed: 0, seats: seats.map((s) => ({ role: s.role, doctrine: s.doctrine })), overrides: roundsOverride(this.meta.settings) });
    return c.ok ? null : c.reason;
  }

  private async onHostStart(): Promise<string | void> {
    if (this.meta.started) return "The match has already started.";
    if (this.ended) return "The match has ended.";
    const settings = this.meta.settings;
    this.meta.seats.forEach((s, i) => {
      if (s.kind === "open") Object.assign(s, { kind: "bot", name: botName(s.role, i), token: null });
    });
    const setup = {
      scenario: settings.scenario,
      seed: settings.seed,
      seats: this.meta.seats.map((s) => ({ role: s.role, doctrine: s.doctrine, ...(s.name ? { name: s.name } : {}) })),
      overrides: roundsOverride(settings),
      rulesVersion: RULES_VERSION,
    };
    const check = checkSetup(setup);
    if (!check.ok) return check.reason;
    this.match = createMatch(setup);
    this.record = { rulesVersion: RULES_VERSION, scenario: setup.scenario, seed: setup.seed, seats: setup.seats, ordersByRound: [], extrasByRound: [] };
    if (setup.overrides) this.record.overrides = setup.overrides;
    this.meta.started = true;
    this.meta.hostPlays = this.clients.some((c) => (c.userData as Member).host && (c.userData as Member).seat !== null);
    this.autoDispose = false;
    await this.ctx.store.startMatch(this.code, this.record, this.meta);
    this.ctx.metrics.matchesStarted++;
    this.createSecrets();
    for (const c of this.clients) {
      const m = c.userData as Member;
      if (m.seat !== null) c.view?.add(this.state.secrets.get(String(m.seat))!);
      this.sendBacklog(c);
    }
    this.syncMatch();
    this.afterSeatsChanged(false);
    this.ctx.log.info({ event: "match.started", code: this.code, scenario: settings.scenario, seed: settings.seed, humans: this.meta.seats.filter((s) => s.kind === "human").length, seats: this.meta.seats.length }, "match started");
    this.beginRound();
  }

  private onPause(): string | void {
    if (!this.meta.started || this.ended) return "Nothing to pause.";
    if (this.timer.paused) return "Already paused.";
    this.timer.pause();
    this.syncTimer();
    this.ctx.log.info({ event: "match.paused", code: this.code }, "paused");
  }

  private onResume(): string | void {
    if (!this.timer.paused) return "Not paused.";
    this.timer.resume();
    this.syncTimer();
    this.checkEarlyEnd();
    this.ctx.log.info({ event: "match.resumed", code: this.code }, "resumed");
  }

  private onExtend(seconds: number): string | void {
    if (!TIMED.includes(this.state.phase as RoomPhase) || !this.timer.running) return "No timer runs now.";
    this.timer.extend(seconds * 1000 * this.ctx.config.timerScale);
    this.syncTimer();
  }

  private onEndPhase(): string | void {
    if (!TIMED.includes(this.state.phase as RoomPhase) || !this.timer.running) return "No timed phase to end now.";
    this.timer.fire();
  }

  private onKick(seat: number): string | void {
    const s = this.meta.seats[seat];
    if (!s) return "No such seat.";
    if (s.kind !== "human") return "No player holds that seat.";
    if (this.ended) return "The match has ended.";
    this.unseatAll(seat);
    const w = this.waiting.get(seat);
    if (w) clearTimeout(w);
    this.waiting.delete(seat);
    if (this.meta.started) Object.assign(s, { kind: "bot", token: null, ready: false, difficulty: "normal" });
    else Object.assign(s, { kind: "open", token: null, ready: false, name: "" });
    this.ctx.log.info({ event: "seat.kicked", code: this.code, seat }, "player removed by host");
    this.afterSeatsChanged();
    this.checkEarlyEnd();
  }

  private async onEndMatch(): Promise<string | void> {
    if (this.ended) return "The match has already ended.";
    await this.finish(true);
  }

  // ---------------------------------------------------------------- seats

  private claimOpenSeat(seat: number, m: Member): void {
    Object.assign(this.meta.seats[seat], { kind: "human", name: m.name, token: newToken(), ready: false });
  }

  /** Makes `client` a member of `seat`: view, token, backlog. */
  private seatClient(client: Client, seat: number, notify: boolean): void {
    const m = client.userData as Member;
    m.seat = seat;
    m.spectator = false;
    m.token = this.meta.seats[seat].token;
    this.members[seat].add(client.sessionId);
    // Host rights follow the seat: a host who holds a seat at any time after the start reads no more than that seat
    // until the end (no record, no session export), even after leaving it again.
    if (m.host && this.meta.started && !this.meta.hostPlays) {
      this.meta.hostPlays = true;
      this.saveMeta();
    }
    const w = this.waiting.get(seat);
    if (w) clearTimeout(w);
    this.waiting.delete(seat);
    const secret = this.state.secrets.get(String(seat));
    if (secret) client.view?.add(secret);
    if (notify) {
      this.sendToken(client);
      if (this.match) this.sendBacklog(client);
    }
  }

  /** Removes a client from its seat (it stays in the room without a seat). */
  private releaseSeat(client: Client): void {
    const m = client.userData as Member;
    if (m.seat === null) return;
    const seat = m.seat;
    this.members[seat]?.delete(client.sessionId);
    const secret = this.state.secrets.get(String(seat));
    if (secret) client.view?.remove(secret);
    m.seat = null;
    if (!this.meta.started && this.members[seat]?.size === 0 && this.meta.seats[seat]?.kind === "human") this.openSeat(seat);
  }

  private openSeat(seat: number): void {
    Object.assign(this.meta.seats[seat], { kind: "open", token: null, ready: false, name: "" });
  }

  /** Unseats every client of a seat; they stay as spectators and learn it by a token message. */
  private unseatAll(seat: number): void {
    for (const c of this.clients) {
      const m = c.userData as Member | undefined;
      if (m?.seat === seat) {
        const secret = this.state.secrets.get(String(seat));
        if (secret) c.view?.remove(secret);
        m.seat = null;
        this.sendToken(c);
        if (this.match) this.sendBacklog(c);
      }
    }
    this.members[seat]?.clear();
  }

  private markWaiting(seat: number): void {
    const t = setTimeout(this.guarded("reconnect wait", () => {
      this.waiting.delete(seat);
      this.checkEarlyEnd();
    }), this.ctx.config.reconnectSeconds * 1000);
    t.unref();
    this.waiting.set(seat, t);
  }

  private afterSeatsChanged(save = true): void {
    this.syncSeats();
    this.updateListing();
    if (save) this.saveMeta();
  }

  /** Saves the meta in the background, in order with every other save (persist logs a failure). */
  private saveMeta(): void {
    void this.persist();
  }

  // ---------------------------------------------------------------- phases

  private beginRound(): void {
    this.pending = this.meta.seats.map(() => null);
    this.state.seats.forEach((s) => (s.submitted = false));
    this.state.secrets.forEach((s) => (s.orders = ""));
    if (this.classroom && this.match) {
      this.classroom.startRound(this.match.round, this.meta.seats);
      this.meta.seats.forEach((_, i) => this.syncTeamOrders(i));
      this.classChanged();
    }
    this.enter("news");
  }

  private durationMs(phase: RoomPhase): number {
    const t = this.meta.settings.timers as Record<string, number>;
    return Math.max(0, (t[phase] ?? 0) * 1000 * this.ctx.config.timerScale);
  }

  private enter(phase: RoomPhase): void {
    const seq = ++this.phaseSeq;
    this.state.phase = phase;
    this.timer.clear();
    if (TIMED.includes(phase)) {
      this.timer.start(this.durationMs(phase), () => {
        if (seq === this.phaseSeq) this.advance(phase);
      });
    }
    this.syncTimer();
    this.updateListing();
    if (phase === "deliberation" && this.durationMs(phase) > 0) this.botsTalk();
    if (phase === "orders") this.checkEarlyEnd();
  }

  /** Bots say what they mean to do, one line each, when a human is at an online table (not in class: teams chat there). */
  private botsTalk(): void {
    if (this.classroom || !this.match) return;
    const at = Date.now();
    const lines = [...botIntentLines(this.match, this.meta.seats), ...this.deals.offers(this.match, this.meta.seats)].map((l) => ({ from: l.from, seat: l.seat, text: l.text, at }));
    if (lines.length > 0) void this.addChat(lines); // stored before anyone sees it, like players' lines
  }

  private advance(from: RoomPhase): void {
    if (this.ended || this.state.phase !== from) return;
    if (from === "news") this.enter("deliberation");
    else if (from === "deliberation") this.enter("orders");
    else if (from === "orders") this.resolveNow().catch((e) => this.crashed("resolve", e, true));
    else if (from === "report") this.beginRound();
  }

  /** Ends the orders phase early when every human seat that is present (or about to return) has submitted. */
  private checkEarlyEnd(): void {
    if (this.state.phase !== "orders" || this.ended) return;
    if (this.classroom) return this.checkClassEarlyEnd();
    if (this.timer.paused) return; // paused means nothing moves (solo pauses while its guide is open); resuming checks again
    let humans = 0;
    for (let i = 0; i < this.meta.seats.length; i++) {
      const s = this.meta.seats[i];
      if (s.kind !== "human") continue;
      if (this.members[i].size === 0 && !this.waiting.has(i)) continue;
      humans++;
      if (!this.pending[i]) return;
    }
    if (humans === 0) return;
    const seq = this.phaseSeq;
    setImmediate(this.guarded("early end", () => {
      if (seq === this.phaseSeq && this.state.phase === "orders") this.timer.fire();
    }));
  }

  private async resolveNow(): Promise<void> {
    const state = this.match;
    if (!state || !this.record) return;
    this.enter("resolution");
    const seq = this.phaseSeq;
    const filled = await fillWithBots(state, this.pending, (i) => (this.meta.seats[i].kind === "bot" ? this.meta.seats[i].difficulty : "normal"));
    const orders = this.classroom ? filled : this.deals.apply(state, this.meta.seats, filled); // bots keep the deals they made
    if (this.ended || seq !== this.phaseSeq || this.match !== state) return;
    const extras: RoundExtras | null = this.classroom ? this.classroom.closeRound(this.meta.seats) : null;
    const t0 = performance.now();
    const { state: next, report } = resolveRound(state, orders, extras);
    this.ctx.metrics.observeResolution((performance.now() - t0) / 1000);
    const index = this.record.ordersByRound.length;
    this.record.ordersByRound.push(orders);
    this.record.extrasByRound!.push(extras);
    try {
      await this.ctx.store.appendRound(this.code, index, orders, extras, this.meta);
    } catch (e) {
      if (e instanceof FencedError) return; // another process holds the match: this round is not ours to show
      this.ctx.log.error({ event: "store.error", code: this.code, round: state.round, err: String(e) }, "round not saved");
    }
    if (this.ended || seq !== this.phaseSeq) return;
    this.match = next;
    this.reports.push(report);
    const last = next.history.at(-1);
    const row = last ? publicRow(last) : undefined;
    if (row) this.history.push(row);
    this.syncMatch();
    for (const c of this.clients) {
      const m = c.userData as Member;
      c.send(SMSG.report, { replace: false, reports: [reportFor(report, m.seat)], history: row ? [row] : [] }, { afterNextPatch: true });
    }
    this.ctx.log.info({ event: "round.resolved", code: this.code, round: state.round, ms: Math.round((performance.now() - t0) * 100) / 100, ending: next.end?.ending ?? null }, "round resolved");
    this.classChanged();
    if (next.phase === "ended") await this.finish(false);
    else this.enter("report");
    this.broadcastPatch(); // results and reports leave now rather than at the next patch tick (latency)
    if (this.lastOrderAt) this.ctx.metrics.observeTurnaround(performance.now() - this.lastOrderAt);
    this.lastOrderAt = 0;
  }

  private async finish(aborted: boolean): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.aborted = aborted;
    this.phaseSeq++;
    this.timer.clear();
    this.state.phase = "ended";
    this.syncTimer();
    if (this.match) this.syncMatch();
    const result = this.match ? { end: this.match.end, scores: this.match.scores, round: this.match.round, aborted } : { aborted };
    if (this.meta.started || aborted) {
      await this.ctx.store.finishMatch(this.code, aborted ? "aborted" : "finished", result, this.meta).catch((e) => this.ctx.log.error({ event: "store.error", code: this.code, err: String(e) }, "end not saved"));
    }
    this.ctx.metrics.matchesFinished++;
    this.broadcast(SMSG.ended, this.endedPayload(), { afterNextPatch: true });
    this.classChanged();
    this.ctx.log.info({ event: aborted ? "match.aborted" : "match.ended", code: this.code, ending: this.match?.end?.ending ?? null, scores: this.match?.scores ?? null, round: this.match?.round ?? 0 }, "match ended");
    this.updateListing();
    this.autoDispose = true;
  }

  private endedPayload() {
    return { aborted: this.aborted, view: this.match ? finalView(this.match) : null };
  }

  // ---------------------------------------------------------------- classroom

  private async joinClassroom(client: Client, m: Member, o: JoinOptions): Promise<void> {
    const cls = this.classroom!;
    if (!m.host && !m.spectator) {
      let st = cls.byToken(o.seatToken);
      if (!st) {
        st = cls.addStudent(cleanName(o.name) ?? "Student");
        st.seat = cls.placeFor(this.meta.seats);
        if (!this.meta.started) this.updateClassKinds();
        // The new student (its id and token) is stored before the student learns its token: never given out twice.
        if (!(await this.persist())) throw new Error("The class could not be saved: try joining again.");
      }
      m.student = st.id;
      m.name = st.name;
      if (st.seat !== null) this.seatClient(client, st.seat, false);
    }
    this.sendToken(client);
    const lines = cls.data.chat.filter((l) => this.canSeeChat(m, l)).slice(-CHAT_BACKLOG);
    for (const l of lines) client.send(SMSG.chat, chatOut(l));
    if (this.match) this.sendBacklog(client);
    if (this.ended) client.send(SMSG.ended, this.endedPayload());
    this.sendClassView(client);
    this.ctx.log.info({ event: "student.joined", code: this.code, student: m.student, seat: m.seat, host: m.host, spectator: m.spectator }, "joined the class");
    this.afterSeatsChanged();
    this.classChanged();
  }

  private async leaveClassroom(client: Client, m: Member, consented: boolean): Promise<void> {
    const cls = this.classroom!;
    if (m.seat !== null) this.members[m.seat]?.delete(client.sessionId);
    this.afterSeatsChanged(false);
    this.classChanged();
    if (consented && !this.meta.started && m.student && !this.online().has(m.student)) {
      cls.removeStudent(m.student);
      this.updateClassKinds();
      this.afterSeatsChanged();
      return;
    }
    if (consented || this.ended || this.ctx.config.reconnectSeconds <= 0) return this.checkEarlyEnd();
    try {
      const back = await this.allowReconnection(client, this.ctx.config.reconnectSeconds);
      const mm = back.userData as Member;
      back.view = new StateView();
      mm.seat = null;
      const st = cls.byId(mm.student);
      if (st && st.seat !== null) this.seatClient(back, st.seat, false);
      this.sendToken(back);
      if (this.match) this.sendBacklog(back);
      if (this.ended) back.send(SMSG.ended, this.endedPayload());
      this.sendClassView(back);
      this.ctx.log.info({ event: "student.reconnected", code: this.code, student: mm.student, seat: mm.seat }, "reconnected to the class");
      this.afterSeatsChanged(false);
      this.classChanged();
    } catch {
      this.checkEarlyEnd();
    }
  }

  /** Student ids with at least one connected client. */
  private online(): Set<string> {
    const out = new Set<string>();
    for (const c of this.clients) {
      const id = (c.userData as Member | undefined)?.student;
      if (id) out.add(id);
    }
    return out;
  }

  private studentOf(client: Client): StudentMeta | null {
    return this.classroom?.byId((client.userData as Member).student) ?? null;
  }

  /** Lobby: a seat with students is human, an empty one open (a bot at the start); the teacher's bot seats stay bots. */
  private updateClassKinds(): void {
    const cls = this.classroom;
    if (!cls || this.meta.started) return;
    this.meta.seats.forEach((s, i) => {
      s.name = botName(s.role, i);
      if (s.kind !== "bot") s.kind = cls.teamOf(i).length > 0 ? "human" : "open";
    });
  }

  /** Puts every client of a student where the student now belongs (team seat and its secret, or none). */
  private syncStudentClients(st: StudentMeta): void {
    for (const c of this.clients) {
      const m = c.userData as Member | undefined;
      if (!m || m.student !== st.id || m.seat === st.seat) continue;
      if (m.seat !== null) {
        this.members[m.seat]?.delete(c.sessionId);
        const secret = this.state.secrets.get(String(m.seat));
        if (secret) c.view?.remove(secret);
      }
      m.seat = null;
      if (st.seat !== null) this.seatClient(c, st.seat, false);
      this.sendToken(c);
      if (this.match) this.sendBacklog(c);
    }
  }

  private setStudentSeat(st: StudentMeta, seat: number | null): void {
    const cls = this.classroom!;
    if (st.seat === seat) return;
    const from = st.seat;
    // A move drops the student's vote and poll answer of this round (PROTOCOL §3 host:move).
    cls.dropRoundAnswers(st.id);
    st.seat = seat;
    if (from !== null && this.match) this.syncTeamOrders(from);
    this.syncStudentClients(st);
  }

  /** Lobby: after seats were added, removed or given to bots, students follow and observers fill free places. */
  private classSeatsChanged(removed: number | null): void {
    const cls = this.classroom!;
    for (const st of cls.data.students) {
      if (removed !== null && st.seat !== null) st.seat = st.seat === removed ? null : st.seat > removed ? st.seat - 1 : st.seat;
      if (st.seat !== null && (!this.meta.seats[st.seat] || this.meta.seats[st.seat].kind === "bot")) st.seat = null;
    }
    for (const st of cls.data.students) if (st.seat === null) st.seat = cls.placeFor(this.meta.seats);
    for (const st of cls.data.students) this.syncStudentClients(st);
    this.updateClassKinds();
    this.classChanged();
  }

  /** Lobby: places everyone again in join order (after the team size changed). */
  private rebalance(): void {
    const cls = this.classroom!;
    for (const st of cls.data.students) st.seat = null;
    for (const st of cls.data.students) st.seat = cls.placeFor(this.meta.seats);
    for (const st of cls.data.students) this.syncStudentClients(st);
    this.updateClassKinds();
    this.afterSeatsChanged();
    this.classChanged();
  }

  /** The team's orders follow its leading proposal (a bot team: none, its bot plays). */
  private syncTeamOrders(seat: number): void {
    const cls = this.classroom;
    if (!cls || !this.meta.seats[seat]) return;
    const lead = this.meta.seats[seat].kind === "bot" ? null : cls.leading(seat);
    this.pending[seat] = lead ? lead.orders : null;
    const sub = !!lead;
    if (this.state.seats[seat] && this.state.seats[seat].submitted !== sub) this.state.seats[seat].submitted = sub;
    const secret = this.state.secrets.get(String(seat));
    const ord = lead ? JSON.stringify(lead.orders) : "";
    if (secret && secret.orders !== ord) secret.orders = ord;
  }

  /** Orders end early once every connected student of every student-played team has voted. */
  private checkClassEarlyEnd(): void {
    const cls = this.classroom!;
    if (this.timer.paused) return; // paused means nothing moves; resuming checks again
    const online = this.online();
    let teams = 0;
    for (let i = 0; i < this.meta.seats.length; i++) {
      if (this.meta.seats[i].kind === "bot") continue;
      const here = cls.teamOf(i).filter((st) => online.has(st.id));
      if (here.length === 0) continue;
      teams++;
      for (const st of here) if (cls.myVote(st) === null) return;
    }
    if (teams === 0) return;
    const seq = this.phaseSeq;
    setImmediate(this.guarded("early end", () => {
      if (seq === this.phaseSeq && this.state.phase === "orders") this.timer.fire();
    }));
  }

  private onPropose(client: Client, orders: SeatOrders): string | void {
    const st = this.studentOf(client);
    if (!st) return "Only students propose orders.";
    if (!this.match || this.ended || !ORDERS_OPEN.includes(this.state.phase as RoomPhase)) return "Proposals are open during the news, deliberation and orders.";
    if (st.seat === null) return "Observers answer the opinion poll; team members propose orders.";
    if (this.meta.seats[st.seat].kind === "bot") return "A bot plays your team now.";
    const check = validateOrders(this.match, st.seat, orders);
    if (!check.ok) return check.reason;
    const r = this.classroom!.propose(st, orders, Date.now());
    if (typeof r === "string") return r;
    this.syncTeamOrders(st.seat);
    this.classChanged();
    this.checkEarlyEnd();
  }

  private onVote(client: Client, proposal: number): string | void {
    const st = this.studentOf(client);
    if (!st) return "Only students vote.";
    if (!this.match || this.ended || !ORDERS_OPEN.includes(this.state.phase as RoomPhase)) return "Voting is open during the news, deliberation and orders.";
    if (st.seat !== null && this.meta.seats[st.seat].kind === "bot") return "A bot plays your team now.";
    const r = this.classroom!.vote(st, proposal);
    if (r) return r;
    this.syncTeamOrders(st.seat!);
    this.classChanged();
    this.checkEarlyEnd();
  }

  private onPoll(client: Client, choice: PollChoice): string | void {
    const st = this.studentOf(client);
    if (!st) return "Only students answer the poll.";
    if (!this.match || this.ended || !ORDERS_OPEN.includes(this.state.phase as RoomPhase)) return "The poll is closed now.";
    const r = this.classroom!.answerPoll(st, choice);
    if (r) return r;
    this.classChanged();
  }

  private onInject(card: string): string | void {
    if (!EVENT_BY_ID.has(card)) return "No such event card.";
    if (!this.match || this.ended) return "Event cards can be injected once the class has started.";
    if (this.match.round + 1 > this.match.params.rounds) return "This is the last round: there is no next news.";
    this.classroom!.data.inject = card;
    this.ctx.log.info({ event: "class.inject", code: this.code, card, round: this.match.round + 1 }, "event card queued");
    this.classChanged();
  }

  private onMove(studentId: string, seat: number): string | void {
    const cls = this.classroom!;
    const st = cls.byId(studentId);
    if (!st) return "No such student.";
    if (this.ended) return "The class has ended.";
    if (seat >= this.meta.seats.length) return "No such seat.";
    const to = seat < 0 ? null : seat;
    if (to !== null && this.meta.seats[to].kind === "bot") return "A bot plays that team: give it back to the students first.";
    this.setStudentSeat(st, to);
    this.updateClassKinds();
    this.afterSeatsChanged();
    this.classChanged();
    this.checkEarlyEnd();
  }

  private onTeamBot(seat: number, bot: boolean): string | void {
    const cls = this.classroom!;
    const s = this.meta.seats[seat];
    if (!s) return "No such seat.";
    if (this.ended) return "The class has ended.";
    if (bot === (s.kind === "bot")) return;
    if (bot) {
      s.kind = "bot";
      if (!this.meta.started) {
        for (const st of cls.teamOf(seat)) this.setStudentSeat(st, null);
        for (const st of cls.observers()) this.setStudentSeat(st, cls.placeFor(this.meta.seats));
      }
    } else {
      s.kind = this.meta.started || cls.teamOf(seat).length > 0 ? "human" : "open";
      if (!this.meta.started) for (const st of cls.observers()) this.setStudentSeat(st, cls.placeFor(this.meta.seats));
    }
    s.name = botName(s.role, seat);
    this.updateClassKinds();
    if (this.match) this.syncTeamOrders(seat);
    this.ctx.log.info({ event: "class.teamBot", code: this.code, seat, bot }, bot ? "team given to a bot" : "team given back");
    this.afterSeatsChanged();
    this.classChanged();
    this.checkEarlyEnd();
  }

  private canSeeChat(m: Member, l: ChatRecord): boolean {
    if (m.host || l.scope === "all") return true;
    if (!m.student) return false;
    return l.scope === "observers" ? m.seat === null : m.seat === l.scope;
  }

  /** Class chat: a team talks within its team, observers among observers; the teacher speaks to everyone. */
  private classChat(m: Member, line: ChatLine): string | void | Promise<string | void> {
    if (!m.host && !m.student) return "Only students and the teacher chat in a class.";
    const scope: ChatScope = m.host ? "all" : m.seat ?? "observers";
    const rec: ChatRecord = { ...line, scope };
    this.classroom!.addChat(rec);
    // Stored before anyone sees it: a line a student saw survives a crash.
    return this.persist().then((ok) => {
      if (!ok) return "Your message could not be saved: try again.";
      for (const c of this.clients) if (c.userData && this.canSeeChat(c.userData as Member, rec)) c.send(SMSG.chat, line);
    });
  }

  /**
   * Marks the class views dirty. Shortly (many votes coalesce into one update) the session is saved, and only then are
   * the views sent: a vote, proposal or poll answer a client sees confirmed is already stored.
   */
  private classChanged(): void {
    if (!this.classroom || this.fenced) return;
    this.unsaved = true;
    if (this.classFlush) return;
    this.classFlush = setTimeout(this.guarded("class flush", () => {
      this.classFlush = null;
      this.persist()
        .then((ok) => {
          if (!ok) {
            setTimeout(this.guarded("class retry", () => this.classChanged()), 1000).unref();
            return;
          }
          // Changed again while saving: the flush already scheduled saves that too, then shows it all.
          if (this.unsaved) return;
          const online = this.online();
          for (const c of this.clients) this.sendClassView(c, online, true);
        })
        .catch((e) => this.crashed("class flush", e, false));
    }), 40);
  }

  /** Saves the meta (seats, class session, chat) after any save in flight; true once stored. */
  private persist(): Promise<boolean> {
    const run = async () => {
      this.unsaved = false;
      try {
        await this.ctx.store.saveMeta(this.code, this.meta);
        return true;
      } catch (e) {
        this.unsaved = true;
        this.ctx.log.error({ event: "store.error", code: this.code, err: String(e) }, "meta not saved");
        return false;
      }
    };
    const p = this.saveChain.then(run);
    this.saveChain = p;
    return p;
  }

  /** Sends one client its class view; while changes wait for their save, the next flush sends it instead. */
  private sendClassView(client: Client, online = this.online(), flushing = false): void {
    const m = client.userData as Member | undefined;
    if (!m || !this.classroom) return;
    if (!flushing && this.unsaved) return this.classChanged();
    client.send(SMSG.proposals, this.classView(m, online));
  }

  /** What one client may know of the class: names and presence for all, its team's proposals, votes and polls for the teacher. */
  private classView(m: Member, online: Set<string>): ClassroomView {
    const cls = this.classroom!;
    const host = m.host;
    const open = !!this.match && !this.ended && ORDERS_OPEN.includes(this.state.phase as RoomPhase);
    const cur = cls.data.current;
    const teams = this.meta.seats.map((s, i) => {
      const members = cls.teamOf(i).map((st) => ({ id: st.id, name: st.name, connected: online.has(st.id), ...(host ? { voted: cls.myVote(st) !== null } : {}) }));
      const t = { seat: i, role: s.role, name: s.name || botName(s.role, i), bot: s.kind === "bot", members };
      if (!host) return t;
      return { ...t, proposals: cls.team(i)?.proposals.length ?? 0, leadingVotes: cls.leading(i)?.votes.length ?? 0 };
    });
    const observers = cls.observers().map((st) => ({ id: st.id, name: st.name, connected: online.has(st.id), ...(host ? { voted: cur?.poll[st.id] !== undefined } : {}) }));
    const st = cls.byId(m.student);
    const teamSeat = st?.seat ?? null;
    return {
      round: this.state.round,
      teamSize: cls.data.teamSize,
      me: st ? { id: st.id, name: st.name, seat: st.seat } : null,
      teams,
      observers,
      poll: { round: cur?.round ?? this.state.round, open: open && !!cur, ...cls.tally() },
      polls: cls.data.rounds.flatMap((r) => (r.result ? [r.result] : [])),
      injected: cls.data.rounds.flatMap((r) => (r.inject ? [{ round: r.round + 1, card: r.inject }] : [])),
      myPoll: st && st.seat === null ? cur?.poll[st.id] ?? null : null,
      team: st && teamSeat !== null
        ? { seat: teamSeat, proposals: cls.proposalsView(teamSeat), myVote: cls.myVote(st), bot: this.meta.seats[teamSeat]?.kind === "bot" }
        : null,
      host: host
        ? {
          inject: cls.data.inject,
          injectRound: cls.data.inject && this.match ? this.match.round + 1 : null,
        }
        : null,
    };
  }

  /** Everything the session export needs (live). */
  sessionData(): { meta: RoomMeta; record: MatchRecord | null; result: unknown; status: string } {
    const result = this.match && this.ended ? { end: this.match.end, scores: this.match.scores, round: this.match.round, aborted: this.aborted } : null;
    return { meta: this.meta, record: this.record, result, status: this.ended ? (this.aborted ? "aborted" : "finished") : this.meta.started ? "running" : "lobby" };
  }

  // ---------------------------------------------------------------- sync to schema

  private syncSettings(): void {
    const st = this.state;
    const s = this.meta.settings;
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

  private syncSeats(): void {
    const seats = this.state.seats;
    while (seats.length > this.meta.seats.length) seats.pop();
    while (seats.length < this.meta.seats.length) seats.push(new LobbySeatState());
    this.meta.seats.forEach((s, i) => {
      const x = seats[i];
      const connected = s.kind === "bot" || this.members[i]?.size > 0;
      if (x.index !== i) x.index = i;
      if (x.role !== s.role) x.role = s.role;
      if (x.doctrine !== s.doctrine) x.doctrine = s.doctrine;
      if (x.kind !== s.kind) x.kind = s.kind;
      if (x.name !== s.name) x.name = s.name;
      if (x.difficulty !== s.difficulty) x.difficulty = s.difficulty;
      if (x.connected !== connected) x.connected = connected;
      if (x.ready !== s.ready) x.ready = s.ready;
      const sub = !!this.pending[i];
      if (x.submitted !== sub) x.submitted = sub;
    });
    let spectators = 0;
    for (const c of this.clients) if ((c.userData as Member | undefined)?.seat === null) spectators++;
    this.state.spectators = spectators;
  }

  private createSecrets(): void {
    this.meta.seats.forEach((_, i) => {
      if (!this.state.secrets.has(String(i))) {
        const s = new SeatSecret();
        s.seat = i;
        s.me = "";
        s.orders = "";
        this.state.secrets.set(String(i), s);
      }
    });
  }

  /** Engine state → schema strings (only changed fields are sent). */
  private syncMatch(): void {
    const s = this.match;
    if (!s) return;
    this.state.round = s.round;
    const pv = publicView(s, { history: false });
    const pj = publicJson(s, pv);
    if (this.state.publicView !== pj) this.state.publicView = pj;
    this.state.secrets.forEach((secret, key) => {
      const i = Number(key);
      const me = meJson(s, i, pv);
      if (secret.me !== me) secret.me = me;
      const ord = this.pending[i] ? JSON.stringify(this.pending[i]) : "";
      if (secret.orders !== ord) secret.orders = ord;
    });
  }

  private syncTimer(): void {
    this.state.paused = this.timer.paused;
    this.state.deadline = this.timer.paused ? 0 : this.timer.deadline;
    this.state.remaining = this.timer.paused ? Math.ceil(this.timer.remainingMs / 1000) : 0;
  }

  private sendToken(client: Client): void {
    const m = client.userData as Member;
    client.send(SMSG.token, {
      code: this.code,
      sessionId: client.sessionId,
      seat: m.seat,
      seatToken: m.student ? this.classroom?.byId(m.student)?.token ?? null : m.seat !== null ? this.meta.seats[m.seat]?.token ?? null : null,
      hostToken: m.host ? this.meta.hostToken : null,
      isHost: m.host,
      spectator: m.seat === null,
    });
  }

  private sendBacklog(client: Client): void {
    const m = client.userData as Member;
    client.send(SMSG.report, { replace: true, reports: this.reports.map((r) => reportFor(r, m.seat)), history: this.history });
  }

  private updateListing(): void {
    const seats = this.meta.seats;
    const meta = {
      code: this.code,
      name: this.meta.settings.name,
      mode: this.meta.settings.mode,
      scenario: this.meta.settings.scenario,
      phase: this.state.phase,
      round: this.state.round,
      rounds: this.state.rounds,
      seats: seats.length,
      open: this.meta.started ? 0 : seats.filter((s) => s.kind === "open").length,
      humans: seats.filter((s) => s.kind === "human").length,
    };
    const key = JSON.stringify(meta);
    if (key === this.listingKey) return;
    this.listingKey = key;
    // setMetadata alone does not reach the lobby's real-time listing.
    this.setMetadata(meta).then(() => updateLobby(this)).catch((e) => this.crashed("listing", e, false));
  }

  private listingKey = "";

  /** For health and tests. */
  get summary() {
    return { code: this.code, phase: this.state.phase, round: this.state.round, clients: this.clients.length };
  }
}

function botName(role: Role, i: number): string {
  return `${ROLE_DEFS[role].name} ${i + 1}`;
}

function roundsOverride(s: Settings): { rounds: number } | undefined {
  return s.rounds !== null ? { rounds: s.rounds } : undefined;
}

function chatOut(l: ChatRecord): ChatLine {
  const { scope: _s, ...line } = l;
  return line;
}

function omitInternal(o: Record<string, unknown>): Record<string, unknown> {
  const { __restore: _r, ...rest } = o;
  return rest;
}
