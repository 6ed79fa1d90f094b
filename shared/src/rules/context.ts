// The working context of one round's resolution: the cloned state plus what the steps pass along.
import type { ReportArgs, ReportKey } from "../content/report-texts.js";
import { kindIndex } from "./kinds.js";
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
  /** The round's paid actions by kind index (kinds.ts), in seat order; filled by indexActions. */
  byKind: ([SeatState, Action][] | undefined)[];
  entries: ReportEntry[];
  /** No report text wanted: say and tell record nothing. */
  quiet: boolean;
  gains: Gain[];
  /** Researchers consulting for each lab this round (null until the first consult: most rounds have none). */
  consults: Map<number, number[]> | null;
  enforcements: number;
  /** Policies blocked by lobbying this round (null until the first block). */
  blocked: Set<string> | null;
  leaks: number;
  incidents: number;
  paradigmShifts: number;
  catastropheRisk: number;
  labRisk: number;
  frontierBefore: number;
  defenseDone: number | null;
}

/** A report entry's args, or a function that gives them: use one when computing them costs something, so that a
 * resolution without report (rollouts, the simulator) never does. */
type ArgsOf<K extends ReportKey> = ReportArgs<K> | (() => ReportArgs<K>);
/** Keys whose sentence needs nothing, and keys that need args. */
type Bare = { [K in ReportKey]: ReportArgs<K> extends undefined ? K : never }[ReportKey];
type WithArgs = Exclude<ReportKey, Bare>;

function entry(seat: number | null, concept: string, key: ReportKey, a: unknown): ReportEntry {
  if (a === undefined) return { seat, concept, key };
  return { seat, concept, key, args: (typeof a === "function" ? a() : a) as ReportEntry["args"] };
}

/** A public report entry: what happened, as a sentence key and the numbers it needs (content/report-texts.ts). */
export function say(ctx: RoundCtx, concept: string, key: Bare): void;
export function say<K extends WithArgs>(ctx: RoundCtx, concept: string, key: K, args: ArgsOf<K>): void;
export function say(ctx: RoundCtx, concept: string, key: ReportKey, args?: unknown): void {
  if (ctx.quiet) return;
  ctx.entries.push(entry(null, concept, key, args));
}

/** A private report entry, for `seat` only. */
export function tell(ctx: RoundCtx, seat: number, concept: string, key: Bare): void;
export function tell<K extends WithArgs>(ctx: RoundCtx, seat: number, concept: string, key: K, args: ArgsOf<K>): void;
export function tell(ctx: RoundCtx, seat: number, concept: string, key: ReportKey, args?: unknown): void {
  if (ctx.quiet) return;
  ctx.entries.push(entry(seat, concept, key, args));
}

const NONE: never[] = [];

/** Every action of a kind this round, in seat order. */
export function actionsOf<K extends Action["kind"]>(
  ctx: RoundCtx,
  kind: K,
): [SeatState, Extract<Action, { kind: K }>][] {
  return (ctx.byKind[kindIndex(kind)] as [SeatState, Extract<Action, { kind: K }>][] | undefined) ?? NONE;
}

/** Groups the round's paid actions by kind once, in seat order. */
export function indexActions(ctx: RoundCtx): void {
  const byKind = ctx.byKind;
  for (let i = 0; i < ctx.acts.length; i++) {
    const acts = ctx.acts[i];
    const seat = ctx.s.seats[i];
    for (let k = 0; k < acts.length; k++) {
      const a = acts[k];
      // Every paid action passed checkOrders: its kind is known.
      const j = kindIndex(a.kind);
      const list = byKind[j];
      if (list) list.push([seat, a]);
      else byKind[j] = [[seat, a]];
    }
  }
}
