// The hard bot: determinize hidden state from its own view, roll candidate orders out with heuristic bots, keep the best.
import { hashSeeds, makeRng, seedState } from "../rng.js";
import { resolveRound } from "../rules/resolve.js";
import { buildDeck, emptyMods, scenarioParams } from "../rules/state.js";
import type { MatchState, SeatOrders } from "../rules/types.js";
import { seatView } from "../rules/view.js";
import type { SeatView } from "../rules/view-types.js";
import { legalOrdersFromView } from "../rules/legal.js";
import { heuristicOrders } from "./heuristic.js";
import { randomOrders } from "./random.js";

export const PLANNER = { candidates: 5, rollouts: 6 } as const;

/** A plausible full state consistent with what this seat sees. */
export function determinize(v: SeatView, seed: number): MatchState {
  const params = scenarioParams(v.scenario, { rounds: v.rounds, taiThreshold: v.taiThreshold });
  const holder = { rng: seedState(seed) };
  const pool = v.world.intel === "none" ? 0 : v.world.intel === "some" ? 1.5 : 4;
  return {
    rulesVersion: "planner", scenario: v.scenario, params, seed, round: v.round, phase: v.phase,
    rng: holder.rng, deck: buildDeck(holder, params.deckMix), deckPos: 0,
    seats: v.seats.map((p) => {
      const mine = p.id === v.seat;
      const lab = p.lab
        ? mine && v.me.lab
          ? { ...p.lab, cap: v.me.lab.cap, aligned: v.me.lab.aligned, sec: v.me.lab.sec, flaws: 1, defiedMoratorium: false }
          : { ...p.lab, cap: p.lab.declaredCap + 1, aligned: p.lab.alignedPublic ?? Math.max(0, p.lab.declaredCap - 1), sec: p.lab.auditedSec ?? 1, flaws: 1, defiedMoratorium: false }
        : null;
      return {
        id: p.id, role: p.role, doctrine: p.doctrine, name: p.name, switched: mine ? v.me.switched : false,
        funds: mine ? v.me.funds : p.role === "lab" ? 5 : 3, influence: mine ? v.me.influence : p.role === "regulator" ? 3 : 0,
        prestige: p.prestige, lab, researcher: p.role === "researcher" ? (mine && v.me.researcher ? { ...v.me.researcher } : { theoryPrivate: 1, fastPrivate: 0 }) : null,
        knownFlaws: {}, prestigeBy: {},
      };
    }),
    world: {
      theory: v.world.theory, interp: v.world.interp, aug: v.world.aug, drift: v.world.aug / 2, rogue: v.world.rogueEstimate,
      rogueEstimate: v.world.rogueEstimate, rogueExact: v.world.rogueExact, rogueMomentum: pool > 0 ? 1 : 0, neutralized: v.world.neutralized,
      pool, will: v.world.will, policies: v.world.policies.slice(), regime: v.world.regime, pendingApplications: [],
      milestonesScored: (1 << (v.world.milestones + 1)) - 2, augStagesScored: Math.floor(v.world.aug),
      frontier: Math.max(0, ...v.seats.map((s) => s.lab?.declaredCap ?? 0)),
    },
    news: v.news.slice(), mods: { ...emptyMods(), ...v.mods }, history: [], end: null, scores: null,
  };
}

function rollout(start: MatchState, seat: number, first: SeatOrders, seed: number): number {
  const rng = makeRng(seed);
  let s = start;
  let mine: SeatOrders | null = first;
  while (s.phase !== "ended") {
    const orders = s.seats.map((_, i) => (i === seat && mine ? mine : heuristicOrders(seatView(s, i, { history: false }), rng)));
    mine = null;
    s = resolveRound(s, orders).state;
  }
  return s.scores ? s.scores[seat] : 0;
}

export function plannerOrders(v: SeatView, seed: number): SeatOrders {
  const rng = makeRng(hashSeeds(seed, v.round, v.seat, 0x91a));
  const legal = legalOrdersFromView(v);
  const candidates: SeatOrders[] = [heuristicOrders(v, rng)];
  for (let i = 1; i < PLANNER.candidates; i++) candidates.push(i % 2 ? heuristicOrders(v, rng) : randomOrders(v, legal, rng));
  let best = candidates[0];
  let bestValue = -Infinity;
  for (let c = 0; c < candidates.length; c++) {
    let total = 0;
    for (let r = 0; r < PLANNER.rollouts; r++) {
      const world = determinize(v, hashSeeds(seed, v.round, v.seat, r));
      total += rollout(world, v.seat, candidates[c], hashSeeds(seed, c, r));
    }
    if (total > bestValue) {
      bestValue = total;
      best = candidates[c];
    }
  }
  return best;
}
