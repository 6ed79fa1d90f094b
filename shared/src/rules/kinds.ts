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
 * no action. Written as switches, not a Map: this runs several times for every action checked or resolved. */
export function kindIndex(kind: unknown): number {
  if (typeof kind !== "string") return -1;
  // By length first (a jump table), then at most four string comparisons.
  switch (kind.length) {
    case 5:
      if (kind === "lobby") return 6;
      if (kind === "enact") return 8;
      if (kind === "audit") return 10;
      if (kind === "grant") return 13;
      return -1;
    case 6:
      if (kind === "deploy") return 5;
      if (kind === "repeal") return 9;
      if (kind === "theory") return 15;
      if (kind === "advise") return 20;
      return -1;
    case 7:
      if (kind === "enforce") return 11;
      if (kind === "consult") return 18;
      return -1;
    case 8:
      if (kind === "validate") return 2;
      if (kind === "security") return 4;
      if (kind === "campaign") return 12;
      return -1;
    case 9:
      if (kind === "alignment") return 1;
      return -1;
    case 10:
      if (kind === "capability") return 0;
      if (kind === "applyGrant") return 21;
      return -1;
    case 11:
      if (kind === "buildRegime") return 14;
      return -1;
    case 12:
      if (kind === "buildDefense") return 7;
      if (kind === "augmentation") return 17;
      return -1;
    case 13:
      if (kind === "publishTheory") return 19;
      return -1;
    case 15:
      if (kind === "minimalRiskTest") return 3;
      return -1;
    case 16:
      if (kind === "interpretability") return 16;
      return -1;
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
