// The classroom mode: the teacher places students in teams (one team per seat), a team's orders are its most-voted
// proposal, observers answer an opinion poll, the teacher injects event cards and hands teams to bots.
import {
  EVENT_BY_ID,
  MSG,
  SMSG,
  refusal,
  validateOrders,
  type ChatLine,
  type JoinOptions,
  type MessageName,
  type ParsedMessage,
  type Refusal,
  type RoundExtras,
  type Role,
  type RoomPhase,
} from "@metastrategy/shared";
import { CHAT_BACKLOG, cleanName } from "../../match/chat.js";
import type { Match } from "../../match/match.js";
import type { Mode, Outcome } from "../../match/mode.js";
import { botIntentLines } from "../../match/bots.js";
import { botName } from "../../match/names.js";
import type { Member } from "../../match/session.js";
import { Classroom } from "./classroom.js";
import type { ChatRecord, ChatScope, StudentMeta } from "./data.js";
import { classView } from "./view.js";

/** Messages that do not fit a class: the teacher places students, teams vote instead of one player ordering. */
const REFUSED: Partial<Record<MessageName, string>> = {
  [MSG.orders]: "In a class, propose orders and vote: the team's orders are the proposal with the most votes.",
  [MSG.takeSeat]: "In a class, the teacher places students in teams.",
  [MSG.leaveSeat]: "In a class, the teacher places students in teams.",
  [MSG.reclaim]: "In a class, rejoin with your own token.",
  [MSG.setDoctrine]: "In a class, the teacher sets each team's metastrategy.",
  [MSG.hostKick]: "In a class, move the student or replace the team with a bot.",
};
const OWN = new Set<MessageName>([MSG.propose, MSG.vote, MSG.poll, MSG.hostInject, MSG.hostMove, MSG.hostTeamBot]);
/** Class views go out at most this often (many votes coalesce into one update). */
const VIEW_COALESCE_MS = 40;
/** A failed save is tried again this often (nothing new is shown meanwhile). */
const SAVE_RETRY_MS = 1000;

export class ClassroomMode implements Mode {
  readonly cls: Classroom;
  private flush: unknown = null;
  private retry: unknown = null;

  constructor(private match: Match) {
    if (!match.meta.classroom) throw new Error("classroom data missing");
    this.cls = new Classroom(match.meta.classroom);
  }

  handles(name: MessageName): boolean {
    return OWN.has(name);
  }

  handle(m: Member, msg: ParsedMessage): Outcome {
    switch (msg.name) {
      case MSG.propose:
        return this.propose(m, msg.value.orders);
      case MSG.vote:
        return this.vote(m, msg.value.proposal);
      case MSG.poll:
        return this.poll(m, msg.value.opinion);
      case MSG.hostInject:
        return this.inject(msg.value.card);
      case MSG.hostMove:
        return this.move(msg.value.student, msg.value.seat);
      case MSG.hostTeamBot:
        return this.teamBot(msg.value.seat, msg.value.bot);
      default:
        return refusal("not_in_mode");
    }
  }

  refuses(name: MessageName): Refusal | null {
    const r = REFUSED[name];
    return r ? refusal("classroom_only", r) : null;
  }

  /** Students need a name that is neither blank nor taken (unless they come back with their token). */
  authorize(raw: Record<string, unknown>, parsed: JoinOptions | null, player: boolean): JoinOptions | null {
    if (!parsed) {
      if (!player && !raw.spectator && !raw.seatToken && !raw.hostToken && !cleanName(raw.name))
        throw new Error("Type your name to join the class.");
      return null;
    }
    const match = this.match;
    const o = parsed;
    if (
      match.session.hostClaimed &&
      !player &&
      !o.spectator &&
      !(o.hostToken && o.hostToken === match.meta.hostToken) &&
      !this.cls.byToken(o.seatToken)
    ) {
      const name = cleanName(o.name);
      if (!name) throw new Error("Type your name to join the class.");
      if (this.cls.nameTaken(name))
        throw new Error(`The name "${name}" is already taken in this class: add an initial or a number.`);
      o.name = name;
    }
    return o;
  }

  unplayedName(role: Role, seat: number): string {
    return botName(role, seat);
  }

  async join(m: Member, o: JoinOptions): Promise<void> {
    if (m.host || m.spectator) return;
    const cls = this.cls;
    let st = cls.byToken(o.seatToken);
    if (!st) {
      st = cls.addStudent(cleanName(o.name) ?? "Student");
      st.seat = cls.placeFor(this.match.meta.seats);
      if (!this.match.meta.started) this.updateKinds();
      // The new student (its id and token) is stored before the student learns its token: never given out twice.
      if (!(await this.match.persist.save())) throw new Error("The class could not be saved: try joining again.");
    }
    m.student = st.id;
    m.name = st.name;
    if (st.seat !== null) this.match.seat(m, st.seat, false);
  }

