// Headless matches between bots, and outcome tables over many seeded matches.
import { SCENARIOS } from "../content/scenarios.js";
import { botOrders, type BotOptions } from "../bots/index.js";
import type { SearchBudget } from "../bots/search.js";
import { hashSeeds, makeRng, nextInt } from "../rng.js";
import { createMatch, resolveRound } from "../rules/resolve.js";
import { scenarioParams } from "../rules/state.js";
import { winners } from "../rules/scoring.js";
import {
  DOCTRINES,
  ENDINGS,
  type Difficulty,
  type Doctrine,
  type Ending,
  type MatchRecord,
  type Role,
  type ScenarioParams,
  type SeatSetup,
  type MatchState,
  type SeatOrders,
} from "../rules/types.js";
import { botSeatView, publicView } from "../rules/view.js";
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
  /** Search budget overrides for hard and expert bots (--budget-nodes, --budget-ms). */
  budget?: Partial<SearchBudget>;
  /** Paired ladder instead of an outcome table (see ladder.ts). */
  ladder?: boolean;
  /** Measure the search's priors (what normal-bot play leaves hidden, by round) instead (see priors.ts). */
  priors?: boolean;
  /** Add the `detail` block (causes, world value, timing) used by docs/MODEL.md. */
  detail?: boolean;
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

const QUIET = { report: false } as const;

/** Plays one match with bots in every seat; returns its record and final state. `onRound` sees the state at the start of
 * every round, before its orders (it must not change it). */
