// The working context of one round's resolution: the cloned state plus what the steps pass along.
import type { Action, MatchState, ReportEntry, SeatOrders, SeatState } from "./types.js";

export interface Gain {
  lab: number;
  amount: number;
  published: boolean;
}

export interface RoundCtx {
  s: MatchState;
  orders: SeatOrders[];
  /** Actions that passed validation and were paid for, per seat. */
  acts: Action[][];
  byKind: Map<string, [SeatState, Action][]>;
  entries: ReportEntry[];
  gains: Gain[];
  /** Researchers consulting for each lab this round. */
  consults: Map<number, number[]>;
  enforcements: number;
  blocked: Set<string>;
  leaks: number;
  incidents: number;
  paradigmShifts: number;
  catastropheRisk: number;
  frontierBefore: number;
  defenseDone: number | null;
}

export function say(ctx: RoundCtx, text: string, concept: string): void {
  ctx.entries.push({ seat: null, text, concept });
}

export function tell(ctx: RoundCtx, seat: number, text: string, concept: string): void {
  ctx.entries.push({ seat, text, concept });
}

const NONE: never[] = [];

/** Every action of a kind this round, in seat order. */
export function actionsOf<K extends Action["kind"]>(ctx: RoundCtx, kind: K): [SeatState, Extract<Action, { kind: K }>][] {
  return (ctx.byKind.get(kind) as [SeatState, Extract<Action, { kind: K }>][] | undefined) ?? NONE;
}

/** Groups the round's paid actions by kind once, in seat order. */
export function indexActions(ctx: RoundCtx): void {
  for (let i = 0; i < ctx.acts.length; i++) {
    for (const a of ctx.acts[i]) {
      let list = ctx.byKind.get(a.kind);
      if (!list) ctx.byKind.set(a.kind, (list = []));
      list.push([ctx.s.seats[i], a]);
    }
  }
}