  chatBacklog(m: Member): ChatLine[] {
    return this.cls.data.chat
      .filter((l) => this.canSeeChat(m, l))
      .slice(-CHAT_BACKLOG)
      .map(chatOut);
  }

  /** The member's class view; while changes wait for their save, the next flush sends it instead. */
  welcome(m: Member): void {
    if (this.match.persist.unsaved) return this.changed();
    this.match.out.send(m.id, SMSG.proposals, classView(this.match, this.cls, m, this.online()));
  }

  leave(m: Member, consented: boolean): boolean {
    const match = this.match;
    match.session.remove(m);
    match.afterSeatsChanged(false);
    this.changed();
    if (consented && !match.meta.started && m.student && !this.online().has(m.student)) {
      this.cls.removeStudent(m.student);
      this.updateKinds();
      match.afterSeatsChanged();
      return false;
    }
    if (consented || match.ended || match.deps.config.reconnectSeconds <= 0) {
      match.checkEarlyEnd();
      return false;
    }
    match.session.hold(m);
    return true;
  }

  rejoined(m: Member): void {
    const match = this.match;
    m.seat = null;
    const st = this.cls.byId(m.student);
    if (st && st.seat !== null) match.seat(m, st.seat, false);
    match.sendToken(m);
    match.welcome(m);
    match.deps.log.info(
      { event: "student.reconnected", code: match.code, student: m.student, seat: m.seat },
      "reconnected to the class",
    );
    match.afterSeatsChanged(false);
    this.changed();
  }

  dropped(): void {
    this.match.checkEarlyEnd();
  }

  seatToken(m: Member): string | null {
    if (m.student) return this.cls.byId(m.student)?.token ?? null;
    return m.seat !== null ? (this.match.meta.seats[m.seat]?.token ?? null) : null;
  }

  /** Class chat: a team talks within its team, observers among observers; the teacher speaks to everyone. */
  async chat(m: Member, line: ChatLine): Promise<Outcome> {
    if (!m.host && !m.student) return refusal("not_student", "Only students and the teacher chat in a class.");
    const scope: ChatScope = m.host ? "all" : (m.seat ?? "observers");
    const rec: ChatRecord = { ...line, scope };
    this.cls.addChat(rec);
    // Stored before anyone sees it: a line a student saw survives a crash.
    if (!(await this.match.persist.save())) return refusal("not_saved", "Your message could not be saved: try again.");
    for (const c of this.match.session.members.values())
      if (this.canSeeChat(c, rec)) this.match.out.send(c.id, SMSG.chat, line);
  }

  /** Orders end early once every connected student of every student-played team has voted. */
  everyoneDecided(): boolean {
    const match = this.match;
    if (match.phases.timer.paused) return false; // paused means nothing moves; resuming checks again
    const online = this.online();
    let teams = 0;
    for (let i = 0; i < match.meta.seats.length; i++) {
      if (match.meta.seats[i].kind === "bot") continue;
      const here = this.cls.teamOf(i).filter((st) => online.has(st.id));
      if (here.length === 0) continue;
      teams++;
      for (const st of here) if (this.cls.myVote(st) === null) return false;
    }
    return teams > 0;
  }

  roundStarted(): void {
    const match = this.match;
    if (!match.game) return;
    this.cls.startRound(match.game.round, match.meta.seats);
    match.meta.seats.forEach((_, i) => this.syncTeamOrders(i));
    this.changed();
  }

  /**
   * When the deliberation opens, each bot-played team says what it means to do, one line to the whole class (teams
   * talk among themselves, so a bot speaks as the teacher does: to everyone). Stored before anyone sees it.
   */
  phaseEntered(phase: RoomPhase): void {
    const match = this.match;
    if (phase !== "deliberation" || !match.game || match.phaseMs(phase) === 0) return;
    const lines = botIntentLines(match.game, match.meta.seats);
    if (lines.length === 0) return;
    const at = match.clock.now();
    const recs: ChatRecord[] = lines.map((l) => ({ from: l.from, seat: l.seat, text: l.text, at, scope: "all" }));
    for (const r of recs) this.cls.addChat(r);
    void match.persist.save().then((ok) => {
      if (!ok) return;
      for (const c of match.session.members.values()) for (const r of recs) match.out.send(c.id, SMSG.chat, chatOut(r));
    });
  }

  roundExtras(): RoundExtras | null {
    return this.cls.closeRound(this.match.meta.seats);
  }

