// A match session without sockets: members and seats, the phase machine, the engine's state and record, bots'
// turns and persistence. It speaks to its room only through MatchOutput; what differs by mode is its Mode.
import {
  CreateOptionsSchema,
  DEFAULT_TIMERS,
  createMatch,
  DOCTRINES,
  JoinOptionsSchema,
  RULES_VERSION,
  SCENARIOS,
  SMSG,
  checkSetup,
  publicRow,
  publicView,
  REFUSALS,
  refusal,
  replay,
  reportFor,
  resolveRound,
  type ChatLine,
  type CreateOptions,
  type Difficulty,
  type Doctrine,
  type JoinOptions,
  type MatchRecord,
  type MatchState,
  type PublicHistoryRow,
  type Refusal,
  type Role,
  type RoomPhase,
  type RoundReport,
  type SeatOrders,
} from "@metastrategy/shared";
import type { Logger } from "../log.js";
import type { Metrics } from "../http/metrics.js";
import type { MatchStore, StoredMatch } from "../store/types.js";
import { fillWithBots } from "./bots.js";
import { MAX_MATCH_NAME, cleanName } from "./chat.js";
import { guardedClock, type Clock } from "./clock.js";
import { newCode, newToken, randomSeed } from "./codes.js";
import { botName } from "./names.js";
import type { RoomMeta, SeatMeta, Settings } from "./meta.js";
import type { Mode } from "./mode.js";
import type { MatchOutput } from "./output.js";
import { Persist } from "./persist.js";
import { Phases } from "./phases.js";
import { Session, type Member } from "./session.js";
import { finalView } from "../sync/views.js";

export interface MatchDeps {
  store: MatchStore;
  log: Logger;
  metrics: Metrics;
  config: { timerScale: number; reconnectSeconds: number };
  clock: Clock;
  /** A graceful restart is under way: leaving clients keep their seats as stored. */
  shuttingDown(): boolean;
}

/** Chooses the mode of a match (`created`: the create options of a new match). */
export type ModeFactory = (match: Match, created?: CreateOptions) => Mode;

export function roundsOverride(s: Settings): { rounds: number } | undefined {
  return s.rounds !== null ? { rounds: s.rounds } : undefined;
}

/**
 * How long a player's submission (the `submitted` tick the other seats see, the orders echo its own seat sees) may wait
 * for the round's results: with two players whose last orders come within this time, the tick rides on the results'
 * frame instead of being a frame of its own to every client.
 */
export const SUBMISSION_TICK_MS = 1000;

export class Match {
  code = "";
  meta: RoomMeta;
  session: Session;
  mode!: Mode;
  readonly phases: Phases;
  readonly persist: Persist;
  game: MatchState | null = null;
  record: MatchRecord | null = null;
  pending: (SeatOrders | null)[] = [];
  /** Full reports (with every seat's private notes): filtered per member when sent. */
  reports: RoundReport[] = [];
  history: PublicHistoryRow[] = [];
  /** Online chat backlog: the meta's own array, so every meta save stores it. */
  get chatLog(): ChatLine[] {
    return (this.meta.chat ??= []);
  }
  ended = false;
  aborted = false;
  /** Another process holds this match now (scale-out takeover): nothing more is written, shown or listed here. */
  fenced = false;
  /** When this round's latest orders arrived (clock ms): the server's share of a round's turnaround. */
  lastOrderAt = 0;
  /** The resolution under way (tests await it). */
  private busy: Promise<void> = Promise.resolve();
  private waitTimers = new Map<number, unknown>();
  /** The injected clock; a callback's throw stays in this match (its room is rebuilt from the record). */
  readonly clock: Clock;

  private constructor(
    readonly deps: MatchDeps,
    readonly out: MatchOutput,
    meta: RoomMeta,
  ) {
    this.meta = meta;
    this.session = new Session(meta);
    this.clock = guardedClock(deps.clock, (e) => out.failed("timer", e, true));
    this.persist = new Persist(
      deps.store,
      deps.log,
      () => this.code,
      () => this.meta,
    );
    this.phases = new Phases(this.clock, {
      durationMs: (p) => this.phaseMs(p),
      entered: (p) => this.entered(p),
      timedOut: (p) => this.advance(p),
    });
  }

