// Numbers of the monitoring regime and economic lock-in, shared by legality (views) and resolution (state).
import type { MatchState } from "./types.js";
import type { PublicWorld } from "./view-types.js";

/** The regime needs will REGIME.will (more with lock-in) to grow, grows at most 1 a round worldwide, and lapses
 * by 1 in any round without enforcement or with will below what it needs. */
export const REGIME = { will: 6, lockInPer: 4 } as const;

export function regimeWill(lockIn: number, base: number = REGIME.will): number {
  return base + Math.floor(lockIn / REGIME.lockInPer);
}

/** The will the regime needs as a seat sees it: its view's lock-in over the scenario's base (legality, bots, board). */
export function regimeWillSeen(w: Pick<PublicWorld, "lockIn" | "regimeWill">): number {
  return regimeWill(w.lockIn ?? 0, w.regimeWill);
}

/** Economic lock-in: every product on the market, scaled by the scenario's lockIn knob. */
export function lockInOf(s: MatchState): number {
  let n = 0;
  for (const x of s.seats) if (x.lab) n += x.lab.prod;
  return Math.round(n * (s.params.lockIn ?? 1) * 100) / 100;
}
