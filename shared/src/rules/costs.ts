// What an action costs a seat, after doctrine, policy and news modifiers.
import { POLICY_DEFS } from "../content/policies.js";
import type { ActionDef } from "../content/actions.js";
import { kindInfo } from "./kinds.js";
import type { Action, Doctrine, PolicyId, RoundMods } from "./types.js";

export interface CostContext {
  doctrine: Doctrine;
  policies: readonly PolicyId[];
  mods: RoundMods;
}

export interface Cost {
  funds: number;
  influence: number;
}

export function policyCost(doctrine: Doctrine, policy: PolicyId): number {
  const base = POLICY_DEFS[policy].cost;
  if (doctrine === "butlerian" && policy === "moratorium") return base - 1;
  if (doctrine === "transhumanist" && policy === "augmentationLegal") return base - 1;
  return base;
}

/** Policies that economic lock-in makes harder: each 3 points of lock-in add 1 to the will they need. */
export const LOCKED_IN: readonly PolicyId[] = ["computeLicensing", "moratorium", "treaty"];

export function policyWill(doctrine: Doctrine, policy: PolicyId, lockIn = 0, legalWill?: number): number {
  let base = POLICY_DEFS[policy].will;
  if (policy === "augmentationLegal" && legalWill !== undefined) base = legalWill;
  if (doctrine === "transhumanist" && policy === "augmentationLegal") base -= 1;
  if (LOCKED_IN.includes(policy)) base += Math.floor(lockIn / 3);
  return base;
}

export function actionCost(c: CostContext, action: Action): Cost {
  return actionCostInto(c, action, { funds: 0, influence: 0 });
}

/** actionCost written into `out` (no allocation: order checks and bot planning call this for every action). */
export function actionCostInto(c: CostContext, action: Action, out: Cost): Cost {
  // An unknown kind throws here as the keyed load on ACTION_DEFS did (callers check actions first).
  return kindCostInto(kindInfo(action.kind)!.def, c, action, out);
}

/** actionCostInto for an action whose kind's definition the caller has looked up already. */
export function kindCostInto(def: ActionDef, c: CostContext, action: Action, out: Cost): Cost {
  let funds = def.funds;
  let influence = def.influence;
  switch (action.kind) {
    case "capability":
      if (c.doctrine === "conservative") funds += 1;
      if (c.policies.includes("computeLicensing")) funds += 1;
      funds += c.mods.capabilityCost;
      break;
    case "validate":
      if (c.doctrine === "incrementalist") funds = 0;
      break;
    case "augmentation":
      if (c.doctrine === "transhumanist") funds -= 1;
      break;
    case "enact":
      influence = policyCost(c.doctrine, action.policy);
      break;
    case "enforce":
      if (c.doctrine === "butlerian") influence = 0;
      break;
    case "buildRegime":
      if (c.doctrine === "butlerian") influence -= 1;
      break;

    case "grant":
      funds = action.amount;
      break;
  }
  out.funds = Math.max(0, funds);
  out.influence = Math.max(0, influence);
  return out;
}
