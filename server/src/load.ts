// Load run: `npm run load -- --matches N --clients-per-match 2 [--expert-bots 1] [--warmup-matches M] --json [--url ws://host:port | --start]`
// Drives N concurrent matches with real colyseus.js clients (scripted humans giving random legal orders within
// --think-ms of the orders opening, bots in the other seats, short timers) and prints: matches, clients, roundsResolved, the latency from a
// round's last order to each client holding that round's report (p50/p99), errors, the server's RSS and CPU (read
// from its /healthz) and the bytes each client receives per round.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Client, Room } from "colyseus.js";
import {
  MSG,
  ReportLog,
  SMSG,
  SnapshotReader,
  onServerMessage,
  hashSeeds,
  makeRng,
  randomOrders,
  type ServerMessages,
} from "@metastrategy/shared";
import { freePort } from "./ports.js";
import "./client/send-copies.js";
import { installSyncInflate } from "./client/inflate-sync.js";
import { until } from "./client/until.js";
import { awaitHealth, fetchHealth } from "./client/health.js";
import { addUp, frameKind, patchParts, wireSizes, type Frame } from "./client/breakdown.js";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    start: { type: "boolean", default: false },
    matches: { type: "string", default: "50" },
    "clients-per-match": { type: "string", default: "2" },
    bots: { type: "string", default: "4" },
    /** How many of the bot seats play at expert level (search in the server's bot worker); the rest are normal. */
    "expert-bots": { type: "string", default: "0" },
    rounds: { type: "string", default: "6" },
    "report-seconds": { type: "string", default: "2" },
    "think-ms": { type: "string", default: "2000" },
    "start-spread-ms": { type: "string", default: "2000" },
    concurrency: { type: "string", default: "20" },
    /** Matches played to the end before the measured ones, on the same server (0: the measured run is the server's
     * first, as before). */
    "warmup-matches": { type: "string", default: "0" },
    timeout: { type: "string", default: "300" },
    json: { type: "boolean", default: false },
    /** Keep every frame and print where each client's bytes per round go, by message (decoded and on the wire). */
    breakdown: { type: "boolean", default: false },
    /** Extra Node arguments for the server this run starts (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). */
    "server-node-args": { type: "string", default: "" },
  },
});

const N = Math.max(1, Number(values.matches));
const HUMANS = Math.max(1, Math.min(8, Number(values["clients-per-match"])));
const BOTS = Math.max(0, Math.min(8 - HUMANS, Number(values.bots)));
const EXPERT_BOTS = Math.max(0, Math.min(BOTS, Number(values["expert-bots"])));
const ROUNDS = Math.max(1, Math.min(30, Number(values.rounds)));
const REPORT_S = Math.max(0, Number(values["report-seconds"]));
/** Each scripted human waits a random 0..THINK_MS before giving its orders (0: every match in lockstep, worst case). */
const THINK_MS = Math.max(0, Number(values["think-ms"]));
// This process inflates its clients' messages synchronously (client/inflate-sync.ts), not on the shared thread pool.
if (process.env.LOAD_SYNC_INFLATE !== "0") installSyncInflate();
const say = (s: string) => {
  if (!values.json) console.error(s);
};

