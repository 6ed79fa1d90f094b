import type { Doctrine } from "../rules/types.js";

export interface DoctrineDef {
  id: Doctrine;
  name: string;
  /** One line: the plan, in plain words. */
  plan: string;
  passive: string;
  objectives: string;
}

export const DOCTRINE_DEFS: Record<Doctrine, DoctrineDef> = {
  conservative: {
    id: "conservative",
    name: "Conservative",
    plan: "Hold back capability work, build the mathematics of agents first, test only where a mistake cannot hurt, then build a defense.",
    passive:
      "Careful theory gives +0.25 more; minimal-risk tests are twice as strong; once theory milestone 1 is published, a conservative lab's capability steps are predictable (+1, never a paradigm shift), and from milestone 2 they rarely hide a deceptive flaw (a quarter as often); capability research costs 1 more fund.",
    objectives:
      "+2 for each theory milestone reached before the frontier crosses the danger line; +8 for a defense built on theory milestone 2.",
  },
  incrementalist: {
    id: "incrementalist",
    name: "Incrementalist",
    plan: "Advance capability step by step, align each new step, check it, and build a defense with what you have.",
    passive: "Alignment research gives +1 more; validation is free (no fund cost).",
    objectives: "+1 for each capability level above the starting one validated clean; +3 for any defense built.",
  },
  butlerian: {
    id: "butlerian",
    name: "Butlerian",
    plan: "Put off transformative AI indefinitely and guard the world without it.",
    passive: "Moratorium and monitoring regime cost 1 influence less; enforcement costs no influence.",
    objectives:
      "+1 for each round the frontier did not advance, from round 3 on (round 2 in the classroom's short match); +4 the first time the monitoring regime is completed.",
  },
  transhumanist: {
    id: "transhumanist",
    name: "Transhumanist",
    plan: "Stop risky AI work, make humans smarter, and hand the problem to them.",
    passive:
      "Augmentation research costs 1 fund less; augmentation can be legalised with 1 less will and 1 less influence.",
    objectives: "+2 for each augmentation stage reached; +8 if augmented successors take over safely.",
  },
};

/** Prestige amounts of the objectives above (kept beside the text that states them). */
export const OBJECTIVE_POINTS = {
  milestoneBeforeDanger: 2,
  defenseOnTheory: 8,
  validatedLevel: 1,
  defenseBuilt: 3,
  frontierHeld: 1,
  regimeComplete: 4,
  augStage: 2,
  handoff: 8,
} as const;

/** (2.5) The first round whose held frontier pays the butlerian objective, where the scenario does not say
 * (`frontierHeldFrom`; the classroom's short match: round 2). 2.3 and 2.4: round 2 everywhere; 2.2 and older: round 1. */
export const FRONTIER_HELD_FROM = 3;
