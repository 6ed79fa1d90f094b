// Information-set search (hard and expert bots): candidate orders generated from the legal orders, each valued by
// rollouts in worlds sampled from the seat's own view (determinize), heuristic bots playing every seat after the
// first round. Sequential halving spends a budget counted in nodes (one node = one simulated round), so a decision
// is a pure function of (view, seed, budget) and simulations replay.
import { hashSeeds, makeRng, nextInt, type RngHolder } from "../rng.js";
import { legalOrdersFromView, type LegalOrders } from "../rules/legal.js";
import { resolveRound } from "../rules/resolve.js";
import { DOCTRINES, type Action, type MatchState, type SeatOrders } from "../rules/types.js";
import { publicView, seatViewWith } from "../rules/view.js";
import type { SeatView } from "../rules/view-types.js";
import { determinize, determinizedParams } from "./determinize.js";
import { heuristicOrders } from "./heuristic.js";
import { OrderBuilder } from "./plan.js";

export interface SearchBudget {
  /** Simulated rounds in all (the budget: deterministic, unlike wall time). */
  nodes: number;
  /** Candidate orders considered, the heuristic plan first. */
  candidates: number;
  /** The heuristic plan is kept unless another candidate beats it by this many points on average… */
  margin: number;
  /** …and by this many standard errors of the paired difference (same worlds, same luck): no switch on noise. */
  z: number;
  /** Also weigh switching metastrategy this round (the rollouts then play the new doctrine's plan). */
  switches?: boolean;
}

/** Simulated rounds per millisecond on the reference machine (one busy thread of the shared 2-core box). */
export const NODES_PER_MS = 16;
/** ~150 ms a decision on the reference machine (see README: expert decision time). */
export const EXPERT: SearchBudget = { nodes: 150 * NODES_PER_MS, candidates: 16, margin: 1, z: 1, switches: true };
/** What the search counts a lost world (catastrophe or drift: every score 0) as, below 0. */
const LOSS_PENALTY = 15;
/** Rollouts each candidate should get in the first phase of sequential halving (fewer candidates when the budget is short). */
const MIN_FIRST = 6;
export const HARD: SearchBudget = { nodes: 360, candidates: 6, margin: 2, z: 2 };

export interface SearchResult {
  orders: SeatOrders;
  /** Nodes (simulated rounds) spent. */
  nodes: number;
  /** Mean rollout value of the chosen orders and of the heuristic plan. */
  value: number;
  baseValue: number;
  candidates: number;
}

const QUIET = { report: false } as const;

/** Every concrete action this seat could take now (each legal option with its variants: policies, targets, modes). */
export function concreteActions(v: SeatView, legal: LegalOrders): Action[] {
  const out: Action[] = [];
  const moratorium = v.world.policies.includes("moratorium");
  for (const o of legal.options) {
    if (!o.legal) continue;
    switch (o.kind) {
      case "capability":
        out.push(
          { kind: "capability", defy: moratorium || undefined },
          { kind: "capability", publish: true, defy: moratorium || undefined },
        );
        break;
      case "alignment":
        out.push({ kind: "alignment" }, { kind: "alignment", publish: true });
        break;
      case "theory":
        out.push(
          { kind: "theory", mode: "careful" },
          { kind: "theory", mode: "fast" },
          { kind: "theory", mode: "careful", publish: true },
        );
        break;
      case "augmentation":
        out.push({ kind: "augmentation", route: "epigenetic" }, { kind: "augmentation", route: "direct" });
        break;
      case "enact":
      case "repeal":
        for (const p of o.policies ?? []) if (p.legal) out.push({ kind: o.kind, policy: p.policy });
        break;
      case "lobby":
        out.push({ kind: "lobby" });
        for (const p of o.policies ?? []) if (p.legal) out.push({ kind: "lobby", policy: p.policy });
        break;
      case "audit":
      case "consult":
      case "advise":
        for (const t of o.targets ?? []) out.push({ kind: o.kind, target: t });
        break;
      case "grant":
        for (const t of o.targets ?? [])
          out.push({ kind: "grant", target: t, amount: 1 }, { kind: "grant", target: t, amount: 2 });
        break;
      default:
        out.push({ kind: o.kind } as Action);
    }
  }
  // Drop undefined flags so that equal orders compare equal.
  return out.map((a) => JSON.parse(JSON.stringify(a)) as Action);
}

