// Objectives credited each round, income, and the final scores.
import { OBJECTIVE_POINTS } from "../content/doctrines.js";
import { SECURITY_FINE } from "../content/policies.js";
import { INCOME, MAX } from "../content/roles.js";
import { say, tell, type RoundCtx } from "./context.js";
import { milestoneCheck } from "./research.js";
import { addPrestige, clamp, frontierOf, milestonesOf } from "./state.js";
import type { MatchState } from "./types.js";

/** Public money buys the basics; the last milestone must come from researchers. */
export const THEORY_FUND_CAP = 6;
export const THEORY_FUND_RATE = 0.5;

export const ROLE_POINTS = { marketLead: 3, perProduct: 1, perPolicy: 1, perRegime: 1 } as const;

export function roundScoringStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const w = s.world;
  milestoneCheck(ctx, 0);
  const frontier = frontierOf(s);
  if (frontier <= ctx.frontierBefore)
    for (const x of s.seats) if (x.doctrine === "butlerian") addPrestige(x, OBJECTIVE_POINTS.frontierHeld, "objectives");
  w.frontier = Math.max(w.frontier, frontier);
}

export function incomeStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const w = s.world;
  if (w.policies.includes("theoryFund") && w.theory < THEORY_FUND_CAP) {
    const before = milestonesOf(w.theory);
    w.theory = clamp(w.theory + THEORY_FUND_RATE, 0, THEORY_FUND_CAP);
    say(ctx, `The theory fund pays off: world theory ${w.theory}.`, "theory");
    milestoneCheck(ctx, before);
  }
  for (const seat of s.seats) {
    if (seat.lab) {
      const income = INCOME.labBase + seat.lab.prod;
      seat.funds += income;
      if (w.policies.includes("securityStandard") && seat.lab.sec < 2) {
        const fine = Math.min(seat.funds, SECURITY_FINE);
        seat.funds -= fine;
        tell(ctx, seat.id, `The security standard fines you ${fine} (security below 2).`, "security");
      }
    } else if (seat.role === "regulator") {
      seat.funds += INCOME.regulatorFunds;
      seat.influence += INCOME.regulatorInfluenceBase + Math.floor(w.will / 2);
    } else {
      seat.funds += INCOME.researcherBase;
    }
  }
}

/** Role points at the end, then score = 0 if the world was lost, else W + prestige. */
export function finalScores(s: MatchState): number[] {
  const W = s.end?.worldValue ?? 0;
  let lead = -1;
  for (const x of s.seats) if (x.lab) lead = Math.max(lead, x.lab.cap);
  for (const x of s.seats) {
    if (x.lab) {
      addPrestige(x, x.lab.prod * ROLE_POINTS.perProduct, "revenue");
      if (x.lab.cap === lead) addPrestige(x, ROLE_POINTS.marketLead, "marketLead");
    } else if (x.role === "regulator") {
      addPrestige(x, s.world.policies.length * ROLE_POINTS.perPolicy + s.world.regime * ROLE_POINTS.perRegime, "legitimacy");
    }
  }
  return s.seats.map((x) => (W === 0 ? 0 : W + x.prestige));
}

/** Seats with the top score (none if the world was lost). */
export function winners(s: MatchState): number[] {
  if (!s.scores || (s.end?.worldValue ?? 0) === 0) return [];
  const top = Math.max(...s.scores);
  return s.scores.flatMap((v, i) => (v === top ? [i] : []));
}
