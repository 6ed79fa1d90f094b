// The exploit search (`npm run balance`): seat policies against the normal bots on common random numbers.
// For every role × doctrine one seat (the first of that role in the scenario's table, its doctrine fixed) is
// played by each arm; every other seat is a normal bot. All arms meet the same match seeds and seat setups,
// so the paired difference arm − normal is measured with far less noise than either score alone.
import { ACTIONS_BY_ROLE } from "../content/actions.js";
import { SCENARIOS } from "../content/scenarios.js";
import { botOrders } from "../bots/index.js";
import { asDoctrine, keepLegal, OrderBuilder } from "../bots/plan.js";
import { hashSeeds, makeRng, nextFloat, nextInt, type RngHolder } from "../rng.js";
import { createMatch, resolveRound } from "../rules/resolve.js";
import { winners } from "../rules/scoring.js";
import { RULES_VERSION } from "../rules/state.js";
import {
  DOCTRINES,
  POLICIES,
  ROLES,
  type Action,
  type ActionKind,
  type Doctrine,
  type Role,
  type ScenarioParams,
  type SeatOrders,
  type SeatSetup,
} from "../rules/types.js";
import { publicView, seatViewWith } from "../rules/view.js";
import type { SeatView } from "../rules/view-types.js";
import { seatsFor } from "./simulate.js";

/** A policy for the seat under test. `seed` is the match seed; `rng` is the arm's own stream for this match. */
export interface SeatPolicy {
  name: string;
  /** Bot arms (normal, hard, expert) are reference points, not exploits. */
  bot?: boolean;
  orders(v: SeatView, seed: number, rng: RngHolder): SeatOrders;
}

export interface ArmResult {
  name: string;
  score: number;
  se: number;
  winShareOfWon: number;
  catastrophe: number;
  /** Matches this arm was measured on (screened arms use fewer than confirmed ones). */
  n: number;
  /** Paired difference against the normal bot on the same n matches. */
  gain: number;
  gainSe: number;
}

