// Headless matches between bots, and outcome tables over many seeded matches.
import { SCENARIOS } from "../content/scenarios.js";
import { botOrders } from "../bots/index.js";
import { hashSeeds, makeRng, nextInt } from "../rng.js";
import { createMatch, resolveRound } from "../rules/resolve.js";
import { winners } from "../rules/scoring.js";
import { DOCTRINES, ENDINGS, type Difficulty, type Doctrine, type Ending, type MatchRecord, type Role, type ScenarioParams, type SeatSetup, type MatchState } from "../rules/types.js";
import { publicView, seatViewWith } from "../rules/view.js";
import { RULES_VERSION } from "../rules/state.js";

export interface TableSeat {
  role: Role;
  doctrine?: Doctrine;
}

export interface SimOptions {
  scenario: string;
  matches: number;
  seed: number;
  table?: TableSeat[];
  overrides?: Partial<ScenarioParams>;
  difficulty?: Difficulty;
}

export interface MatchOutcome {
  record: MatchRecord;
  state: MatchState;
}

/** Seats for match i: the fixed table, with any unset doctrine drawn from the seed. */
export function seatsFor(opts: SimOptions, i: number): SeatSetup[] {
  const rng = makeRng(hashSeeds(opts.seed, i, 0x5ea7));
  const table: TableSeat[] = opts.table ?? SCENARIOS[opts.scenario].table.map((role) => ({ role }));
  return table.map((t) => ({ role: t.role, doctrine: t.doctrine ?? DOCTRINES[nextInt(rng, DOCTRINES.length)] }));
}

/** Plays one match with bots in every seat; returns its record and final state. */
export function playMatch(scenario: string, seed: number, seats: SeatSetup[], overrides?: Partial<ScenarioParams>, difficulty: Difficulty = "normal"): MatchOutcome {
  let s = createMatch({ scenario, seed, seats, overrides });
  const ordersByRound: MatchRecord["ordersByRound"] = [];
  while (s.phase !== "ended") {
    const pv = publicView(s, { history: false });
    const orders = s.seats.map((_, i) => botOrders(seatViewWith(pv, s, i), { difficulty, seed }));
    ordersByRound.push(orders);
    s = resolveRound(s, orders).state;
  }
  return { record: { rulesVersion: RULES_VERSION, scenario, seed, seats, overrides, ordersByRound }, state: s };
}

export interface SimResult {
  scenario: string;
  matches: number;
  seed: number;
  endings: Record<Ending, number>;
  catastropheRate: number;
  meanRounds: number;
  byDoctrine: Record<Doctrine, { seats: number; meanScore: number; winShare: number }>;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function simulate(opts: SimOptions): SimResult {
  const endings = Object.fromEntries(ENDINGS.map((e) => [e, 0])) as Record<Ending, number>;
  const acc = Object.fromEntries(DOCTRINES.map((d) => [d, { seats: 0, score: 0, wins: 0 }])) as Record<Doctrine, { seats: number; score: number; wins: number }>;
  let rounds = 0;
  for (let i = 0; i < opts.matches; i++) {
    const seats = seatsFor(opts, i);
    const { state } = playMatch(opts.scenario, hashSeeds(opts.seed, i), seats, opts.overrides, opts.difficulty);
    endings[state.end!.ending]++;
    rounds += state.round;
    state.seats.forEach((seat, k) => {
      acc[seat.doctrine].seats++;
      acc[seat.doctrine].score += state.scores![k];
    });
    const won = new Set(winners(state).map((k) => state.seats[k].doctrine));
    for (const d of won) acc[d].wins += 1;
  }
  const n = Math.max(1, opts.matches);
  return {
    scenario: opts.scenario,
    matches: opts.matches,
    seed: opts.seed,
    endings,
    catastropheRate: round4(endings.catastrophe / n),
    meanRounds: round4(rounds / n),
    byDoctrine: Object.fromEntries(
      DOCTRINES.map((d) => [d, { seats: acc[d].seats, meanScore: round4(acc[d].seats ? acc[d].score / acc[d].seats : 0), winShare: round4(acc[d].wins / n) }]),
    ) as SimResult["byDoctrine"],
  };
}
