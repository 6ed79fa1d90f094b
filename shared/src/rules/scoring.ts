// Objectives credited each round, income, and the final scores.
import { FRONTIER_HELD_FROM, OBJECTIVE_POINTS } from "../content/doctrines.js";
import { isRules21, RULES_2_1_POINTS } from "../content/legacy.js";
import { SECURITY_FINE } from "../content/policies.js";
import { INCOME, MAX } from "../content/roles.js";
import { say, tell, type RoundCtx } from "./context.js";
import { milestoneCheck, PRODUCT } from "./research.js";
import { addPrestige, clamp, frontierOf, milestonesOf } from "./state.js";
import type { MatchState } from "./types.js";

/** Public money buys the basics; the last milestone must come from researchers. */
export const THEORY_FUND_CAP = 4;
export const THEORY_FUND_RATE = 0.5;

export const ROLE_POINTS = { marketLead: 3, marketShare: 6, perPolicy: 1, perRegime: 0 } as const;

export const MARKET_PRODUCTS = 4;

/** Prestige a seat that switched metastrategy loses at the end of the match (2.1). */
export const SWITCH_PRESTIGE = 6;

/** Investors follow the visible leader: the lab(s) with the highest declared capability get this much more income. */
export const LEADER_FUNDING = 1;

export function roundScoringStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const w = s.world;
  milestoneCheck(ctx, 0);
  const frontier = frontierOf(s);
  // (2.3) From round 2: in round 1 nobody could have advanced it yet, and a free point a match tipped the doctrine
  // shares toward butlerian seats.
  // (2.5) From round 3 (the classroom's short match: round 2): a point for round 2 still tipped the fast world's doctrine
  // shares toward butlerian seats (36.8% of won matches).
  // Older records carry their round in their params (content/legacy.ts: 2.3 and 2.4 round 2, 2.2 and older round 1).
  const from = s.params.frontierHeldFrom ?? FRONTIER_HELD_FROM;
  if (frontier <= ctx.frontierBefore && s.round >= from)
    for (const x of s.seats)
      if (x.doctrine === "butlerian") addPrestige(x, OBJECTIVE_POINTS.frontierHeld, "objectives");
  w.frontier = Math.max(w.frontier, frontier);
}

export function incomeStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const w = s.world;
  if (w.policies.includes("theoryFund") && w.theory < THEORY_FUND_CAP) {
    const before = milestonesOf(w.theory);
    w.theory = clamp(w.theory + THEORY_FUND_RATE, 0, THEORY_FUND_CAP);
    if (!ctx.quiet) say(ctx, "theory", "theoryFund", { theory: w.theory });
    milestoneCheck(ctx, before);
  }
  let topDeclared = -1;
  for (const x of s.seats) if (x.lab) topDeclared = Math.max(topDeclared, x.lab.declaredCap);
  let labCount = 0;
  for (const x of s.seats) if (x.lab) labCount++;
  for (const seat of s.seats) {
    if (seat.lab) {
      const lead = labCount > 1 && seat.lab.declaredCap === topDeclared ? LEADER_FUNDING : 0;
      const income = INCOME.labBase + Math.min(seat.lab.prod, PRODUCT.paying) + lead;
      seat.funds += income;
      if (w.policies.includes("securityStandard") && seat.lab.sec < 2) {
        const fine = Math.min(seat.funds, SECURITY_FINE);
        seat.funds -= fine;
        if (!ctx.quiet) tell(ctx, seat.id, "security", "securityFine", { fine });
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
/** A lab's end-of-match market points: its share of the market (products counted up to MARKET_PRODUCTS a lab;
 * `market` is the sum over labs) plus the market lead for the most capable lab(s). */
export function labRolePoints(prod: number, market: number, lead: boolean): number {
  const share = market > 0 ? Math.round((ROLE_POINTS.marketShare * Math.min(prod, MARKET_PRODUCTS)) / market) : 0;
  return share + (lead ? ROLE_POINTS.marketLead : 0);
}

/** A regulator's end-of-match legitimacy points. */
export function regulatorRolePoints(policies: number, regime: number): number {
  return policies * ROLE_POINTS.perPolicy + regime * ROLE_POINTS.perRegime;
}

export function finalScores(s: MatchState): number[] {
  const W = s.end?.worldValue ?? 0;
  let lead = -1;
  let market = 0;
  // Market share counts at most MARKET_PRODUCTS products a lab (a saturated market).
  for (const x of s.seats)
    if (x.lab) {
      lead = Math.max(lead, x.lab.cap);
      market += Math.min(x.lab.prod, MARKET_PRODUCTS);
    }
  for (const x of s.seats) {
    if (x.lab) {
      // Market share: the labs split a fixed pool of prestige by their products (selling more than rivals pays, selling alone saturates).
      if (market > 0) addPrestige(x, labRolePoints(x.lab.prod, market, false), "revenue");
      if (x.lab.cap === lead) addPrestige(x, ROLE_POINTS.marketLead, "marketLead");
    } else if (x.role === "regulator") {
      addPrestige(x, regulatorRolePoints(s.world.policies.length, s.world.regime), "legitimacy");
    }
    // (2.1) A seat that switched metastrategy pays for the U-turn at the end (prestige stops at 0, so not at once).
    if (x.switched)
      addPrestige(x, -(isRules21(s.rulesVersion) ? RULES_2_1_POINTS.switchPrestige : SWITCH_PRESTIGE), "switch");
  }
  return s.seats.map((x) => (W === 0 ? 0 : W + x.prestige));
}

/** Seats with the top score (none if the world was lost). */
export function winners(s: MatchState): number[] {
  if (!s.scores || (s.end?.worldValue ?? 0) === 0) return [];
  const top = Math.max(...s.scores);
  return s.scores.flatMap((v, i) => (v === top ? [i] : []));
}
