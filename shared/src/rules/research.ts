// Research: capability with the breakthrough table, alignment, theory, interpretability; security and products.
import { OBJECTIVE_POINTS } from "../content/doctrines.js";
import { MAX } from "../content/roles.js";
import { chance, nextFloat } from "../rng.js";
import { actionsOf, say, tell, type RoundCtx } from "./context.js";
import { addPrestige, clamp, dangerLine, milestonesOf, STREAM, useStream } from "./state.js";
import type { Doctrine, LabState, MatchState, SeatState } from "./types.js";

export const THEORY = { careful: 0.5, fast: 1, conservativeBonus: 0.25, deepFrom: 6 } as const;

export const BREAKTHROUGH = {
  plusOne: 0.7,
  plusTwo: 0.2,
  shiftBase: 0.1,
  shiftMax: 0.45,
  flawChance: 0.3,
  flawPerMilestone: 0.1,
  flawMin: 0.05,
  shiftCutPerMilestone: 0.25,
  predictableDeception: 0.25,
} as const;

/** Products: revenue for the first PRODUCT.paying products only; each product adds risk when the lab's systems hide flaws. */
export const PRODUCT = { paying: 3, riskPerProduct: 0.25, riskMaxProducts: 4 } as const;

export interface Draw {
  gain: number;
  shift: boolean;
}

/** The breakthrough table: +1, +2, or a paradigm shift +3 (10% × volatility, less with theory). A conservative lab
 * working on published theory (milestone 1+) knows what its next step does: always +1, never a shift. */
export function breakthroughDraw(s: MatchState, milestones = 0, predictable = false): Draw {
  const u = nextFloat(s);
  if (predictable) return { gain: 1, shift: false };
  const cut = Math.max(0, 1 - BREAKTHROUGH.shiftCutPerMilestone * milestones);
  const pShift = Math.min(
    BREAKTHROUGH.shiftMax,
    BREAKTHROUGH.shiftBase * s.params.volatility * (1 + s.mods.paradigmBoost) * cut,
  );
  if (u < pShift) return { gain: 3, shift: true };
  const rest = (u - pShift) / (1 - pShift);
  return { gain: rest < BREAKTHROUGH.plusTwo / (BREAKTHROUGH.plusOne + BREAKTHROUGH.plusTwo) ? 2 : 1, shift: false };
}

/** Aligned level lost in a paradigm shift: half; a quarter of that once theory generalizes (milestone 2). */
export function shiftLoss(aligned: number, milestones: number): number {
  const half = aligned - Math.floor(aligned / 2);
  return milestones >= 2 ? Math.floor(half / 4) : half;
}

export function capabilityStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const m = milestonesOf(s.world.theory);
  let last = -1; // a seat's actions are contiguous (seat order): its stream starts at its first one
  for (let L = actionsOf(ctx, "capability"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const lab = seat.lab!;
    if (a.defy && s.world.policies.includes("moratorium")) lab.defiedMoratorium = true;
    const predictable = seat.doctrine === "conservative" && m >= 1;
    if (seat.id !== last) useStream(s, STREAM.capability, (last = seat.id));
    const d = breakthroughDraw(s, m, predictable);
    lab.cap += d.gain;
    const flawP = Math.max(BREAKTHROUGH.flawMin, BREAKTHROUGH.flawChance - BREAKTHROUGH.flawPerMilestone * m);
    if (chance(s, flawP)) lab.flaws += 1;
    // Past the danger line a system may learn to look aligned under test: a deceptive flaw.
    // A predictable step on theory milestone 2 is understood as it is built: it rarely hides a deceptive flaw.
    if (lab.cap >= dangerLine(s.params) - 1 && chance(s, deceptionChance(s.params.deception ?? 0, m, predictable)))
      lab.deceptive += 1;
    if (d.shift) {
      ctx.paradigmShifts++;
      const loss = shiftLoss(lab.aligned, m);
      lab.aligned -= loss;
      lab.flaws += 1;
      lab.alignedPublic = null;
      say(ctx, "paradigmShift", "paradigmShift");
      if (!ctx.quiet) tell(ctx, seat.id, "paradigmShift", "paradigmMine", { cap: lab.cap, loss, aligned: lab.aligned });
    } else {
      if (!ctx.quiet)
        tell(ctx, seat.id, "breakthrough", "breakthrough", { gain: d.gain, cap: lab.cap, aligned: lab.aligned });
    }
    ctx.gains.push({ lab: seat.id, amount: d.gain, published: !!a.publish });
    if (a.publish) publishCapability(ctx, seat, d.gain);
  }
}

