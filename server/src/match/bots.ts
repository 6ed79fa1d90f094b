// Bot orders without blocking other rooms: cheap bots between setImmediate turns, search bots (hard, expert) in a worker.
import { Worker } from "node:worker_threads";
import {
  botOrders,
  intentLine,
  seatView,
  type BotOptions,
  type Difficulty,
  type MatchState,
  type SeatOrders,
  type SeatView,
} from "@metastrategy/shared";

const yieldTurn = () => new Promise<void>((r) => setImmediate(r));

type Pending = { resolve: (o: SeatOrders) => void; reject: (e: Error) => void };

/** Searches waiting in the worker beyond which a search bot plays normal this round (~2 s of searches). */
export const MAX_QUEUED_SEARCHES = 12;

class BotWorker {
  private worker: Worker | null = null;
  private broken = false;
  private next = 1;
  private pending = new Map<number, Pending>();

  private ensure(): Worker | null {
    if (this.broken) return null;
    if (this.worker) return this.worker;
    try {
      // Node 20 does not carry `--import tsx` loader hooks into a worker: the worker registers tsx itself, then loads
      // the TypeScript entry (before this, every search bot silently fell back to the room's own thread).
      const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
      const entry = JSON.stringify(new URL("./bot-worker.ts", import.meta.url).href);
      const w = new Worker(`const { register } = await import(${api}); register(); await import(${entry});`, {
        eval: true,
      });
      w.unref();
      w.on("message", (m: { id: number; orders?: SeatOrders; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.orders) p.resolve(m.orders);
        else p.reject(new Error(m.error ?? "bot failed"));
      });
      w.on("error", (e) => this.fail(e));
      w.on("exit", () => this.fail(new Error("bot worker exited")));
      this.worker = w;
      return w;
    } catch {
      this.broken = true;
      return null;
    }
  }

  private fail(e: Error): void {
    this.broken = true;
    this.worker = null;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  run(view: SeatView, opts: BotOptions): Promise<SeatOrders> | null {
    // A full queue means searches would hold rounds up for seconds (one worker, ~150 ms a search): the caller plays
    // the normal bot instead, so a busy server degrades bot strength, not every table's turnaround.
    if (this.pending.size >= MAX_QUEUED_SEARCHES) return null;
    const w = this.ensure();
    if (!w) return null;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, view, opts });
    });
  }

  get queued(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.broken = true;
    if (w) await w.terminate();
  }
}

const worker = new BotWorker();

/** Searches now waiting in (or running on) the bot worker. */
export function queuedSearches(): number {
  return worker.queued;
}

export async function closeBotWorker(): Promise<void> {
  await worker.close();
}

const searches = (d: Difficulty) => d === "hard" || d === "expert";

/** One bot's orders for a seat; search bots go to the worker (without it, this thread plays normal rather than block
 * the event loop for a search). */
export async function botOrdersAsync(state: MatchState, seat: number, difficulty: Difficulty): Promise<SeatOrders> {
  const view = seatView(state, seat, { history: false });
  const opts: BotOptions = { difficulty, seed: state.seed };
  if (searches(difficulty)) {
    const p = worker.run(view, opts);
    if (p) {
      try {
        return await p;
      } catch {
        /* fall through to this thread */
      }
    }
    opts.difficulty = "normal";
  }
  await yieldTurn();
  return botOrders(view, opts);
}

/** Fills every seat whose orders are missing: search bots in the worker; the others, which take microseconds
 * each, together after one event-loop turn (a turn each made a round wait for several turns of a busy server). */
export async function fillWithBots(
  state: MatchState,
  orders: (SeatOrders | null)[],
  difficultyOf: (seat: number) => Difficulty,
): Promise<SeatOrders[]> {
  const out: (SeatOrders | Promise<SeatOrders> | null)[] = orders.slice(0, state.seats.length);
  while (out.length < state.seats.length) out.push(null);
  for (let i = 0; i < out.length; i++)
    if (!out[i] && searches(difficultyOf(i))) out[i] = botOrdersAsync(state, i, difficultyOf(i));
  if (out.some((o) => !o)) await yieldTurn();
  for (let i = 0; i < out.length; i++) {
    if (!out[i])
      out[i] = botOrders(seatView(state, i, { history: false }), { difficulty: difficultyOf(i), seed: state.seed });
  }
  return Promise.all(out as (SeatOrders | Promise<SeatOrders>)[]);
}

/** Each bot seat's one-line intent for this round (from its own heuristic plan), when a human sits at the table. */
export function botIntentLines(
  state: MatchState,
  seats: readonly { kind: string; name: string }[],
): { seat: number; from: string; text: string }[] {
  if (state.phase === "ended" || !seats.some((s) => s.kind === "human")) return [];
  const out: { seat: number; from: string; text: string }[] = [];
  seats.forEach((s, i) => {
    if (s.kind !== "bot" || i >= state.seats.length) return;
    const v = seatView(state, i, { history: false });
    const text = intentLine(v, botOrders(v, { difficulty: "normal", seed: state.seed }));
    if (text) out.push({ seat: i, from: s.name || state.seats[i].name, text });
  });
  return out;
}
