// Measuring alignment: validation, minimal-risk tests, and incidents from flawed products.
import { OBJECTIVE_POINTS } from "../content/doctrines.js";
import { isRules21, RULES_2_1_POINTS } from "../content/legacy.js";
import { chance } from "../rng.js";
import { actionsOf, say, tell, type RoundCtx } from "./context.js";
import { addPrestige, clamp, dangerLine, milestonesOf, STREAM, useStream } from "./state.js";
import type { SeatState } from "./types.js";

export const VALIDATION = {
  base: 0.2,
  perInterp: 0.1,
  perMilestone: 0.1,
  perLevelAboveDanger: 0.1,
  min: 0.05,
  consult: 0.2,
  frontierIncident: 0.2,
} as const;
export const INCIDENT = { perFlaw: 0.2, will: 2, prestige: 2 } as const;

/** Deceptive flaws pass ordinary tests: only theory milestone 2 plus interpretability 2 can see them. */
export const DECEPTION = { milestones: 2, interp: 3, base: 0.3, perInterp: 0.1, milestone3: 0.3 } as const;

/** Chance that one validation finds one deceptive flaw (0 without theory-backed interpretability). */
export function deceptiveDetection(interp: number, milestones: number, consulted: boolean): number {
  if (milestones < DECEPTION.milestones || interp < DECEPTION.interp) return 0;
  return clamp(
    DECEPTION.base +
      DECEPTION.perInterp * (interp - DECEPTION.interp) +
      (milestones >= 3 ? DECEPTION.milestone3 : 0) +
      (consulted ? 0.1 : 0),
    0,
    0.95,
  );
}

/** Chance that one validation finds one given hidden flaw. */
export function detectionChance(
  interp: number,
  milestones: number,
  consulted: boolean,
  abovePenaltyLevels = 0,
): number {
  if (milestones >= 3) return 1;
  const p =
    VALIDATION.base +
    VALIDATION.perInterp * interp +
    VALIDATION.perMilestone * milestones +
    (consulted ? VALIDATION.consult : 0);
  // Stronger systems are harder to read: each level past the danger line costs detection power.
  return clamp(p - VALIDATION.perLevelAboveDanger * abovePenaltyLevels, VALIDATION.min, 1);
}

const NO_SEATS: readonly number[] = [];

function labMilestones(ctx: RoundCtx, seat: SeatState): { m: number; consulted: boolean } {
  const s = ctx.s;
  const consultants = ctx.consults?.get(seat.id) ?? NO_SEATS;
  let theory = s.world.theory;
  for (const c of consultants)
    theory = Math.max(theory, Math.min(9, s.world.theory + (s.seats[c].researcher?.theoryPrivate ?? 0)));
  return { m: milestonesOf(theory), consulted: consultants.length > 0 };
}

function hunt(ctx: RoundCtx, seat: SeatState, p: number, pDeceptive = 0): number {
  const lab = seat.lab!;
  let found = 0;
  const n = lab.flaws;
  for (let i = 0; i < n; i++) if (chance(ctx.s, p)) found++;
  lab.flaws -= found;
  let deep = 0;
  if (pDeceptive > 0) for (let i = 0; i < lab.deceptive; i++) if (chance(ctx.s, pDeceptive)) deep++;
  lab.deceptive -= deep;
  found += deep;
  lab.aligned = Math.max(0, lab.aligned - found);
  return found;
}

