// The lobby, seat, play and host commands every mode shares. Each answers a refusal or nothing (done).
import {
  DOCTRINES,
  SMSG,
  refusal,
  validateOrders,
  type ChatLine,
  type ClientMessages,
  type MessageName,
} from "@metastrategy/shared";
import { CHAT_BACKLOG, cleanChat } from "./chat.js";
import type { Match } from "./match.js";
import type { Settings, SeatMeta } from "./meta.js";
import type { Outcome } from "./mode.js";
import type { Member } from "./session.js";
import { botName } from "./names.js";

type Command<K extends MessageName> = (match: Match, m: Member, p: ClientMessages[K]) => Outcome | Promise<Outcome>;
export type CommandTable = { [K in MessageName]?: Command<K> };

export const COMMANDS: CommandTable = {
  orders(match, m, orders) {
    if (m.seat === null) return refusal("not_seated");
    if (!match.game || !match.phases.ordersOpen) return refusal("orders_closed");
    const check = validateOrders(match.game, m.seat, orders);
    if (!check.ok) return refusal("illegal_orders", check.reason);
    match.setOrders(m.seat, orders, true);
    match.checkEarlyEnd();
  },

  chat(match, m, p) {
    if (!m.chat.take(match.clock.now())) return refusal("rate_limited");
    const text = cleanChat(p.text);
    if (!text) return refusal("empty_chat");
    const line: ChatLine = { from: m.name, seat: m.seat, text, at: match.clock.now() };
    return match.mode.chat(m, line);
  },

  takeSeat(match, m, { seat }) {
    if (match.meta.started)
      return refusal("started", "The match has started: seats are taken with a seat token (reclaim).");
    if (m.spectator) return refusal("spectator");
    const s = match.meta.seats[seat];
    if (!s) return refusal("no_such_seat");
    if (s.kind !== "open") return refusal("seat_taken");
    if (m.seat !== null) match.unseat(m);
    match.session.claimOpen(seat, m.name);
    match.seat(m, seat, true);
    match.afterSeatsChanged();
  },

  leaveSeat(match, m) {
    if (match.meta.started) return refusal("started");
    if (m.seat === null) return refusal("not_seated");
    match.unseat(m);
    match.sendToken(m);
    match.afterSeatsChanged();
  },

  setDoctrine(match, m, { doctrine }) {
    if (match.meta.started) return refusal("started", "The match has started: switch metastrategy with your orders.");
    if (m.seat === null) return refusal("not_seated");
    match.meta.seats[m.seat].doctrine = doctrine;
    match.afterSeatsChanged();
  },

  ready(match, m, { ready }) {
    if (match.meta.started) return refusal("started");
    if (m.seat === null) return refusal("not_seated");
    match.meta.seats[m.seat].ready = ready;
    match.afterSeatsChanged(false);
  },

  reclaim(match, m, { seat, token }) {
    const s = match.meta.seats[seat];
    if (!s || !s.token || s.token !== token) return refusal("wrong_token");
    if (match.ended) return refusal("ended");
    if (m.seat === seat) return;
    if (m.seat !== null) match.unseat(m);
    m.spectator = false;
    match.seat(m, seat, true);
    match.deps.log.info({ event: "seat.reclaimed", code: match.code, seat }, "seat reclaimed");
    match.afterSeatsChanged();
  },

  "host:settings"(match, _m, p) {
    const st = match.meta.settings;
    if (match.meta.started && (p.scenario !== undefined || p.rounds !== undefined))
      return refusal("started", "Scenario and rounds are fixed once the match has started.");
    if (match.ended) return refusal("ended");
    const next: Settings = { ...st, timers: { ...st.timers, ...(p.timers ?? {}) } };
    if (p.scenario !== undefined) next.scenario = p.scenario;
    if (p.rounds !== undefined) next.rounds = p.rounds;
    if (p.public === true && st.seedChosen) return refusal("seeded");
    if (p.public !== undefined) next.public = p.public;
    const bad = match.checkSeats(match.meta.seats, next);
    if (bad) return bad;
    if (p.teamSize !== undefined) {
      const r = match.mode.settings({ teamSize: p.teamSize });
      if (r) return r;
    }
    match.meta.settings = next;
    if (p.public !== undefined) match.out.setPrivate(!next.public);
    match.out.state.settings(next);
    match.persist.saveMeta();
    match.listing();
  },

  "host:seat"(match, _m, p) {
    if (match.meta.started) return refusal("started", "Seats are fixed once the match has started (use kick).");
    const seats = match.meta.seats;
    if (p.seat === seats.length) {
      if (p.remove) return refusal("no_such_seat");
      const role = p.role ?? "lab";
      const s: SeatMeta = {
        role,
        doctrine: DOCTRINES[seats.length % DOCTRINES.length],
        kind: p.bot ? "bot" : "open",
        name: p.bot ? botName(role, seats.length) : match.mode.unplayedName(role, seats.length),
        difficulty: p.difficulty ?? "normal",
        ready: false,
        token: null,
      };
      const bad = match.checkSeats([...seats, s]);
      if (bad) return bad;
      match.session.addSeat(s);
    } else if (p.seat > seats.length) {
      return refusal("no_such_seat");
    } else if (p.remove) {
      if (seats.length <= 1) return refusal("bad_setup", "A match needs at least one seat.");
      match.unseatAll(p.seat);
      for (const m of match.session.removeSeat(p.seat)) match.sendToken(m);
    } else {
      const s = { ...seats[p.seat] };
      if (p.role) s.role = p.role;
      if (p.difficulty) s.difficulty = p.difficulty;
      if (p.doctrine) s.doctrine = p.doctrine;
      const next = seats.slice();
      next[p.seat] = s;
      const bad = match.checkSeats(next);
      if (bad) return bad;
      if (p.bot && s.kind !== "bot") {
        match.unseatAll(p.seat);
        Object.assign(s, { kind: "bot", token: null, ready: false, name: botName(s.role, p.seat) });
      } else if (!p.bot && s.kind === "bot") {
        Object.assign(s, { kind: "open", name: match.mode.unplayedName(s.role, p.seat) });
      }
      const label = match.mode.unplayedName(s.role, p.seat); // a class names every seat after its team
      if (label) s.name = label;
      match.meta.seats[p.seat] = s;
    }
    match.mode.seatsChanged(p.remove ? p.seat : null);
    match.afterSeatsChanged();
  },

  async "host:start"(match) {
    if (match.meta.started) return refusal("started", "The match has already started.");
    if (match.ended) return refusal("ended");
    return match.start();
  },

  "host:pause"(match) {
    if (!match.meta.started || match.ended) return refusal("no_timer", "Nothing to pause.");
    const t = match.phases.timer;
    if (t.paused) return refusal("already_paused");
    t.pause();
    match.syncTimer();
    match.deps.log.info({ event: "match.paused", code: match.code }, "paused");
  },

  "host:resume"(match) {
    const t = match.phases.timer;
    if (!t.paused) return refusal("not_paused");
    t.resume();
    match.syncTimer();
    match.checkEarlyEnd();
    match.deps.log.info({ event: "match.resumed", code: match.code }, "resumed");
  },

  "host:extend"(match, _m, { seconds }) {
    if (!match.phases.timed) return refusal("no_timer");
    match.phases.timer.extend(seconds * 1000 * match.deps.config.timerScale);
    match.syncTimer();
  },

  "host:endPhase"(match) {
    if (!match.phases.timed) return refusal("no_timer", "No timed phase to end now.");
    match.phases.timer.fire();
  },

  "host:kick"(match, _m, { seat }) {
    const s = match.meta.seats[seat];
    if (!s) return refusal("no_such_seat");
    if (s.kind !== "human") return refusal("not_human");
    if (match.ended) return refusal("ended");
    match.unseatAll(seat);
    match.clearWaiting(seat);
    if (match.meta.started) Object.assign(s, { kind: "bot", token: null, ready: false, difficulty: "normal" });
    else Object.assign(s, { kind: "open", token: null, ready: false, name: "" });
    match.deps.log.info({ event: "seat.kicked", code: match.code, seat }, "player removed by host");
    match.afterSeatsChanged();
    match.checkEarlyEnd();
  },

  async "host:endMatch"(match) {
    if (match.ended) return refusal("ended", "The match has already ended.");
    await match.finish(true);
  },
};

/**
 * Online chat, the one path for players' and bots' lines: they join the backlog (the meta's own array, which greets
 * newcomers), are stored, and only then broadcast (a line anyone saw survives a restart or a crash). False: not stored.
 */
export async function addChat(match: Match, lines: ChatLine[]): Promise<boolean> {
  const log = match.chatLog;
  for (const line of lines) {
    log.push(line);
    if (log.length > CHAT_BACKLOG) log.shift();
  }
  if (!(await match.persist.save())) return false;
  for (const line of lines) match.out.broadcast(SMSG.chat, line);
  return true;
}
