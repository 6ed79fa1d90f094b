// Human augmentation: slow, and it carries hidden value drift.
import { OBJECTIVE_POINTS } from "../content/doctrines.js";
import { MAX } from "../content/roles.js";
import { actionsOf, say, type RoundCtx } from "./context.js";
import { addPrestige } from "./state.js";

export const AUGMENT = { epigenetic: 0.5, direct: 1, driftPerDirect: 1, driftRisk: 0.15 } as const;

export function augmentationStep(ctx: RoundCtx): void {
  const w = ctx.s.world;
  for (const [seat, a] of actionsOf(ctx, "augmentation")) {
    if (w.aug >= MAX.aug) break;
    if (w.aug >= 2 && !w.policies.includes("augmentationLegal")) continue;
    const step = a.route === "direct" ? AUGMENT.direct : AUGMENT.epigenetic;
    w.aug = Math.min(MAX.aug, w.aug + step);
    if (a.route === "direct") w.drift += AUGMENT.driftPerDirect;
    addPrestige(seat, 1, "reputation");
    say(ctx, `${seat.name} advances human augmentation to ${w.aug}/${MAX.aug} (${a.route === "direct" ? "direct route: fast, and nobody can tell what it does to values" : "epigenetic route: slow and safe"}).`, "augmentation");
  }
  creditAugStages(ctx);
}

export function creditAugStages(ctx: RoundCtx): void {
  const w = ctx.s.world;
  const stages = Math.floor(w.aug);
  while (w.augStagesScored < stages) {
    w.augStagesScored++;
    for (const x of ctx.s.seats) if (x.doctrine === "transhumanist") addPrestige(x, OBJECTIVE_POINTS.augStage, "objectives");
  }
}

/** Chance that augmented successors' values drifted, given hidden drift. */
export function driftedChance(drift: number): number {
  return Math.min(1, AUGMENT.driftRisk * drift);
}