  // ---------------------------------------------------------------- creation

  /** A new match from create options (throws a readable Error for bad ones). */
  static async create(
    options: Record<string, unknown>,
    deps: MatchDeps,
    out: MatchOutput,
    modeFor: ModeFactory,
  ): Promise<Match> {
    const { player: _player, __restore: _r, ...rest } = options ?? {};
    const parsed = CreateOptionsSchema.safeParse(rest);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Invalid options${issue.path.length ? ` at ${issue.path.join(".")}` : ""}: ${issue.message}`);
    }
    const o = parsed.data;
    const settings: Settings = {
      mode: o.mode,
      scenario: o.scenario,
      rounds: o.rounds ?? null,
      timers: { ...DEFAULT_TIMERS, ...(o.timers ?? {}) },
      public: o.public,
      name: cleanName(o.name, MAX_MATCH_NAME) ?? `${SCENARIOS[o.scenario].name} match`,
      seed: o.seed ?? randomSeed(),
      ...(o.seed !== undefined ? { seedChosen: true } : {}),
    };
    // A public table's world is dealt by the server: a creator who chose the seed could compute every hidden value.
    if (settings.public && settings.seedChosen) throw new Error(REFUSALS.seeded);
    const roles: { role: Role; bot: boolean; difficulty: Difficulty; doctrine?: Doctrine }[] = o.seats
      ? o.seats
      : SCENARIOS[o.scenario].table.map((role, i) => ({
          role,
          bot: o.mode === "solo" && i > 0,
          difficulty: "normal" as Difficulty,
        }));
    const meta: RoomMeta = { settings, seats: [], hostToken: newToken(), started: false };
    const match = new Match(deps, out, meta);
    match.mode = modeFor(match, o);
    meta.seats = roles.map((s, i) => ({
      role: s.role,
      doctrine: s.doctrine ?? DOCTRINES[i % DOCTRINES.length],
      kind: s.bot ? "bot" : "open",
      name: s.bot ? botName(s.role, i) : match.mode.unplayedName(s.role, i),
      difficulty: s.difficulty ?? "normal",
      ready: false,
      token: null,
    }));
    match.session = new Session(meta);
    const check = match.checkSeats(meta.seats);
    if (check) throw new Error(check.reason);
    let code = newCode();
    for (let i = 0; i < 50 && (await match.persist.codeExists(code)); i++) code = newCode();
    match.code = code;
    out.named(code);
    await match.persist.create(code);
    match.init();
    deps.log.info(
      {
        event: "match.created",
        code,
        mode: settings.mode,
        scenario: settings.scenario,
        public: settings.public,
        seats: meta.seats.length,
      },
      "match created",
    );
    return match;
  }

  /** A stored match back under its code (restart, takeover). */
  static restore(stored: StoredMatch, deps: MatchDeps, out: MatchOutput, modeFor: ModeFactory): Match {
    const match = new Match(deps, out, stored.meta);
    match.code = stored.code;
    out.named(stored.code);
    match.session.hostClaimed = true;
    match.mode = modeFor(match);
    match.init();
    if (stored.record && stored.meta.started) match.restoreRunning(stored.record);
    deps.log.info(
      { event: "match.restored", code: match.code, round: match.game?.round ?? 0, phase: match.phases.phase },
      "match restored",
    );
    return match;
  }

  private init(): void {
    this.out.state.settings(this.meta.settings);
    this.out.state.phase("lobby", 0);
    this.syncSeats();
    this.out.setPrivate(!this.meta.settings.public);
    this.listing();
  }

  private restoreRunning(record: MatchRecord): void {
    const { state, reports } = replay(record);
    this.record = record;
    this.record.extrasByRound ??= record.ordersByRound.map(() => null);
    this.game = state;
    this.reports = reports;
    this.history = publicView(state).history;
    this.out.keepAlive(true);
    const newest = reports.at(-1) ?? null;
    this.out.state.report(newest, newest ? this.history.find((h) => h.round === newest.round) : undefined);
    this.syncGame();
    if (state.phase === "ended") {
      this.finish(false).catch((e) => this.out.failed("finish", e, true));
      return;
    }
    // Every human seat gets a grace period to rejoin before it stops holding up early ends.
    this.meta.seats.forEach((s, i) => {
      if (s.kind === "human") this.markWaiting(i);
    });
    this.syncSeats();
    this.beginRound();
  }

  // ---------------------------------------------------------------- members

  /** Join options, checked before a seat is reserved (a thrown Error reaches the client whole). */
  authorize(options: Record<string, unknown>): JoinOptions {
    const player = !!options && typeof options.player === "object" && options.player !== null;
    // The creator's options are the create options: its own join options sit under `player`.
    const raw = (player ? options.player : omitInternal(options ?? {})) as Record<string, unknown>;
    let parsed = JoinOptionsSchema.safeParse(raw);
    if (!parsed.success && !this.session.hostClaimed && !player) parsed = JoinOptionsSchema.safeParse({});
    let o = this.mode.authorize(
      (options ?? {}) as Record<string, unknown>,
      parsed.success ? parsed.data : null,
      player,
    );
    if (!o) {
      if (!parsed.success) throw new Error(`Invalid join options: ${parsed.error.issues[0].message}`);
      o = parsed.data;
    }
    // Names are shown to everyone: cleaned like chat (no markup, no control or direction characters).
    if (o.name !== undefined) o.name = cleanName(o.name) ?? undefined;
    return o;
  }

  async join(id: string, o: JoinOptions): Promise<Member> {
    const creator = !this.session.hostClaimed;
    const m = this.session.add(id, o, `Player ${Math.floor(Math.random() * 900) + 100}`);
    try {
      await this.mode.join(m, o, creator);
    } catch (e) {
      this.session.remove(m); // the join is refused: the client never becomes a member
      throw e;
    }
    this.sendToken(m);
    for (const line of this.mode.chatBacklog(m)) this.out.send(m.id, SMSG.chat, line);
    this.welcome(m);
    this.deps.log.info(
      {
        event: "player.joined",
        code: this.code,
        seat: m.seat,
        host: m.host,
        spectator: m.spectator,
        student: m.student,
      },
      "player joined",
    );
    this.afterSeatsChanged();
    this.mode.changed();
    return m;
  }

  /** Backlog and end for a member who (re)joins. */
  welcome(m: Member): void {
    if (this.game) this.sendBacklog(m);
    if (this.ended) this.out.send(m.id, SMSG.ended, this.endedPayload());
    this.mode.welcome(m);
  }

  /** The member's client left; true: the room holds its place for a reconnection (then rejoined or dropped). */
  leave(id: string, consented: boolean): boolean {
    const m = this.session.get(id);
    if (!m || this.deps.shuttingDown() || this.fenced) return false; // a restart (or a takeover) keeps every seat and token as stored
    return this.mode.leave(m, consented);
  }

  rejoined(id: string): void {
    const m = this.session.restore(id);
    if (m) this.mode.rejoined(m);
  }

  dropped(id: string): void {
    const m = this.session.heldMember(id);
    this.session.drop(id);
    if (m) this.mode.dropped(m);
  }

  // ---------------------------------------------------------------- messages

  refuse(m: Member, message: string, r: Refusal): void {
    this.out.send(m.id, SMSG.error, { code: r.code, reason: r.reason, message });
  }

  // ---------------------------------------------------------------- seats

  /** Makes the member one of the seat's: its private view, and (notify) its token and backlog. */
  seat(m: Member, seat: number, notify: boolean): void {
    if (m.seat !== null && m.seat !== seat) this.out.showSeat(m.id, null);
    this.session.sit(m, seat);
    // Host rights follow the seat: a host who holds a seat at any time after the start reads no more than that seat
    // until the end (no record, no session export), even after leaving it again.
    if (m.host && this.meta.started && !this.meta.hostPlays) {
      this.meta.hostPlays = true;
      this.persist.saveMeta();
    }
    this.clearWaiting(seat);
    this.out.showSeat(m.id, seat);
    if (notify) {
      this.sendToken(m);
      if (this.game) this.sendBacklog(m);
    }
  }

  /** Takes the member off its seat (it stays, seatless); an emptied lobby seat opens again. */
  unseat(m: Member): void {
    const seat = this.session.stand(m);
    if (seat === null) return;
    this.out.showSeat(m.id, null);
    if (!this.meta.started && this.session.present(seat) === 0 && this.meta.seats[seat]?.kind === "human")
      this.session.open(seat);
  }

  /** Unseats every member of a seat; they stay as spectators and learn it by a token message. */
  unseatAll(seat: number): void {
    for (const m of this.session.membersOf(seat)) {
      this.session.stand(m);
      this.out.showSeat(m.id, null);
      this.sendToken(m);
      if (this.game) this.sendBacklog(m);
    }
  }

  markWaiting(seat: number): void {
    this.session.waiting.add(seat);
    this.waitTimers.set(
      seat,
      this.clock.after(this.deps.config.reconnectSeconds * 1000, () => {
        this.waitTimers.delete(seat);
        this.session.waiting.delete(seat);
        this.checkEarlyEnd();
      }),
    );
  }

  clearWaiting(seat: number): void {
    const t = this.waitTimers.get(seat);
    if (t !== undefined) this.clock.cancel(t);
    this.waitTimers.delete(seat);
    this.session.waiting.delete(seat);
  }

  checkSeats(seats: SeatMeta[], settings: Settings = this.meta.settings): Refusal | null {
    const c = checkSetup({
      scenario: settings.scenario,
      seed: 0,
      seats: seats.map((s) => ({ role: s.role, doctrine: s.doctrine })),
      overrides: roundsOverride(settings),
    });
    return c.ok ? null : refusal("bad_setup", c.reason);
  }

  afterSeatsChanged(save = true): void {
    this.syncSeats();
    this.listing();
    if (save) this.persist.saveMeta();
  }

  sendToken(m: Member): void {
    this.out.send(m.id, SMSG.token, {
      code: this.code,
      sessionId: m.id,
      seat: m.seat,
      seatToken: this.mode.seatToken(m),
      hostToken: m.host ? this.meta.hostToken : null,
      isHost: m.host,
      spectator: m.seat === null,
    });
  }

  sendBacklog(m: Member): void {
    this.out.send(m.id, SMSG.report, {
      replace: true,
      reports: this.reports.map((r) => reportFor(r, m.seat)),
      history: this.history,
    });
  }

  endedPayload() {
    return { aborted: this.aborted, view: this.game ? finalView(this.game) : null };
  }

  // ---------------------------------------------------------------- phases

  get phase(): RoomPhase {
    return this.phases.phase;
  }

  /** How long a phase lasts by the settings (ms, timer scale applied). */
  phaseMs(phase: RoomPhase): number {
    return Math.max(
      0,
      ((this.meta.settings.timers as Record<string, number>)[phase] ?? 0) * 1000 * this.deps.config.timerScale,
    );
  }

  async start(): Promise<Refusal | void> {
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
    if (!check.ok) return refusal("bad_setup", check.reason);
    this.game = createMatch(setup);
    this.record = {
      rulesVersion: RULES_VERSION,
      scenario: setup.scenario,
      seed: setup.seed,
      seats: setup.seats,
      ordersByRound: [],
      extrasByRound: [],
    };
    if (setup.overrides) this.record.overrides = setup.overrides;
    this.meta.started = true;
    this.meta.hostPlays = this.session.hostSeated();
    this.out.keepAlive(true);
    await this.persist.start(this.record);
    this.deps.metrics.matchesStarted++;
    this.syncGame();
    for (const m of this.session.members.values()) {
      if (m.seat !== null) this.out.showSeat(m.id, m.seat);
      // The backlog is empty: a client that holds the room's state has seen the lobby (no round yet) and misses
      // nothing; only one whose join is still completing gets it (one frame and one write less per client and match).
      if (!this.out.hasState(m.id)) this.sendBacklog(m);
    }
    this.afterSeatsChanged(false);
    this.deps.log.info(
      {
        event: "match.started",
        code: this.code,
        scenario: settings.scenario,
        seed: settings.seed,
        humans: this.meta.seats.filter((s) => s.kind === "human").length,
        seats: this.meta.seats.length,
      },
      "match started",
    );
    this.beginRound();
  }

  beginRound(): void {
    this.pending = this.meta.seats.map(() => null);
    this.meta.seats.forEach((_, i) => this.out.state.orders(i, null));
    this.syncSeats();
    if (this.game) this.mode.roundStarted();
    this.phases.enter("news");
  }

  private entered(phase: RoomPhase): void {
    this.out.state.phase(phase, this.game?.round ?? 0);
    this.syncTimer();
    this.listing();
    this.mode.phaseEntered(phase);
    if (phase === "orders") this.checkEarlyEnd();
  }

  private advance(from: RoomPhase): void {
    if (this.ended || this.phases.phase !== from) return;
    if (from === "news") this.phases.enter("deliberation");
    else if (from === "deliberation") this.phases.enter("orders");
    else if (from === "orders") this.busy = this.resolve().catch((e) => this.out.failed("resolve", e, true));
    else if (from === "report") this.beginRound();
  }

  /** Resolves once the resolution under way (if any) is over. */
  settled(): Promise<void> {
    return this.busy;
  }

  /** Ends the orders phase early when everyone who decides (per mode) has decided. */
  checkEarlyEnd(): void {
    if (this.phases.phase !== "orders" || this.ended) return;
    if (this.mode.everyoneDecided()) this.phases.endOrdersSoon();
  }

  /** Online rule: every human seat that is present (or about to return) has submitted. */
  everyHumanSubmitted(): boolean {
    let humans = 0;
    for (let i = 0; i < this.meta.seats.length; i++) {
      if (this.meta.seats[i].kind !== "human") continue;
      if (this.session.present(i) === 0 && !this.session.waiting.has(i)) continue;
      humans++;
      if (!this.pending[i]) return false;
    }
    return humans > 0;
  }

  /** A seat's orders for this round (null: none yet); `fresh` marks the moment for the turnaround metric. */
  setOrders(seat: number, orders: SeatOrders | null, fresh = false): void {
    this.pending[seat] = orders;
    if (fresh) this.lastOrderAt = performance.now();
    const write = () => {
      this.out.state.orders(seat, orders);
      this.syncSeats();
    };
    // A player's submission (its `submitted` tick to the others, its echo to its own seat) may wait: when the round's
    // last orders come within SUBMISSION_TICK_MS, it leaves in the frame of the results, one frame less to everyone.
    if (fresh && this.out.unhurried) this.out.unhurried(SUBMISSION_TICK_MS, write);
    else write();
  }

  private async resolve(): Promise<void> {
    const state = this.game;
    if (!state || !this.record) return;
    // The last submission and the resolution phase leave with the results (one frame less to each client).
    this.out.hold?.();
    try {
      await this.resolveHeld(state, this.record);
    } finally {
      this.out.release?.();
    }
  }

  private async resolveHeld(state: MatchState, record: MatchRecord): Promise<void> {
    this.phases.enter("resolution");
    const seq = this.phases.seq;
    const filled = await fillWithBots(state, this.pending, (i) =>
      this.meta.seats[i].kind === "bot" ? this.meta.seats[i].difficulty : "normal",
    );
    if (this.ended || seq !== this.phases.seq || this.game !== state) return;
    const orders = this.mode.botDeals ? this.mode.botDeals(filled) : filled;
    const extras = this.mode.roundExtras();
    const t0 = performance.now();
    const { state: next, report } = resolveRound(state, orders, extras);
    this.deps.metrics.observeResolution((performance.now() - t0) / 1000);
    const index = record.ordersByRound.length;
    record.ordersByRound.push(orders);
    record.extrasByRound!.push(extras);
    if ((await this.persist.appendRound(index, orders, extras)) === "fenced") return; // not ours to show any more
    if (this.ended || seq !== this.phases.seq) return;
    this.game = next;
    this.reports.push(report);
    const last = next.history.at(-1);
    const row = last ? publicRow(last) : undefined;
    if (row) this.history.push(row);
    // The round's report travels in the state, with its results: one patch per client (its public part for everyone,
    // each seat's notes in its secret), no report message.
    this.out.state.report(report, row);
    this.syncGame();
    this.deps.log.info(
      {
        event: "round.resolved",
        code: this.code,
        round: state.round,
        ms: Math.round((performance.now() - t0) * 100) / 100,
        ending: next.end?.ending ?? null,
      },
      "round resolved",
    );
    this.mode.changed();
    if (next.phase === "ended") await this.finish(false);
    else this.phases.enter("report");
    this.out.flush(); // results and reports leave now rather than at the next patch tick (latency)
    if (this.lastOrderAt) this.deps.metrics.observeTurnaround(performance.now() - this.lastOrderAt);
    this.lastOrderAt = 0;
  }

  async finish(aborted: boolean): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.aborted = aborted;
    this.phases.end();
    this.out.state.phase("ended", this.game?.round ?? 0);
    this.syncTimer();
    if (this.game) this.syncGame();
    const result = this.game
      ? { end: this.game.end, scores: this.game.scores, round: this.game.round, aborted }
      : { aborted };
    if (this.meta.started || aborted) await this.persist.finish(aborted ? "aborted" : "finished", result, true);
    this.deps.metrics.matchesFinished++;
    this.out.broadcast(SMSG.ended, this.endedPayload(), true);
    this.mode.changed();
    this.deps.log.info(
      {
        event: aborted ? "match.aborted" : "match.ended",
        code: this.code,
        ending: this.game?.end?.ending ?? null,
        scores: this.game?.scores ?? null,
        round: this.game?.round ?? 0,
      },
      "match ended",
    );
    this.listing();
    this.out.keepAlive(false);
  }

  /** Another process took this match over: stop at once, writing nothing more (its room closes its clients). */
  fence(): void {
    if (this.fenced) return;
    this.fenced = true;
    this.phases.end(); // an in-flight resolution or a phase timer does nothing more
    this.mode.dispose();
    for (const t of this.waitTimers.values()) this.clock.cancel(t);
    this.waitTimers.clear();
    this.persist.unsaved = false; // nothing of this match is ours to save any more
  }

  async dispose(): Promise<void> {
    this.phases.timer.clear();
    this.mode.dispose();
    for (const t of this.waitTimers.values()) this.clock.cancel(t);
    this.waitTimers.clear();
    // Votes and proposals not saved yet: saved before the store closes (graceful restart).
    await this.persist.flush();
    if (this.fenced) return;
    if (!this.meta.started && !this.deps.shuttingDown() && !this.ended) {
      await this.deps.store.finishMatch(this.code, "abandoned", null).catch(() => {});
      this.deps.log.info({ event: "match.abandoned", code: this.code }, "lobby abandoned");
    }
  }

  // ---------------------------------------------------------------- sync

  syncSeats(): void {
    this.out.state.seats(
      this.meta.seats,
      (i) => this.meta.seats[i].kind === "bot" || this.session.present(i) > 0,
      (i) => !!this.pending[i],
      this.session.spectators(),
    );
  }

  syncTimer(): void {
    const t = this.phases.timer;
    this.out.state.timer(t.paused, t.paused ? 0 : t.deadline, t.paused ? Math.ceil(t.remainingMs / 1000) : 0);
  }

  syncGame(): void {
    if (!this.game) return;
    this.out.state.phase(this.phases.phase, this.game.round);
    this.out.state.view(this.game);
    this.meta.seats.forEach((_, i) => this.out.state.orders(i, this.pending[i] ?? null));
  }

  listing(): void {
    const seats = this.meta.seats;
    this.out.listing({
      code: this.code,
      name: this.meta.settings.name,
      mode: this.meta.settings.mode,
      scenario: this.meta.settings.scenario,
      phase: this.phases.phase,
      round: this.game?.round ?? 0,
      rounds: this.meta.settings.rounds ?? SCENARIOS[this.meta.settings.scenario].params.rounds,
      seats: seats.length,
      open: this.meta.started ? 0 : seats.filter((s) => s.kind === "open").length,
      humans: seats.filter((s) => s.kind === "human").length,
    });
  }

  /** Everything the session export needs (live). */
  sessionData(): { meta: RoomMeta; record: MatchRecord | null; result: unknown; status: string } {
    const result =
      this.game && this.ended
        ? { end: this.game.end, scores: this.game.scores, round: this.game.round, aborted: this.aborted }
        : null;
    return {
      meta: this.meta,
      record: this.record,
      result,
      status: this.ended ? (this.aborted ? "aborted" : "finished") : this.meta.started ? "running" : "lobby",
    };
  }

  summary(clients: number) {
    return { code: this.code, phase: this.phases.phase, round: this.game?.round ?? 0, clients };
  }
}

function omitInternal(o: Record<string, unknown>): Record<string, unknown> {
  const { __restore: _r, ...rest } = o;
  return rest;
}
