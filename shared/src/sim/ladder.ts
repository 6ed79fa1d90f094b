// The paired ladder: for each role, the same seeded matches played with one seat of that role at each level
// (the other seats normal), so level differences are measured on common random numbers.
// npm run sim -- --ladder --matches 1000 [--scenario baseline] [--budget-nodes N: the expert's budget]
import { botOrders } from "../bots/index.js";
import { hashSeeds } from "../rng.js";
import { createMatch, resolveRound } from "../rules/resolve.js";
import { DIFFICULTIES, ROLES, type Difficulty, type Role } from "../rules/types.js";
import { publicView, seatViewWith } from "../rules/view.js";
import { seatsFor, type SimOptions } from "./simulate.js";

export interface LadderCell {
  level: Difficulty;
  meanScore: number;
  /** Mean paired difference to the level below (null for the first level), and its standard error. */
  diff: number | null;
  se: number | null;
  catastropheRate: number;
}

export interface LadderResult {
  scenario: string;
  matches: number;
  seed: number;
  roles: Record<Role, LadderCell[]>;
  /** Wall time of the expert's decisions (noisy: the machine is shared). */
  expertDecisionMs: { p50: number; p95: number; decisions: number } | null;
  /** The same for the hard bot. */
  hardDecisionMs: { p50: number; p95: number; decisions: number } | null;
}

const QUIET = { report: false } as const;
const r2 = (x: number) => Math.round(x * 100) / 100;

function playFocal(
  opts: SimOptions,
  i: number,
  focal: number,
  level: Difficulty,
  times: Record<"hard" | "expert", number[]>,
): { score: number; catastrophe: boolean } {
  const seed = hashSeeds(opts.seed, i);
  let s = createMatch({ scenario: opts.scenario, seed, seats: seatsFor(opts, i), overrides: opts.overrides });
  while (s.phase !== "ended") {
    const pv = publicView(s, { history: false });
    const orders = s.seats.map((_, k) => {
      const v = seatViewWith(pv, s, k);
      if (k !== focal) return botOrders(v, { difficulty: "normal", seed });
      const timed = level === "expert" || level === "hard";
      const t = timed ? performance.now() : 0;
      const o = botOrders(v, { difficulty: level, seed, budget: level === "expert" ? opts.budget : undefined });
      if (timed) times[level].push(performance.now() - t);
      return o;
    });
    s = resolveRound(s, orders, null, QUIET).state;
  }
  return { score: s.scores![focal], catastrophe: s.end?.ending === "catastrophe" };
}

export function ladder(
  opts: SimOptions,
  levels: readonly Difficulty[] = DIFFICULTIES,
  progress?: (msg: string) => void,
  only: readonly Role[] = ROLES,
): LadderResult {
  const times: Record<"hard" | "expert", number[]> = { hard: [], expert: [] };
  const roles = {} as Record<Role, LadderCell[]>;
  for (const role of only) {
    const scores = levels.map(() => new Float64Array(opts.matches));
    const cats = levels.map(() => 0);
    let played = 0;
    for (let i = 0; i < opts.matches; i++) {
      const focal = seatsFor(opts, i).findIndex((x) => x.role === role);
      if (focal < 0) continue;
      levels.forEach((level, l) => {
        const r = playFocal(opts, i, focal, level, times);
        scores[l][played] = r.score;
        if (r.catastrophe) cats[l]++;
      });
      played++;
      if (progress && played % 50 === 0) progress(`${role}: ${played}/${opts.matches}`);
    }
    roles[role] = levels.map((level, l) => {
      const mean = scores[l].subarray(0, played).reduce((a, b) => a + b, 0) / Math.max(1, played);
      let diff: number | null = null;
      let se: number | null = null;
      if (l > 0 && played > 1) {
        let m = 0;
        for (let k = 0; k < played; k++) m += scores[l][k] - scores[l - 1][k];
        m /= played;
        let v = 0;
        for (let k = 0; k < played; k++) v += (scores[l][k] - scores[l - 1][k] - m) ** 2;
        diff = r2(m);
        se = r2(Math.sqrt(v / (played - 1) / played));
      }
      return { level, meanScore: r2(mean), diff, se, catastropheRate: r2(cats[l] / Math.max(1, played)) };
    });
  }
  const quantiles = (xs: number[]) => {
    xs.sort((a, b) => a - b);
    return xs.length
      ? { p50: r2(xs[xs.length >> 1]), p95: r2(xs[Math.floor(xs.length * 0.95)]), decisions: xs.length }
      : null;
  };
  return {
    scenario: opts.scenario,
    matches: opts.matches,
    seed: opts.seed,
    roles,
    expertDecisionMs: quantiles(times.expert),
    hardDecisionMs: quantiles(times.hard),
  };
}

export function ladderTable(r: LadderResult): string {
  const lines = [
    `Paired ladder, scenario ${r.scenario}, ${r.matches} matches per role, seed ${r.seed} (one seat of the role at each level, others normal)`,
    "",
  ];
  lines.push("role        level    mean score   vs level below (± s.e.)   catastrophe");
  for (const role of ROLES) {
    for (const c of r.roles[role] ?? []) {
      const d = c.diff === null ? "" : `${c.diff >= 0 ? "+" : ""}${c.diff.toFixed(2)} ± ${c.se!.toFixed(2)}`;
      lines.push(
        `${role.padEnd(11)} ${c.level.padEnd(8)} ${c.meanScore.toFixed(2).padStart(10)}   ${d.padEnd(24)} ${(c.catastropheRate * 100).toFixed(1).padStart(9)}%`,
      );
    }
  }
  if (r.hardDecisionMs || r.expertDecisionMs) lines.push("");
  for (const [name, t] of [
    ["Hard", r.hardDecisionMs],
    ["Expert", r.expertDecisionMs],
  ] as const)
    if (t)
      lines.push(
        `${name} decision time: p50 ${t.p50} ms, p95 ${t.p95} ms over ${t.decisions} decisions (wall time, shared machine)`,
      );
  return lines.join("\n") + "\n";
}
