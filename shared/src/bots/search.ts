// Information-set search (hard and expert bots): candidate orders generated from the legal orders, each valued by
// rollouts in worlds sampled from the seat's own view (determinize), heuristic bots playing every seat after the
// first round. Sequential halving spends a budget counted in nodes (one node = one simulated round), so a decision
// is a pure function of (view, seed, budget) and simulations replay.
import { hashSeeds, makeRng, nextInt, type RngHolder } from "../rng.js";
import { legalOrdersFromView, type LegalOrders } from "../rules/legal.js";
import { resolveRound } from "../rules/resolve.js";
import {
  DOCTRINES,
  POLICIES,
  type Action,
  type ActionKind,
  type Doctrine,
  type MatchState,
  type Role,
  type SeatOrders,
} from "../rules/types.js";
import { publicView, seatViewWith } from "../rules/view.js";
import type { SeatView } from "../rules/view-types.js";
import { determinize, determinizedParams } from "./determinize.js";
import { heuristicOrders } from "./heuristic.js";
import { asDoctrine, keepLegal, OrderBuilder } from "./plan.js";

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
  /** Share of the budget kept for fresh rollouts of the plan and the best challenger only: the margin and z then apply
   * to worlds the challenger was not picked on (no winner's curse). 0: compare on the selection rollouts. */
  verify?: number;
  /** Weigh styles (plans kept through the rollout) besides one-round variants of the plan. Default true. */
  styles?: boolean;
  /** Also weigh, as styles, the normal plan of each other doctrine played under the seat's own label (the exploit
   * search's `plays:d` arms). Default false. */
  plays?: boolean;
  /** When set, a challenger replaces the plan only if its rollouts' expected catastrophes (the sum of each round's
   * catastrophe chance, a low-noise quantity) exceed the plan's by at most this much on the same worlds: the seat does
   * not buy its own points with the world's risk. Unset: no such test. */
  riskMargin?: number;
  /** Settings for one role only, over the rest (the levels are tuned role by role on the ladder). */
  byRole?: Partial<Record<Role, Partial<Omit<SearchBudget, "byRole">>>>;
}

/** Simulated rounds per millisecond on the reference machine (one busy thread of the shared 2-core box): 16 when the
 * engine ran ~4,000 matches a second; ~32 at p95 since it runs ~10,000 (bench --expert, rules 2.5); ~44 since a
 * sampled world costs 7 µs instead of 47 (determinize.ts labState; 2.7: 4,800 rounds: CPU p50 ~55 ms, 6,600: ~77). */
export const NODES_PER_MS = 44;
/** ~150 ms a decision on the reference machine (see README: expert decision time). */
export const EXPERT: SearchBudget = {
  // 6,600 rounds (2.7; 4,800 from 2.5, 2,400 before). The 2.7 ladder (600 matches a role, seed 1), expert − hard at
  // 4,800 → 6,600: regulator +2.3 → +3.4 ± 1.1, researcher +0.7 → +0.4 ± 1.0; lab +6.5 ± 1.0 (MODEL §16). On the 2.4
  // ladder (300 matches a role) 2,400 → 4,800 took expert − hard from lab +2.7, regulator −0.4, researcher −0.3 to
  // lab +7.2 ± 1.4, regulator +1.5 ± 1.4, researcher −1.3 ± 1.1. With measured priors (determinize.ts PRIORS; 600
  // matches a role): expert − hard lab +6.0 ± 1.1, regulator +2.4 ± 1.2, researcher +1.0 ± 1.0 (MODEL §17).
  nodes: 150 * NODES_PER_MS,
  candidates: 16,
  margin: 0.5,
  z: 1,
  verify: 0.4,
  switches: true,
  // A lab expert left alone bought its extra points with the world's risk (paired ladder, seeds 1 and 2, 300 matches
  // each: expert − hard +5.9 and +7.7, catastrophe 13% and 16% against the hard lab's 10% and 13%). With this test:
  // +3.8 and +3.6, catastrophe 10% and 14%. (Margins 0, 0.01, 0.03, 0.06 cost more points; 0.18 and 0.25 brought the
  // catastrophe back to 13%.) What is left are lab catastrophes (seed 2: 30 against the hard lab's 24; failed defenses
  // 8 and 8, rogue 4 and 7): the risk a rollout sees is that of a sampled world, whose priors (few hidden flaws) may
  // understate it (not yet measured).
  // A regulator also weighs each other doctrine's plan under its own label (the exploit search's `plays:d` arms, whose
  // best found +0.9 over the conservative regulator bot). Expert with them − without, paired: conservative +2.0 ± 0.9
  // (1,000 matches), incrementalist +2.9 ± 1.6, transhumanist −0.7 ± 1.8, butlerian +0.2 ± 0.5 (400 each). The
  // regulator's ladder with them (600 matches): hard − normal +0.5 → +2.2 ± 1.1, expert − hard +2.4 → +2.6 ± 1.2 (MODEL §18).
  byRole: { lab: { riskMargin: 0.12 }, regulator: { plays: true } },
};
/** What the search counts a lost world (catastrophe or drift: every score 0) as, below 0. */
const LOSS_PENALTY = 15;
/** Weight of the catastrophe control variate in a rollout's value: about what a surviving world is worth to a seat
 * plus the loss penalty (any fixed weight leaves the estimate unbiased; near this one it removes most variance). */
