// The catastrophe check: misaligned capability past the danger line.
import { chance } from "../rng.js";
import { say, type RoundCtx } from "./context.js";
import { dangerLine, STREAM, useStream } from "./state.js";
import { PRODUCT } from "./research.js";

export const CATASTROPHE = { perStep: 0.08, cap: 0.95, rogueMisalignment: 3, raceFrom: 1 } as const;

export function misalignment(cap: number, aligned: number, flaws: number, deceptive = 0, prod = 0): number {
  const hidden = flaws + deceptive;
  // Flawed systems in many products fail in many places at once.
  const products = hidden > 0 ? PRODUCT.riskPerProduct * Math.min(prod, PRODUCT.riskMaxProducts) : 0;
  return hidden + Math.max(0, cap - aligned) + products;
}

/** Racing pressure: each rival lab at or past D − 1 adds `race` to a lab's chance (less time for care). */
export function raceFactor(race: number, rivalsPastDanger: number): number {
  return 1 + race * rivalsPastDanger;
}

/** Chance that an actor causes a catastrophe this round. */
export function catastropheChance(cap: number, m: number, tai: number, protectedWorld: boolean): number {
  if (m <= 0 || cap < tai - 3) return 0;
  if (cap >= tai && !protectedWorld) return 1;
  return Math.min(CATASTROPHE.cap, CATASTROPHE.perStep * (cap - tai + 4) * m);
}

export function catastropheStep(ctx: RoundCtx): void {
  const s = ctx.s;
  if (s.end) return;
  const tai = s.params.taiThreshold;
  const guarded = s.world.neutralized;
  let survive = 1;
  const actors: { name: string; p: number; rogue: boolean; seat?: number }[] = [];
  const danger = dangerLine(s.params);
  let past = 0;
  // Racing pressure comes from every rival within a step of the danger line (2.1: was past it).
  const near = danger - CATASTROPHE.raceFrom;
  for (const seat of s.seats) if (seat.lab && seat.lab.cap >= near) past++;
  let labSum = 0;
  for (const seat of s.seats) {
    const lab = seat.lab;
    if (!lab) continue;
    const base = catastropheChance(
      lab.cap,
      misalignment(lab.cap, lab.aligned, lab.flaws, lab.deceptive, lab.prod),
      tai,
      guarded,
    );
    const p =
      base >= 1
        ? 1
        : Math.min(
            CATASTROPHE.cap,
            base * raceFactor(s.params.race ?? 0, Math.max(0, past - (lab.cap >= near ? 1 : 0))),
          );
    if (p > 0) actors.push({ name: seat.name, p, rogue: false, seat: seat.id });
    labSum += p;
  }
  // The sum of the labs' own chances: divided by the number of labs it is each lab's mean risk this round.
  ctx.labRisk = labSum;
  if (!guarded) {
    const p = catastropheChance(Math.floor(s.world.rogue), CATASTROPHE.rogueMisalignment, tai, false);
    if (p > 0) actors.push({ name: "Irresponsible actors", p, rogue: true });
  }
  for (const a of actors) {
    survive *= 1 - a.p;
    useStream(s, STREAM.catastrophe, a.seat ?? STREAM.rogueSeat);
    if (chance(s, a.p)) {
      s.end = {
        ending: "catastrophe",
        round: s.round,
        worldValue: 0,
        by: a.rogue ? "rogue" : "lab",
        seat: a.seat,
        cause: a.rogue
          ? "Irresponsible actors, fed by leaks, built a misaligned system past the danger line."
          : `${a.name} ran a system whose capability outstripped its alignment.`,
      };
      if (a.rogue) say(ctx, "catastrophe", "catastropheRogue");
      else say(ctx, "catastrophe", "catastropheLab", { name: a.name });
      break;
    }
  }
  ctx.catastropheRisk = 1 - survive;
  // The round's true danger is not announced: it would reveal hidden flaws and capabilities (history keeps it for the debrief).
}
