import type { Role } from "../rules/types.js";

export interface RoleDef {
  id: Role;
  name: string;
  blurb: string;
  startFunds: number;
  startInfluence: number;
}

export const ROLE_DEFS: Record<Role, RoleDef> = {
  lab: {
    id: "lab",
    name: "AI lab",
    startFunds: 6,
    startInfluence: 0,
    blurb: "Builds AI: pushes capability, aligns and validates it, sells products, and may build an AI defense system.",
  },
  regulator: {
    id: "regulator",
    name: "Regulator",
    startFunds: 2,
    startInfluence: 3,
    blurb:
      "Turns political will into policy: standards, licences, export controls, moratoria, treaties, audits and enforcement.",
  },
  researcher: {
    id: "researcher",
    name: "Researcher",
    startFunds: 3,
    startInfluence: 0,
    blurb: "Develops theory, interpretability and human augmentation; consults for labs and advises regulators.",
  },
};

export const ACTION_POINTS = 3;
export const INCOME = {
  labBase: 3,
  regulatorFunds: 1,
  regulatorInfluenceBase: 1,
  researcherBase: 2,
  applyGrant: 2,
} as const;

/** Theory needed for milestones 1, 2, 3. */
export const MILESTONES = [3, 6, 9] as const;
export const MAX = { theory: 9, interp: 5, aug: 6, will: 10, regime: 6, sec: 5, defense: 2 } as const;