export interface BalanceOptions {
  scenario: string;
  matches: number;
  seed: number;
  overrides?: Partial<ScenarioParams>;
  roles?: Role[];
  doctrines?: Doctrine[];
  /** Matches per arm in the screening pass (all arms); the best `confirm` arms are rerun on `matches`. */
  screen?: number;
  confirm?: number;
  /** Hill-climbing iterations and matches per evaluation. */
  searchIters?: number;
  searchMatches?: number;
  /** Matches for the expensive bot arms (hard, expert). */
  botMatches?: number;
  /** false: leave out the expert arm (it costs ~6,600 simulated rounds a decision). Default true. */
  expert?: boolean;
  /** Extra arms, added for every role × doctrine. */
  extraArms?: SeatPolicy[];
  /** A confirmed arm whose upper 95% bound exceeds `recheckAbove` (default 3, the target) is played on `recheck` × matches
   * more (default 3; 0: never) on seeds no other pass used, and reported on all of them: with 20 confirmed arms a role,
   * the highest bound of arms that gain nothing lies ~4 points up when a paired difference has a s.e. of ~1.1 (a
   * researcher's in fast), so one noisy bound would otherwise read as an exploit. */
  recheck?: number;
  recheckAbove?: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

/** A confirmed arm as the summary names it: `n` is the matches it was measured on (more when it was rechecked). */
export interface Exploit {
  name: string;
  gainOverNormal: number;
  se: number;
  upper95: number;
  n: number;
}

export interface BalanceResult {
  rulesVersion: string;
  scenario: string;
  matches: number;
  seed: number;
  roles: Record<
    string,
    {
      arms: (ArmResult & { doctrine: Doctrine })[];
      /** The confirmed arm with the largest mean gain over the normal bot. */
      bestExploit: Exploit;
      /** The confirmed arm with the largest upper end of the 95% interval (what the +3 target bounds). */
      maxUpper95: Exploit;
    }
  >;
  doctrines: Record<string, { winShareOfWon: number }>;
  baseline: { catastrophe: number; endings: Record<string, number>; matchesWithWinner: number };
}

// ---------- seat policies ----------

/** Concrete action variants a seat of this role may script (targets picked round-robin at play time). */
export function variantsFor(role: Role): Action[] {
  const out: Action[] = [];
  for (const kind of ACTIONS_BY_ROLE[role]) {
    switch (kind) {
      case "enact":
        for (const policy of POLICIES) out.push({ kind, policy });
        break;
      case "repeal":
        break; // repealing nothing useful; covered by the search through enact/lobby
      case "capability":
        out.push({ kind }, { kind, publish: true });
        break;
      case "alignment":
        out.push({ kind });
        break;
      case "theory":
        out.push({ kind, mode: "careful" }, { kind, mode: "fast" }, { kind, mode: "careful", publish: true });
        break;
      case "augmentation":
        out.push({ kind, route: "epigenetic" }, { kind, route: "direct" });
        break;
      case "grant":
        out.push({ kind, target: -1, amount: 1 });
        break;
      case "audit":
      case "consult":
      case "advise":
        out.push({ kind, target: -1 } as Action);
        break;
      default:
        out.push({ kind } as Action);
    }
  }
  return out;
}

export function variantName(a: Action): string {
  switch (a.kind) {
    case "enact":
      return `enact:${a.policy}`;
    case "capability":
      return a.publish ? "capability+publish" : "capability";
    case "theory":
      return `theory:${a.mode}${a.publish ? "+publish" : ""}`;
    case "augmentation":
      return `augmentation:${a.route}`;
    default:
      return a.kind;
  }
}

/** Fills in a target for targeted actions (round-robin over legal targets) and moratorium defiance. */
function concrete(v: SeatView, a: Action): Action {
  if ("target" in a && a.target === -1) {
    const role = a.kind === "audit" || a.kind === "consult" ? "lab" : a.kind === "grant" ? "researcher" : "regulator";
    const t = v.seats.filter((s) => s.role === role && s.id !== v.seat);
    if (!t.length) return a;
    return { ...a, target: t[v.round % t.length].id } as Action;
  }
  if (a.kind === "capability" && v.world.policies.includes("moratorium")) return { ...a, defy: true };
  return a;
}

/** Takes actions from a priority list, each as often as it stays legal and affordable, up to 3. */
export function scripted(name: string, list: Action[], repeat = 3): SeatPolicy {
  return {
    name,
    orders(v) {
      const b = new OrderBuilder(v);
      for (const a of list) for (let k = 0; k < repeat; k++) if (!b.want(concrete(v, a))) break;
      return b.orders();
    },
  };
}

export const NORMAL: SeatPolicy = {
  name: "normal",
  bot: true,
  orders: (v, seed) => botOrders(v, { difficulty: "normal", seed }),
};
export const HARD: SeatPolicy = {
  name: "hard",
  bot: true,
  orders: (v, seed) => botOrders(v, { difficulty: "hard", seed }),
};
export const EXPERT: SeatPolicy = {
  name: "expert",
  bot: true,
  orders: (v, seed) => botOrders(v, { difficulty: "expert", seed }),
};
const NOTHING: SeatPolicy = { name: "do-nothing", orders: () => ({ actions: [] }) };

function switchTo(d: Doctrine, round: number): SeatPolicy {
  return {
    name: `switch→${d}@r${round}`,
    orders(v, seed) {
      if (v.round === round && !v.me.switched && v.me.doctrine !== d) return { actions: [], switchDoctrine: d };
      return botOrders(v, { difficulty: "normal", seed });
    },
  };
}

/** The normal bot's plan for another doctrine, played under the seat's own (public) doctrine: a player who keeps the
 * label and its objective but not its plan. Cheaper than a switch (no lost round, no 6-point U-turn), so it finds
 * doctrines whose plan beats the seat's own whatever the objective says. */
function playsAs(d: Doctrine): SeatPolicy {
  return {
    name: `plays:${d}`,
    orders: (v, seed) => keepLegal(v, botOrders(asDoctrine(v, d), { difficulty: "normal", seed })),
  };
}

/** Hand-written rushes named in issue 9 (one track pushed to its end). */
function rushes(role: Role): SeatPolicy[] {
  const A = (a: Action) => a;
  if (role === "lab")
    return [
      scripted(
        "rush:defense",
        [A({ kind: "buildDefense" }), A({ kind: "validate" }), A({ kind: "alignment" }), A({ kind: "capability" })],
        1,
      ),
      scripted("rush:capability-then-deploy", [A({ kind: "capability" }), A({ kind: "deploy" })]),
    ];
  if (role === "regulator")
    return [
      scripted(
        "rush:regime",
        [
          A({ kind: "buildRegime" }),
          A({ kind: "enact", policy: "computeLicensing" }),
          A({ kind: "enact", policy: "exportControls" }),
          A({ kind: "enact", policy: "treaty" }),
          A({ kind: "campaign" }),
        ],
        2,
      ),
      scripted(
        "rush:moratorium",
        [A({ kind: "enact", policy: "moratorium" }), A({ kind: "campaign" }), A({ kind: "audit", target: -1 })],
        1,
      ),
    ];
  return [
    scripted(
      "rush:augmentation",
      [A({ kind: "augmentation", route: "direct" }), A({ kind: "advise", target: -1 }), A({ kind: "applyGrant" })],
      1,
    ),
    scripted(
      "rush:theory",
      [
        A({ kind: "theory", mode: "careful" }),
        A({ kind: "publishTheory" }),
        A({ kind: "interpretability" }),
        A({ kind: "applyGrant" }),
      ],
      1,
    ),
  ];
}

/** Heuristic plan topped up with one action kind (the "normal bot plus a free extra" exploit). */
function heuristicPlus(a: Action): SeatPolicy {
  return {
    name: `normal+${variantName(a)}`,
    orders(v, seed) {
      const base = botOrders(v, { difficulty: "normal", seed });
      const b = new OrderBuilder(v);
      b.want(concrete(v, a));
      for (const x of base.actions) b.want(x);
      return b.orders();
    },
  };
}

export function scriptedArms(role: Role, doctrine: Doctrine): SeatPolicy[] {
  const vars = variantsFor(role);
  const arms: SeatPolicy[] = [NOTHING];
  for (const a of vars) arms.push(scripted(`${variantName(a)}×3`, [a]));
  // Pairs of action kinds (one representative variant each; enact takes the first policy it can).
  const kinds = [...new Set(vars.map((a) => a.kind))];
  const rep = (k: ActionKind): Action[] =>
    k === "enact" ? vars.filter((a) => a.kind === "enact") : [vars.find((a) => a.kind === k)!];
  for (let i = 0; i < kinds.length; i++)
    for (let j = i + 1; j < kinds.length; j++)
      arms.push(
        scripted(
          `${kinds[i]}+${kinds[j]}`,
          [...rep(kinds[i]).slice(0, 1), ...rep(kinds[j]).slice(0, 1), ...rep(kinds[i]), ...rep(kinds[j])],
          2,
        ),
      );
  for (const d of DOCTRINES) if (d !== doctrine) arms.push(switchTo(d, 1), switchTo(d, 5), playsAs(d));
  arms.push(...rushes(role));
  for (const a of vars) if (a.kind !== "enact") arms.push(heuristicPlus(a));
  return arms;
}

// ---------- the parametrised policy and its local search ----------

/** Weights per phase (early, mid, late) × situation (frontier below / past the danger line) × variant, plus the heuristic's bonus and a repeat decay. */
export interface ParamPolicy {
  w: number[][][];
  heuristic: number[];
  decay: number;
}

function situation(v: SeatView): number {
  const top = Math.max(v.me.lab?.cap ?? 0, ...v.seats.map((s) => s.lab?.declaredCap ?? 0));
  return top >= v.dangerLine ? 1 : 0;
}

export function paramPolicy(role: Role, p: ParamPolicy, name = "searched"): SeatPolicy {
  const vars = variantsFor(role);
  const keys = vars.map(variantName);
  return {
    name,
    orders(v, seed) {
      const phase = Math.min(2, Math.floor((3 * (v.round - 1)) / Math.max(1, v.rounds)));
      const sit = situation(v);
      const heur = botOrders(v, { difficulty: "normal", seed });
      const inPlan = new Map<string, number>();
      for (const a of heur.actions) inPlan.set(variantName(a), (inPlan.get(variantName(a)) ?? 0) + 1);
      const score = keys.map((k, i) => p.w[phase][sit][i] + (inPlan.has(k) ? p.heuristic[phase] : 0));
      const b = new OrderBuilder(v);
      for (let slot = 0; slot < 6 && !b.full; slot++) {
        let best = -1;
        for (let i = 0; i < score.length; i++) if (score[i] > 0 && (best < 0 || score[i] > score[best])) best = i;
        if (best < 0) break;
        // the heuristic's own concrete action keeps its targets and options
        const own = heur.actions.find((a) => variantName(a) === keys[best]);
        const ok = b.want(own ?? concrete(v, vars[best]));
        score[best] = ok ? score[best] * p.decay : -1;
      }
      return b.orders();
    },
  };
}

export function heuristicParams(role: Role): ParamPolicy {
  const n = variantsFor(role).length;
  return { w: [0, 1, 2].map(() => [0, 1].map(() => new Array(n).fill(0))), heuristic: [1, 1, 1], decay: 0.99 };
}

function mutate(p: ParamPolicy, rng: RngHolder): ParamPolicy {
  const q: ParamPolicy = { w: p.w.map((a) => a.map((b) => b.slice())), heuristic: p.heuristic.slice(), decay: p.decay };
  const moves = 1 + nextInt(rng, 3);
  for (let m = 0; m < moves; m++) {
    const r = nextFloat(rng);
    const g = (nextFloat(rng) + nextFloat(rng) + nextFloat(rng) - 1.5) * 1.6;
    if (r < 0.1) q.heuristic[nextInt(rng, 3)] += g;
    else if (r < 0.15) q.decay = Math.min(1, Math.max(0, q.decay + g / 3));
    else {
      const ph = nextInt(rng, 3),
        st = nextInt(rng, 2),
        i = nextInt(rng, q.w[0][0].length);
      // sometimes move the same weight in every phase/situation (a whole-match habit)
      if (nextFloat(rng) < 0.4) for (const a of q.w) for (const b of a) b[i] += g;
      else q.w[ph][st][i] += g;
    }
  }
  return q;
}

// ---------- playing ----------

interface Sample {
  score: number;
  won: boolean;
  hasWinner: boolean;
  catastrophe: boolean;
}

interface Setup {
  scenario: string;
  seed: number;
  overrides?: Partial<ScenarioParams>;
  seat: number;
  doctrine: Doctrine;
}

function matchSetup(o: Setup, i: number): { seed: number; seats: SeatSetup[] } {
  const seats = seatsFor({ scenario: o.scenario, matches: 0, seed: o.seed }, i);
  seats[o.seat] = { ...seats[o.seat], doctrine: o.doctrine };
  return { seed: hashSeeds(o.seed, i), seats };
}

/** One match: the seat under test follows `policy`, every other seat is a normal bot. */
export function playArm(o: Setup, i: number, policy: SeatPolicy): Sample {
  const { seed, seats } = matchSetup(o, i);
  let s = createMatch({ scenario: o.scenario, seed, seats, overrides: o.overrides });
  const rng = makeRng(hashSeeds(seed, 0xa4a));
  while (s.phase !== "ended") {
    const pv = publicView(s, { history: false });
    const orders = s.seats.map((_, k) => {
      const v = seatViewWith(pv, s, k);
      return k === o.seat ? policy.orders(v, seed, rng) : botOrders(v, { difficulty: "normal", seed });
    });
    s = resolveRound(s, orders).state;
  }
  const w = winners(s);
  return {
    score: s.scores![o.seat],
    won: w.includes(o.seat),
    hasWinner: w.length > 0,
    catastrophe: s.end?.ending === "catastrophe",
  };
}

function runArm(o: Setup, policy: SeatPolicy, n: number, offset = 0): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) out.push(playArm(o, offset + i, policy));
  return out;
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