export function validationStep(ctx: RoundCtx): void {
  const s = ctx.s;
  let last = -1; // a seat's actions are contiguous (seat order): its stream starts at its first one
  for (let L = actionsOf(ctx, "validate"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const lab = seat.lab!;
    if (seat.id !== last) useStream(s, STREAM.validation, (last = seat.id));
    const { m, consulted } = labMilestones(ctx, seat);
    const p = detectionChance(s.world.interp, m, consulted, Math.max(0, lab.cap - dangerLine(s.params) + 1));
    const found = hunt(ctx, seat, p, deceptiveDetection(s.world.interp, m, consulted));
    if (found > 0) {
      lab.alignedPublic = null;
      if (!ctx.quiet) tell(ctx, seat.id, "hiddenFlaw", "validationFlaws", { n: found, aligned: lab.aligned });
      if (lab.cap >= dangerLine(s.params) && chance(s, VALIDATION.frontierIncident)) {
        lab.incidents += 1;
        s.world.will = clamp(s.world.will + 1, 0, 10);
        ctx.incidents++;
        if (!ctx.quiet) say(ctx, "incident", "frontierTestIncident", { name: seat.name });
      }
    } else {
      lab.alignedPublic = lab.aligned;
      if (!ctx.quiet) say(ctx, "validation", "validationPass", { name: seat.name, aligned: lab.aligned });
      if (p >= 1) tell(ctx, seat.id, "hiddenFlaw", "validationCertain");
      else if (!ctx.quiet) tell(ctx, seat.id, "hiddenFlaw", "validationClean", { power: Math.round(p * 100) });
      if (lab.aligned >= lab.cap && lab.cap > lab.validatedLevel) creditValidated(ctx, seat, lab.cap);
    }
  }
  last = -1;
  for (let L = actionsOf(ctx, "minimalRiskTest"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    if (seat.id !== last) useStream(s, STREAM.minimalRisk, (last = seat.id));
    const { m, consulted } = labMilestones(ctx, seat);
    const full = detectionChance(s.world.interp, m, consulted, Math.max(0, seat.lab!.cap - dangerLine(s.params) + 1));
    const p = seat.doctrine === "conservative" ? full : full / 2;
    const found = hunt(ctx, seat, p);
    if (ctx.quiet) continue;
    if (found > 0) tell(ctx, seat.id, "minimalRiskTest", "minimalRiskFound", { n: found });
    else tell(ctx, seat.id, "minimalRiskTest", "minimalRiskNothing", { power: Math.round(p * 100) });
  }
}

function creditValidated(ctx: RoundCtx, seat: SeatState, level: number): void {
  const s = ctx.s;
  const lab = seat.lab!;
  // Math.max(0, ...levels) as a loop (validated levels are whole numbers, never NaN).
  // (2.2) Levels count from the starting capability: validating the systems everyone started with is no progress (in
  // 2.1 a lab's first clean pass paid its whole level at once, and the incrementalist lab outscored every other lab
  // doctrine by 8-10 points; switching to it was the best exploit of the lab seat).
  const floor = isRules21(s.rulesVersion) ? RULES_2_1_POINTS.validatedFrom : s.params.startCap;
  let worldBefore = floor;
  for (const x of s.seats) {
    const l = x.lab?.validatedLevel ?? 0;
    if (l > worldBefore) worldBefore = l;
  }
  const gained = Math.max(0, level - Math.max(lab.validatedLevel, floor));
  lab.validatedLevel = level;
  if (seat.doctrine === "incrementalist") addPrestige(seat, gained * OBJECTIVE_POINTS.validatedLevel, "objectives");
  const worldGain = Math.max(0, level - worldBefore);
  if (worldGain > 0)
    for (const x of s.seats)
      if (x.doctrine === "incrementalist" && !x.lab)
        addPrestige(x, worldGain * OBJECTIVE_POINTS.validatedLevel, "objectives");
}

/** Products with hidden flaws misbehave in public: the economic criterion is not alignment. */
export function incidentsStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const p = (INCIDENT.perFlaw + s.mods.extraIncidentChance) * (s.params.incidents ?? 1);
  for (const seat of s.seats) {
    const lab = seat.lab;
    if (!lab || lab.prod <= 0 || lab.flaws <= 0) continue;
    useStream(s, STREAM.incidents, seat.id);
    for (let i = 0; i < lab.flaws; i++) {
      if (!chance(s, p)) continue;
      lab.flaws -= 1;
      lab.incidents += 1;
      lab.alignedPublic = null;
      s.world.will = clamp(s.world.will + INCIDENT.will, 0, 10);
      addPrestige(seat, -INCIDENT.prestige, "incidents");
      ctx.incidents++;
      if (!ctx.quiet) say(ctx, "incident", "productIncident", { name: seat.name, will: INCIDENT.will });
      break;
    }
  }
}
