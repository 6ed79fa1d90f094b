// Human augmentation: slow, and it carries hidden value drift.
import { OBJECTIVE_POINTS } from "../content/doctrines.js";
import { MAX } from "../content/roles.js";
import { actionsOf, say, tell, type RoundCtx } from "./context.js";
import { addPrestige } from "./state.js";

export const AUGMENT = {
  epigenetic: 0.5,
  direct: 1,
  driftPerDirect: 1,
  driftRisk: 0.25,
  legalLimit: 2,
  beyondLimit: 0.75,
  driftBeyond: 0.1,
} as const;

export function augmentationStep(ctx: RoundCtx): void {
  const w = ctx.s.world;
  for (let L = actionsOf(ctx, "augmentation"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const ceiling = w.policies.includes("augmentationLegal") ? MAX.aug : AUGMENT.legalLimit;
    if (w.aug >= ceiling) {
      tell(ctx, seat.id, "augmentation", w.aug >= MAX.aug ? "augmentationComplete" : "augmentationIllegal");
      continue;
    }
    // Past the legal limit every stage is harder: trials on people who are already augmented go half as fast.
    const step =
      (a.route === "direct" ? AUGMENT.direct : AUGMENT.epigenetic) *
      (w.aug >= AUGMENT.legalLimit ? (ctx.s.params.augBeyond ?? AUGMENT.beyondLimit) : 1);
    w.aug = Math.min(ceiling, w.aug + step);
    if (a.route === "direct") w.drift += AUGMENT.driftPerDirect;
    // (2.1) Past the legal limit even the safe route is trials on people already changed: a little hidden drift.
    else if (w.aug > AUGMENT.legalLimit) w.drift += ctx.s.params.driftBeyond ?? AUGMENT.driftBeyond;
    addPrestige(seat, 1, "reputation");
    // The route stays private: counting direct steps in public would reveal the hidden drift.
    if (!ctx.quiet) say(ctx, "augmentation", "augmentationAdvance", { name: seat.name, aug: w.aug, max: MAX.aug });
    if (a.route === "direct") tell(ctx, seat.id, "drift", "augmentationDirect");
    else tell(ctx, seat.id, "augmentation", "augmentationEpigenetic");
  }
  creditAugStages(ctx);
}

export function creditAugStages(ctx: RoundCtx): void {
  const w = ctx.s.world;
  const stages = Math.floor(w.aug);
  while (w.augStagesScored < stages) {
    w.augStagesScored++;
    for (const x of ctx.s.seats)
      if (x.doctrine === "transhumanist") addPrestige(x, OBJECTIVE_POINTS.augStage, "objectives");
  }
}

/** Chance that augmented successors' values drifted, given hidden drift. */
export function driftedChance(drift: number): number {
  return Math.min(1, AUGMENT.driftRisk * drift);
}
