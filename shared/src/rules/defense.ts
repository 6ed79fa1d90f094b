// AI defense systems: the conservative and incrementalist end goal, and the deceptive-alignment test.
import { OBJECTIVE_POINTS } from "../content/doctrines.js";
import { MAX } from "../content/roles.js";
import { chance } from "../rng.js";
import { actionsOf, say, tell, type RoundCtx } from "./context.js";
import { addPrestige, milestonesOf } from "./state.js";
import { WORLD_VALUE } from "./endings.js";

export const DEFENSE = { deceptivePerFlaw: 0.4, deceptivePerDeceptive: 0.7 } as const;

/** Chance that a finished defense was deceptively aligned, given its lab's hidden flaws and deceptive flaws. */
export function deceptiveChance(flaws: number, deceptive = 0): number {
  return 1 - Math.pow(1 - DEFENSE.deceptivePerFlaw, flaws) * Math.pow(1 - DEFENSE.deceptivePerDeceptive, deceptive);
}

export function defenseStep(ctx: RoundCtx): void {
  const s = ctx.s;
  for (let L = actionsOf(ctx, "buildDefense"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const lab = seat.lab!;
    if (lab.defense >= MAX.defense || s.end) continue;
    lab.defense += 1;
    if (lab.defense < MAX.defense) {
      if (!ctx.quiet) say(ctx, "defense", "defenseBegin", { name: seat.name, progress: lab.defense, max: MAX.defense });
      continue;
    }
    ctx.defenseDone = seat.id;
    for (const x of s.seats) {
      if (x.doctrine === "incrementalist") addPrestige(x, OBJECTIVE_POINTS.defenseBuilt, "objectives");
      if (x.doctrine === "conservative" && milestonesOf(s.world.theory) >= 2)
        addPrestige(x, OBJECTIVE_POINTS.defenseOnTheory, "objectives");
    }
    addPrestige(seat, 5, "defense");
    if (lab.flaws + lab.deceptive > 0 && chance(s, deceptiveChance(lab.flaws, lab.deceptive))) {
      s.end = {
        ending: "catastrophe",
        round: s.round,
        worldValue: 0,
        by: "defense",
        seat: seat.id,
        cause: `${seat.name}'s defense system was deceptively aligned: it passed every test it was given, then pursued its own goals.`,
      };
      if (!ctx.quiet) say(ctx, "deceptiveAlignment", "defenseDeceptive", { name: seat.name });
    } else {
      s.world.neutralized = true;
      s.end = {
        ending: "secure",
        round: s.round,
        worldValue: WORLD_VALUE.secure,
        by: "defense",
        seat: seat.id,
        cause: `${seat.name} deployed an aligned AI defense system${lab.flaws + lab.deceptive > 0 ? " (with hidden flaws that, by luck, did not matter)" : ""}.`,
      };
      if (!ctx.quiet) say(ctx, "defense", "defenseDeployed", { name: seat.name });
    }
    tell(ctx, seat.id, "defense", "defenseComplete");
  }
}