function summarize(name: string, xs: Sample[], ref: Sample[]): ArmResult {
  const n = xs.length;
  const mean = xs.reduce((t, x) => t + x.score, 0) / n;
  const sd = Math.sqrt(xs.reduce((t, x) => t + (x.score - mean) ** 2, 0) / Math.max(1, n - 1));
  const d = xs.map((x, i) => x.score - ref[i].score);
  const dm = d.reduce((t, x) => t + x, 0) / n;
  const dsd = Math.sqrt(d.reduce((t, x) => t + (x - dm) ** 2, 0) / Math.max(1, n - 1));
  const withWinner = xs.filter((x) => x.hasWinner).length;
  return {
    name,
    score: r4(mean),
    se: r4(sd / Math.sqrt(n)),
    n,
    winShareOfWon: r4(withWinner ? xs.filter((x) => x.won).length / withWinner : 0),
    catastrophe: r4(xs.filter((x) => x.catastrophe).length / n),
    gain: r4(dm),
    gainSe: r4(dsd / Math.sqrt(n)),
  };
}

const meanOf = (xs: Sample[]) => xs.reduce((t, x) => t + x.score, 0) / Math.max(1, xs.length);

/** Hill climbing from the heuristic's own weights toward a best response to the normal bots. */
export function searchBestResponse(
  o: Setup,
  role: Role,
  iters: number,
  n: number,
  seed: number,
): { policy: SeatPolicy; params: ParamPolicy } {
  const rng = makeRng(hashSeeds(seed, o.seat, DOCTRINES.indexOf(o.doctrine), 0x5ea));
  // The search's own matches come after the confirmation matches' seeds: no overfitting to them.
  const offset = 1_000_000;
  let best = heuristicParams(role);
  let bestVal = meanOf(runArm(o, paramPolicy(role, best), n, offset));
  for (let it = 0; it < iters; it++) {
    const cand = mutate(best, rng);
    const val = meanOf(runArm(o, paramPolicy(role, cand), n, offset));
    if (val > bestVal) {
      best = cand;
      bestVal = val;
    }
  }
  return { policy: paramPolicy(role, best, "searched"), params: best };
}

