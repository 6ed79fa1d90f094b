// Random matches for property tests: random tables, random legal orders (randomOrders over legalOrdersFromView),
// with some seats played by easy/normal bots so that matches also reach the late game.
import fc from "fast-check";
import { botOrders } from "../src/bots/index.js";
import { randomOrders } from "../src/bots/random.js";
import { EVENT_CARDS } from "../src/content/events.js";
import { SCENARIO_IDS } from "../src/content/scenarios.js";
import { hashSeeds, makeRng, nextFloat, nextInt } from "../src/rng.js";
import { checkOrders, legalOrdersFromView } from "../src/rules/legal.js";
import { createMatch, resolveRound } from "../src/rules/resolve.js";
import { checkSetup, RULES_VERSION } from "../src/rules/state.js";
import {
  DOCTRINES,
  ROLES,
  type MatchRecord,
  type MatchState,
  type RoundExtras,
  type RoundReport,
  type SeatOrders,
  type SeatSetup,
} from "../src/rules/types.js";
import { seatView } from "../src/rules/view.js";

export type Player = "random" | "easy" | "normal";

export interface MatchSpec {
  scenario: string;
  seed: number;
  seats: SeatSetup[];
  players: Player[];
  rounds: number | null;
  ordersSeed: number;
  /** Chance per round of a facilitator inject / an opinion poll. */
  extras: boolean;
}

const seatArb = fc.record({ role: fc.constantFrom(...ROLES), doctrine: fc.constantFrom(...DOCTRINES) });

export const matchSpecArb: fc.Arbitrary<MatchSpec> = fc
  .record({
    scenario: fc.constantFrom(...SCENARIO_IDS),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    seats: fc.array(seatArb, { minLength: 1, maxLength: 8 }),
    playerPool: fc.array(fc.constantFrom<Player>("random", "random", "easy", "normal"), { minLength: 8, maxLength: 8 }),
    rounds: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    ordersSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    extras: fc.boolean(),
  })
  .filter((m) => checkSetup({ scenario: m.scenario, seed: m.seed, seats: m.seats }).ok)
  .map(({ playerPool, ...m }) => ({ ...m, players: m.seats.map((_, i) => playerPool[i]) }));

export interface PlayedMatch {
  record: MatchRecord;
  /** The state before each round, then the final state. */
  states: MatchState[];
  reports: RoundReport[];
}

/** Random legal orders, sometimes with a doctrine switch or a side payment (kept only if still legal). */
function randomSeatOrders(s: MatchState, i: number, rng: { rng: number }): SeatOrders {
  const v = seatView(s, i, { history: false });
  const base = randomOrders(v, legalOrdersFromView(v), rng);
  const r = nextFloat(rng);
  let cand: SeatOrders | null = null;
  if (r < 0.04 && !v.me.switched)
    cand = { actions: [], switchDoctrine: DOCTRINES[(DOCTRINES.indexOf(v.me.doctrine) + 1 + nextInt(rng, 3)) % 4] };
  else if (r < 0.1 && s.seats.length > 1)
    cand = { ...base, transfers: [{ to: (i + 1 + nextInt(rng, s.seats.length - 1)) % s.seats.length, amount: 1 }] };
  return cand && checkOrders(v, cand).ok ? cand : base;
}

export function playRandomMatch(m: MatchSpec): PlayedMatch {
  const overrides = m.rounds === null ? undefined : { rounds: m.rounds };
  let s = createMatch({ scenario: m.scenario, seed: m.seed, seats: m.seats, overrides });
  const rng = makeRng(m.ordersSeed);
  const states: MatchState[] = [s];
  const reports: RoundReport[] = [];
  const ordersByRound: SeatOrders[][] = [];
  const extrasByRound: (RoundExtras | null)[] = [];
  while (s.phase !== "ended") {
    const orders = s.seats.map((_, i) =>
      m.players[i] === "random"
        ? randomSeatOrders(s, i, rng)
        : botOrders(seatView(s, i, { history: false }), {
            difficulty: m.players[i] as "easy" | "normal",
            seed: hashSeeds(m.ordersSeed, i),
          }),
    );
    let extras: RoundExtras | null = null;
    if (m.extras && nextFloat(rng) < 0.3) {
      extras = {};
      if (nextFloat(rng) < 0.6) extras.inject = EVENT_CARDS[nextInt(rng, EVENT_CARDS.length)].id;
      if (nextFloat(rng) < 0.6) extras.opinion = nextInt(rng, 3) - 1;
    }
    ordersByRound.push(orders);
    extrasByRound.push(extras);
    const res = resolveRound(s, orders, extras);
    s = res.state;
    states.push(s);
    reports.push(res.report);
  }
  const record: MatchRecord = {
    rulesVersion: RULES_VERSION,
    scenario: m.scenario,
    seed: m.seed,
    seats: m.seats,
    overrides,
    ordersByRound,
    extrasByRound,
  };
  return { record, states, reports };
}
