// Test helpers: an in-process server on a free port, colyseus.js clients, byte recording, an auto-player.
import { Client, Room } from "colyseus.js";
import {
  MSG,
  botOrders,
  createMatch,
  hashSeeds,
  legalOrdersFromView,
  makeRng,
  seatView,
  resolveRound,
  type MatchRecord,
  type MatchState,
  type SeatOrders,
  type SeatView,
} from "@metastrategy/shared";
import { randomOrders } from "../../shared/src/bots/random.js";
import { Follower } from "../src/client/follow.js";
import { tempDir } from "./temp.js";
import { startServer, type RunningServer } from "../src/server.js";

export { Follower, tempDir };

export async function testServer(
  opts: { timerScale?: number; reconnectSeconds?: number } = {},
): Promise<RunningServer & { url: string; http: string }> {
  const s = await startServer({
    port: 0,
    dataDir: tempDir(),
    timerScale: opts.timerScale ?? 0.01,
    reconnectSeconds: opts.reconnectSeconds ?? 5,
    logLevel: process.env.LOG_LEVEL ?? "silent",
    clientDist: "/nonexistent",
  });
  return Object.assign(s, { url: `ws://127.0.0.1:${s.port}`, http: `http://127.0.0.1:${s.port}` });
}

/** Fast timers (scaled by the server's TIMER_SCALE): the orders phase ends early when humans submit. */
export const FAST = { news: 1, deliberation: 1, orders: 60, report: 1 };

// ---- raw bytes every room receives (state patches and messages), recorded from the first byte.
const chunks = new WeakMap<object, Uint8Array[]>();
const proto = Room.prototype as any;
if (!proto.__recording) {
  const orig = proto.onMessageCallback;
  proto.onMessageCallback = function (this: object, event: { data: ArrayBuffer }) {
    let list = chunks.get(this);
    if (!list) chunks.set(this, (list = []));
    list.push(new Uint8Array(event.data.slice(0)));
    return orig.call(this, event);
  };
  proto.__recording = true;
}
export function bytesOf(room: Room): Uint8Array[] {
  return chunks.get(room) ?? [];
}

export async function create(url: string, options: Record<string, unknown>): Promise<Follower> {
  const room = await new Client(url).create("match", options);
  const f = new Follower(room);
  await f.until(() => f.token !== null, 5000, "token");
  return f;
}

export async function join(url: string, code: string, options: Record<string, unknown> = {}): Promise<Follower> {
  const room = await new Client(url).joinById(code, options);
  const f = new Follower(room);
  await f.until(() => f.token !== null, 5000, "token");
  return f;
}

/** The orders a scripted human gives: random legal orders, deterministic in (seed, round, seat). */
export function humanOrders(v: SeatView, seed: number): SeatOrders {
  return randomOrders(v, legalOrdersFromView(v), makeRng(hashSeeds(seed, v.round, v.seat, 0x4a)));
}

/** Plays a seat automatically: submits once per round as soon as orders are open and the server has none. */
export function autoPlay(
  f: Follower,
  seed: number,
  opts: { skipRounds?: number[] } = {},
): { sent: Map<number, SeatOrders>; stop: () => void } {
  const sent = new Map<number, SeatOrders>();
  let stopped = false;
  const tick = () => {
    if (stopped || f.ended) return;
    if (!["news", "deliberation", "orders"].includes(f.phase)) return;
    const v = f.seatView();
    if (!v || v.round !== f.round || sent.has(v.round)) return;
    if (f.state.seats[v.seat]?.submitted) return;
    if (opts.skipRounds?.includes(v.round)) return;
    const o = humanOrders(v, seed);
    sent.set(v.round, o);
    f.room.send(MSG.orders, o);
  };
  f.room.onStateChange(tick);
  tick();
  return { sent, stop: () => (stopped = true) };
}

/** The uninterrupted match computed offline with the engine: humans play `humanOrders`, the rest are bots. */
export function offlineMatch(
  record: Pick<MatchRecord, "scenario" | "seed" | "seats" | "overrides" | "rulesVersion">,
  humans: Set<number>,
  difficulty: (seat: number) => "easy" | "normal" | "hard" = () => "normal",
): { state: MatchState; orders: SeatOrders[][] } {
  let state = createMatch({
    scenario: record.scenario,
    seed: record.seed,
    seats: record.seats,
    overrides: record.overrides,
    rulesVersion: record.rulesVersion,
  });
  const all: SeatOrders[][] = [];
  while (state.phase !== "ended") {
    const orders = state.seats.map((_, i) => {
      const v = seatView(state, i, { history: false });
      return humans.has(i)
        ? humanOrders(v, record.seed)
        : botOrders(v, { difficulty: difficulty(i), seed: state.seed });
    });
    all.push(orders);
    state = resolveRound(state, orders).state;
  }
  return { state, orders: all };
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const r = await fetch(url);
  const text = await r.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: r.status, body };
}