function tableSeat(scenario: string, role: Role): number {
  return SCENARIOS[scenario].table.indexOf(role);
}

export function balance(opts: BalanceOptions): BalanceResult {
  const log = opts.log ?? (() => {});
  const N = opts.matches;
  const screen = Math.min(N, opts.screen ?? Math.max(20, Math.round(N / 5)));
  const confirm = opts.confirm ?? 4;
  const botN = Math.min(N, opts.botMatches ?? 20);
  const recheck = Math.max(0, Math.round((opts.recheck ?? 3) * N));
  const recheckAbove = opts.recheckAbove ?? 3;
  const roles = opts.roles ?? ROLES.filter((r) => tableSeat(opts.scenario, r) >= 0);
  const doctrines = opts.doctrines ?? [...DOCTRINES];
  const out: BalanceResult = {
    rulesVersion: RULES_VERSION,
    scenario: opts.scenario,
    matches: N,
    seed: opts.seed,
    roles: {},
    doctrines: {},
    baseline: { catastrophe: 0, endings: {}, matchesWithWinner: 0 },
  };
  for (const role of roles) {
    const seat = tableSeat(opts.scenario, role);
    const arms: (ArmResult & { doctrine: Doctrine })[] = [];
    let best: Exploit = { name: "none", gainOverNormal: 0, se: 0, upper95: 0, n: 0 };
    let maxUpper = best;
    for (const doctrine of doctrines) {
      const o: Setup = { scenario: opts.scenario, seed: opts.seed, overrides: opts.overrides, seat, doctrine };
      const normalFull = runArm(o, NORMAL, N);
      // The screen plays its own matches (after the N confirmation matches): the arms it picks are then measured on
      // matches they were not picked on, so the best exploit's gain is not inflated by the pick (winner's curse).
      const normalScreen = runArm(o, NORMAL, screen, N);
      arms.push({ ...summarize("normal", normalFull, normalFull), doctrine });
      for (const bot of [HARD, ...(opts.expert === false ? [] : [EXPERT]), ...(opts.extraArms ?? [])]) {
        if (botN <= 0) continue;
        arms.push({ ...summarize(bot.name, runArm(o, bot, botN), normalFull.slice(0, botN)), doctrine });
      }
      const screened: { policy: SeatPolicy; r: ArmResult; key: string }[] = [];
      for (const p of scriptedArms(role, doctrine)) {
        const xs = runArm(o, p, screen, N);
        screened.push({ policy: p, r: summarize(p.name, xs, normalScreen), key: xs.map((x) => x.score).join(",") });
      }
      const iters = opts.searchIters ?? 30;
      const searched =
        iters > 0
          ? searchBestResponse(o, role, iters, opts.searchMatches ?? Math.max(20, Math.min(80, screen)), opts.seed)
              .policy
          : null;
      screened.sort((a, b) => b.r.gain - a.r.gain);
      // Arms that played exactly alike in the screen (e.g. deploy×3 and deploy+security when only one deploy is legal) are confirmed once.
      const top = new Set<SeatPolicy>();
      const seen = new Set<string>();
      for (const x of screened) {
        if (top.size >= confirm) break;
        if (seen.has(x.key)) continue;
        seen.add(x.key);
        top.add(x.policy);
      }
      if (searched) top.add(searched);
      const confirmed = new Map<SeatPolicy, ArmResult>();
      // Recheck seeds come after the screen's (the search plays far beyond both).
      let normalMore: Sample[] | null = null;
      for (const p of top) {
        const xs = runArm(o, p, N);
        let r = summarize(p.name, xs, normalFull);
        if (recheck > 0 && r.gain + 1.96 * r.gainSe > recheckAbove) {
          normalMore ??= runArm(o, NORMAL, recheck, N + screen);
          r = summarize(p.name, [...xs, ...runArm(o, p, recheck, N + screen)], [...normalFull, ...normalMore]);
          log(`${role}/${doctrine}: ${p.name} rechecked on ${r.n} matches: ${r.gain} ± ${r.gainSe}`);
        }
        confirmed.set(p, r);
      }
      for (const x of screened) arms.push({ ...(confirmed.get(x.policy) ?? x.r), doctrine });
      if (searched) arms.push({ ...confirmed.get(searched)!, doctrine });
      for (const [p, r] of confirmed) {
        const upper = r.gain + 1.96 * r.gainSe;
        const named: Exploit = {
          name: `${p.name} @${doctrine}`,
          gainOverNormal: r.gain,
          se: r.gainSe,
          upper95: r4(upper),
          n: r.n,
        };
        if (r.gain > best.gainOverNormal || best.name === "none") best = named;
        if (upper > maxUpper.upper95 || maxUpper.name === "none") maxUpper = named;
      }
      log(
        `${role}/${doctrine}: normal ${arms.find((a) => a.doctrine === doctrine && a.name === "normal")!.score}; best exploit so far ${best.name} ${best.gainOverNormal} ± ${best.se}`,
      );
    }
    out.roles[role] = { arms, bestExploit: best, maxUpper95: maxUpper };
  }
  // Doctrine win shares and endings of the uniform normal-bot table (random doctrines, same seeds).
  const acc = Object.fromEntries(DOCTRINES.map((d) => [d, 0])) as Record<Doctrine, number>;
  let withWinner = 0;
  let cat = 0;
  const endings: Record<string, number> = {};
  for (let i = 0; i < N; i++) {
    const seats = seatsFor({ scenario: opts.scenario, matches: 0, seed: opts.seed }, i);
    const seed = hashSeeds(opts.seed, i);
    let s = createMatch({ scenario: opts.scenario, seed, seats, overrides: opts.overrides });
    while (s.phase !== "ended") {
      const pv = publicView(s, { history: false });
      s = resolveRound(
        s,
        s.seats.map((_, k) => botOrders(seatViewWith(pv, s, k), { difficulty: "normal", seed })),
      ).state;
    }
    endings[s.end!.ending] = (endings[s.end!.ending] ?? 0) + 1;
    if (s.end!.ending === "catastrophe") cat++;
    const w = winners(s);
    if (w.length) withWinner++;
    for (const d of new Set(w.map((k) => s.seats[k].doctrine))) acc[d]++;
  }
  for (const d of DOCTRINES) out.doctrines[d] = { winShareOfWon: r4(withWinner ? acc[d] / withWinner : 0) };
  out.baseline = { catastrophe: r4(cat / N), endings, matchesWithWinner: withWinner };
  return out;
}