export function playMatch(
  scenario: string,
  seed: number,
  seats: SeatSetup[],
  overrides?: Partial<ScenarioParams>,
  difficulty: Difficulty | readonly Difficulty[] = "normal",
  budget?: Partial<SearchBudget>,
  onRound?: (s: MatchState) => void,
): MatchOutcome {
  let s = createMatch({ scenario, seed, seats, overrides });
  const ordersByRound: MatchRecord["ordersByRound"] = [];
  // Each seat's bot options once per match, and plain loops: this is the simulator's (and the benchmark's) inner loop.
  const botOpts: BotOptions[] = [];
  for (let i = 0; i < s.seats.length; i++)
    botOpts.push({ difficulty: typeof difficulty === "string" ? difficulty : difficulty[i], seed, budget });
  while (s.phase !== "ended") {
    onRound?.(s);
    const pv = publicView(s, { history: false });
    const orders: SeatOrders[] = [];
    // botSeatView: the same view as seatViewWith, its records shared read-only (bots never write to a view).
    for (let i = 0; i < s.seats.length; i++) orders.push(botOrders(botSeatView(pv, s, i), botOpts[i]));
    ordersByRound.push(orders);
    s = resolveRound(s, orders, null, QUIET).state;
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
  byDoctrine: Record<Doctrine, { seats: number; meanScore: number; winShare: number; winShareOfWon: number }>;
  /** Matches that had a winner (the world was not lost). */
  matchesWithWinner: number;
  /** The scenario's parameters these matches were played with (overrides applied). */
  params: ScenarioParams;
  detail?: SimDetail;
}

export interface SimDetail {
  /** Catastrophes by what caused them: a lab's system, rogue actors, a deceptive defense. */
  catastropheBy: { lab: number; rogue: number; defense: number };
  /** Lab-caused catastrophes by the doctrine of the lab that caused them. */
  labCatastropheByDoctrine: Record<Doctrine, number>;
  meanWorldValue: number;
  /** Mean W over matches that did not end in catastrophe or drift. */
  meanWorldValueIfSurvived: number;
  meanEndRound: Record<Ending, number>;
  meanFinalRogue: number;
  meanLeakedPoints: number;
  /** Mean over rounds played of (the sum of the labs' own catastrophe chances that round) / number of labs. */
  meanLabRiskPerLabRound: number;
  /** Defenses completed (secure or deceptive catastrophe). */
  defensesCompleted: number;
  /** Regime completions reached at any time, and matches whose regime lapsed after being started. */
  regimeLapses: number;
  meanProducts: number;
  /** A lab's own catastrophe chance per round while at or past the danger line (the race's hazard). */
  labRiskPastDanger: number;
  /** Share of lab-rounds spent at or past the danger line. */
  labRoundsPastDanger: number;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function simulate(opts: SimOptions): SimResult {
  const endings = Object.fromEntries(ENDINGS.map((e) => [e, 0])) as Record<Ending, number>;
  const acc = Object.fromEntries(DOCTRINES.map((d) => [d, { seats: 0, score: 0, wins: 0 }])) as Record<
    Doctrine,
    { seats: number; score: number; wins: number }
  >;
  let rounds = 0;
  let withWinner = 0;
  const d = {
    lab: 0,
    rogue: 0,
    defense: 0,
    w: 0,
    wSurv: 0,
    nSurv: 0,
    rogueEnd: 0,
    leaks: 0,
    labRisk: 0,
    labRounds: 0,
    labRiskSum: 0,
    labRoundsPastDanger: 0,
    labRoundsAll: 0,
    defenses: 0,
    lapses: 0,
    prod: 0,
  };
  const labBy = Object.fromEntries(DOCTRINES.map((x) => [x, 0])) as Record<Doctrine, number>;
  const endRound = Object.fromEntries(ENDINGS.map((e) => [e, 0])) as Record<Ending, number>;
  for (let i = 0; i < opts.matches; i++) {
    const seats = seatsFor(opts, i);
    const { state } = playMatch(
      opts.scenario,
      hashSeeds(opts.seed, i),
      seats,
      opts.overrides,
      opts.difficulty,
      opts.budget,
    );
    const end = state.end!;
    endings[end.ending]++;
    if (opts.detail) {
      endRound[end.ending] += end.round;
      if (end.ending === "catastrophe") {
        if (end.by === "rogue") d.rogue++;
        else if (end.by === "defense") d.defense++;
        else {
          d.lab++;
          if (end.seat !== undefined) labBy[state.seats[end.seat].doctrine]++;
        }
      }
      d.w += end.worldValue;
      if (end.worldValue > 0) {
        d.wSurv += end.worldValue;
        d.nSurv++;
      }
      d.rogueEnd += state.world.rogue;
      const nLabs = state.seats.filter((x) => x.lab).length;
      let prevRegime = 0;
      let lapsed = false;
      for (const h of state.history) {
        d.leaks += h.leaks;
        if (nLabs > 0) {
          d.labRisk += (h.labRisk ?? 0) / nLabs;
          d.labRounds++;
          d.labRiskSum += h.labRisk ?? 0;
          for (const l of h.labs) if (l.cap >= state.params.taiThreshold - 3) d.labRoundsPastDanger++;
          d.labRoundsAll += h.labs.length;
        }
        if (h.regime < prevRegime) lapsed = true;
        prevRegime = h.regime;
      }
      if (lapsed) d.lapses++;
      if (end.by === "defense") d.defenses++;
      for (const x of state.seats) if (x.lab) d.prod += x.lab.prod;
    }
    rounds += state.round;
    state.seats.forEach((seat, k) => {
      acc[seat.doctrine].seats++;
      acc[seat.doctrine].score += state.scores![k];
    });
    const w = winners(state);
    if (w.length) withWinner++;
    const won = new Set(w.map((k) => state.seats[k].doctrine));
    for (const d of won) acc[d].wins += 1;
  }
  const n = Math.max(1, opts.matches);
  const detail: SimDetail | undefined = opts.detail
    ? {
        catastropheBy: { lab: d.lab, rogue: d.rogue, defense: d.defense },
        labCatastropheByDoctrine: labBy,
        meanWorldValue: round4(d.w / n),
        meanWorldValueIfSurvived: round4(d.nSurv ? d.wSurv / d.nSurv : 0),
        meanEndRound: Object.fromEntries(
          ENDINGS.map((e) => [e, round4(endings[e] ? endRound[e] / endings[e] : 0)]),
        ) as Record<Ending, number>,
        meanFinalRogue: round4(d.rogueEnd / n),
        meanLeakedPoints: round4(d.leaks / n),
        meanLabRiskPerLabRound: round4(d.labRounds ? d.labRisk / d.labRounds : 0),
        labRiskPastDanger: round4(d.labRoundsPastDanger ? d.labRiskSum / d.labRoundsPastDanger : 0),
        labRoundsPastDanger: round4(d.labRoundsAll ? d.labRoundsPastDanger / d.labRoundsAll : 0),
        defensesCompleted: d.defenses,
        regimeLapses: d.lapses,
        meanProducts: round4(d.prod / n),
      }
    : undefined;
  return {
    scenario: opts.scenario,
    matches: opts.matches,
    seed: opts.seed,
    endings,
    catastropheRate: round4(endings.catastrophe / n),
    meanRounds: round4(rounds / n),
    byDoctrine: Object.fromEntries(
      DOCTRINES.map((d) => [
        d,
        {
          seats: acc[d].seats,
          meanScore: round4(acc[d].seats ? acc[d].score / acc[d].seats : 0),
          winShare: round4(acc[d].wins / n),
          winShareOfWon: round4(withWinner ? acc[d].wins / withWinner : 0),
        },
      ]),
    ) as SimResult["byDoctrine"],
    matchesWithWinner: withWinner,
    params: scenarioParams(opts.scenario, opts.overrides),
    ...(detail ? { detail } : {}),
  };
}
