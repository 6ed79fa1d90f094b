// Irresponsible actors: drift plus what they absorb from the pool, compounding round to round.
import { chance, nextInt } from "../rng.js";
import { isRules21 } from "../content/legacy.js";
import { actionsOf, say, type RoundCtx } from "./context.js";

export const ROGUE = {
  absorbBase: 1,
  absorbShare: 0.5,
  licensing: 0.5,
  enforcement: 0.5,
  momentumGain: 1,
  momentumDecay: 0.5,
  poolRemovedByEnforce: 1,
} as const;

export interface RogueGrowth {
  drift: number;
  absorbed: number;
  removed: number;
}

/** Pure arithmetic of one round's rogue growth. */
export function rogueGrowth(p: {
  drift: number;
  momentum: number;
  pool: number;
  enforcements: number;
  licensing: boolean;
  exportControls: boolean;
  treaty: boolean;
  absorb?: number;
}): RogueGrowth {
  const enf = p.enforcements * ROGUE.enforcement * (p.treaty ? 2 : 1);
  const drift = Math.max(0, p.drift + p.momentum - enf - (p.licensing ? ROGUE.licensing : 0));
  const wanted = p.pool > 0 ? Math.min(p.pool, ROGUE.absorbBase + p.pool * ROGUE.absorbShare) : 0;
  const factor = p.exportControls ? (p.treaty ? 0.25 : 0.5) : 1;
  const absorbed = wanted * factor * (p.absorb ?? 1);
  return { drift, absorbed, removed: wanted };
}

export function rogueStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const w = s.world;

  const enforce = actionsOf(ctx, "enforce");
  const enforcements = enforce.to - enforce.from;
  ctx.enforcements = enforcements;
  const treaty = w.policies.includes("treaty");
  if (enforcements > 0) {
    // (2.2) Raids: each enforcing regulator seizes once a round; its second enforcement only slows the drift (in 2.1
    // every enforcement seized, and two a round kept the pool empty whatever the labs leaked).
    let raids = enforcements;
    if (!isRules21(s.rulesVersion)) {
      raids = 0;
      for (let k = enforce.from; k < enforce.to; k++)
        if (k === enforce.from || enforce.seats[k] !== enforce.seats[k - 1]) raids++;
    }
    const removed = Math.min(w.pool, raids * ROGUE.poolRemovedByEnforce * (treaty ? 2 : 1));
    w.pool -= removed;
    if (!ctx.quiet) say(ctx, "enforcement", "enforcementRaids", { seized: removed > 0 });
  }
  if (w.neutralized) {
    w.rogueMomentum = 0;
    w.rogueEstimate = Math.floor(w.rogue);
    w.rogueExact = true;
    return;
  }
  const g = rogueGrowth({
    drift: s.params.rogueDrift,
    momentum: w.rogueMomentum,
    pool: w.pool,
    enforcements,
    licensing: w.policies.includes("computeLicensing"),
    exportControls: w.policies.includes("exportControls"),
    treaty,
    absorb: s.params.absorb ?? 1,
  });
  w.rogue += g.drift + g.absorbed;
  w.pool = Math.max(0, w.pool - g.removed);
  // Compounding: every round that feeds on leaks adds lasting speed, which fades only slowly.
  w.rogueMomentum =
    g.absorbed > 0 ? w.rogueMomentum + ROGUE.momentumGain : Math.max(0, w.rogueMomentum - ROGUE.momentumDecay);
  if (g.absorbed > 0) say(ctx, "rogueCompounding", "rogueCompounding");
  if (enforcements > 0) {
    w.rogueExact = true;
    w.rogueEstimate = Math.floor(w.rogue);
  } else {
    w.rogueExact = false;
    w.rogueEstimate = Math.max(0, Math.floor(w.rogue) + nextInt(s, 3) - 1);
  }
  // keep the draw count independent of whether it was exact
  if (enforcements > 0) chance(s, 0.5);
}
