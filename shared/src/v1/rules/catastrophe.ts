// The catastrophe check: misaligned capability past the danger line.
import { chance } from "../rng.js";
import { say, type RoundCtx } from "./context.js";
import { dangerLine } from "./state.js";

export const CATASTROPHE = { perStep: 0.08, cap: 0.95, rogueMisalignment: 3 } as const;

export function misalignment(cap: number, aligned: number, flaws: number): number {
  return flaws + Math.max(0, cap - aligned);
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
  for (const seat of s.seats) {
    const lab = seat.lab;
    if (!lab) continue;
    const p = catastropheChance(lab.cap, misalignment(lab.cap, lab.aligned, lab.flaws), tai, guarded);
    if (p > 0) actors.push({ name: seat.name, p, rogue: false, seat: seat.id });
  }
  if (!guarded) {
    const p = catastropheChance(Math.floor(s.world.rogue), CATASTROPHE.rogueMisalignment, tai, false);
    if (p > 0) actors.push({ name: "Irresponsible actors", p, rogue: true });
  }
  for (const a of actors) {
    survive *= 1 - a.p;
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
      say(ctx, a.rogue ? "Catastrophe: an irresponsible actor's unaligned system escapes control." : `Catastrophe at ${a.name}: a system beyond its alignment slips out of control.`, "catastrophe");
      break;
    }
  }
  ctx.catastropheRisk = 1 - survive;
  // The round's true danger is not announced: it would reveal hidden flaws and capabilities (history keeps it for the debrief).
}
