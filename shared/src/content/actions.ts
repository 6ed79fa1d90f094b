import type { ActionKind, Role } from "../rules/types.js";

export interface ActionDef {
  kind: ActionKind;
  role: Role;
  label: string;
  /** Base cost before doctrine and policy modifiers (each action also takes 1 action point). */
  funds: number;
  influence: number;
  does: string;
  concept: string;
}

const a = (
  kind: ActionKind,
  role: Role,
  label: string,
  funds: number,
  influence: number,
  does: string,
  concept: string,
): ActionDef => ({ kind, role, label, funds, influence, does, concept });

export const ACTION_DEFS: Record<ActionKind, ActionDef> = {
  capability: a(
    "capability",
    "lab",
    "Capability research",
    2,
    0,
    "Draw on the breakthrough table: +1 (70%), +2 (20%) or a paradigm shift +3 (less likely with theory; a conservative lab on theory milestone 1 always gets +1). Gains may hide flaws, and near the danger line deceptive ones.",
    "breakthrough",
  ),
  alignment: a(
    "alignment",
    "lab",
    "Alignment research",
    2,
    0,
    "Aligned level +1 (+2 from theory milestone 1), never above capability.",
    "validation",
  ),
  validate: a(
    "validate",
    "lab",
    "Validate",
    1,
    0,
    "Hunt for hidden flaws with tests and interpretability. Found flaws cost 1 aligned each to fix; a clean pass makes your aligned level public.",
    "validation",
  ),
  minimalRiskTest: a(
    "minimalRiskTest",
    "lab",
    "Minimal-risk test",
    1,
    0,
    "A careful test below the frontier: half the power of a validation, but it never causes an incident.",
    "minimalRiskTest",
  ),
  security: a("security", "lab", "Security", 2, 0, "Security +1: fewer of your secrets leak.", "security"),
  deploy: a(
    "deploy",
    "lab",
    "Deploy product",
    1,
    0,
    "Once a round. One more product on the market: +1 fund a round for each of your first 3, a bigger market share at the end, and more lock-in. Shows your capability. Flawed products cause incidents and add to your risk.",
    "economicCriterion",
  ),
  lobby: a(
    "lobby",
    "lab",
    "Lobby",
    2,
    0,
    "Political will −1 (−2 once you have 3 products: the economy leans on you), or block one policy being enacted this round (while will is below 5, more with lock-in).",
    "lobbying",
  ),
  buildDefense: a(
    "buildDefense",
    "lab",
    "Build AI defense",
    3,
    0,
    "Once a round. Needs capability ≥ TAI−3 and a publicly validated aligned level ≥ capability. At 2 (two rounds at least) the defense deploys; hidden and deceptive flaws may make it fail.",
    "defense",
  ),
  enact: a("enact", "regulator", "Enact policy", 0, 0, "Put a policy in force (cost and will as listed).", "policy"),
  repeal: a("repeal", "regulator", "Repeal policy", 0, 1, "Remove a policy in force.", "policy"),
  audit: a(
    "audit",
    "regulator",
    "Audit a lab",
    0,
    1,
    "Reveal a lab's true capability and security to all; catch moratorium defiance; with interpretability 3+, learn its hidden flaws.",
    "audit",
  ),
  enforce: a(
    "enforce",
    "regulator",
    "Enforce",
    0,
    1,
    "Rogue drift −0.5 this round; your first enforcement of the round also raids the leak pool and removes 1 (×2 with a treaty); rogue known exactly. The monitoring regime lapses in any round without it.",
    "enforcement",
  ),
  campaign: a("campaign", "regulator", "Campaign", 1, 0, "Once a round. Political will +1.", "politicalWill"),
  grant: a("grant", "regulator", "Grant", 0, 0, "Give funds to a researcher.", "grant"),
  buildRegime: a(
    "buildRegime",
    "regulator",
    "Build monitoring regime",
    0,
    2,
    "Once a round. Needs licensing, export controls and a treaty in force, and political will 6 (8 in the classroom scenario; more with lock-in). Regime +1 (one build a round worldwide; +2 in the classroom scenario); it lapses a step in any round nobody enforces or will falls short. At 6 it holds rogue actors and stops capability research.",
    "regime",
  ),
  theory: a(
    "theory",
    "researcher",
    "Theory",
    2,
    0,
    "Once a round. Careful: unpublished theory +0.5 (+0.75 for a conservative). Fast: +1, but once published a capability application reaches the leak pool two rounds later. Past theory 6 work goes half as fast.",
    "theory",
  ),
  interpretability: a(
    "interpretability",
    "researcher",
    "Interpretability",
    2,
    0,
    "Interpretability +1 (needs published theory ≥ 2×interpretability − 1).",
    "interpretability",
  ),
  augmentation: a(
    "augmentation",
    "researcher",
    "Augmentation",
    2,
    0,
    "Once a round. Epigenetic route +0.5 (safe, slow); direct route +1 with hidden value drift. Beyond stage 2 it needs the augmentation-legal policy (political will 6; 9 in the classroom scenario), goes at 85% of its pace (175% in the classroom scenario), and even the epigenetic route drifts a little.",
    "augmentation",
  ),
  consult: a(
    "consult",
    "researcher",
    "Consult for a lab",
    0,
    0,
    "That lab's validations this round use your unpublished theory and +0.2 detection.",
    "consulting",
  ),
  publishTheory: a(
    "publishTheory",
    "researcher",
    "Publish theory",
    0,
    0,
    "Once a round. Your unpublished theory joins world theory; prestige +1 per point.",
    "publication",
  ),
  advise: a(
    "advise",
    "researcher",
    "Advise a regulator",
    0,
    0,
    "Once a round. That regulator gets +1 influence.",
    "policy",
  ),
  applyGrant: a("applyGrant", "researcher", "Apply for a grant", 0, 0, "Once a round. +2 funds.", "grant"),
};

/** Actions a seat may take at most once a round (diminishing returns: the second copy would buy nothing new). */
export const ONCE_A_ROUND: ReadonlySet<ActionKind> = new Set<ActionKind>([
  "deploy",
  "buildDefense",
  "campaign",
  "buildRegime",
  "theory",
  "augmentation",
  "advise",
  "applyGrant",
  "publishTheory",
]);

export const ACTIONS_BY_ROLE: Record<Role, ActionKind[]> = {
  lab: ["capability", "alignment", "validate", "minimalRiskTest", "security", "deploy", "lobby", "buildDefense"],
  regulator: ["enact", "repeal", "audit", "enforce", "campaign", "grant", "buildRegime"],
  researcher: ["theory", "interpretability", "augmentation", "consult", "publishTheory", "advise", "applyGrant"],
};
