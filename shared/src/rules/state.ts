// Match creation, cloning and small queries used by every force.
import { ROLE_DEFS, MILESTONES } from "../content/roles.js";
import { SCENARIOS } from "../content/scenarios.js";
import { isRules2Before, LEGACY_PARAMS } from "../content/legacy.js";
import { EVENT_CARDS } from "../content/events.js";
import { seedState, nextFloat, streamSeed } from "../rng.js";
import type { LabState, MatchSetup, MatchState, RoundMods, ScenarioParams, SeatState, WorldState } from "./types.js";

export const RULES_VERSION = "2.7.0";

/** Keyed random streams (rng.ts streamSeed): a stream per force per round, and per seat for the rolls each lab makes
 * (and the rogue actors, seat 99), so that one seat's choices shift no other seat's dice. */
export const STREAM = {
  news: 100,
  capability: 101,
  validation: 102,
  minimalRisk: 103,
  leaks: 104,
  incidents: 105,
  catastrophe: 106,
  rogueSeat: 99,
} as const;

/** Switches the match's generator to the stream of (round, step, seat). */
export function useStream(s: MatchState, step: number, seat: number): void {
  if (s.params.streams === 0) return;
  s.rng = streamSeed(s.seed, s.round, step, seat);
}

export type SetupError = { ok: false; reason: string };

export function scenarioParams(
  scenario: string,
  overrides?: Partial<ScenarioParams>,
  rulesVersion?: string,
): ScenarioParams {
  const def = SCENARIOS[scenario];
  if (!def) throw new Error(`Unknown scenario "${scenario}"`);
  // A record made under an older rules 2 version replays with the numbers it was played with (2.1 over 2.2 over 2.3
  // over today's).
  let params: ScenarioParams = def.params;
  for (const layer of LEGACY_PARAMS)
    if (isRules2Before(rulesVersion, layer.before)) params = { ...params, ...(layer.params[scenario] ?? {}) };
  return {
    ...params,
    ...(overrides ?? {}),
    deckMix: { ...def.params.deckMix, ...(overrides?.deckMix ?? {}) },
  };
}

function countRole(setup: MatchSetup, role: string): number {
  let n = 0;
  for (const x of setup.seats) if (x.role === role) n++;
  return n;
}

/** Checks a setup; errors as values so the server can answer them. */
export function checkSetup(setup: MatchSetup): { ok: true } | SetupError {
  const c = checkSetupParams(setup);
  return c.ok ? { ok: true } : c;
}

/** checkSetup that also hands back the scenario's parameters it had to compute (createMatch uses them). */
export function checkSetupParams(setup: MatchSetup): { ok: true; params: ScenarioParams } | SetupError {
  if (!SCENARIOS[setup.scenario]) return { ok: false, reason: `Unknown scenario "${setup.scenario}".` };
  const n = setup.seats.length;
  if (n < 1 || n > 8) return { ok: false, reason: "A match has 1 to 8 seats." };
  if (countRole(setup, "lab") > 4) return { ok: false, reason: "At most 4 labs." };
  if (countRole(setup, "regulator") > 2) return { ok: false, reason: "At most 2 regulators." };
  if (countRole(setup, "researcher") > 3) return { ok: false, reason: "At most 3 researchers." };
  const p = scenarioParams(setup.scenario, setup.overrides, setup.rulesVersion);
  if (!(p.rounds >= 1 && p.rounds <= 30)) return { ok: false, reason: "Rounds must be 1 to 30." };
  if (!(p.taiThreshold >= 5 && p.taiThreshold <= 30)) return { ok: false, reason: "TAI threshold must be 5 to 30." };
  return { ok: true, params: p };
}

export function emptyMods(): RoundMods {
  return { capabilityCost: 0, paradigmBoost: 0, leakBonus: 0, extraIncidentChance: 0 };
}

function newLab(p: ScenarioParams): LabState {
  return {
    cap: p.startCap,
    aligned: Math.min(p.startAligned, p.startCap),
    flaws: p.startFlaws,
    sec: p.startSec,
    prod: 0,
    defense: 0,
    declaredCap: p.startCap,
    alignedPublic: null,
    validatedLevel: 0,
    deceptive: 0,
    incidents: 0,
    defiedMoratorium: false,
    auditedSec: null,
  };
}

/** Builds the deck: a weighted random order of every card whose tag has weight > 0. */
export function buildDeck(holder: { rng: number }, mix: Record<string, number>): string[] {
  const keyed: { id: string; key: number }[] = [];
  for (const c of EVENT_CARDS) {
    const w = mix[c.tag] ?? 1;
    if (w <= 0) continue;
    keyed.push({ id: c.id, key: Math.log(Math.max(nextFloat(holder), 1e-12)) / w });
  }
  // Highest key first, ties by id: a strict total order, so this insertion sort (no comparator calls; the deck is
  // small) gives exactly the order Array.prototype.sort would.
  for (let i = 1; i < keyed.length; i++) {
    const x = keyed[i];
    let j = i - 1;
    while (j >= 0 && (keyed[j].key < x.key || (keyed[j].key === x.key && keyed[j].id > x.id))) {
      keyed[j + 1] = keyed[j];
      j--;
    }
    keyed[j + 1] = x;
  }
  const ids = new Array<string>(keyed.length);
  for (let i = 0; i < keyed.length; i++) ids[i] = keyed[i].id;
  return ids;
}

