// The hard bot: determinize hidden state from its own view, roll candidate orders out with heuristic bots, keep the best.
import { hashSeeds, makeRng, nextInt, seedState, type RngHolder } from "../rng.js";
import { resolveRound } from "../rules/resolve.js";
import { buildDeck, emptyMods, scenarioParams } from "../rules/state.js";
import type { MatchState, SeatOrders } from "../rules/types.js";
import { seatView } from "../rules/view.js";
import type { SeatView } from "../rules/view-types.js";
import { legalOrdersFromView } from "../rules/legal.js";
import { heuristicOrders } from "./heuristic.js";
import { randomAction } from "./random.js";
import { OrderBuilder } from "./plan.js";

/** The heuristic's plan is kept unless a variant beats it by `margin` points on average. */
export const PLANNER = { candidates: 2, rollouts: 24, margin: 8 } as const;

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
    s = resolveRound(s, orders, null, { report: false }).state;
  }
  return s.scores ? s.scores[seat] : 0;
}

/** Variants of the heuristic plan: one action swapped for another legal one, or capability work replaced by safety work. */
function candidatesFor(v: SeatView, base: SeatOrders, rng: RngHolder): SeatOrders[] {
  const legal = legalOrdersFromView(v);
  const out: SeatOrders[] = [base];
  const safer = new OrderBuilder(v);
  for (const a of base.actions) safer.want(a.kind === "capability" ? { kind: "alignment" } : a);
  if (base.actions.some((a) => a.kind === "capability")) out.push(safer.orders());
  while (out.length < PLANNER.candidates) {
    const b = new OrderBuilder(v);
    const swap = nextInt(rng, Math.max(1, base.actions.length + 1));
    base.actions.forEach((a, i) => (i === swap ? b.want(randomAction(v, legal, rng)) : b.want(a)));
    if (swap >= base.actions.length) b.want(randomAction(v, legal, rng));
    out.push(b.orders());
  }
  return out;
}

export function plannerOrders(v: SeatView, seed: number): SeatOrders {
  const rng = makeRng(hashSeeds(seed, v.round, v.seat, 0x91a));
  const base = heuristicOrders(v, makeRng(hashSeeds(seed, v.round, v.seat, 0xb07)));
  if (v.phase === "ended") return base;
  const candidates = candidatesFor(v, base, rng);
  // Common random numbers: every candidate meets the same sampled worlds and the same luck.
  const value = (c: SeatOrders) => {
    let total = 0;
    for (let r = 0; r < PLANNER.rollouts; r++) {
      const world = determinize(v, hashSeeds(seed, v.round, v.seat, r));
      total += rollout(world, v.seat, c, hashSeeds(seed, v.round, r, 0x7011));
    }
    return total / PLANNER.rollouts;
  };
  let best = base;
  let bestValue = value(base) + PLANNER.margin;
  for (let c = 1; c < candidates.length; c++) {
    const val = value(candidates[c]);
    if (val > bestValue) {
      bestValue = val;
      best = candidates[c];
    }
  }
  return best;
}
