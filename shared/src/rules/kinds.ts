// Action kinds as small numbers: one switch instead of a Map or Set lookup by string each time an action is checked,
// priced or indexed (that runs for every action every bot considers and every order resolved).
import { ACTION_DEFS, ONCE_A_ROUND, type ActionDef } from "../content/actions.js";
import type { ActionKind } from "./types.js";

export interface KindInfo {
  readonly index: number;
  readonly kind: ActionKind;
  readonly def: ActionDef;
  /** At most once a round (content/actions.ts ONCE_A_ROUND). */
  readonly once: boolean;
}

/** The index of an action kind (the order of ACTION_DEFS), or -1 for anything else. Own kinds only: "toString" is
 * no action. Written as a switch: string cases compare internalized strings by reference. */
export function kindIndex(kind: unknown): number {
  switch (kind) {
    case "capability":
      return 0;
    case "alignment":
      return 1;
    case "validate":
      return 2;
    case "minimalRiskTest":
      return 3;
    case "security":
      return 4;
    case "deploy":
      return 5;
    case "lobby":
      return 6;
    case "buildDefense":
      return 7;
    case "enact":
      return 8;
    case "repeal":
      return 9;
    case "audit":
      return 10;
    case "enforce":
      return 11;
    case "campaign":
      return 12;
    case "grant":
      return 13;
    case "buildRegime":
      return 14;
    case "theory":
      return 15;
    case "interpretability":
      return 16;
    case "augmentation":
      return 17;
    case "consult":
      return 18;
    case "publishTheory":
      return 19;
    case "advise":
      return 20;
    case "applyGrant":
      return 21;
  }
  return -1;
}

const KINDS: readonly KindInfo[] = (Object.keys(ACTION_DEFS) as ActionKind[]).map((kind, index) => {
  // A new action kind must be added to the switch above too.
  if (kindIndex(kind) !== index) throw new Error(`rules/kinds.ts: kindIndex("${kind}") must be ${index}`);
  return { index, kind, def: ACTION_DEFS[kind], once: ONCE_A_ROUND.has(kind) };
});

export const KIND_COUNT = KINDS.length;

/** What the rules know of an action kind, or undefined for an unknown kind. */
export function kindInfo(kind: unknown): KindInfo | undefined {
  const i = kindIndex(kind);
  return i < 0 ? undefined : KINDS[i];
}
