import type { PolicyId } from "../rules/types.js";

export interface PolicyDef {
  id: PolicyId;
  name: string;
  /** Influence to enact. */
  cost: number;
  /** Political will needed to enact. */
  will: number;
  effect: string;
}

export const POLICY_DEFS: Record<PolicyId, PolicyDef> = {
  securityStandard: {
    id: "securityStandard",
    name: "Security standard",
    cost: 2,
    will: 2,
    effect: "Leak chance −10%; labs below security 2 are fined 1 fund each round.",
  },
  computeLicensing: {
    id: "computeLicensing",
    name: "Compute licensing",
    cost: 3,
    will: 3,
    effect: "Capability research costs 1 more fund; rogue drift −0.5. Needs more will as products lock the economy in.",
  },
  exportControls: {
    id: "exportControls",
    name: "Export controls",
    cost: 3,
    will: 4,
    effect: "Rogue actors absorb only half of what they would take from the leak pool.",
  },
  moratorium: {
    id: "moratorium",
    name: "Moratorium",
    cost: 5,
    will: 6,
    effect: "Complying labs cannot research capability. Defiance is caught by audits.",
  },
  augmentationLegal: {
    id: "augmentationLegal",
    name: "Augmentation legal",
    cost: 4,
    will: 6,
    effect:
      "Allows human augmentation research beyond stage 2. A hard-won change: it needs political will 6 (9 in the classroom scenario; 1 less for a transhumanist regulator).",
  },
  theoryFund: {
    id: "theoryFund",
    name: "Theory fund",
    cost: 2,
    will: 0,
    effect: "Published theory +0.5 each round, up to 4 (milestones beyond need researchers).",
  },
  treaty: {
    id: "treaty",
    name: "International treaty",
    cost: 4,
    will: 5,
    effect:
      "Doubles enforcement and export controls. Two regulators enacting it together need no will; otherwise will 5, more with lock-in.",
  },
};

export const SECURITY_FINE = 1;
export const MORATORIUM_FINE = 3;
export const MORATORIUM_PRESTIGE_LOSS = 3;
