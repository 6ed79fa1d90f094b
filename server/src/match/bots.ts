// Bot orders without blocking other rooms: cheap bots between setImmediate turns, hard bots in a worker.
import { Worker } from "node:worker_threads";
import { botOrders, seatView, type BotOptions, type Difficulty, type MatchState, type SeatOrders, type SeatView } from "@metastrategy/shared";

const yieldTurn = () => new Promise<void>((r) => setImmediate(r));

type Pending = { resolve: (o: SeatOrders) => void; reject: (e: Error) => void };

class BotWorker {
  private worker: Worker | null = null;
  private broken = false;
  private next = 1;
  private pending = new Map<number, Pending>();

  private ensure(): Worker | null {
    if (this.broken) return null;
    if (this.worker) return this.worker;
    try {
      const tsx = import.meta.resolve("tsx");
      const w = new Worker(new URL("./bot-worker.ts", import.meta.url), { execArgv: ["--import", tsx] });
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
    const w = this.ensure();
    if (!w) return null;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, view, opts });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.broken = true;
    if (w) await w.terminate();
  }
}

const worker = new BotWorker();

export async function closeBotWorker(): Promise<void> {
  await worker.close();
}

/** One bot's orders for a seat; hard bots go to the worker (falling back to this thread). */
export async function botOrdersAsync(state: MatchState, seat: number, difficulty: Difficulty): Promise<SeatOrders> {
  const view = seatView(state, seat, { history: false });
  const opts: BotOptions = { difficulty, seed: state.seed };
  if (difficulty === "hard") {
    const p = worker.run(view, opts);
    if (p) {
      try {
        return await p;
      } catch {
        /* fall through to this thread */
      }
    }
  }
  await yieldTurn();
  return botOrders(view, opts);
}

/** Fills every seat whose orders are missing: hard bots in parallel in the worker; the others, which take microseconds
 * each, together after one event-loop turn (a turn each made a round wait for several turns of a busy server). */
export async function fillWithBots(state: MatchState, orders: (SeatOrders | null)[], difficultyOf: (seat: number) => Difficulty): Promise<SeatOrders[]> {
  const out: (SeatOrders | Promise<SeatOrders> | null)[] = orders.slice(0, state.seats.length);
  while (out.length < state.seats.length) out.push(null);
  for (let i = 0; i < out.length; i++) if (!out[i] && difficultyOf(i) === "hard") out[i] = botOrdersAsync(state, i, "hard");
  if (out.some((o) => !o)) await yieldTurn();
  for (let i = 0; i < out.length; i++) {
    if (!out[i]) out[i] = botOrders(seatView(state, i, { history: false }), { difficulty: difficultyOf(i), seed: state.seed });
  }
  return Promise.all(out as (SeatOrders | Promise<SeatOrders>)[]);
}