const CONTROL = LOSS_PENALTY + 60;
/** Most candidates a decision weighs (short horizons at the end of a match leave room for many). */
const MAX_CANDIDATES = 32;
/** Rollouts each candidate should get in the first phase of sequential halving (fewer candidates when the budget is short). */
const MIN_FIRST = 6;
/** Hard: half the expert's budget (~40 ms a decision), no metastrategy switches. */
export const HARD: SearchBudget = {
  nodes: 1200,
  candidates: 6,
  margin: 0.5,
  z: 1,
  verify: 0.4,
  // As the expert (with them − without, the conservative regulator, 1,000 paired matches: +2.0 ± 0.8).
  byRole: { regulator: { plays: true } },
};

export interface SearchResult {
  orders: SeatOrders;
  /** Nodes (simulated rounds) spent. */
  nodes: number;
  /** Mean rollout value of the chosen orders and of the heuristic plan. */
  value: number;
  baseValue: number;
  candidates: number;
  /** The style the chosen candidate was valued with (null: the plain heuristic after this round). */
  style?: Style | null;
  /** Expected catastrophes of the chosen orders minus the plan's, paired on the rollouts that decided (0: plan kept). */
  riskDiff?: number;
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

/** A way to play the seat for the rest of the match: the heuristic plan with one action put first every round (`first`)
 * or one action kind left out (`drop`). A candidate played with a style keeps it through its rollouts, so the search
 * values delayed effects (security that prevents leaks rounds later, a step not taken) and not one round's orders
 * followed by the plain heuristic. */
export interface Style {
  first?: Action;
  drop?: ActionKind;
  /** Another doctrine's plan, under the seat's own label and objective. */
  plays?: Doctrine;
}

/** The concrete action a style's template stands for in this view (a policy not in force, a target of the right role). */
function styleAction(v: SeatView, a: Action): Action | null {
  switch (a.kind) {
    case "enact":
      return v.world.policies.includes(a.policy) ? null : a;
    case "audit":
    case "consult":
    case "advise":
    case "grant": {
      const role = a.kind === "grant" ? "researcher" : a.kind === "advise" ? "regulator" : "lab";
      for (const x of v.seats) if (x.role === role && x.id !== v.seat) return { ...a, target: x.id } as Action;
      return null;
    }
    case "capability":
      return v.world.policies.includes("moratorium") ? { ...a, defy: true } : a;
    default:
      return a;
  }
}

/** The seat's orders under a style: the heuristic plan, reordered or thinned, or another doctrine's plan (`plays`). */
export function styledOrders(v: SeatView, rng: RngHolder, style: Style | null): SeatOrders {
  if (style?.plays && v.phase !== "ended") return keepLegal(v, heuristicOrders(asDoctrine(v, style.plays), rng));
  const base = heuristicOrders(v, rng);
  if (!style || v.phase === "ended") return base;
  const b = new OrderBuilder(v);
  if (style.first) b.want(styleAction(v, style.first));
  for (const a of base.actions) if (a.kind !== style.drop) b.want(a);
  return b.orders();
}

/** Style templates for a role: each action variant first, and each action kind of the plan left out. */
function stylesFor(v: SeatView, base: SeatOrders): Style[] {
  const out: Style[] = [];
  const t = (a: Action) => out.push({ first: a });
  switch (v.me.role) {
    case "lab":
      for (const k of [
        "security",
        "validate",
        "minimalRiskTest",
        "alignment",
        "deploy",
        "lobby",
        "buildDefense",
      ] as const)
        t({ kind: k } as Action);
      t({ kind: "capability" });
      t({ kind: "capability", publish: true });
      break;
    case "regulator":
      for (const k of ["enforce", "campaign", "buildRegime"] as const) t({ kind: k } as Action);
      for (const p of POLICIES) t({ kind: "enact", policy: p });
      t({ kind: "audit", target: -1 });
      t({ kind: "grant", target: -1, amount: 2 });
      break;
    default:
      t({ kind: "theory", mode: "careful", publish: true });
      t({ kind: "theory", mode: "fast", publish: true });
      for (const k of ["interpretability", "publishTheory", "applyGrant"] as const) t({ kind: k } as Action);
      t({ kind: "augmentation", route: "epigenetic" });
      t({ kind: "augmentation", route: "direct" });
      t({ kind: "advise", target: -1 });
      t({ kind: "consult", target: -1 });
  }
  for (const k of new Set(base.actions.map((a) => a.kind))) out.push({ drop: k });
  return out;
}

/** A candidate: this round's orders and the style the seat keeps in the rollout (none: the plain heuristic). */
interface Candidate {
  orders: SeatOrders;
  style: Style | null;
}

/** Candidates: the heuristic plan; styles (played through the rollout) whose orders this round differ from the plan;
 * then one-round variants of the plan and random legal combinations; metastrategy switches (expert) beyond n. */
export function candidateStyles(
  v: SeatView,
  base: SeatOrders,
  n: number,
  rng: RngHolder,
  switches = false,
  withStyles = true,
  plays = false,
): Candidate[] {
  const out: Candidate[] = [{ orders: base, style: null }];
  const seen = new Set([keyOf(base)]);
  const styles: Style[] = plays ? DOCTRINES.filter((d) => d !== v.me.doctrine).map((d) => ({ plays: d })) : [];
  if (withStyles) styles.push(...stylesFor(v, base));
  // Shuffle (seeded) so that a short budget does not always favour the same templates.
  for (let i = styles.length - 1; i > 0; i--) {
    const j = nextInt(rng, i + 1);
    [styles[i], styles[j]] = [styles[j], styles[i]];
  }
  const planRng = hashSeeds(nextInt(rng, 2 ** 31), 0x57e);
  for (const st of styles) {
    if (out.length >= n) break;
    const o = styledOrders(v, makeRng(planRng), st);
    const k = keyOf(o);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ orders: o, style: st });
  }
  for (const o of candidateOrders(v, base, n, rng, switches).slice(1)) {
    const k = keyOf(o);
    if (seen.has(k)) continue;
    if (out.length >= n && o.switchDoctrine === undefined) continue;
    seen.add(k);
    out.push({ orders: o, style: null });
  }
  return out;
}

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
function rollout(
  start: MatchState,
  seat: number,
  first: SeatOrders,
  style: Style | null,
  seed: number,
  count: { nodes: number; risk: number },
): number {
  let s = start;
  let mine: SeatOrders | null = first;
  // Catastrophes of the risk step minus their chances, round by round: mean 0 whatever the play (a martingale).
  let martingale = 0;
  let risk = 0;
  while (s.phase !== "ended") {
    const pv = publicView(s, { history: false });
    const orders = new Array<SeatOrders>(s.seats.length);
    // Each seat's plan draws from its own generator for the round (like the real bots), not one shared stream:
    // candidates that consume different numbers of draws still meet the same luck later (common random numbers).
    for (let i = 0; i < orders.length; i++) {
      orders[i] =
        i === seat && mine
          ? mine
          : i === seat && style
            ? styledOrders(seatViewWith(pv, s, i), makeRng(hashSeeds(seed, s.round, i)), style)
            : heuristicOrders(seatViewWith(pv, s, i), makeRng(hashSeeds(seed, s.round, i)));
    }
    mine = null;
    s = resolveRound(s, orders, null, QUIET).state;
    count.nodes++;
    const p = s.history[s.history.length - 1].catastropheRisk;
    martingale -= p;
    risk += p;
  }
  count.risk = risk;
  const end = s.end;
  if (end?.ending === "catastrophe" && (end.by === "lab" || end.by === "rogue")) martingale++;
  // A lost world scores 0 for everyone; the search counts it below 0 (LOSS_PENALTY), so a seat does not buy its own
  // prestige with the table's risk of catastrophe.
  // Control variate: adding CONTROL × martingale leaves the mean unchanged but replaces most of the all-or-nothing
  // catastrophe roll by its chance (a lost world that was 5% likely costs about 5% of a won one), so candidates are
  // told apart by the risks they take, not by which of them the dice happened to punish.
  const raw = (s.end?.worldValue ?? 0) > 0 && s.scores ? s.scores[seat] : -LOSS_PENALTY;
  return raw + CONTROL * martingale;
}

