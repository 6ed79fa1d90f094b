// Engine benchmark: complete default matches per second (heuristic bots, one thread) and the median resolveRound time.
import { botOrders } from "../bots/index.js";
import { hashSeeds } from "../rng.js";
import { createMatch, resolveRound } from "../rules/resolve.js";
import { seatView } from "../rules/view.js";
import type { MatchState, SeatOrders } from "../rules/types.js";
import { playMatch, seatsFor } from "./simulate.js";

export interface EngineBench {
  matchesPerSecond: number;
  /** The same per second of this process's CPU time (steadier than wall time when other processes share the cores;
   * it includes the garbage collector's helper threads). */
  matchesPerCpuSecond: number;
  resolveRoundMicros: number;
  /** The same, without report text (what the simulator and search rollouts run). */
  resolveRoundQuietMicros: number;
  matches: number;
  rounds: number;
}

export function benchEngine(seconds = 3): EngineBench {
  const opts = { scenario: "baseline", matches: 0, seed: 1 };
  // Warm up the JIT.
  for (let i = 0; i < 300; i++) playMatch("baseline", hashSeeds(9, i), seatsFor(opts, i));
  let matches = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (let k = 0; k < 50; k++, matches++) playMatch("baseline", hashSeeds(1, matches), seatsFor(opts, matches));
  }
  const elapsed = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  // Median resolveRound: orders are computed first, then only the resolution is timed.
  const samples: number[] = [];
  const quiet: number[] = [];
  for (let i = 0; samples.length < 20000; i++) {
    let s: MatchState = createMatch({ scenario: "baseline", seed: hashSeeds(3, i), seats: seatsFor(opts, i) });
    while (s.phase !== "ended") {
      const orders: SeatOrders[] = s.seats.map((_, k) =>
        botOrders(seatView(s, k, { history: false }), { difficulty: "normal", seed: i }),
      );
      let t = performance.now();
      const next = resolveRound(s, orders).state;
      samples.push((performance.now() - t) * 1000);
      t = performance.now();
      resolveRound(s, orders, null, { report: false });
      quiet.push((performance.now() - t) * 1000);
      s = next;
    }
  }
  samples.sort((a, b) => a - b);
  quiet.sort((a, b) => a - b);
  return {
    matchesPerSecond: Math.round(matches / elapsed),
    matchesPerCpuSecond: Math.round(matches / cpu),
    resolveRoundMicros: Math.round(samples[samples.length >> 1] * 10) / 10,
    resolveRoundQuietMicros: Math.round(quiet[quiet.length >> 1] * 10) / 10,
    matches,
    rounds: samples.length,
  };
}

export interface ExpertBench {
  decisions: number;
  /** Wall time of one expert decision (noisy on a shared machine). */
  wallP50Ms: number;
  wallP95Ms: number;
  /** CPU time of the same decisions (this thread's process: steadier than wall time under contention). */
  cpuP50Ms: number;
  cpuP95Ms: number;
}

/** Expert decision time: every seat of the first rounds of seeded baseline matches decides at expert level. */
export function benchExpert(decisions = 60): ExpertBench {
  const opts = { scenario: "baseline", matches: 0, seed: 1 };
  const wall: number[] = [];
  const cpu: number[] = [];
  // Warm up the JIT (a server's worker is warm after its first decisions): the first 10 decisions are not counted.
  const warm = 10;
  for (let i = 0; wall.length < decisions + warm; i++) {
    let s: MatchState = createMatch({ scenario: "baseline", seed: hashSeeds(5, i), seats: seatsFor(opts, i) });
    // Decide at rounds 1, 3 and 5 (long and short horizons), the normal bots playing between.
    for (let r = 1; r <= 5 && s.phase !== "ended" && wall.length < decisions + warm; r++) {
      const views = s.seats.map((_, k) => seatView(s, k, { history: false }));
      if (r % 2 === 1) {
        const k = (i + r) % views.length;
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        botOrders(views[k], { difficulty: "expert", seed: i });
        wall.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      s = resolveRound(
        s,
        views.map((v) => botOrders(v, { difficulty: "normal", seed: i })),
        null,
        { report: false },
      ).state;
    }
  }
  wall.splice(0, warm);
  cpu.splice(0, warm);
  const q = (xs: number[], p: number) =>
    Math.round(xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] * 10) / 10;
  return {
    decisions: wall.length,
    wallP50Ms: q(wall, 0.5),
    wallP95Ms: q(wall, 0.95),
    cpuP50Ms: q(cpu, 0.5),
    cpuP95Ms: q(cpu, 0.95),
  };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  const json = process.argv.includes("--json");
  const at = process.argv.indexOf("--expert");
  if (at >= 0) {
    // `node --import tsx shared/src/sim/bench.ts --expert [N]`: expert decision time only.
    const expert = benchExpert(Number(process.argv[at + 1]) || 60);
    if (json) process.stdout.write(JSON.stringify({ expert }) + "\n");
    else
      console.log(
        `expert: ${expert.decisions} decisions, wall p50 ${expert.wallP50Ms} ms, p95 ${expert.wallP95Ms} ms; CPU p50 ${expert.cpuP50Ms} ms, p95 ${expert.cpuP95Ms} ms`,
      );
  } else {
    const engine = benchEngine();
    if (json) process.stdout.write(JSON.stringify({ engine }) + "\n");
    else
      console.log(
        `engine: ${engine.matchesPerSecond} matches/s (${engine.matchesPerCpuSecond} per CPU second; ${engine.matches} matches), median resolveRound ${engine.resolveRoundMicros} µs (${engine.resolveRoundQuietMicros} µs without report text) over ${engine.rounds} rounds`,
      );
  }
}