// ---- bytes each room receives, counted at the socket (state patches and messages alike).
const received = new WeakMap<object, { total: number; last: number; frames: number }>();
const BREAKDOWN = values.breakdown;
const WS_COMPRESSION = (process.env.WS_COMPRESSION ?? "1") !== "0";
/** --breakdown: every frame each room received, in order. */
const framesOf = new WeakMap<object, Frame[]>();
const proto = Room.prototype as any;
const origOnMessage = proto.onMessageCallback;
proto.onMessageCallback = function (this: any, event: { data: ArrayBuffer }) {
  let c = received.get(this);
  if (!c) received.set(this, (c = { total: 0, last: 0, frames: 0 }));
  const n = event.data?.byteLength ?? 0;
  c.total += n;
  c.frames++;
  c.last = n;
  if (!BREAKDOWN) return origOnMessage.call(this, event);
  const data = new Uint8Array(event.data.slice(0));
  const frame: Frame = { kind: frameKind(data), data };
  let frames = framesOf.get(this);
  if (!frames) framesOf.set(this, (frames = []));
  frames.push(frame);
  const ser = this.serializer;
  if (frame.kind === "patch" && ser && !ser.__counted) {
    const patch = ser.patch.bind(ser);
    ser.patch = (b: Uint8Array, it: unknown) => {
      const changes = patch(b, it);
      ser.__last = changes;
      return changes;
    };
    ser.__counted = true;
  }
  const out = origOnMessage.call(this, event);
  if (frame.kind === "patch" && ser?.__last) frame.parts = patchParts(this.state, ser.__last);
  return out;
};
const bytesOf = (room: Room) => received.get(room) ?? { total: 0, last: 0, frames: 0 };

const errors: string[] = [];
const fail = (s: string) => {
  errors.push(s);
};

const ROLES = ["lab", "regulator", "researcher", "lab", "lab", "researcher", "regulator", "lab"] as const;

/** One scripted human: gives random legal orders as soon as the orders phase opens. */
class Player {
  seat: number | null = null;
  code = "";
  sent = new Map<number, number>(); // round → epoch ms of the orders sent
  reportAt = new Map<number, number>(); // round → epoch ms the report arrived
  rounds = 0;
  ended = false;
  /** [app bytes, wire bytes, frames received] when the match starts, and at each round's report. */
  startMark: [number, number, number] = [0, 0, 0];
  marks: [number, number, number][] = [];
  private reader = new SnapshotReader();
  private log = new ReportLog();

  constructor(
    public room: Room<any>,
    private seed: number,
  ) {
    const on = <K extends keyof ServerMessages>(type: K, fn: (m: ServerMessages[K]) => void) =>
      onServerMessage(room, type, fn);
    on(SMSG.token, (t) => {
      this.seat = t.seat;
      this.code = t.code;
    });
    // A round's report comes with the patch of its results (ReportLog); `report` messages bring the backlog.
    on(SMSG.report, (m) => this.log.message(m));
    on(SMSG.error, (e) => fail(`error message (${e.message}, ${e.code}): ${e.reason}`));
    on(SMSG.ended, () => {
      this.ended = true;
    });
    room.onMessage("*", () => {});
    room.onStateChange(() => {
      const r = this.log.state(room.state, this.seat);
      if (r) {
        this.reportAt.set(r.round, Date.now());
        this.rounds++;
        this.marks.push(this.bytes());
      }
      this.tick();
    });
    room.onLeave((code) => {
      if (!this.ended && code !== 4000) fail(`client left with code ${code}`);
    });
  }

  /** Bytes received so far: decoded messages (app) and read from the socket (wire: framing, compression). */
  bytes(): [number, number, number] {
    const ws = (this.room.connection as any)?.transport?.ws;
    return [bytesOf(this.room).total, ws?._socket?.bytesRead ?? 0, bytesOf(this.room).frames];
  }

  private tick(): void {
    const st = this.room.state;
    if (this.ended || this.seat === null || st?.phase !== "orders") return;
    const round = st.round as number;
    if (this.sent.has(round)) return;
    const v = this.reader.seatView(st, this.seat);
    if (!v || v.round !== round) return;
    const rng = makeRng(hashSeeds(this.seed, round, this.seat, 0x10ad));
    const orders = randomOrders(v, this.reader.legal(st, this.seat)!, rng);
    this.sent.set(round, 0);
    const think =
      THINK_MS > 0 ? Math.floor((((hashSeeds(this.seed, round, this.seat) >>> 0) % 1000) / 1000) * THINK_MS) : 0;
    const send = () => {
      if (this.ended) return;
      this.sent.set(round, Date.now());
      this.room.send(MSG.orders, orders);
    };
    if (think > 0) setTimeout(send, think);
    else send();
  }
}

