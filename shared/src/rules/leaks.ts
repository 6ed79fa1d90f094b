// Information security: capability leaks into the pool that rogue actors draw on. A gain is exposed the round it
// is made, and capability that stays unaligned stays exposed every round after (people, weights and know-how
// that nobody has made safe yet keep walking out).
import { chance } from "../rng.js";
import { say, tell, type RoundCtx } from "./context.js";
import { STREAM, useStream } from "./state.js";

export const LEAK = {
  perSec: 0.05,
  standard: 0.1,
  min: 0.02,
  catchUp: 0.5,
  applicationWeight: 0.5,
  unalignedShare: 0.5,
} as const;

export function leakChance(leakBase: number, sec: number, securityStandard: boolean, bonus: number): number {
  return Math.max(LEAK.min, leakBase - LEAK.perSec * sec - (securityStandard ? LEAK.standard : 0) + bonus);
}

/** What a lab has exposed this round: its unpublished new gains, plus half of any older unaligned capability
 * (capability built during the match; the systems everyone started with are old news). */
export function exposure(newGains: number, cap: number, aligned: number, startCap = 0, publishedGains = 0): number {
  const olderGap = Math.max(0, Math.min(cap - aligned, cap - startCap) - newGains - publishedGains);
  return newGains + LEAK.unalignedShare * olderGap;
}

/** Scratch for leaksStep (a match has at most 8 seats; resolution is synchronous). */
const FRESH = new Float64Array(8);
const AMOUNT = new Float64Array(8);

export function leaksStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const std = s.world.policies.includes("securityStandard");
  const knob = s.params.labLeaks ?? 1;
  // Exposure is measured for every lab before any roll: know-how picked up from a leak this round is not re-exposed at once.
  // (Into two scratch arrays indexed by seat, not an object per seat: this runs every round of every rollout.)
  const n = s.seats.length;
  const freshOf = n <= FRESH.length ? FRESH : new Float64Array(n);
  const amountOf = n <= AMOUNT.length ? AMOUNT : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const seat = s.seats[i];
    const lab = seat.lab;
    freshOf[i] = 0;
    amountOf[i] = 0;
    if (!lab) continue;
    let fresh = 0;
    let published = 0;
    for (const g of ctx.gains) if (g.lab === seat.id) g.published ? (published += g.amount) : (fresh += g.amount);
    freshOf[i] = fresh;
    amountOf[i] = exposure(fresh, lab.cap, lab.aligned, s.params.startCap, published);
  }
  for (const seat of s.seats) {
    const lab = seat.lab;
    if (!lab) continue;
    const fresh = freshOf[seat.id];
    const amount = amountOf[seat.id];
    if (amount <= 0 || knob <= 0) continue;
    useStream(s, STREAM.leaks, seat.id);
    if (!chance(s, leakChance(s.params.leakBase, lab.sec, std, s.mods.leakBonus))) continue;
    const leaked = amount * knob;
    s.world.pool += leaked;
    ctx.leaks += leaked;
    say(ctx, "leak", "leakRumour");
    if (!ctx.quiet) tell(ctx, seat.id, "leak", fresh > 0 ? "leakFresh" : "leakHeld", { amount: leaked });
    for (const other of s.seats) {
      if (other.lab && other.id !== seat.id && other.lab.cap < lab.cap && chance(s, LEAK.catchUp)) {
        other.lab.cap += 1;
        if (!ctx.quiet) tell(ctx, other.id, "leak", "leakCatchUp", { cap: other.lab.cap });
      }
    }
  }
  // Theory's capability applications arrive late and at half weight: graceful degradation.
  // Most rounds have no pending applications: no filtered copies then.
  const due =
    s.world.pendingApplications.length > 0 ? s.world.pendingApplications.filter((p) => p.round <= s.round) : [];
  if (due.length > 0) {
    s.world.pendingApplications = s.world.pendingApplications.filter((p) => p.round > s.round);
    const amount = due.reduce((t, p) => t + p.amount, 0) * LEAK.applicationWeight;
    s.world.pool += amount;
    ctx.leaks += amount;
    say(ctx, "gracefulDegradation", "theoryApplications");
  }
}
