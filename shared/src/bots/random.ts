// A random legal action (easy bots' noise, the terminal client's stand-in human, fuzzing).
import { nextFloat, nextInt, type RngHolder } from "../rng.js";
import type { LegalOrders } from "../rules/legal.js";
import type { Action } from "../rules/types.js";
import type { SeatView } from "../rules/view-types.js";
import { OrderBuilder } from "./plan.js";

export function randomAction(v: SeatView, legal: LegalOrders, rng: RngHolder): Action | null {
  const opts = legal.options.filter((o) => o.legal);
  if (opts.length === 0) return null;
  const o = opts[nextInt(rng, opts.length)];
  const target = o.targets?.length ? o.targets[nextInt(rng, o.targets.length)] : 0;
  const policies = (o.policies ?? []).filter((p) => p.legal);
  switch (o.kind) {
    case "enact":
    case "repeal":
    case "lobby":
      if (o.kind === "lobby" && (policies.length === 0 || nextFloat(rng) < 0.5)) return { kind: "lobby" };
      return policies.length
        ? ({ kind: o.kind, policy: policies[nextInt(rng, policies.length)].policy } as Action)
        : null;
    case "audit":
    case "consult":
    case "advise":
      return { kind: o.kind, target };
    case "grant":
      return { kind: "grant", target, amount: 1 };
    case "theory":
      return { kind: "theory", mode: nextFloat(rng) < 0.5 ? "careful" : "fast", publish: nextFloat(rng) < 0.3 };
    case "augmentation":
      return { kind: "augmentation", route: nextFloat(rng) < 0.5 ? "epigenetic" : "direct" };
    case "capability":
      return { kind: "capability", publish: nextFloat(rng) < 0.2, defy: v.world.policies.includes("moratorium") };
    case "alignment":
      return { kind: "alignment", publish: nextFloat(rng) < 0.2 };
    default:
      return { kind: o.kind } as Action;
  }
}

/** Random legal orders: up to 3 random legal, affordable actions. */
export function randomOrders(v: SeatView, legal: LegalOrders, rng: RngHolder) {
  const b = new OrderBuilder(v);
  for (let i = 0; i < 6 && !b.full; i++) b.want(randomAction(v, legal, rng));
  return b.orders();
}
