// The six endings and their world value W.
import { MAX } from "../content/roles.js";
import { OBJECTIVE_POINTS } from "../content/doctrines.js";
import { chance } from "../rng.js";
import { driftedChance } from "./augmentation.js";
import { say, type RoundCtx } from "./context.js";
import { addPrestige, frontierOf } from "./state.js";
import type { Ending } from "./types.js";

export const WORLD_VALUE: Record<Ending, number> = {
  secure: 100,
  handoff: 90,
  pause: 60,
  precarious: 30,
  catastrophe: 0,
  drifted: 0,
};

export function endingsStep(ctx: RoundCtx): void {
  const s = ctx.s;
  if (s.end) return;
  const w = s.world;
  if (w.aug >= MAX.aug) {
    if (chance(s, driftedChance(w.drift))) {
      s.end = {
        ending: "drifted",
        round: s.round,
        worldValue: 0,
        by: "augmentation",
        cause: "The augmented successors' values had quietly shifted; the future they build is not one we would want.",
      };
      say(ctx, "drift", "endDrifted");
    } else {
      w.theory = 9;
      s.end = {
        ending: "handoff",
        round: s.round,
        worldValue: WORLD_VALUE.handoff,
        by: "augmentation",
        cause: "Augmented humans, still sharing our values, took over the alignment problem and solved it.",
      };
      say(ctx, "handoff", "endHandoff");
      for (const x of s.seats)
        if (x.doctrine === "transhumanist") addPrestige(x, OBJECTIVE_POINTS.handoff, "objectives");
    }
    return;
  }
  if (s.round >= s.params.rounds) {
    if (w.regime >= MAX.regime && frontierOf(s) < s.params.taiThreshold) {
      s.end = {
        ending: "pause",
        round: s.round,
        worldValue: WORLD_VALUE.pause,
        by: "regime",
        cause:
          "The monitoring regime held the frontier below transformative AI: a long pause, safe but without TAI's benefits.",
      };
      say(ctx, "pause", "endPause");
    } else {
      s.end = {
        ending: "precarious",
        round: s.round,
        worldValue: WORLD_VALUE.precarious,
        by: "time",
        cause: "Time ran out with no defense, no regime and no handoff: the world survives for now, on a knife's edge.",
      };
      say(ctx, "precarious", "endPrecarious");
    }
  }
}
