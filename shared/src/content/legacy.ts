// Rules 2.7 changed one number (RULES_2_6_PARAMS): outside the classroom, augmentation past the legal limit goes at 0.85
// pace (was 0.75).
// Rules 2.6 changed numbers only (RULES_2_5_PARAMS): baseline, leaky and slow are a little more dangerous and the
// classroom's lesson was re-balanced, so that the ending targets hold on any seed, not on seed 1 only.
// Rules 2.5 changed numbers only (RULES_2_4_PARAMS): outside the classroom the butlerian objective pays for a held
// frontier from round 3 (was 2); the classroom's safe augmentation route drifts 0.3 past the legal limit (was 0.325).
// Rules 2.4 changed numbers only (RULES_2_3_PARAMS): the classroom's regime needs political will 8, rogue actors absorb
// more and start closer.
// Rules 2.3 changed one counting rule (the butlerian objective pays for a held frontier from round 2) and one number (the
// classroom's rogue actors absorb 4); both are in RULES_2_2_PARAMS.
// Rules 2.2 changed numbers and one counting rule. A record made under 2.1 (or 2.0, which ran on the 2.1 engine)
// replays on today's engine with what it was played with: the scenario values here (applied by `scenarioParams` under
// the record's own overrides), the prestige amounts below (read by the rules where they are paid), and a raid for every
// enforcement (rules/rogue.ts; 2.2: each enforcing regulator raids once a round).
import type { ScenarioParams } from "../rules/types.js";

/** True for a rules-2 version older than 2.`minor` ("2.1.0" is before 2.2; rules-1 versions are not rules 2). */
export function isRules2Before(version: string | undefined, minor: number): boolean {
  if (typeof version !== "string" || !version.startsWith("2.")) return false;
  const m = Number.parseInt(version.slice(2), 10);
  return m < minor;
}

/** True for the rules versions the 2.1 numbers describe (2.0, which ran on the 2.1 engine, and 2.1). */
export function isRules21(version: string | undefined): boolean {
  return isRules2Before(version, 2);
}

/** True for every rules-2 version before 2.3 (2.0, 2.1, 2.2). */
export function isBeforeRules23(version: string | undefined): boolean {
  return isRules2Before(version, 3);
}

/** True for every rules-2 version before 2.5 (2.0 to 2.4). */
export function isBeforeRules25(version: string | undefined): boolean {
  return isRules2Before(version, 5);
}

/** True for every rules-2 version before 2.4 (2.0 to 2.3). */
export function isBeforeRules24(version: string | undefined): boolean {
  return isRules2Before(version, 4);
}

/** True for every rules-2 version before 2.6 (2.0 to 2.5). */
export function isBeforeRules26(version: string | undefined): boolean {
  return isRules2Before(version, 6);
}

/** True for every rules-2 version before 2.7 (2.0 to 2.6). */
export function isBeforeRules27(version: string | undefined): boolean {
  return isRules2Before(version, 7);
}

/** Scenario values of rules 2.6 (and older) where 2.7 changed them: past the legal limit augmentation went at the
 * engine's 0.75 pace outside the classroom (docs/RULES.md §2). */
export const RULES_2_6_PARAMS: Record<string, Partial<ScenarioParams>> = {
  baseline: { augBeyond: undefined },
  leaky: { augBeyond: undefined },
  fast: { augBeyond: undefined },
  slow: { augBeyond: undefined },
};

/** Scenario values of rules 2.5 (and older) where 2.6 changed them: the ending targets had held on seed 1 only, and the
 * worlds were made a little more dangerous, the classroom's lesson re-balanced (docs/RULES.md §2). */
export const RULES_2_5_PARAMS: Record<string, Partial<ScenarioParams>> = {
  baseline: { volatility: 1, deception: 0.6 },
  leaky: { volatility: 1 },
  slow: { deception: 0.6, leakBase: 0.55 },
  classroom: { startTheory: 0, leakBase: 0.45, legalWill: 8, augBeyond: 1.25 },
};

/** Scenario values of rules 2.4 (and older) where 2.5 changed them: the butlerian objective paid for a held frontier
 * from round 2 in every scenario (the classroom still does), and the classroom's safe route drifted 0.325. */
export const RULES_2_4_PARAMS: Record<string, Partial<ScenarioParams>> = {
  baseline: { frontierHeldFrom: 2 },
  leaky: { frontierHeldFrom: 2 },
  fast: { frontierHeldFrom: 2 },
  slow: { frontierHeldFrom: 2 },
  classroom: { driftBeyond: 0.325 },
};

/** Scenario values of rules 2.3 (and older) where 2.4 changed them: the regime needed will 6 everywhere, rogue actors
 * absorbed 3 a point (classroom 4) and started at 6 in the baseline and fast worlds, and the slow world leaked 0.5. */
export const RULES_2_3_PARAMS: Record<string, Partial<ScenarioParams>> = {
  baseline: { absorb: 3, startRogue: 6 },
  leaky: { absorb: 3 },
  fast: { absorb: 3, startRogue: 6 },
  slow: { absorb: 3, leakBase: 0.5 },
  classroom: { regimeWill: undefined, absorb: 4, driftBeyond: 0.275 },
};

/** Scenario values of rules 2.2 (and older) where 2.3 changed them: the butlerian objective paid for a held frontier
 * from round 1 (docs/RULES.md §11), and the classroom's rogue actors absorbed 3. */
export const RULES_2_2_PARAMS: Record<string, Partial<ScenarioParams>> = {
  baseline: { frontierHeldFrom: 1 },
  leaky: { frontierHeldFrom: 1 },
  fast: { frontierHeldFrom: 1 },
  slow: { frontierHeldFrom: 1 },
  classroom: { absorb: 3, frontierHeldFrom: 1 },
};

/** Scenario values of rules 2.1 where 2.2 changed them. */
export const RULES_2_1_PARAMS: Record<string, Partial<ScenarioParams>> = {
  baseline: { startRogue: 4, absorb: 2, driftBeyond: undefined },
  leaky: { startRogue: 4, absorb: 2, driftBeyond: undefined },
  fast: { startRogue: 4, absorb: 2, driftBeyond: undefined },
  slow: { startRogue: 4, absorb: 2, leakBase: 0.4, driftBeyond: undefined },
  classroom: {
    startRogue: 4,
    absorb: 2,
    rogueDrift: 0.3,
    deception: 0.6,
    legalWill: 6,
    augBeyond: 0.875,
    driftBeyond: 0.15,
  },
};

/** Prestige amounts of rules 2.1 where 2.2 changed them (docs/RULES.md §11). */
export const RULES_2_1_POINTS = {
  /** Cost of a metastrategy switch, at the end (2.2: 6). */
  switchPrestige: 5,
  /** Validated levels counted from 0 (2.2: from the starting capability). */
  validatedFrom: 0,
} as const;

/** Each older version's scenario values, newest first: a record of rules 2.`before − 1` (or older) gets every layer
 * from its version on, the older over the newer (`scenarioParams`). */
export const LEGACY_PARAMS: readonly { before: number; params: Record<string, Partial<ScenarioParams>> }[] = [
  { before: 7, params: RULES_2_6_PARAMS },
  { before: 6, params: RULES_2_5_PARAMS },
  { before: 5, params: RULES_2_4_PARAMS },
  { before: 4, params: RULES_2_3_PARAMS },
  { before: 3, params: RULES_2_2_PARAMS },
  { before: 2, params: RULES_2_1_PARAMS },
];
