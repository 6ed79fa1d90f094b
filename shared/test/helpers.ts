// Test helpers: quiet matches (no news cards), seat shorthands, forced random draws, one-round resolution.
import { entryText } from "../src/content/report-texts.js";
import { nextFloat } from "../src/rng.js";
import { createMatch, resolveRound, type Resolution } from "../src/rules/resolve.js";
import type {
  Action,
  Doctrine,
  LabState,
  MatchState,
  RoundExtras,
  Role,
  ScenarioParams,
  SeatOrders,
  SeatSetup,
} from "../src/rules/types.js";

export const FORCE_TAGS = [
  "leaks",
  "measurement",
  "unpredictability",
  "politics",
  "economics",
  "theory",
  "augmentation",
  "rogue",
] as const;

/** A deck mix with every tag at weight 0: the deck is empty and no news card ever fires. */
export const NO_EVENTS: Record<string, number> = Object.fromEntries(FORCE_TAGS.map((t) => [t, 0]));

/**
 * Every numeric scenario parameter pinned, so that retuning a scenario's defaults does not move these unit
 * tests (the rule constants themselves are what the tests check).
 */
export const TEST_PARAMS: Omit<ScenarioParams, "deckMix"> = {
  rounds: 10,
  taiThreshold: 12,
  leakBase: 0.3,
  volatility: 1,
  rogueDrift: 0.5,
  eventsPerRound: 1,
  startCap: 3,
  startAligned: 2,
  startFlaws: 1,
  startSec: 1,
  startLabFunds: 6,
  startRogue: 1,
  startWill: 3,
  startTheory: 1,
  startInterp: 0,
  deception: 0.5,
  incidents: 1,
  lockIn: 1,
  labLeaks: 1,
  absorb: 1,
  legalWill: 6,
  race: 0, // racing pressure has its own test
  streams: 0, // one random stream, so that forceDraws decides the next draws (keyed streams have their own test)
};

/** "lab", "lab:conservative", "regulator:butlerian" … (default doctrine: transhumanist, whose passive and objectives touch only augmentation). */
export type SeatSpec = Role | `${Role}:${Doctrine}` | SeatSetup;

export function seats(...specs: SeatSpec[]): SeatSetup[] {
  return specs.map((x) => {
    if (typeof x !== "string") return x;
    const [role, doctrine] = x.split(":") as [Role, Doctrine | undefined];
    return { role, doctrine: doctrine ?? "transhumanist" };
  });
}

/**
 * A match with no news cards (empty deck) and TEST_PARAMS, so a round's result depends only on the orders and the rng.
 * `edit` sets fields before the first round.
 */
export function quietMatch(
  specs: SeatSpec[],
  overrides: Partial<ScenarioParams> = {},
  edit?: (s: MatchState) => void,
  scenario = "baseline",
  seed = 1,
): MatchState {
  const s = createMatch({
    scenario,
    seed,
    seats: seats(...specs),
    overrides: { ...TEST_PARAMS, ...overrides, deckMix: { ...NO_EVENTS, ...(overrides.deckMix ?? {}) } },
  });
  if (s.deck.length !== 0) throw new Error("quietMatch: the deck should be empty");
  if (edit) edit(s);
  return s;
}

export function lab(s: MatchState, seat: number): LabState {
  const l = s.seats[seat].lab;
  if (!l) throw new Error(`seat ${seat} is not a lab`);
  return l;
}

/** The first `n` floats the state's generator would give. */
export function peek(rng: number, n: number): number[] {
  const h = { rng };
  return Array.from({ length: n }, () => nextFloat(h));
}

export type Draw = ((u: number) => boolean) | null;
export const below =
  (p: number): Draw =>
  (u) =>
    u < p;
export const atLeast =
  (p: number): Draw =>
  (u) =>
    u >= p;
export const between =
  (lo: number, hi: number): Draw =>
  (u) =>
    u >= lo && u < hi;

/** The smallest generator state from `from` on whose next draws satisfy each predicate in turn (null: any value). */
export function rngWhere(draws: Draw[], from = 1): number {
  const h = { rng: 0 };
  for (let r = from; r < from + 50_000_000; r++) {
    h.rng = r;
    let ok = true;
    for (const d of draws) {
      const u = nextFloat(h);
      if (d !== null && !d(u)) {
        ok = false;
        break;
      }
    }
    if (ok) return r;
  }
  throw new Error("no generator state satisfies these draws");
}

/** Sets the state's generator so that its next draws satisfy the predicates. */
export function forceDraws(s: MatchState, draws: Draw[]): MatchState {
  s.rng = rngWhere(draws);
  return s;
}

export type OrdersSpec = Record<number, Action[] | SeatOrders>;

function toOrders(s: MatchState, spec: OrdersSpec): SeatOrders[] {
  return s.seats.map((_, i) => {
    const o = spec[i];
    if (!o) return { actions: [] };
    return Array.isArray(o) ? { actions: o } : o;
  });
}

/** Resolves one round and fails the test if any seat's orders were refused. */
export function play(s: MatchState, spec: OrdersSpec = {}, extras?: RoundExtras | null): Resolution {
  const res = resolveRound(s, toOrders(s, spec), extras ?? null);
  const refused = res.report.entries.filter((e) => e.key === "ordersRefused");
  if (refused.length)
    throw new Error(`orders refused: ${refused.map((e) => `seat ${e.seat}: ${entryText(e)}`).join("; ")}`);
  return res;
}

/** Resolves one round, allowing refusals (returns the refusal notes). */
export function playAllowingRefusals(
  s: MatchState,
  spec: OrdersSpec = {},
  extras?: RoundExtras | null,
): Resolution & { refused: Map<number, string> } {
  const res = resolveRound(s, toOrders(s, spec), extras ?? null);
  const refused = new Map<number, string>();
  for (const e of res.report.entries)
    if (e.seat !== null && e.key === "ordersRefused") refused.set(e.seat, entryText(e));
  return { ...res, refused };
}

export function texts(res: Resolution, seat: number | null = null): string[] {
  return res.report.entries.filter((e) => e.seat === seat).map((e) => entryText(e));
}