/** Chooses orders for the seat by sequential halving over candidates, within the node budget. */
export function searchOrders(v: SeatView, seed: number, budget: SearchBudget): SearchResult {
  const own = budget.byRole?.[v.me.role];
  if (own) budget = { ...budget, ...own };
  const base = heuristicOrders(v, makeRng(hashSeeds(seed, v.round, v.seat, 0xb07)));
  if (v.phase === "ended") return { orders: base, nodes: 0, value: 0, baseValue: 0, candidates: 1 };
  // As many candidates as the budget can tell apart: each should get MIN_FIRST rollouts in the first halving phase
  // (long horizons early in the match leave room for fewer; the last rounds are cheap to roll out and weigh more
  // candidates, up to MAX_CANDIDATES). The plan stays first, metastrategy switches next.
  const horizon0 = Math.max(1, v.rounds - v.round + 1);
  const rolls = Math.floor(budget.nodes / horizon0);
  const wide = Math.min(MAX_CANDIDATES, Math.floor(rolls / (MIN_FIRST * 4)));
  const all = candidateStyles(
    v,
    base,
    Math.max(budget.candidates, wide),
    makeRng(hashSeeds(seed, v.round, v.seat, 0xca4d)),
    budget.switches === true,
    // A researcher's styles misled the search (2.1 ladder: hard −3.3 ± 2.3 with them, +0.0 ± 1.7 without): its
    // actions pay off only when kept up for many rounds, and the bot, which decides afresh each round, does not keep them.
    budget.styles ?? v.me.role !== "researcher",
    budget.plays === true,
  );
  let k = all.length;
  while (k > 2 && k * Math.ceil(Math.log2(k)) * MIN_FIRST > rolls) k--;
  const switchCands = all.filter((o) => o.orders.switchDoctrine !== undefined);
  const cands =
    k >= all.length
      ? all
      : [all[0], ...switchCands, ...all.slice(1).filter((o) => o.orders.switchDoctrine === undefined)].slice(0, k);
  const params = determinizedParams(v);
  const sum = new Float64Array(cands.length);
  const runs = new Int32Array(cands.length);
  const values: number[][] = cands.map(() => []);
  const risks: number[][] = cands.map(() => []);
  const riskMargin = budget.riskMargin;
  const count = { nodes: 0, risk: 0 };
  const horizon = Math.max(1, v.rounds - v.round + 1);
  const phases = Math.max(1, Math.ceil(Math.log2(cands.length)));
  let alive = cands.map((_, i) => i);
  // Common random numbers: the k-th rollout of every candidate meets the same sampled world and the same luck.
  const sample = (c: number) => {
    const k = runs[c];
    const world = determinize(v, hashSeeds(seed, v.round, v.seat, k, 0xd37), params);
    const x = rollout(
      world,
      v.seat,
      cands[c].orders,
      cands[c].style,
      hashSeeds(seed, v.round, v.seat, k, 0x7011),
      count,
    );
    sum[c] += x;
    values[c].push(x);
    risks[c].push(count.risk);
    runs[c]++;
  };
  const verify = Math.min(0.9, Math.max(0, budget.verify ?? 0));
  const selection = Math.round(budget.nodes * (1 - verify));
  for (let phase = 0; phase < phases && count.nodes < selection; phase++) {
    const left = selection - count.nodes;
    const per = Math.max(1, Math.floor(left / (phases - phase) / alive.length / horizon));
    for (let r = 0; r < per && count.nodes < selection; r++) for (const c of alive) sample(c);
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
  const paired = (c: number, from: number) => {
    const n = Math.min(runs[c], runs[0]) - from;
    let m = 0;
    for (let k = from; k < from + n; k++) m += values[c][k] - values[0][k];
    m /= Math.max(1, n);
    let sq = 0;
    for (let k = from; k < from + n; k++) sq += (values[c][k] - values[0][k] - m) ** 2;
    const se = n > 1 ? Math.sqrt(sq / (n - 1) / n) : Infinity;
    let dr = 0;
    for (let k = from; k < from + n; k++) dr += risks[c][k] - risks[0][k];
    dr /= Math.max(1, n);
    const safe = riskMargin === undefined || dr <= riskMargin;
    return { m, dr, safe, bound: safe ? m - budget.margin - budget.z * se : -Infinity };
  };
  let best = 0;
  let riskDiff = 0;
  if (verify > 0) {
    // The best challenger on the selection rollouts meets the plan again on fresh worlds; only those decide.
    let challenger = 0;
    let top = 0;
    for (const c of alive) {
      if (c === 0 || runs[c] === 0) continue;
      const { m, safe } = paired(c, 0);
      if (safe && m > top) {
        challenger = c;
        top = m;
      }
    }
    if (challenger !== 0) {
      const from = runs[0];
      while (count.nodes < budget.nodes) {
        sample(0);
        sample(challenger);
      }
      const p = paired(challenger, from);
      if (runs[0] - from > 1 && p.bound > 0) {
        best = challenger;
        riskDiff = p.dr;
      }
    }
  } else {
    let bestBound = 0;
    for (const c of alive) {
      if (c === 0 || runs[c] === 0) continue;
      const p = paired(c, 0);
      if (p.bound > bestBound) {
        best = c;
        bestBound = p.bound;
        riskDiff = p.dr;
      }
    }
  }
  return {
    orders: cands[best].orders,
    style: cands[best].style,
    nodes: count.nodes,
    value: sum[best] / runs[best],
    baseValue,
    candidates: cands.length,
    riskDiff,
  };
}