  /**
   * Marks the class views dirty. Shortly (many votes coalesce into one update) the session is saved, and only then are
   * the views sent: a vote, proposal or poll answer a client sees confirmed is already stored.
   */
  changed(): void {
    const match = this.match;
    if (match.fenced) return;
    match.persist.unsaved = true;
    if (this.flush !== null) return;
    this.flush = match.clock.after(VIEW_COALESCE_MS, () => {
      this.flush = null;
      match.persist
        .save()
        .then((ok) => {
          if (!ok) {
            this.retry ??= match.clock.after(SAVE_RETRY_MS, () => {
              this.retry = null;
              this.changed();
            });
            return;
          }
          if (match.persist.unsaved) return; // changed again while saving: the flush already scheduled shows it all
          const online = this.online();
          for (const m of match.session.members.values())
            match.out.send(m.id, SMSG.proposals, classView(match, this.cls, m, online));
        })
        .catch((e) => match.out.failed("class flush", e, false));
    });
  }

  settings(p: { teamSize?: number }): Outcome {
    if (p.teamSize === undefined) return;
    this.cls.data.teamSize = p.teamSize;
    if (!this.match.meta.started) this.rebalance();
  }

  /** Lobby: after seats were added, removed or given to bots, students follow and observers fill free places. */
  seatsChanged(removed: number | null): void {
    const seats = this.match.meta.seats;
    for (const st of this.cls.data.students) {
      if (removed !== null && st.seat !== null)
        st.seat = st.seat === removed ? null : st.seat > removed ? st.seat - 1 : st.seat;
      if (st.seat !== null && (!seats[st.seat] || seats[st.seat].kind === "bot")) st.seat = null;
    }
    for (const st of this.cls.data.students) if (st.seat === null) st.seat = this.cls.placeFor(seats);
    for (const st of this.cls.data.students) this.syncStudent(st);
    this.updateKinds();
    this.changed();
  }

  dispose(): void {
    if (this.flush !== null) this.match.clock.cancel(this.flush);
    if (this.retry !== null) this.match.clock.cancel(this.retry);
    this.flush = null;
    this.retry = null;
  }

  // ------------------------------------------------------------ commands

  private studentOf(m: Member): StudentMeta | null {
    return this.cls.byId(m.student);
  }

  private propose(m: Member, orders: Parameters<typeof validateOrders>[2]): Outcome {
    const match = this.match;
    const st = this.studentOf(m);
    if (!st) return refusal("not_student", "Only students propose orders.");
    if (!match.game || match.ended || !match.phases.ordersOpen)
      return refusal("orders_closed", "Proposals are open during the news, deliberation and orders.");
    if (st.seat === null) return refusal("observer");
    if (match.meta.seats[st.seat].kind === "bot") return refusal("team_is_bot", "A bot plays your team now.");
    const check = validateOrders(match.game, st.seat, orders);
    if (!check.ok) return refusal("illegal_orders", check.reason);
    const r = this.cls.propose(st, orders, match.clock.now());
    if ("code" in r) return r;
    this.syncTeamOrders(st.seat);
    this.changed();
    match.checkEarlyEnd();
  }

  private vote(m: Member, proposal: number): Outcome {
    const match = this.match;
    const st = this.studentOf(m);
    if (!st) return refusal("not_student", "Only students vote.");
    if (!match.game || match.ended || !match.phases.ordersOpen)
      return refusal("orders_closed", "Voting is open during the news, deliberation and orders.");
    if (st.seat !== null && match.meta.seats[st.seat].kind === "bot")
      return refusal("team_is_bot", "A bot plays your team now.");
    const r = this.cls.vote(st, proposal);
    if (r) return r;
    this.syncTeamOrders(st.seat!);
    this.changed();
    match.checkEarlyEnd();
  }

  private poll(m: Member, choice: -1 | 0 | 1): Outcome {
    const match = this.match;
    const st = this.studentOf(m);
    if (!st) return refusal("not_student", "Only students answer the poll.");
    if (!match.game || match.ended || !match.phases.ordersOpen) return refusal("poll_closed");
    const r = this.cls.answerPoll(st, choice);
    if (r) return r;
    this.changed();
  }

  private inject(card: string): Outcome {
    const match = this.match;
    if (!EVENT_BY_ID.has(card)) return refusal("no_such_card");
    if (!match.game || match.ended)
      return refusal("not_started", "Event cards can be injected once the class has started.");
    if (match.game.round + 1 > match.game.params.rounds) return refusal("last_round");
    this.cls.data.inject = card;
    match.deps.log.info(
      { event: "class.inject", code: match.code, card, round: match.game.round + 1 },
      "event card queued",
    );
    this.changed();
  }

