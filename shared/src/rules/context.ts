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
  /** Actions that passed validation and were paid for, per seat (the orders' own arrays: read only). */
  acts: (readonly Action[])[];
  byKind: Map<string, [SeatState, Action][]>;
  entries: ReportEntry[];
  /** No report text wanted: say and tell record nothing. */
  quiet: boolean;
  gains: Gain[];
  /** Researchers consulting for each lab this round. */
  consults: Map<number, number[]>;
  enforcements: number;
  blocked: Set<string>;
  leaks: number;
  incidents: number;
  paradigmShifts: number;
  catastropheRisk: number;
  labRisk: number;
  frontierBefore: number;
  defenseDone: number | null;
}

/** A report text, or a function that writes it: use one when the text formats fractions (slow), so that a
 * resolution without report (rollouts, the simulator) never builds it. */
export type Text = string | (() => string);

export function say(ctx: RoundCtx, text: Text, concept: string): void {
  if (ctx.quiet) return;
  ctx.entries.push({ seat: null, text: typeof text === "string" ? text : text(), concept });
}

export function tell(ctx: RoundCtx, seat: number, text: Text, concept: string): void {
  if (ctx.quiet) return;
  ctx.entries.push({ seat, text: typeof text === "string" ? text : text(), concept });
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
