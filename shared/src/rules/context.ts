// The working context of one round's resolution: the cloned state plus what the steps pass along.
import type { ReportArgs, ReportKey } from "../content/report-texts.js";
import { KIND_COUNT, kindIndex } from "./kinds.js";
import type { Action, MatchState, ReportEntry, RoundReport, SeatOrders, SeatState } from "./types.js";

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
  /** The round's paid actions sorted by kind index (kinds.ts), in seat order within a kind: seat and action at the
   * same place; kind j's are at kindStart[j] up to kindStart[j + 1]. Filled by indexActions. */
  actSeats: SeatState[];
  actList: Action[];
  kindStart: Int32Array;
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

/** The part of a report one audience may read: public entries (`say`) plus that seat's own notes (`tell`). */
export function reportFor(report: RoundReport, seat: number | null): RoundReport {
  return { ...report, entries: report.entries.filter((e) => e.seat === null || e.seat === seat) };
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

/** The round's paid actions of one kind: seats[k] took actions[k] for k from `from` to `to` (exclusive), in seat
 * order. The arrays are the round's flat index (indexActions), shared by every kind: read only. */
export interface KindActions<A extends Action> {
  readonly seats: readonly SeatState[];
  readonly actions: readonly A[];
  readonly from: number;
  readonly to: number;
}

/** Every action of a kind this round, in seat order (see KindActions). */
export function actionsOf<K extends Action["kind"]>(ctx: RoundCtx, kind: K): KindActions<Extract<Action, { kind: K }>> {
  const j = kindIndex(kind);
  return {
    seats: ctx.actSeats,
    actions: ctx.actList as Extract<Action, { kind: K }>[],
    from: ctx.kindStart[j],
    to: ctx.kindStart[j + 1],
  };
}

/** Scratch for indexActions (resolution is synchronous): where each kind's next action goes, and each action's kind. */
const CURSOR = new Int32Array(KIND_COUNT + 1);
let KIND_OF = new Int32Array(32);

/** Sorts the round's paid actions by kind once, in seat order within a kind (a counting sort into two flat arrays:
 * no list or pair per action). */
export function indexActions(ctx: RoundCtx): void {
  const start = ctx.kindStart;
  for (let j = 0; j <= KIND_COUNT; j++) start[j] = 0;
  let n = 0;
  for (let i = 0; i < ctx.acts.length; i++) n += ctx.acts[i].length;
  if (n > KIND_OF.length) KIND_OF = new Int32Array(n);
  const kindOf = KIND_OF;
  n = 0;
  for (let i = 0; i < ctx.acts.length; i++) {
    const acts = ctx.acts[i];
    // Every paid action passed checkOrders: its kind is known.
    for (let k = 0; k < acts.length; k++) {
      const j = kindIndex(acts[k].kind);
      kindOf[n++] = j;
      start[j + 1]++;
    }
  }
  for (let j = 0; j < KIND_COUNT; j++) {
    start[j + 1] += start[j];
    CURSOR[j] = start[j];
  }
  const seats = new Array<SeatState>(n);
  const list = new Array<Action>(n);
  n = 0;
  for (let i = 0; i < ctx.acts.length; i++) {
    const acts = ctx.acts[i];
    const seat = ctx.s.seats[i];
    for (let k = 0; k < acts.length; k++) {
      const at = CURSOR[kindOf[n++]]++;
      seats[at] = seat;
      list[at] = acts[k];
    }
  }
  ctx.actSeats = seats;
  ctx.actList = list;
}
