// Engine benchmark: complete default matches per second (heuristic bots, one thread) and the median resolveRound time.
import { botOrders } from "../bots/index.js";
import { hashSeeds } from "../rng.js";
import { createMatch, resolveRound } from "../rules/resolve.js";
import { seatView } from "../rules/view.js";
import type { MatchState, SeatOrders } from "../rules/types.js";
import { playMatch, seatsFor } from "./simulate.js";

export interface EngineBench {
  matchesPerSecond: number;
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
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (let k = 0; k < 50; k++, matches++) playMatch("baseline", hashSeeds(1, matches), seatsFor(opts, matches));
  }
  const elapsed = (performance.now() - t0) / 1000;
  // Median resolveRound: orders are computed first, then only the resolution is timed.
  const samples: number[] = [];
  const quiet: number[] = [];
  for (let i = 0; samples.length < 20000; i++) {
    let s: MatchState = createMatch({ scenario: "baseline", seed: hashSeeds(3, i), seats: seatsFor(opts, i) });
    while (s.phase !== "ended") {
      const orders: SeatOrders[] = s.seats.map((_, k) => botOrders(seatView(s, k, { history: false }), { difficulty: "normal", seed: i }));
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
    resolveRoundMicros: Math.round(samples[samples.length >> 1] * 10) / 10,
    resolveRoundQuietMicros: Math.round(quiet[quiet.length >> 1] * 10) / 10,
    matches,
    rounds: samples.length,
  };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  const json = process.argv.includes("--json");
  const engine = benchEngine();
  if (json) process.stdout.write(JSON.stringify({ engine }) + "\n");
  else console.log(`engine: ${engine.matchesPerSecond} matches/s (${engine.matches} matches), median resolveRound ${engine.resolveRoundMicros} µs (${engine.resolveRoundQuietMicros} µs without report text) over ${engine.rounds} rounds`);
}