/** Chance that a capability gain past the danger line hides a deceptive flaw; theory milestone 2 halves it. */
export function deceptionChance(base: number, milestones: number, predictable = false): number {
  if (predictable && milestones >= 2) return base * BREAKTHROUGH.predictableDeception;
  return milestones >= 2 ? base / 2 : base;
}

function publishCapability(ctx: RoundCtx, seat: SeatState, gain: number): void {
  const s = ctx.s;
  const lab = seat.lab!;
  lab.declaredCap = lab.cap;
  addPrestige(seat, 2, "publication");
  s.world.pool += gain * (s.params.labLeaks ?? 1);
  if (!ctx.quiet) say(ctx, "publication", "publishCapability", { name: seat.name, cap: lab.cap });
  for (const other of s.seats) {
    if (other.lab && other.id !== seat.id && other.lab.cap < lab.cap) {
      other.lab.cap += 1;
      if (!ctx.quiet) tell(ctx, other.id, "publication", "buildOnPublished", { name: seat.name, cap: other.lab.cap });
    }
  }
}

export function alignmentStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const m = milestonesOf(s.world.theory);
  for (let L = actionsOf(ctx, "alignment"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const lab = seat.lab!;
    const gain = 1 + (m >= 1 ? 1 : 0) + (seat.doctrine === "incrementalist" ? 1 : 0);
    const before = lab.aligned;
    lab.aligned = Math.min(lab.cap, lab.aligned + gain);
    if (lab.aligned !== before)
      lab.alignedPublic = lab.alignedPublic === null ? null : Math.min(lab.alignedPublic, lab.aligned);
    if (!ctx.quiet) tell(ctx, seat.id, "validation", "alignmentWork", { before, aligned: lab.aligned, cap: lab.cap });
    if (a.publish) {
      addPrestige(seat, 1, "publication");
      if (!ctx.quiet) say(ctx, "publication", "publishAlignment", { name: seat.name });
      for (const other of s.seats) {
        if (other.lab && other.id !== seat.id && other.lab.aligned < lab.aligned && other.lab.aligned < other.lab.cap) {
          other.lab.aligned += 1;
          if (!ctx.quiet) tell(ctx, other.id, "publication", "adoptAlignment", { name: seat.name });
        }
      }
    }
  }
}

/** Theory one action adds: careful +0.5 (+0.75 for a conservative), fast +1; half as much once world plus own
 * unpublished theory reach `THEORY.deepFrom` (past milestone 2 the open problems are the deep ones). The orders panel
 * shows the same number. */
export function theoryWork(doctrine: Doctrine, mode: "careful" | "fast" | undefined, known: number): number {
  const full =
    mode === "fast" ? THEORY.fast : THEORY.careful + (doctrine === "conservative" ? THEORY.conservativeBonus : 0);
  return known >= THEORY.deepFrom ? full / 2 : full;
}

