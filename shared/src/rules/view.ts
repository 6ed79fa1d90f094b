// Redaction: what a seat, a spectator or the projector may see.
import { dangerLine, milestonesOf } from "./state.js";
import { lockInOf, REGIME } from "./governance-rules.js";
import type { MatchState } from "./types.js";
import type { PublicHistoryRow, PublicView, Reveal, SeatView } from "./view-types.js";

export interface ViewOptions {
  /** Leave history out (bots do not need it; it keeps the simulator fast). */
  history?: boolean;
}

function intelOf(pool: number): "none" | "some" | "much" {
  return pool <= 0 ? "none" : pool < 3 ? "some" : "much";
}

export function publicView(s: MatchState, opts: ViewOptions = {}): PublicView {
  const w = s.world;
  const ended = s.phase === "ended";
  return {
    scenario: s.scenario,
    round: s.round,
    rounds: s.params.rounds,
    taiThreshold: s.params.taiThreshold,
    dangerLine: dangerLine(s.params),
    phase: s.phase,
    seats: s.seats.map((seat) => ({
      id: seat.id,
      role: seat.role,
      doctrine: seat.doctrine,
      name: seat.name,
      prestige: seat.prestige,
      lab: seat.lab
        ? {
            declaredCap: seat.lab.declaredCap,
            alignedPublic: seat.lab.alignedPublic,
            prod: seat.lab.prod,
            defense: seat.lab.defense,
            incidents: seat.lab.incidents,
            validatedLevel: seat.lab.validatedLevel,
            auditedSec: seat.lab.auditedSec,
          }
        : null,
    })),
    world: {
      theory: w.theory,
      milestones: milestonesOf(w.theory),
      interp: w.interp,
      aug: w.aug,
      rogueEstimate: w.rogueEstimate,
      rogueExact: w.rogueExact,
      neutralized: w.neutralized,
      intel: intelOf(w.pool),
      will: w.will,
      policies: w.policies.slice(),
      regime: w.regime,
      lockIn: lockInOf(s),
      legalWill: s.params.legalWill ?? 6,
      regimeWill: s.params.regimeWill ?? REGIME.will,
    },
    news: s.news.slice(),
    mods: { ...s.mods },
    history: opts.history === false ? [] : s.history.map(publicRow),
    end: s.end ? { ...s.end } : null,
    scores: s.scores ? s.scores.slice() : null,
    reveal: ended ? reveal(s) : null,
  };
}

/** What everyone may see of one round of history. */
export function publicRow(h: MatchState["history"][number]): PublicHistoryRow {
  return {
    round: h.round,
    labs: h.labs.map((l) => ({ seat: l.seat, declaredCap: l.declaredCap })),
    rogueEstimate: h.rogueEstimate,
    will: h.will,
    theory: h.theory,
    interp: h.interp,
    aug: h.aug,
    regime: h.regime,
    policies: h.policies.slice(),
    events: h.events.slice(),
    incidents: h.incidents,
  };
}

function reveal(s: MatchState): Reveal {
  return {
    labs: s.seats
      .filter((x) => x.lab)
      .map((x) => ({
        seat: x.id,
        cap: x.lab!.cap,
        aligned: x.lab!.aligned,
        flaws: x.lab!.flaws,
        deceptive: x.lab!.deceptive ?? 0,
        sec: x.lab!.sec,
      })),
    researchers: s.seats
      .filter((x) => x.researcher)
      .map((x) => ({ seat: x.id, theoryPrivate: x.researcher!.theoryPrivate })),
    rogue: s.world.rogue,
    pool: s.world.pool,
    drift: s.world.drift,
    history: s.history.slice(),
    prestigeBy: s.seats.map((x) => ({ ...x.prestigeBy })),
  };
}

export function seatView(s: MatchState, seat: number, opts: ViewOptions = {}): SeatView {
  return seatViewWith(publicView(s, opts), s, seat);
}

