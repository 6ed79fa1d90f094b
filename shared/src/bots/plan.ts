// A small order builder: take wanted actions in priority order while they stay legal and affordable.
import { actionCostInto, kindCostInto, type Cost, type CostContext } from "../rules/costs.js";
import { checkKnownAction } from "../rules/legal.js";
import { kindInfo } from "../rules/kinds.js";
import { ACTION_POINTS } from "../content/roles.js";
import type { Action, Doctrine, SeatOrders } from "../rules/types.js";
import type { SeatView } from "../rules/view-types.js";

export class OrderBuilder {
  readonly actions: Action[] = [];
  private funds: number;
  private influence: number;
  private readonly costs: CostContext;
  private readonly cost: Cost = { funds: 0, influence: 0 };

  constructor(private readonly v: SeatView) {
    this.funds = v.me.funds;
    this.influence = v.me.influence;
    this.costs = { doctrine: v.me.doctrine, policies: v.world.policies, mods: v.mods };
  }

  get full(): boolean {
    return this.actions.length >= ACTION_POINTS;
  }

  get fundsLeft(): number {
    return this.funds;
  }

  /** Funds this action would cost this seat now. */
  fundsFor(a: Action): number {
    return actionCostInto(this.costs, a, this.cost).funds;
  }

  /** Adds the action if it is legal and affordable; returns whether it was added. */
  want(a: Action | null | undefined | false): boolean {
    if (!a || this.full) return false;
    // The kind is looked up once for the check, the once-a-round test and the price.
    const info = kindInfo(a.kind);
    if (!info || !checkKnownAction(this.v, a, info, false).ok) return false;
    // Plain loops, no closures: this runs for every wanted action of every bot every round.
    if (a.kind === "enact" || a.kind === "repeal") {
      for (const x of this.actions) if (x.kind === a.kind && x.policy === a.policy) return false;
    } else if (info.once) {
      // A second once-a-round action would refuse the whole orders.
      for (const x of this.actions) if (x.kind === a.kind) return false;
    }
    const c = kindCostInto(info.def, this.costs, a, this.cost);
    if (c.funds > this.funds || c.influence > this.influence) return false;
    this.funds -= c.funds;
    this.influence -= c.influence;
    this.actions.push(a);
    return true;
  }

  /** Adds the action up to n times. */
  wantN(a: Action, n: number): void {
    for (let i = 0; i < n; i++) if (!this.want(a)) return;
  }

  orders(): SeatOrders {
    return { actions: this.actions };
  }
}

/** The seat's view as a seat of doctrine `d` would see it: another doctrine's plan, played under the seat's own label. */
export function asDoctrine(v: SeatView, d: Doctrine): SeatView {
  return { ...v, me: { ...v.me, doctrine: d } };
}

/** `orders` in their order, kept to what this seat may do and afford (e.g. a plan made for another doctrine). */
export function keepLegal(v: SeatView, orders: SeatOrders): SeatOrders {
  const b = new OrderBuilder(v);
  for (const a of orders.actions) b.want(a);
  return b.orders();
}