async function playMatch(url: string, i: number, matches: Player[][]): Promise<Player[]> {
  const seats = [
    ...Array.from({ length: HUMANS }, (_, k) => ({ role: ROLES[k] })),
    ...Array.from({ length: BOTS }, (_, k) => ({
      role: ROLES[HUMANS + k],
      bot: true,
      ...(k < EXPERT_BOTS ? { difficulty: "expert" as const } : {}),
    })),
  ];
  const seed = 1000 + i;
  const host = await new Client(url).create("match", {
    seed,
    seats,
    rounds: ROUNDS,
    timers: { news: 0, deliberation: 0, orders: 60, report: REPORT_S },
    name: `load ${i}`,
    player: { name: "H0" },
  });
  const players = [new Player(host, seed)];
  await until(() => players[0].code !== "" && players[0].seat === 0, 10_000, "host seat");
  const code = players[0].code;
  for (let k = 1; k < HUMANS; k++) {
    const room = await new Client(url).joinById(code, { name: `H${k}` });
    const p = new Player(room, seed);
    players.push(p);
    await until(() => p.code !== "", 10_000, "token");
    room.send(MSG.takeSeat, { seat: k });
    await until(() => p.seat === k, 10_000, "seat");
  }
  matches.push(players);
  return players;
}

function pct(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

type Pcts = { p50: number; p99: number; max: number };
interface Health {
  rss: number;
  cpuMicros: number;
  /** The main thread's share of cpuMicros (Linux; null elsewhere). */
  mainThreadCpuMicros?: number | null;
  roundsResolved: number;
  rooms: number;
  clients: number;
  loopDelayMs?: Pcts;
  turnaroundMs?: Pcts & { count: number };
}

const health = (httpBase: string, reset = false) => fetchHealth<Health>(httpBase, reset);

async function startServer(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-load-"));
  const root = path.resolve(import.meta.dirname, "../..");
  const extra = (values["server-node-args"] ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...extra, "--import", "tsx", "server/src/index.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
      TIMER_SCALE: "1",
      CLIENT_DIST: "/nonexistent",
      REDIS_URL: "",
      DATABASE_URL: "",
      WS_COMPRESSION: WS_COMPRESSION ? "1" : "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const httpBase = `http://127.0.0.1:${port}`;
  await awaitHealth(httpBase, child);
  return { url: `ws://127.0.0.1:${port}`, child, dir };
}

/** One batch of `n` concurrent matches (seeds from `first`): set up, started, played to the end, measured, left. */
async function runBatch(url: string, httpBase: string, n: number, first: number) {
  const errorsBefore = errors.length;
  const h0 = await health(httpBase);
  if (!h0) throw new Error(`no /healthz at ${httpBase}`);
  // Sample the server's memory and CPU while the run lasts.
  let rssMax = h0.rss;
  const samples: { t: number; cpu: number }[] = [{ t: Date.now(), cpu: h0.cpuMicros }];
  const sampler = setInterval(async () => {
    const h = await health(httpBase);
    if (!h) return;
    rssMax = Math.max(rssMax, h.rss);
    samples.push({ t: Date.now(), cpu: h.cpuMicros });
  }, 500);

  // Create and fill every match first (bounded parallelism), then start them all.
  const t0 = Date.now();
  const matches: Player[][] = [];
  let next = 0;
  const conc = Math.max(1, Number(values.concurrency));
  await Promise.all(
    Array.from({ length: Math.min(conc, n) }, async () => {
      while (next < n) {
        const i = first + next++;
        try {
          await playMatch(url, i, matches);
        } catch (e) {
          fail(`match ${i} setup: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }),
  );
  const setupSeconds = (Date.now() - t0) / 1000;
  say(`${matches.length} matches, ${matches.length * HUMANS} clients ready in ${setupSeconds.toFixed(1)} s`);
  await new Promise((r) => setTimeout(r, 300)); // lobby patches settle before counting bytes
  const hStart = (await health(httpBase, true)) ?? h0;
  // This process's own event-loop delay: a late loop here inflates the latencies it measures.
  const ownLoop = monitorEventLoopDelay({ resolution: 5 });
  ownLoop.enable();
  const tStart = Date.now();
  // Matches start spread over --start-spread-ms, as real ones do (0: all in the same instant).
  const spread = Math.max(0, Number(values["start-spread-ms"]));
  matches.forEach((m, i) => {
    const go = () => {
      for (const p of m) p.startMark = p.bytes();
      m[0].room.send(MSG.hostStart, {});
    };
    if (spread > 0) setTimeout(go, Math.floor((i * spread) / matches.length));
    else go();
  });
  const limit = Number(values.timeout) * 1000;
  await until(() => matches.every((m) => m.every((p) => p.ended)), limit, "every match to end").catch((e) => {
    // Say where the stragglers are (phase, round, reports) to tell a slow server from a lost message.
    const late = matches.flat().filter((p) => !p.ended);
    const where = new Map<string, number>();
    for (const p of late) {
      const k = `${p.room.state?.phase}/${p.room.state?.round}/${p.rounds} reports/${p.room.connection?.isOpen ? "open" : "closed"}`;
      where.set(k, (where.get(k) ?? 0) + 1);
    }
    fail(
      `${e.message}: ${late.length} clients without an end (${[...where]
        .slice(0, 5)
        .map(([k, n]) => `${n}× ${k}`)
        .join(", ")})`,
    );
  });
  const runSeconds = (Date.now() - tStart) / 1000;
  const hEnd = (await health(httpBase)) ?? hStart;
  clearInterval(sampler);
  rssMax = Math.max(rssMax, hEnd.rss);

  // Latency: a round's last order (the later of its humans' sends) to each client's report for that round.
  const lat: number[] = [];
  const byRound = new Map<number, number[]>();
  let bytes = 0;
  let wire = 0;
  let frames = 0;
  let clientRounds = 0;
  let roundsSeen = 0;
  for (const m of matches) {
    for (const [round] of m[0].reportAt) {
      const sends = m.map((p) => p.sent.get(round));
      if (sends.some((s) => !s)) continue; // a round whose orders a bot filled (should not happen)
      const last = Math.max(...(sends as number[]));
      for (const p of m) {
        const at = p.reportAt.get(round);
        if (at === undefined) fail(`match ${p.code}: no report for round ${round}`);
        else {
          lat.push(at - last);
          if (!byRound.has(round)) byRound.set(round, []);
          byRound.get(round)!.push(at - last);
        }
      }
    }
    roundsSeen += m[0].rounds;
    // Per round: from the start to the report of the last round but one (the last report shares its socket read
    // with the final `ended` message, the full reveal for the debrief, which is not per-round traffic).
    for (const p of m) {
      if (p.marks.length < 2) continue;
      const at = p.marks[p.marks.length - 2];
      bytes += at[0] - p.startMark[0];
      wire += at[1] - p.startMark[1];
      frames += at[2] - p.startMark[2];
      clientRounds += p.marks.length - 1;
    }
  }
  lat.sort((a, b) => a - b);
  // --breakdown: the same window (start → the last report but one) by kind, decoded and estimated on the wire.
  let breakdown: Record<string, { dec: number; wire: number }> | null = null;
  if (BREAKDOWN) {
    const sums = new Map<string, { dec: number; wire: number }>();
    const model = {
      windowBits: 12,
      level: Number(process.env.WS_DEFLATE_LEVEL) || 1,
      memLevel: Number(process.env.WS_DEFLATE_MEMLEVEL) || 3,
      compressFrom: Number(process.env.WS_COMPRESS_FROM) || 100,
      compressChatFrom: 60,
    };
    for (const p of matches.flat()) {
      if (p.marks.length < 2) continue;
      const frames = framesOf.get(p.room) ?? [];
      const sizes = WS_COMPRESSION ? await wireSizes(frames, model) : frames.map((f) => f.data.byteLength + 2);
      const from = p.startMark[2];
      const to = p.marks[p.marks.length - 2][2];
      addUp(frames.slice(from, to), sizes.slice(from, to), sums);
    }
    breakdown = Object.fromEntries(
      [...sums]
        .sort((a, b) => b[1].dec - a[1].dec)
        .map(([k, v]) => [
          k,
          { dec: Math.round((10 * v.dec) / clientRounds) / 10, wire: Math.round((10 * v.wire) / clientRounds) / 10 },
        ]),
    );
  }
  // CPU: share of one core over the run, and the busiest 2-second window.
  const cpuPercent = (100 * (hEnd.cpuMicros - hStart.cpuMicros)) / 1000 / Math.max(1, Date.now() - tStart);
  let cpuPeak = 0;
  for (let i = 0, j = 0; i < samples.length; i++) {
    while (samples[i].t - samples[j].t > 2000) j++;
    if (samples[i].t - samples[j].t >= 1000)
      cpuPeak = Math.max(cpuPeak, (100 * (samples[i].cpu - samples[j].cpu)) / 1000 / (samples[i].t - samples[j].t));
  }

  const result = {
    matches: matches.length,
    clients: matches.length * HUMANS,
    seats: matches.length * (HUMANS + BOTS),
    expertBotsPerMatch: EXPERT_BOTS,
    roundsPerMatch: ROUNDS,
    roundsResolved: roundsSeen,
    serverRoundsResolved: hEnd.roundsResolved - hStart.roundsResolved,
    latencyP50Ms: pct(lat, 0.5),
    latencyP99Ms: pct(lat, 0.99),
    latencyMaxMs: lat.at(-1) ?? 0,
    latencySamples: lat.length,
    latencyP99MsByRound: Object.fromEntries(
      [...byRound]
        .sort((a, b) => a[0] - b[0])
        .map(([r, l]) => [
          r,
          pct(
            l.sort((a, b) => a - b),
            0.99,
          ),
        ]),
    ),
    serverTurnaroundMs: hEnd.turnaroundMs ?? null,
    serverLoopDelayMs: hEnd.loopDelayMs ?? null,
    loadGenLoopDelayMs: {
      p50: Math.round(ownLoop.percentile(50) / 1e5) / 10,
      p99: Math.round(ownLoop.percentile(99) / 1e5) / 10,
      max: Math.round(ownLoop.max / 1e5) / 10,
    },
    errors: errors.length - errorsBefore,
    errorSamples: [...new Set(errors.slice(errorsBefore))].slice(0, 5),
    serverRssMB: Math.round(rssMax / 1048576),
    serverCpuPercent: Math.round(cpuPercent),
    serverCpuPeakPercent: Math.round(cpuPeak),
    bytesPerClientPerRound: clientRounds ? Math.round(wire / clientRounds) : 0,
    decodedBytesPerClientPerRound: clientRounds ? Math.round(bytes / clientRounds) : 0,
    /** WebSocket messages (state patches and messages; pings not counted) each client receives per round. */
    framesPerClientPerRound: clientRounds ? Math.round((100 * frames) / clientRounds) / 100 : 0,
    setupSeconds: Math.round(setupSeconds * 10) / 10,
    runSeconds: Math.round(runSeconds * 10) / 10,
    reportSeconds: REPORT_S,
    thinkMs: THINK_MS,
    startSpreadMs: spread,
    serverCpuMsPerRound:
      hEnd.roundsResolved > hStart.roundsResolved
        ? Math.round(
            (100 * (hEnd.cpuMicros - hStart.cpuMicros)) / 1000 / (hEnd.roundsResolved - hStart.roundsResolved),
          ) / 100
        : null,
    /** The same split by thread: the main thread (the event loop) and the others (V8's compiler and GC helpers). */
    serverMainThreadCpuMsPerRound:
      hEnd.roundsResolved > hStart.roundsResolved &&
      hEnd.mainThreadCpuMicros != null &&
      hStart.mainThreadCpuMicros != null
        ? Math.round(
            (100 * (hEnd.mainThreadCpuMicros - hStart.mainThreadCpuMicros)) /
              1000 /
              (hEnd.roundsResolved - hStart.roundsResolved),
          ) / 100
        : null,
    ...(breakdown ? { breakdownPerClientPerRound: breakdown } : {}),
  };
  // Then leave, 100 at a time and for at most 10 s (a client whose socket already closed never hears back).
  const everyone = matches.flat();
  const leaving = (async () => {
    for (let i = 0; i < everyone.length; i += 100)
      await Promise.all(everyone.slice(i, i + 100).map((p) => p.room.leave(true).catch(() => {})));
  })();
  await Promise.race([leaving, new Promise((r) => setTimeout(r, 10_000))]);
  return result;
}

/** Matches played to the end before the measured batch (`--warmup-matches`). A fresh process spends its first ~20 s
 * compiling (V8's optimising compiler threads, code not yet optimised); a server that has run a while has not. */
function warmupMatches(): number {
  return Math.max(0, Math.floor(Number(values["warmup-matches"]) || 0));
}

async function main(): Promise<void> {
  const own = values.start || !values.url ? await startServer() : null;
  const url = own?.url ?? values.url!;
  const httpBase = url.replace(/^ws/, "http");
  const warmN = warmupMatches();
  let warmup: Record<string, unknown> | null = null;
  if (warmN > 0) {
    say(`warm-up: ${warmN} matches`);
    const w = await runBatch(url, httpBase, warmN, N);
    warmup = {
      matches: w.matches,
      roundsResolved: w.roundsResolved,
      latencyP50Ms: w.latencyP50Ms,
      latencyP99Ms: w.latencyP99Ms,
      errors: w.errors,
      serverRssMB: w.serverRssMB,
      serverCpuMsPerRound: w.serverCpuMsPerRound,
    };
  }
  const result = { ...(await runBatch(url, httpBase, N, 0)), warmupMatches: warmN, warmup };
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(
      `${result.matches} matches, ${result.clients} clients, ${result.seats} seats, ${result.roundsResolved} rounds resolved in ${result.runSeconds} s`,
    );
    console.log(
      `latency last order → report: p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, max ${result.latencyMaxMs} ms (${result.latencySamples} samples)`,
    );
    console.log(
      `server: RSS ${result.serverRssMB} MB, CPU ${result.serverCpuPercent}% of a core (peak ${result.serverCpuPeakPercent}%)`,
    );
    console.log(
      `${result.bytesPerClientPerRound} bytes per client per round on the wire (${result.decodedBytesPerClientPerRound} decoded, ${result.framesPerClientPerRound} frames); ${result.errors} errors${result.errors ? ": " + result.errorSamples.join("; ") : ""}`,
    );
    console.log(
      `server CPU per resolved round: ${result.serverCpuMsPerRound} ms (main thread ${result.serverMainThreadCpuMsPerRound ?? "?"} ms)`,
    );
    if (warmup)
      console.log(
        `after a warm-up of ${warmN} matches (cold server: p99 ${warmup.latencyP99Ms} ms, CPU per round ${warmup.serverCpuMsPerRound} ms)`,
      );
    const breakdown = result.breakdownPerClientPerRound;
    if (breakdown) {
      console.log("per client per round, by message (decoded / on the wire, estimated):");
      for (const [k, v] of Object.entries(breakdown)) console.log(`  ${k.padEnd(24)} ${v.dec} / ${v.wire}`);
    }
  }
  if (own) {
    own.child.kill("SIGTERM");
    await new Promise((r) => own.child.once("exit", r));
    fs.rmSync(own.dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(errors.length ? 1 : 0),
  (e) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(2);
  },
);