/** The state before round 1's news (see resolve.ts createMatch). */
export function initialState(
  setup: MatchSetup,
  params: ScenarioParams = scenarioParams(setup.scenario, setup.overrides, setup.rulesVersion),
): MatchState {
  const holder = { rng: seedState(setup.seed) };
  const deck = buildDeck(holder, params.deckMix);
  const seats: SeatState[] = setup.seats.map((s, id) => ({
    id,
    role: s.role,
    doctrine: s.doctrine,
    name: s.name ?? `${ROLE_DEFS[s.role].name} ${id + 1}`,
    switched: false,
    funds: s.role === "lab" ? params.startLabFunds : ROLE_DEFS[s.role].startFunds,
    influence: ROLE_DEFS[s.role].startInfluence,
    prestige: 0,
    lab: s.role === "lab" ? newLab(params) : null,
    researcher: s.role === "researcher" ? { theoryPrivate: 0, fastPrivate: 0 } : null,
    knownFlaws: {},
    prestigeBy: {},
  }));
  return {
    rulesVersion: setup.rulesVersion ?? RULES_VERSION,
    scenario: setup.scenario,
    params,
    seed: setup.seed,
    round: 1,
    phase: "orders",
    rng: holder.rng,
    deck,
    deckPos: 0,
    seats,
    world: {
      theory: params.startTheory,
      interp: params.startInterp,
      aug: 0,
      drift: 0,
      rogue: params.startRogue,
      rogueEstimate: params.startRogue,
      rogueExact: false,
      rogueMomentum: 0,
      neutralized: false,
      pool: 0,
      will: params.startWill,
      policies: [],
      regime: 0,
      pendingApplications: [],
      milestonesScored: 0,
      augStagesScored: 0,
      frontier: params.startCap,
    },
    news: [],
    mods: emptyMods(),
    history: [],
    end: null,
    scores: null,
  };
}

/** Deep copy of the mutable parts; history rows and news items are immutable and shared.
 * Written out field by field (no object spread): this runs once per round of every rollout, and spreading
 * objects of many shapes is several times slower. The return types make a forgotten field a type error. */
export function cloneState(s: MatchState): MatchState {
  const seats = new Array<SeatState>(s.seats.length);
  for (let i = 0; i < seats.length; i++) seats[i] = cloneSeat(s.seats[i]);
  return {
    rulesVersion: s.rulesVersion,
    scenario: s.scenario,
    params: s.params,
    seed: s.seed,
    round: s.round,
    phase: s.phase,
    rng: s.rng,
    deck: s.deck,
    deckPos: s.deckPos,
    seats,
    world: cloneWorld(s.world),
    news: s.news.slice(),
    mods: {
      capabilityCost: s.mods.capabilityCost,
      paradigmBoost: s.mods.paradigmBoost,
      leakBonus: s.mods.leakBonus,
      extraIncidentChance: s.mods.extraIncidentChance,
    },
    history: s.history.slice(),
    end: s.end ? { ...s.end } : null,
    scores: s.scores ? s.scores.slice() : null,
  };
}

/** A copy of a plain record of numbers, keys in the same order. Object.assign rather than a for-in loop: about a
 * third faster on the prestige breakdowns a match makes (own enumerable keys only, which is all these records have). */
function copyRecord<T extends Record<string | number, number>>(r: T): T {
  return Object.assign({}, r);
}

function cloneLab(l: LabState): LabState {
  return {
    cap: l.cap,
    aligned: l.aligned,
    flaws: l.flaws,
    sec: l.sec,
    prod: l.prod,
    defense: l.defense,
    declaredCap: l.declaredCap,
    alignedPublic: l.alignedPublic,
    validatedLevel: l.validatedLevel,
    deceptive: l.deceptive,
    incidents: l.incidents,
    defiedMoratorium: l.defiedMoratorium,
    auditedSec: l.auditedSec,
  };
}

function cloneSeat(x: SeatState): SeatState {
  return {
    id: x.id,
    role: x.role,
    doctrine: x.doctrine,
    name: x.name,
    switched: x.switched,
    funds: x.funds,
    influence: x.influence,
    prestige: x.prestige,
    lab: x.lab ? cloneLab(x.lab) : null,
    researcher: x.researcher
      ? { theoryPrivate: x.researcher.theoryPrivate, fastPrivate: x.researcher.fastPrivate }
      : null,
    knownFlaws: copyRecord(x.knownFlaws),
    prestigeBy: copyRecord(x.prestigeBy),
  };
}

function cloneWorld(w: WorldState): WorldState {
  return {
    theory: w.theory,
    interp: w.interp,
    aug: w.aug,
    drift: w.drift,
    rogue: w.rogue,
    rogueEstimate: w.rogueEstimate,
    rogueExact: w.rogueExact,
    rogueMomentum: w.rogueMomentum,
    neutralized: w.neutralized,
    pool: w.pool,
    will: w.will,
    policies: w.policies.slice(),
    regime: w.regime,
    pendingApplications: w.pendingApplications.slice(),
    milestonesScored: w.milestonesScored,
    augStagesScored: w.augStagesScored,
    frontier: w.frontier,
  };
}

export function milestonesOf(theory: number): number {
  let m = 0;
  for (const t of MILESTONES) if (theory >= t) m++;
  return m;
}

export function frontierOf(s: MatchState): number {
  let f = 0;
  for (const seat of s.seats) if (seat.lab && seat.lab.cap > f) f = seat.lab.cap;
  return f;
}

export function dangerLine(p: ScenarioParams): number {
  return p.taiThreshold - 3;
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function addPrestige(seat: SeatState, amount: number, source: string): void {
  const before = seat.prestige;
  seat.prestige = Math.max(0, seat.prestige + amount);
  // The breakdown records what really changed (prestige stops at 0).
  seat.prestigeBy[source] = (seat.prestigeBy[source] ?? 0) + (seat.prestige - before);
}