/** A seat's view built on a public view already made for the same state (one public view per round). */
export function seatViewWith(pv: PublicView, s: MatchState, seat: number): SeatView {
  const me = s.seats[seat];
  if (!me) throw new Error(`No seat ${seat}`);
  let knownFlaws: Record<number, number> = {};
  for (const k in me.knownFlaws) knownFlaws = { ...me.knownFlaws };
  return withSeat(pv, seat, mePart(me, { ...me.prestigeBy }, knownFlaws));
}

/** A seat's view for a bot inside the engine's own loops (simulator, benchmark): the same values as seatViewWith, but
 * `me.prestigeBy` and `me.knownFlaws` are the state's own records instead of copies (copying them was a tenth of the
 * cost of a view). Read only: bots never write to their view, and such a view is never sent anywhere. */
export function botSeatView(pv: PublicView, s: MatchState, seat: number): SeatView {
  const me = s.seats[seat];
  if (!me) throw new Error(`No seat ${seat}`);
  return withSeat(pv, seat, mePart(me, me.prestigeBy, me.knownFlaws));
}

/** The seat's own part of its view. Written out field by field: this runs for every seat every round of every
 * simulated match. */
function mePart(
  me: MatchState["seats"][number],
  prestigeBy: SeatView["me"]["prestigeBy"],
  knownFlaws: SeatView["me"]["knownFlaws"],
): SeatView["me"] {
  const lab = me.lab;
  return {
    id: me.id,
    role: me.role,
    doctrine: me.doctrine,
    switched: me.switched,
    funds: me.funds,
    influence: me.influence,
    prestige: me.prestige,
    prestigeBy,
    lab: lab ? { cap: lab.cap, aligned: lab.aligned, sec: lab.sec, prod: lab.prod, defense: lab.defense } : null,
    researcher: me.researcher
      ? { theoryPrivate: me.researcher.theoryPrivate, fastPrivate: me.researcher.fastPrivate }
      : null,
    knownFlaws,
  };
}

/** The referee's own public view for checking orders: the same fields as publicView, but sharing the state's arrays
 * and seat objects instead of copying them. Only for reading inside the engine (never sent anywhere): the seats
 * carry hidden fields, and the arrays are the state's own. */
export function refereeView(s: MatchState): PublicView {
  const w = s.world;
  return {
    scenario: s.scenario,
    round: s.round,
    rounds: s.params.rounds,
    taiThreshold: s.params.taiThreshold,
    dangerLine: dangerLine(s.params),
    phase: s.phase,
    seats: s.seats,
    world: {
      theory: w.theory,
      milestones: milestonesOf(w.theory),
      interp: w.interp,
      aug: w.aug,
      rogueEstimate: w.rogueEstimate,
      rogueExact: w.rogueExact,
      neutralized: w.neutralized,
      intel: intelOf(w.pool),
      will: w.will,
      policies: w.policies,
      regime: w.regime,
      lockIn: lockInOf(s),
      legalWill: s.params.legalWill ?? 6,
      regimeWill: s.params.regimeWill ?? REGIME.will,
    },
    news: s.news,
    mods: s.mods,
    history: [],
    end: s.end,
    scores: s.scores,
    reveal: null,
  };
}

/** The referee's view of one seat for checking its orders: the seat's own state stands in for `me` (no copy). */
export function refereeSeatView(pv: PublicView, s: MatchState, seat: number): SeatView {
  const me = s.seats[seat];
  if (!me) throw new Error(`No seat ${seat}`);
  return withSeat(pv, seat, me);
}

/** A seat view from a public view and the seat's own part, written out field by field (it runs for every seat every
 * round of every simulated match). */
function withSeat(pv: PublicView, seat: number, me: SeatView["me"]): SeatView {
  return {
    scenario: pv.scenario,
    round: pv.round,
    rounds: pv.rounds,
    taiThreshold: pv.taiThreshold,
    dangerLine: pv.dangerLine,
    phase: pv.phase,
    seats: pv.seats,
    world: pv.world,
    news: pv.news,
    mods: pv.mods,
    history: pv.history,
    end: pv.end,
    scores: pv.scores,
    reveal: pv.reveal,
    seat,
    me,
  };
}
