// Costs: base action costs, doctrine, policy and news modifiers, policy costs and thresholds.
import { describe, expect, it } from "vitest";
import { ACTION_DEFS, ACTIONS_BY_ROLE } from "../src/content/actions.js";
import { POLICY_DEFS } from "../src/content/policies.js";
import { actionCost, policyCost, policyWill } from "../src/rules/costs.js";
import type { Action, Doctrine, PolicyId, RoundMods } from "../src/rules/types.js";
import { POLICIES } from "../src/rules/types.js";

const NO_MODS: RoundMods = { capabilityCost: 0, paradigmBoost: 0, leakBonus: 0, extraIncidentChance: 0 };
const ctx = (doctrine: Doctrine, policies: PolicyId[] = [], capabilityCost = 0) => ({
  doctrine,
  policies,
  mods: { ...NO_MODS, capabilityCost },
});

describe("base costs (as an incrementalist, who validates free, and a conservative, whose capability research costs +1, see them)", () => {
  it.each<[Action, number, number]>([
    // action, funds, influence
    [{ kind: "capability" }, 2, 0],
    [{ kind: "alignment" }, 2, 0],
    [{ kind: "validate" }, 1, 0],
    [{ kind: "minimalRiskTest" }, 1, 0],
    [{ kind: "security" }, 2, 0],
    [{ kind: "deploy" }, 1, 0],
    [{ kind: "lobby" }, 2, 0],
    [{ kind: "buildDefense" }, 3, 0],
    [{ kind: "repeal", policy: "treaty" }, 0, 1],
    [{ kind: "audit", target: 0 }, 0, 1],
    [{ kind: "enforce" }, 0, 1],
    [{ kind: "campaign" }, 1, 0],
    [{ kind: "grant", target: 0, amount: 3 }, 3, 0],
    [{ kind: "buildRegime" }, 0, 2],
    [{ kind: "theory", mode: "careful" }, 2, 0],
    [{ kind: "theory", mode: "fast" }, 2, 0],
    [{ kind: "interpretability" }, 2, 0],
    [{ kind: "augmentation", route: "direct" }, 2, 0],
    [{ kind: "consult", target: 0 }, 0, 0],
    [{ kind: "publishTheory" }, 0, 0],
    [{ kind: "advise", target: 0 }, 0, 0],
    [{ kind: "applyGrant" }, 0, 0],
  ])("%j costs %s funds, %s influence", (action, funds, influence) => {
    expect(actionCost(ctx("incrementalist"), action)).toEqual(
      action.kind === "validate" ? { funds: 0, influence } : { funds, influence },
    );
    expect(actionCost(ctx("conservative"), action)).toEqual(
      action.kind === "capability" ? { funds: funds + 1, influence } : { funds, influence },
    );
  });

  it("every action of every role has a definition for its role", () => {
    for (const [role, kinds] of Object.entries(ACTIONS_BY_ROLE))
      for (const k of kinds) expect(ACTION_DEFS[k].role).toBe(role);
    expect(Object.values(ACTIONS_BY_ROLE).flat().sort()).toEqual(Object.keys(ACTION_DEFS).sort());
  });
});

describe("modifiers", () => {
  it.each<[string, Doctrine, PolicyId[], number, Action, number, number]>([
    // name, doctrine, policies, news capability cost, action, funds, influence
    ["conservative capability +1", "conservative", [], 0, { kind: "capability" }, 3, 0],
    ["licensing capability +1", "incrementalist", ["computeLicensing"], 0, { kind: "capability" }, 3, 0],
    ["conservative under licensing +2", "conservative", ["computeLicensing"], 0, { kind: "capability" }, 4, 0],
    ["compute shock +1", "butlerian", [], 1, { kind: "capability" }, 3, 0],
    ["new chips −1", "butlerian", [], -1, { kind: "capability" }, 1, 0],
    ["news never makes it negative", "butlerian", [], -5, { kind: "capability" }, 0, 0],
    [
      "publishing or defying costs the same",
      "butlerian",
      ["moratorium"],
      0,
      { kind: "capability", publish: true, defy: true },
      2,
      0,
    ],
    ["incrementalist validation free", "incrementalist", [], 0, { kind: "validate" }, 0, 0],
    ["incrementalist minimal-risk test not free", "incrementalist", [], 0, { kind: "minimalRiskTest" }, 1, 0],
    ["transhumanist augmentation −1", "transhumanist", [], 0, { kind: "augmentation", route: "epigenetic" }, 1, 0],
    ["butlerian enforcement free", "butlerian", [], 0, { kind: "enforce" }, 0, 0],
    ["butlerian regime −1", "butlerian", [], 0, { kind: "buildRegime" }, 0, 1],
    ["butlerian moratorium −1", "butlerian", [], 0, { kind: "enact", policy: "moratorium" }, 0, 4],
    [
      "transhumanist augmentation-legal −1",
      "transhumanist",
      [],
      0,
      { kind: "enact", policy: "augmentationLegal" },
      0,
      3,
    ],
    ["butlerian other policies full price", "butlerian", [], 0, { kind: "enact", policy: "treaty" }, 0, 4],
    ["licensing does not touch alignment", "conservative", ["computeLicensing"], 0, { kind: "alignment" }, 2, 0],
    ["capability cost news does not touch other actions", "conservative", [], 1, { kind: "security" }, 2, 0],
  ])("%s", (_n, doctrine, policies, capCost, action, funds, influence) => {
    expect(actionCost(ctx(doctrine, policies, capCost), action)).toEqual({ funds, influence });
  });
});

describe("policies: influence to enact and political will needed", () => {
  it.each<[PolicyId, number, number]>([
    ["securityStandard", 2, 2],
    ["computeLicensing", 3, 3],
    ["exportControls", 3, 4],
    ["moratorium", 5, 6],
    ["augmentationLegal", 4, 6],
    ["theoryFund", 2, 0],
    ["treaty", 4, 5],
  ])("%s: %s influence, will %s", (policy, cost, will) => {
    expect(POLICY_DEFS[policy]).toMatchObject({ id: policy, cost, will });
    expect(policyCost("incrementalist", policy)).toBe(cost);
    expect(policyWill("incrementalist", policy)).toBe(will);
    expect(actionCost(ctx("conservative"), { kind: "enact", policy })).toEqual({ funds: 0, influence: cost });
  });

  it.each<[Doctrine, PolicyId, number, number]>([
    // doctrine, policy, cost, will
    ["butlerian", "moratorium", 4, 6],
    ["transhumanist", "augmentationLegal", 3, 5],
    ["transhumanist", "moratorium", 5, 6],
    ["butlerian", "augmentationLegal", 4, 6],
  ])("%s %s: cost %s, will %s", (doctrine, policy, cost, will) => {
    expect(policyCost(doctrine, policy)).toBe(cost);
    expect(policyWill(doctrine, policy)).toBe(will);
  });

  it("every policy has a definition", () => {
    expect(Object.keys(POLICY_DEFS).sort()).toEqual([...POLICIES].sort());
  });
});