export function theoryStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const w = s.world;
  for (let L = actionsOf(ctx, "theory"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const r = seat.researcher!;
    const gain = theoryWork(seat.doctrine, a.mode, w.theory + r.theoryPrivate);
    r.theoryPrivate += gain;
    if (a.mode === "fast") r.fastPrivate += 1;
    if (!ctx.quiet) tell(ctx, seat.id, "theory", "theoryWork", { mode: a.mode, gain, held: r.theoryPrivate });
    if (a.publish) publishTheory(ctx, seat);
  }
  for (let L = actionsOf(ctx, "publishTheory"), k = L.from; k < L.to; k++) publishTheory(ctx, L.seats[k]);
  for (let L = actionsOf(ctx, "interpretability"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    if (w.interp >= MAX.interp || w.theory < 2 * w.interp + 1) {
      if (w.interp >= MAX.interp) tell(ctx, seat.id, "interpretability", "interpretabilityMax");
      else
        tell(ctx, seat.id, "interpretability", "interpretabilityNeeds", {
          next: w.interp + 1,
          theory: 2 * w.interp + 1,
        });
      continue;
    }
    w.interp += 1;
    addPrestige(seat, 1, "reputation");
    if (!ctx.quiet) say(ctx, "interpretability", "interpretabilityAdvance", { name: seat.name, interp: w.interp });
  }
  for (let L = actionsOf(ctx, "consult"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const consults = (ctx.consults ??= new Map());
    const list = consults.get(a.target) ?? [];
    list.push(seat.id);
    consults.set(a.target, list);
    if (!ctx.quiet) tell(ctx, a.target, "consulting", "consulting", { name: seat.name });
  }
}

export function publishTheory(ctx: RoundCtx, seat: SeatState): void {
  const r = seat.researcher!;
  const w = ctx.s.world;
  if (r.theoryPrivate <= 0) return;
  const pts = r.theoryPrivate;
  const before = milestonesOf(w.theory);
  const old = w.theory;
  w.theory = clamp(w.theory + pts, 0, MAX.theory);
  // Reputation for the points that moved world theory, in whole points.
  addPrestige(seat, Math.ceil(w.theory - old), "reputation");
  if (r.fastPrivate > 0) w.pendingApplications.push({ round: ctx.s.round + 2, amount: r.fastPrivate });
  if (!ctx.quiet)
    say(ctx, "theory", "publishTheory", { name: seat.name, points: pts, theory: w.theory, fast: r.fastPrivate > 0 });
  r.theoryPrivate = 0;
  r.fastPrivate = 0;
  milestoneCheck(ctx, before);
}

/** Credits conservative seats for milestones reached before the frontier crossed the danger line. */
export function milestoneCheck(ctx: RoundCtx, before: number): void {
  const s = ctx.s;
  const now = milestonesOf(s.world.theory);
  if (now <= before) return;
  for (let k = before + 1; k <= now; k++) {
    const bit = 1 << k;
    if (s.world.milestonesScored & bit) continue;
    s.world.milestonesScored |= bit;
    if (!ctx.quiet) say(ctx, "theoryMilestone", "theoryMilestone", { k });
    if (s.world.frontier < s.params.taiThreshold - 3)
      for (const x of s.seats)
        if (x.doctrine === "conservative") addPrestige(x, OBJECTIVE_POINTS.milestoneBeforeDanger, "objectives");
  }
}

export function securityStep(ctx: RoundCtx): void {
  for (let L = actionsOf(ctx, "security"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const lab = seat.lab!;
    lab.sec = Math.min(MAX.sec, lab.sec + 1);
    if (!ctx.quiet) tell(ctx, seat.id, "security", "security", { sec: lab.sec });
  }
}

export function deployStep(ctx: RoundCtx): void {
  for (let L = actionsOf(ctx, "deploy"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const lab: LabState = seat.lab!;
    lab.prod += 1;
    lab.declaredCap = Math.max(lab.declaredCap, lab.cap);
    if (!ctx.quiet) say(ctx, "economicCriterion", "deploy", { name: seat.name, prod: lab.prod, cap: lab.cap });
    if (lab.prod > PRODUCT.paying)
      tell(ctx, seat.id, "economicCriterion", "marketSaturated", { paying: PRODUCT.paying });
  }
}
