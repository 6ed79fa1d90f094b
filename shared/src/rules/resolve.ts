// createMatch, resolveRound and replay: the whole game as a pure function of its record.
import { MAX } from "../content/roles.js";
import { DOCTRINE_DEFS } from "../content/doctrines.js";
import { incidentsStep, validationStep } from "./alignment.js";
import { augmentationStep } from "./augmentation.js";
import { catastropheStep } from "./catastrophe.js";
import { indexActions, say, tell, type RoundCtx } from "./context.js";
import type { Cost } from "./costs.js";
import { defenseStep } from "./defense.js";
import { endingsStep } from "./endings.js";
import { drawNews } from "./events.js";
import { auditsStep, fundingStep, policiesStep, regimeStep } from "./governance.js";
import { leaksStep } from "./leaks.js";
import { KIND_COUNT } from "./kinds.js";
import { checkOrders } from "./legal.js";
import { alignmentStep, capabilityStep, deployStep, securityStep, theoryStep } from "./research.js";
import { opinionWillEffect } from "./opinion.js";
import { rogueStep } from "./rogue.js";
import { finalScores, incomeStep, roundScoringStep } from "./scoring.js";
import {
  checkSetupParams,
  clamp,
  cloneState,
  emptyMods,
  frontierOf,
  initialState,
  STREAM,
  useStream,
} from "./state.js";
import type {
  Action,
  MatchRecord,
  MatchSetup,
  MatchState,
  RoundExtras,
  RoundReport,
  SeatOrders,
  SeatState,
} from "./types.js";
import { refereeSeatView, refereeView } from "./view.js";
import type { SeatView } from "./view-types.js";
import * as v1 from "../v1/entry.js";

/** Rules 1 matches (old records, or matches resumed from them) keep running on the frozen rules 1 engine. */
export function isRulesV1(version: string | undefined): boolean {
  return typeof version === "string" && version.startsWith("1.");
}

export function createMatch(setup: MatchSetup): MatchState {
  if (isRulesV1(setup.rulesVersion)) return v1.createMatch(setup as v1.MatchSetupV1) as unknown as MatchState;
  const c = checkSetupParams(setup);
  if (!c.ok) throw new Error(c.reason);
  // The parameters checkSetup computed (scenarioParams makes a fresh object each time: the same values).
  const s = initialState(setup, c.params);
  s.news = drawNews(s);
  return s;
}

const EMPTY: SeatOrders = { actions: [] };
const NO_SEATS: SeatState[] = [];
const NO_ACTIONS: Action[] = [];
/** The round's kind ranges (RoundCtx.kindStart): one array for every round, refilled by indexActions (a typed array
 * costs more to make than the whole index; resolution is synchronous, so rounds never overlap). */
const KIND_START = new Int32Array(KIND_COUNT + 1);
const PAID: Cost = { funds: 0, influence: 0 };

/** The fixed order of resolution (GAME.md §2.4). Each step is one force. */
const PIPELINE: ((ctx: RoundCtx) => void)[] = [
  policiesStep,
  fundingStep,
  capabilityStep,
  alignmentStep,
  theoryStep,
  augmentationStep,
  validationStep,
  securityStep,
  deployStep,
  leaksStep,
  rogueStep,
  auditsStep,
  regimeStep,
  defenseStep,
  incidentsStep,
  catastropheStep,
  endingsStep,
  roundScoringStep,
  incomeStep,
];

export interface Resolution {
  state: MatchState;
  report: RoundReport;
}

export interface ResolveOptions {
  /** false: leave the report's entries empty (rollouts and the simulator read no text). Default true. */
  report?: boolean;
}

