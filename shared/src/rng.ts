// Seeded generator (mulberry32). Its whole state is one 32-bit number kept in the match state.

export interface RngHolder {
  rng: number;
}

export function seedState(seed: number): number {
  // Mix the seed so that nearby seeds give unrelated streams.
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform in [0, 1); advances the holder's state. */
export function nextFloat(h: RngHolder): number {
  h.rng = (h.rng + 0x6d2b79f5) >>> 0;
  let t = h.rng;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function chance(h: RngHolder, p: number): boolean {
  return nextFloat(h) < p;
}

export function nextInt(h: RngHolder, n: number): number {
  return Math.floor(nextFloat(h) * n);
}

/** A small stand-alone generator (bots, simulator) that never touches a match's state. */
export function makeRng(seed: number): RngHolder {
  return { rng: seedState(seed) };
}

/** One step of hashSeeds: mixes one part into the running hash. */
function mixPart(h: number, p: number): number {
  h = Math.imul(h ^ (p >>> 0), 16777619) >>> 0;
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

const HASH_START = 2166136261 >>> 0;

export function hashSeeds(...parts: number[]): number {
  let h = HASH_START;
  // An indexed loop, not for-of: this runs for every bot decision and every keyed stream.
  for (let i = 0; i < parts.length; i++) h = mixPart(h, parts[i]);
  return h >>> 0;
}

/** hashSeeds(a, b, c, d) without the rest array (the same number). */
export function hashSeeds4(a: number, b: number, c: number, d: number): number {
  return mixPart(mixPart(mixPart(mixPart(HASH_START, a), b), c), d);
}

// The hash of (seed, round) is the same for every stream of a round: kept from the last call.
let prefixSeed = NaN;
let prefixRound = NaN;
let prefix = 0;

/** Keyed streams (rules 2.0): each force draws from its own stream, keyed by (match seed, round, step, seat), so
 * that a different choice by one seat (one more draw, one fewer) never shifts any other roll of the match. Two
 * matches that differ in one seat's orders share every chance they can share: common random numbers by design.
 * The same number as seedState(hashSeeds(seed, round, step, seat + 1)). */
export function streamSeed(seed: number, round: number, step: number, seat = -1): number {
  if (seed !== prefixSeed || round !== prefixRound) {
    prefix = mixPart(mixPart(HASH_START, seed), round);
    prefixSeed = seed;
    prefixRound = round;
  }
  return seedState(mixPart(mixPart(prefix, step), seat + 1));
}
