// Information security: unpublished capability gains leak into the pool that rogue actors draw on.
import { chance } from "../rng.js";
import { say, tell, type RoundCtx } from "./context.js";

export const LEAK = { perSec: 0.05, standard: 0.1, min: 0.02, catchUp: 0.5, applicationWeight: 0.5 } as const;

export function leakChance(leakBase: number, sec: number, securityStandard: boolean, bonus: number): number {
  return Math.max(LEAK.min, leakBase - LEAK.perSec * sec - (securityStandard ? LEAK.standard : 0) + bonus);
}

export function leaksStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const std = s.world.policies.includes("securityStandard");
  for (const g of ctx.gains) {
    if (g.published) continue;
    const seat = s.seats[g.lab];
    const lab = seat.lab!;
    if (!chance(s, leakChance(s.params.leakBase, lab.sec, std, s.mods.leakBonus))) continue;
    s.world.pool += g.amount;
    ctx.leaks += g.amount;
    say(ctx, `Intelligence suggests a lab's capability advance has leaked to outsiders.`, "leak");
    tell(ctx, seat.id, `Your +${g.amount} capability advance leaked: people left, files walked. It is in the pool rogue actors draw on.`, "leak");
    for (const other of s.seats) {
      if (other.lab && other.id !== seat.id && other.lab.cap < lab.cap && chance(s, LEAK.catchUp)) {
        other.lab.cap += 1;
        tell(ctx, other.id, `Leaked know-how from a rival reaches your team: capability +1 (now ${other.lab.cap}).`, "leak");
      }
    }
  }
  // Theory's capability applications arrive late and at half weight: graceful degradation.
  const due = s.world.pendingApplications.filter((p) => p.round <= s.round);
  if (due.length > 0) {
    s.world.pendingApplications = s.world.pendingApplications.filter((p) => p.round > s.round);
    const amount = due.reduce((t, p) => t + p.amount, 0) * LEAK.applicationWeight;
    s.world.pool += amount;
    ctx.leaks += amount;
    say(ctx, `Engineers turn published fast theory into capability tricks: a little reaches the leak pool.`, "gracefulDegradation");
  }
}