const keyOf = (o: SeatOrders) => JSON.stringify(o.actions) + (o.switchDoctrine ?? "");

/** Candidates: the heuristic plan, then variants of it (one action swapped, one dropped), focused orders (one action
 * repeated) and random combinations of legal actions, all distinct and legal. */
export function candidateOrders(
  v: SeatView,
  base: SeatOrders,
  n: number,
  rng: RngHolder,
  switches = false,
): SeatOrders[] {
  const acts = concreteActions(v, legalOrdersFromView(v));
  const out: SeatOrders[] = [base];
  const seen = new Set([keyOf(base)]);
  const add = (o: SeatOrders) => {
    const k = keyOf(o);
    if (out.length >= n || seen.has(k)) return;
    seen.add(k);
    out.push(o);
  };
  const build = (list: (Action | null)[]) => {
    const b = new OrderBuilder(v);
    for (const a of list) b.want(a);
    return b.orders();
  };
  for (let tries = 0; acts.length > 0 && tries < n * 8 && out.length < n; tries++) {
    const pick = () => acts[nextInt(rng, acts.length)];
    const r = tries % 4;
    if (r === 0 && base.actions.length > 0) {
      const j = nextInt(rng, base.actions.length);
      add(build(base.actions.map((a, i) => (i === j ? pick() : a))));
    } else if (r === 1 && base.actions.length > 0) {
      const j = nextInt(rng, base.actions.length);
      add(build([...base.actions.filter((_, i) => i !== j), pick()]));
    } else if (r === 2) {
      const a = pick();
      add(build([a, a, a]));
    } else {
      add(build([pick(), pick(), pick()]));
    }
  }
  // Switching metastrategy (once a match; costs the round's actions): one more candidate per other doctrine, beyond n.
  if (switches && !v.me.switched && v.phase !== "ended") {
    for (const d of DOCTRINES) if (d !== v.me.doctrine) out.push({ actions: [], switchDoctrine: d });
  }
  return out;
}

/** One rollout: `first` for this seat in the first round, heuristic bots everywhere else; the seat's final score. */
function rollout(start: MatchState, seat: number, first: SeatOrders, seed: number, count: { nodes: number }): number {
  let s = start;
  let mine: SeatOrders | null = first;
  while (s.phase !== "ended") {
    const pv = publicView(s, { history: false });
    const orders = new Array<SeatOrders>(s.seats.length);
    // Each seat's plan draws from its own generator for the round (like the real bots), not one shared stream:
    // candidates that consume different numbers of draws still meet the same luck later (common random numbers).
    for (let i = 0; i < orders.length; i++) {
      orders[i] =
        i === seat && mine ? mine : heuristicOrders(seatViewWith(pv, s, i), makeRng(hashSeeds(seed, s.round, i)));
    }
    mine = null;
    s = resolveRound(s, orders, null, QUIET).state;
    count.nodes++;
  }
  // A lost world scores 0 for everyone; the search counts it below 0 (LOSS_PENALTY), so a seat does not buy its own
  // prestige with the table's risk of catastrophe.
  return (s.end?.worldValue ?? 0) > 0 && s.scores ? s.scores[seat] : -LOSS_PENALTY;
}

