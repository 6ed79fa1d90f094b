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

/** Every action of a kind this round, in seat order. */
export function* actionsOf<K extends Action["kind"]>(ctx: RoundCtx, kind: K): Generator<[SeatState, Extract<Action, { kind: K }>]> {
  for (let i = 0; i < ctx.acts.length; i++) {
    const list = ctx.acts[i];
    for (const a of list) if (a.kind === kind) yield [ctx.s.seats[i], a as Extract<Action, { kind: K }>];
  }
}