  private move(studentId: string, seat: number): Outcome {
    const match = this.match;
    const st = this.cls.byId(studentId);
    if (!st) return refusal("no_such_student");
    if (match.ended) return refusal("ended", "The class has ended.");
    if (seat >= match.meta.seats.length) return refusal("no_such_seat");
    const to = seat < 0 ? null : seat;
    if (to !== null && match.meta.seats[to].kind === "bot")
      return refusal("team_is_bot", "A bot plays that team: give it back to the students first.");
    this.setStudentSeat(st, to);
    this.updateKinds();
    match.afterSeatsChanged();
    this.changed();
    match.checkEarlyEnd();
  }

  private teamBot(seat: number, bot: boolean): Outcome {
    const match = this.match;
    const cls = this.cls;
    const s = match.meta.seats[seat];
    if (!s) return refusal("no_such_seat");
    if (match.ended) return refusal("ended", "The class has ended.");
    if (bot === (s.kind === "bot")) return;
    if (bot) {
      s.kind = "bot";
      if (!match.meta.started) {
        for (const st of cls.teamOf(seat)) this.setStudentSeat(st, null);
        for (const st of cls.observers()) this.setStudentSeat(st, cls.placeFor(match.meta.seats));
      }
    } else {
      s.kind = match.meta.started || cls.teamOf(seat).length > 0 ? "human" : "open";
      if (!match.meta.started)
        for (const st of cls.observers()) this.setStudentSeat(st, cls.placeFor(match.meta.seats));
    }
    s.name = botName(s.role, seat);
    this.updateKinds();
    if (match.game) this.syncTeamOrders(seat);
    match.deps.log.info(
      { event: "class.teamBot", code: match.code, seat, bot },
      bot ? "team given to a bot" : "team given back",
    );
    match.afterSeatsChanged();
    this.changed();
    match.checkEarlyEnd();
  }

  // ------------------------------------------------------------ helpers

  private canSeeChat(m: Member, l: ChatRecord): boolean {
    if (m.host || l.scope === "all") return true;
    if (!m.student) return false;
    return l.scope === "observers" ? m.seat === null : m.seat === l.scope;
  }

  /** Student ids with at least one connected client. */
  private online(): Set<string> {
    const out = new Set<string>();
    for (const m of this.match.session.members.values()) if (m.student) out.add(m.student);
    return out;
  }

  /** Lobby: a seat with students is human, an empty one open (a bot at the start); the teacher's bot seats stay bots. */
  private updateKinds(): void {
    const match = this.match;
    if (match.meta.started) return;
    match.meta.seats.forEach((s, i) => {
      s.name = botName(s.role, i);
      if (s.kind !== "bot") s.kind = this.cls.teamOf(i).length > 0 ? "human" : "open";
    });
  }

  /** Puts every client of a student where the student now belongs (team seat and its secret, or none). */
  private syncStudent(st: StudentMeta): void {
    const match = this.match;
    for (const m of [...match.session.members.values()]) {
      if (m.student !== st.id || m.seat === st.seat) continue;
      if (m.seat !== null) {
        match.session.stand(m);
        match.out.showSeat(m.id, null);
      }
      if (st.seat !== null) match.seat(m, st.seat, false);
      match.sendToken(m);
      if (match.game) match.sendBacklog(m);
    }
  }

  private setStudentSeat(st: StudentMeta, seat: number | null): void {
    if (st.seat === seat) return;
    const from = st.seat;
    // A move drops the student's vote and poll answer of this round (PROTOCOL §3 host:move).
    this.cls.dropRoundAnswers(st.id);
    st.seat = seat;
    if (from !== null && this.match.game) this.syncTeamOrders(from);
    this.syncStudent(st);
  }

  /** Lobby: places everyone again in join order (after the team size changed). */
  private rebalance(): void {
    const cls = this.cls;
    for (const st of cls.data.students) st.seat = null;
    for (const st of cls.data.students) st.seat = cls.placeFor(this.match.meta.seats);
    for (const st of cls.data.students) this.syncStudent(st);
    this.updateKinds();
    this.match.afterSeatsChanged();
    this.changed();
  }

  /** The team's orders follow its leading proposal (a bot team: none, its bot plays). */
  private syncTeamOrders(seat: number): void {
    const s = this.match.meta.seats[seat];
    if (!s) return;
    const lead = s.kind === "bot" ? null : this.cls.leading(seat);
    this.match.setOrders(seat, lead ? lead.orders : null);
  }
}

function chatOut(l: ChatRecord): ChatLine {
  const { scope: _s, ...line } = l;
  return line;
}