/** Chooses orders for the seat by sequential halving over candidates, within the node budget. */
export function searchOrders(v: SeatView, seed: number, budget: SearchBudget): SearchResult {
  const base = heuristicOrders(v, makeRng(hashSeeds(seed, v.round, v.seat, 0xb07)));
  if (v.phase === "ended") return { orders: base, nodes: 0, value: 0, baseValue: 0, candidates: 1 };
  const all = candidateOrders(
    v,
    base,
    budget.candidates,
    makeRng(hashSeeds(seed, v.round, v.seat, 0xca4d)),
    budget.switches === true,
  );
  // As many candidates as the budget can tell apart: each should get MIN_FIRST rollouts in the first halving phase
  // (long horizons early in the match leave room for fewer). The plan stays first, metastrategy switches next.
  const horizon0 = Math.max(1, v.rounds - v.round + 1);
  const rolls = Math.floor(budget.nodes / horizon0);
  let k = all.length;
  while (k > 2 && k * Math.ceil(Math.log2(k)) * MIN_FIRST > rolls) k--;
  const switchCands = all.filter((o) => o.switchDoctrine !== undefined);
  const cands =
    k >= all.length
      ? all
      : [all[0], ...switchCands, ...all.slice(1).filter((o) => o.switchDoctrine === undefined)].slice(0, k);
  const params = determinizedParams(v);
  const sum = new Float64Array(cands.length);
  const runs = new Int32Array(cands.length);
  const values: number[][] = cands.map(() => []);
  const count = { nodes: 0 };
  const horizon = Math.max(1, v.rounds - v.round + 1);
  const phases = Math.max(1, Math.ceil(Math.log2(cands.length)));
  let alive = cands.map((_, i) => i);
  // Common random numbers: the k-th rollout of every candidate meets the same sampled world and the same luck.
  const sample = (c: number) => {
    const k = runs[c];
    const world = determinize(v, hashSeeds(seed, v.round, v.seat, k, 0xd37), params);
    const x = rollout(world, v.seat, cands[c], hashSeeds(seed, v.round, v.seat, k, 0x7011), count);
    sum[c] += x;
    values[c].push(x);
    runs[c]++;
  };
  for (let phase = 0; phase < phases && count.nodes < budget.nodes; phase++) {
    const left = budget.nodes - count.nodes;
    const per = Math.max(1, Math.floor(left / (phases - phase) / alive.length / horizon));
    for (let r = 0; r < per && count.nodes < budget.nodes; r++) for (const c of alive) sample(c);
    if (alive.length <= 2) continue;
    const mean = (c: number) => (runs[c] ? sum[c] / runs[c] : -Infinity) + (c === 0 ? budget.margin : 0);
    // Keep the better half (ties keep the earlier candidate).
    alive = alive
      .slice()
      .sort((a, b) => mean(b) - mean(a) || a - b)
      .slice(0, Math.max(2, Math.ceil(alive.length / 2)));
    if (!alive.includes(0)) alive.push(0); // the heuristic plan stays in, so the final comparison is paired
  }
  // Every survivor must have as many rollouts as the others before the comparison (paired).
  const most = Math.max(...alive.map((c) => runs[c]));
  for (const c of alive) while (runs[c] < most) sample(c);
  if (runs[0] === 0) sample(0);
  const baseValue = sum[0] / runs[0];
  // Paired comparison with the heuristic plan over the same sampled worlds: switch only on a clear, likely gain.
  let best = 0;
  let bestBound = 0;
  for (const c of alive) {
    if (c === 0 || runs[c] === 0) continue;
    const n = Math.min(runs[c], runs[0]);
    let m = 0;
    for (let k = 0; k < n; k++) m += values[c][k] - values[0][k];
    m /= n;
    let sq = 0;
    for (let k = 0; k < n; k++) sq += (values[c][k] - values[0][k] - m) ** 2;
    const se = n > 1 ? Math.sqrt(sq / (n - 1) / n) : Infinity;
    const bound = m - budget.margin - budget.z * se;
    if (bound > bestBound) {
      best = c;
      bestBound = bound;
    }
  }
  return {
    orders: cands[best],
    nodes: count.nodes,
    value: sum[best] / runs[best],
    baseValue,
    candidates: cands.length,
  };
}
