// Bot entry point: heuristic for easy (with noise) and normal; information-set search for hard (small) and expert.
import { hashSeeds4, makeRng, nextFloat } from "../rng.js";
import { legalOrdersFromView } from "../rules/legal.js";
import type { Difficulty, SeatOrders } from "../rules/types.js";
import type { SeatView } from "../rules/view-types.js";
import { heuristicOrders } from "./heuristic.js";
import { OrderBuilder } from "./plan.js";
import { randomAction } from "./random.js";
import { EXPERT, HARD, searchOrders, type SearchBudget } from "./search.js";

export interface BotOptions {
  difficulty: Difficulty;
  /** Any number fixed by the match (e.g. the match seed): bots are deterministic given it. */
  seed: number;
  /** Overrides of the search budget (hard and expert). */
  budget?: Partial<SearchBudget>;
}

export const EASY_NOISE = 0.35;

export function searchBudget(difficulty: Difficulty, over?: Partial<SearchBudget>): SearchBudget {
  return { ...(difficulty === "expert" ? EXPERT : HARD), ...(over ?? {}) };
}

export function botOrders(v: SeatView, opts: BotOptions): SeatOrders {
  if (opts.difficulty === "hard" || opts.difficulty === "expert")
    return searchOrders(v, opts.seed, searchBudget(opts.difficulty, opts.budget)).orders;
  const rng = makeRng(hashSeeds4(opts.seed, v.round, v.seat, 0xb07));
  const base = heuristicOrders(v, rng);
  if (opts.difficulty !== "easy") return base;
  // Easy: each planned action is swapped for a random legal one with some chance.
  const b = new OrderBuilder(v);
  const legal = legalOrdersFromView(v);
  for (const a of base.actions) {
    if (nextFloat(rng) < EASY_NOISE) b.want(randomAction(v, legal, rng));
    else b.want(a);
  }
  return b.orders();
}
