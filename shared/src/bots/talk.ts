// Bots that talk: one plain chat line a round saying what the bot means to do, written from its own plan.
// Pure: the room decides when to send it (only when a human sits at the table).
import { POLICY_DEFS } from "../content/policies.js";
import type { Action, SeatOrders } from "../rules/types.js";
import type { SeatView } from "../rules/view-types.js";

/** One action in plain words, as the seat itself would say it ("test my systems", "audit Lab 2"). */
export function phrase(v: SeatView, a: Action): string {
  const name = (seat: number) => v.seats[seat]?.name ?? `seat ${seat + 1}`;
  switch (a.kind) {
    case "capability":
      return a.publish
        ? "push capability and publish it"
        : a.defy
          ? "keep researching despite the moratorium"
          : "push capability";
    case "alignment":
      return "close my alignment gap";
    case "validate":
      return "test my systems";
    case "minimalRiskTest":
      return "run safe tests below the frontier";
    case "security":
      return "tighten security against leaks";
    case "deploy":
      return "ship a product";
    case "lobby":
      return a.policy ? `lobby against ${POLICY_DEFS[a.policy].name}` : "lobby to cool things down";
    case "buildDefense":
      return "build our defense system";
    case "enact":
      return `enact ${POLICY_DEFS[a.policy].name}`;
    case "repeal":
      return `repeal ${POLICY_DEFS[a.policy].name}`;
    case "audit":
      return `audit ${name(a.target)}`;
    case "enforce":
      return "crack down on rogue actors";
    case "campaign":
      return "campaign for caution";
    case "grant":
      return `fund ${name(a.target)}`;
    case "buildRegime":
      return "extend the monitoring regime";
    case "theory":
      return a.mode === "fast" ? "race ahead on theory" : "work carefully on theory";
    case "interpretability":
      return "improve interpretability";
    case "augmentation":
      return "advance human augmentation";
    case "consult":
      return `consult for ${name(a.target)}`;
    case "publishTheory":
      return "publish my theory";
    case "advise":
      return `advise ${name(a.target)}`;
    case "applyGrant":
      return "apply for a grant";
  }
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** One chat line stating the seat's intent for this round, from the orders it plans (null when it has nothing to say). */
export function intentLine(v: SeatView, plan: SeatOrders): string | null {
  if (v.phase === "ended") return null;
  if (plan.switchDoctrine) return `I'm rethinking my whole approach this round.`;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const a of plan.actions) {
    const p = phrase(v, a);
    if (seen.has(p)) continue;
    seen.add(p);
    parts.push(p);
  }
  if (parts.length === 0) return "I'm sitting this round out.";
  const danger = v.me.lab && v.me.lab.cap >= v.dangerLine ? " We are near the line: careful, everyone." : "";
  const line = `This round I plan to ${list(parts)}.${danger}`;
  return line.length <= 200 ? line : `${line.slice(0, 197)}...`;
}