/** Resolves one round. Illegal orders are refused whole (the seat acts as if it passed). */
export function resolveRound(
  prev: MatchState,
  orders: readonly (SeatOrders | null | undefined)[],
  extras?: RoundExtras | null,
  opts?: ResolveOptions,
): Resolution {
  if (prev.phase === "ended") throw new Error("The match has ended.");
  if (isRulesV1(prev.rulesVersion))
    return v1.resolveRound(prev as unknown as v1.MatchStateV1, orders as v1.OrdersV1, extras) as unknown as Resolution;
  const s = cloneState(prev);
  const ctx: RoundCtx = {
    s,
    orders: [],
    acts: [],
    actSeats: NO_SEATS,
    actList: NO_ACTIONS,
    kindStart: KIND_START,
    entries: [],
    quiet: opts?.report === false,
    gains: [],
    consults: null,
    enforcements: 0,
    blocked: null,
    leaks: 0,
    incidents: 0,
    paradigmShifts: 0,
    catastropheRisk: 0,
    labRisk: 0,
    frontierBefore: frontierOf(s),
    defenseDone: null,
  };
  // Orders are checked against what each seat could see (the referee's view shares the state's arrays: no copies).
  // One seat view serves every seat in turn (checkOrders keeps no reference to it): only `seat` and `me` change.
  const pv = refereeView(prev);
  let sv: SeatView | null = null;
  for (let i = 0; i < s.seats.length; i++) {
    const seat = s.seats[i];
    let o = orders[i] ?? EMPTY;
    if (sv === null) sv = refereeSeatView(pv, prev, i);
    else {
      sv.seat = i;
      sv.me = prev.seats[i];
    }
    const check = checkOrders(sv, o, PAID);
    if (!check.ok) {
      tell(ctx, i, "doctrine", "ordersRefused", { reason: check.reason });
      o = EMPTY;
    }
    ctx.orders.push(o);
    if (o.switchDoctrine) {
      seat.doctrine = o.switchDoctrine;
      seat.switched = true;
      // (2.1) A public U-turn costs credibility as well as the round's actions: prestige at the end (scoring.ts).
      say(ctx, "doctrine", "doctrineSwitch", { name: seat.name, doctrine: o.switchDoctrine });
      ctx.acts.push([]);
      continue;
    }
    // What the actions cost together, as checkOrders priced them against the same state (whole numbers: paying the
    // sum is paying each in turn).
    if (o !== EMPTY) {
      seat.funds -= PAID.funds;
      seat.influence -= PAID.influence;
    }
    ctx.acts.push(o.actions);
  }
  if (extras?.opinion) {
    const d = opinionWillEffect(extras.opinion);
    if (d !== 0) {
      s.world.will = clamp(s.world.will + d, 0, MAX.will);
      say(ctx, "politicalWill", "opinion", { up: d > 0 });
    }
  }
  indexActions(ctx);
  // Each force draws from its own keyed stream (rng.ts streamSeed): one seat's extra draw shifts no other roll.
  for (let j = 0; j < PIPELINE.length; j++) {
    useStream(s, j, -1);
    PIPELINE[j](ctx);
  }
  const events = new Array<string>(s.news.length);
  for (let k = 0; k < events.length; k++) events[k] = s.news[k].card;
  s.history.push(historyRow(ctx, events));
  const resolvedNews = s.news;
  const report: RoundReport = { round: s.round, news: resolvedNews, entries: ctx.entries, end: null };
  if (s.end || s.round >= s.params.rounds) {
    s.phase = "ended";
    s.scores = finalScores(s);
    report.end = s.end;
  } else {
    s.round += 1;
    s.mods = emptyMods();
    useStream(s, STREAM.news, -1);
    s.news = drawNews(s, extras?.inject);
  }
  return { state: s, report };
}

function historyRow(ctx: RoundCtx, events: string[]) {
  const s = ctx.s;
  let aligned = 0;
  // One loop, no filter/map: this row is written every round of every rollout.
  const labs: MatchState["history"][number]["labs"] = [];
  for (const x of s.seats) {
    const l = x.lab;
    if (!l) continue;
    aligned = Math.max(aligned, Math.min(l.aligned, l.cap));
    labs.push({ seat: x.id, cap: l.cap, aligned: l.aligned, flaws: l.flaws, declaredCap: l.declaredCap });
  }
  return {
    round: s.round,
    labs,
    frontier: frontierOf(s),
    alignedFrontier: aligned,
    rogue: s.world.rogue,
    rogueEstimate: s.world.rogueEstimate,
    pool: s.world.pool,
    leaks: ctx.leaks,
    will: s.world.will,
    theory: s.world.theory,
    interp: s.world.interp,
    aug: s.world.aug,
    regime: s.world.regime,
    policies: s.world.policies.slice(),
    events,
    incidents: ctx.incidents,
    paradigmShifts: ctx.paradigmShifts,
    catastropheRisk: Math.round(ctx.catastropheRisk * 1000) / 1000,
    labRisk: Math.round(ctx.labRisk * 1000) / 1000,
  };
}

export interface ReplayResult {
  state: MatchState;
  reports: RoundReport[];
}

export function recordSetup(r: MatchRecord): MatchSetup {
  return { scenario: r.scenario, seed: r.seed, seats: r.seats, overrides: r.overrides, rulesVersion: r.rulesVersion };
}

/** Replays a record from the start: the state is a pure function of it. */
export function replay(record: MatchRecord): ReplayResult {
  let state = createMatch(recordSetup(record));
  const reports: RoundReport[] = [];
  for (let r = 0; r < record.ordersByRound.length; r++) {
    if (state.phase === "ended") break;
    const res = resolveRound(state, record.ordersByRound[r], record.extrasByRound?.[r] ?? null);
    state = res.state;
    reports.push(res.report);
  }
  return { state, reports };
}

// What one audience reads of a report is decided beside `say` and `tell`, which write its entries.
export { reportFor } from "./context.js";
