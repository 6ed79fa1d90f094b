// Soak run: `npm run soak -- --minutes M [--matches N] [--kill-every MIN] [--json]`
// One server process (SQLite, the default store) under steady load for M minutes: N concurrent matches, each with
// scripted humans on real colyseus.js clients (random legal orders after a random think time) and bots; humans drop
// their connection at random and come back (with their reconnection token or their seat token); the server is killed
// with SIGKILL and started again every few minutes (clients rejoin by code with their seat tokens); finished matches
// are replaced by new ones. At the end the server is killed once more and restarted, and every round any client saw
// resolved is compared with the stored record (replayed): a round seen but missing or different is a lost round.
// Prints matches finished, rounds seen and lost, reconnection episodes and their success rate, the server's RSS over
// time (flat within 10 % after warm-up?), refused messages and errors.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { Client, type Room } from "colyseus.js";
import {
  MSG,
  SMSG,
  ReportLog,
  SnapshotReader,
  onServerMessage,
  hashSeeds,
  makeRng,
  randomOrders,
  replay,
  reportFor,
  type RoundReport,
} from "@metastrategy/shared";
import "./client/send-copies.js"; // Node clients send copies of colyseus.js's reused send buffer
import { until } from "./client/until.js";
import { freePort } from "./ports.js";
import { SqliteStore } from "./store/sqlite.js";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "5" },
    matches: { type: "string", default: "6" },
    humans: { type: "string", default: "2" },
    bots: { type: "string", default: "4" },
    rounds: { type: "string", default: "6" },
    "kill-every": { type: "string", default: "4" },
    "drop-chance": { type: "string", default: "0.15" },
    "think-ms": { type: "string", default: "3000" },
    "warmup-seconds": { type: "string", default: "60" },
    "sample-seconds": { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
  },
});

const MINUTES = Math.max(0.2, Number(values.minutes));
const MATCHES = Math.max(1, Number(values.matches));
const HUMANS = Math.max(1, Math.min(4, Number(values.humans)));
const BOTS = Math.max(0, Math.min(8 - HUMANS, Number(values.bots)));
const ROUNDS = Math.max(1, Math.min(30, Number(values.rounds)));
const KILL_EVERY_MS = Math.max(0.25, Number(values["kill-every"])) * 60_000;
const DROP_CHANCE = Math.max(0, Math.min(1, Number(values["drop-chance"])));
const THINK_MS = Math.max(0, Number(values["think-ms"]));
const WARMUP_S = Math.max(0, Number(values["warmup-seconds"]));
const SAMPLE_MS = Math.max(1, Number(values["sample-seconds"])) * 1000;
const ROLES = ["lab", "regulator", "researcher", "lab", "lab", "researcher", "regulator", "lab"] as const;
/** A client gives up rejoining after this long (the server restarts in a few seconds). */
const REJOIN_GIVE_UP_MS = 60_000;
/** A match that has not ended after this long is counted as stuck. */
const MATCH_DEADLINE_MS = 8 * 60_000;

/** The run's own random choices (drops, think times, orders), from --seed (mulberry32). */
let rs = Number(values.seed) >>> 0;
const rand = () => {
  rs = (rs + 0x6d2b79f5) >>> 0;
  let t = rs;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const say = (s: string) => {
  if (!values.json) console.error(`[soak ${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const errors: string[] = [];
const refused: string[] = [];
const fail = (s: string) => {
  errors.push(s);
  say(`error: ${s}`);
};

// ---------------------------------------------------------------- the server process

class ServerProc {
  child: ChildProcess | null = null;
  lives = 0;
  lifeStart = 0;
  kills = 0;
  unexpectedExits = 0;
  errorLogs: string[] = [];
  /** Colyseus's own console lines for a reconnection token it no longer knows (expected after a restart). */
  staleTokenNotices = 0;
  /** Moves on at every kill and every start: a reconnection token is void across a change. */
  generation = 0;
  private killing = false;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-soak-"));
  constructor(readonly port: number) {}

  get url() {
    return `ws://127.0.0.1:${this.port}`;
  }
  get http() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const root = path.resolve(import.meta.dirname, "../..");
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/index.ts"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(this.port),
        DATA_DIR: this.dir,
        LOG_LEVEL: "warn",
        TIMER_SCALE: "1",
        RECONNECT_SECONDS: "60",
        CLIENT_DIST: "/nonexistent",
        REDIS_URL: "",
        DATABASE_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.lives++;
    this.generation++;
    this.killing = false;
    const onLine = (line: string) => {
      if (/reconnection token invalid or expired|allowreconnection-client-seconds/.test(line)) {
        this.staleTokenNotices++;
        return;
      }
      let level = 0;
      try {
        level = Number(JSON.parse(line).level ?? 0);
      } catch {
        level = line.trim() ? 50 : 0; // not a log line: a crash trace
      }
      if (level >= 50) this.errorLogs.push(line.slice(0, 300));
    };
    readline.createInterface({ input: child.stdout! }).on("line", onLine);
    readline.createInterface({ input: child.stderr! }).on("line", onLine);
    child.on("exit", (code, signal) => {
      if (!this.killing) {
        this.unexpectedExits++;
        fail(`server exited on its own (code ${code}, signal ${signal})`);
      }
    });
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      if ((await health(this.http)) !== null) {
        this.lifeStart = Date.now();
        return;
      }
      await sleep(200);
    }
    throw new Error("server did not start within 60 s");
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.killing = true;
    this.generation++;
    if (signal === "SIGKILL") this.kills++;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  }
}

interface Health {
  rss: number;
  rooms: number;
  clients: number;
  roundsResolved: number;
}

async function health(base: string): Promise<Health | null> {
  try {
    const r = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(3000) });
    return r.ok ? ((await r.json()) as Health) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- scripted humans

/** Reports compared as data: keys holding null or undefined are left out (msgpack and JSON differ there). */
function canon(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canon);
  if (x && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) {
      const v = (x as Record<string, unknown>)[k];
      if (v !== null && v !== undefined) out[k] = canon(v);
    }
    return out;
  }
  return x;
}
const key = (r: unknown) => JSON.stringify(canon(r));

interface Episode {
  start: number;
  end: number | null;
  ok: boolean;
  /** The run ended while this client was still rejoining (not counted either way). */
  aborted: boolean;
  how: "token" | "seat" | "restart";
}

const episodes: Episode[] = [];
let rewritten = 0;
/** Reconnections by token that fell back to the seat token because the server had restarted meanwhile. */
let tokenFallbacks = 0;

class Human {
  room: Room | null = null;
  seat: number | null = null;
  seatToken: string | null = null;
  hostToken: string | null = null;
  /** Round → the report this seat was shown first (canonical JSON). */
  seen = new Map<number, string>();
  ended = false;
  stopped = false;
  private gen = 0;
  /** Decodes the synced room state (one reader per connection: a new room starts from an empty state). */
  private reader = new SnapshotReader();
  /** Reports as this connection gets them: the backlog by message, each new round with its patch. */
  private log = new ReportLog();
  private sent = new Set<number>();
  private rejoining = false;

  constructor(
    readonly match: Match,
    readonly index: number,
  ) {}

  get name(): string {
    return `H${this.index}`;
  }

  attach(room: Room): void {
    this.room = room;
    const gen = ++this.gen;
    this.sent = new Set();
    this.reader = new SnapshotReader();
    this.log = new ReportLog();
    const log = this.log;
    const live = () => gen === this.gen;
    onServerMessage(
      room,
      SMSG.token,
      (t: { seat: number | null; seatToken: string | null; hostToken: string | null }) => {
        if (!live()) return;
        this.seat = t.seat;
        if (t.seatToken) this.seatToken = t.seatToken;
        if (t.hostToken) this.hostToken = t.hostToken;
      },
    );
    const shown = (reports: RoundReport[], fresh: boolean) => {
      for (const r of reports) {
        const k = key(r);
        const first = this.seen.get(r.round);
        if (first === undefined) this.seen.set(r.round, k);
        else if (first !== k) {
          rewritten++;
          fail(`match ${this.match.code} seat ${this.seat}: round ${r.round} shown again, different`);
        }
      }
      // A drop after a round's report (not the last: a match that has ended keeps no reconnection open).
      if (fresh && !reports.some((r) => r.end) && !this.ended && !this.stopped && rand() < DROP_CHANCE)
        void this.dropAndReturn();
    };
    onServerMessage(room, SMSG.report, (m) => {
      if (!live()) return;
      log.message(m);
      shown(m.reports, !m.replace);
    });
    onServerMessage(room, SMSG.error, (e: { reason: string }) => refused.push(String(e.reason).slice(0, 120)));
    onServerMessage(room, SMSG.ended, () => {
      if (!live()) return;
      this.ended = true;
      this.match.onEnded();
    });
    room.onMessage("*", () => {});
    room.onStateChange(() => {
      if (!live()) return;
      const r = log.state(room.state, this.seat);
      if (r) shown([r], true);
      this.tick();
    });
    room.onLeave((code) => {
      if (!live() || this.stopped || this.ended) return;
      if (code === 4000) return; // our own consented leave
      // The server went away (killed) or closed us: rejoin by code with the seat token.
      void this.rejoin("restart");
    });
  }

  /** Orders: random legal ones after a random think time, once per round and connection. */
  private tick(): void {
    const room = this.room;
    const st = room?.state as any;
    if (!room || this.ended || this.stopped || this.seat === null || !st) return;
    if (!["news", "deliberation", "orders"].includes(st.phase)) return;
    const round = st.round as number;
    if (this.sent.has(round) || st.seats?.[this.seat]?.submitted) return;
    const v = this.reader.seatView(st, this.seat);
    if (!v || v.round !== round) return;
    this.sent.add(round);
    const gen = this.gen;
    const orders = randomOrders(
      v,
      this.reader.legal(st, this.seat)!,
      makeRng(hashSeeds(Math.floor(rand() * 2 ** 31), round, this.seat)),
    );
    setTimeout(
      () => {
        if (gen !== this.gen || this.ended || this.stopped) return;
        try {
          this.room?.send(MSG.orders, orders);
        } catch (e) {
          fail(`send failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
      Math.floor(rand() * THINK_MS),
    );
  }

  /** A random drop: the socket closes (not consented); back after 0.5-8 s with the reconnection token or the seat token. */
  private async dropAndReturn(): Promise<void> {
    if (this.rejoining || !this.room) return;
    this.rejoining = true;
    const old = this.room;
    const token = old.reconnectionToken;
    const generation = this.match.server.generation;
    this.gen++; // the old connection's events are ignored from now on
    old.leave(false).catch(() => {});
    await sleep(500 + rand() * 7500);
    if (this.stopped) {
      this.rejoining = false;
      return;
    }
    const how = rand() < 0.5 ? "token" : "seat";
    const ep: Episode = { start: Date.now(), end: null, ok: false, aborted: false, how };
    episodes.push(ep);
    try {
      if (how === "token") {
        try {
          this.attach(await new Client(this.match.server.url).reconnect(token));
        } catch (e) {
          // The token is void after a restart (the seat token always works); refused without one, it is a fault.
          if (this.match.server.generation === generation)
            fail(
              `match ${this.match.code} seat ${this.index}: reconnection token refused without a restart (${e instanceof Error ? e.message : String(e)})`,
            );
          else tokenFallbacks++;
          this.attach(await this.joinWithSeat());
        }
      } else this.attach(await this.joinWithSeat());
      await this.waitSeat();
      ep.ok = true;
      ep.end = Date.now();
    } catch {
      /* the server went down meanwhile: the retry loop takes over */
    }
    this.rejoining = false;
    if (!ep.ok) await this.rejoin("restart", ep);
  }

  private joinWithSeat(): Promise<Room> {
    const options: Record<string, unknown> = { name: this.name, seatToken: this.seatToken };
    if (this.hostToken) options.hostToken = this.hostToken;
    return new Client(this.match.server.url).joinById(this.match.code, options);
  }

  private async waitSeat(): Promise<void> {
    const until = Date.now() + 10_000;
    this.seat = null;
    while (this.seat === null) {
      if (Date.now() > until) throw new Error("no seat after rejoining");
      await sleep(50);
    }
    if (this.seat !== this.index) throw new Error(`rejoined into seat ${this.seat}, not ${this.index}`);
  }

  /** Rejoins by code with the seat token, retrying while the server restarts. */
  async rejoin(how: Episode["how"], ep?: Episode): Promise<void> {
    if (this.rejoining) return;
    this.rejoining = true;
    this.gen++;
    const e: Episode = ep ?? { start: Date.now(), end: null, ok: false, aborted: false, how };
    if (!ep) episodes.push(e);
    const until = Date.now() + REJOIN_GIVE_UP_MS;
    let last = "";
    while (!this.stopped && Date.now() < until) {
      try {
        this.attach(await this.joinWithSeat());
        await this.waitSeat();
        e.ok = true;
        break;
      } catch (err) {
        last = err instanceof Error ? err.message : String(err);
        this.room?.leave(false).catch(() => {});
        this.gen++;
        await sleep(300 + rand() * 700);
      }
    }
    e.end = Date.now();
    e.aborted = !e.ok && this.stopped;
    if (!e.ok && !this.stopped)
      fail(`match ${this.match.code} seat ${this.seat}: could not rejoin in ${REJOIN_GIVE_UP_MS / 1000} s (${last})`);
    this.rejoining = false;
  }

  stop(): void {
    this.stopped = true;
    this.gen++;
    this.room?.leave(false).catch(() => {});
  }
}

// ---------------------------------------------------------------- matches

let started = 0;
let finished = 0;
const allMatches: Match[] = [];

class Match {
  code = "";
  humans: Human[] = [];
  createdAt = Date.now();
  done = false;
  constructor(
    readonly server: ServerProc,
    readonly index: number,
  ) {}

  async open(): Promise<void> {
    const seats = [
      ...Array.from({ length: HUMANS }, (_, k) => ({ role: ROLES[k] })),
      ...Array.from({ length: BOTS }, (_, k) => ({ role: ROLES[HUMANS + k], bot: true })),
    ];
    const host = new Human(this, 0);
    const room = await new Client(this.server.url).create("match", {
      seed: 5000 + this.index,
      seats,
      rounds: ROUNDS,
      timers: { news: 1, deliberation: 1, orders: 20, report: 2 },
      name: `soak ${this.index}`,
      player: { name: "H0" },
    });
    this.code = room.roomId;
    host.attach(room);
    this.humans.push(host);
    await until(() => host.seat === 0, 10_000, "host seat", 25);
    for (let k = 1; k < HUMANS; k++) {
      const h = new Human(this, k);
      h.attach(await new Client(this.server.url).joinById(this.code, { name: h.name }));
      this.humans.push(h);
      await until(() => h.room !== null && (h.room.state as any)?.seats !== undefined, 10_000, "state", 25);
      h.room!.send(MSG.takeSeat, { seat: k });
      await until(() => h.seat === k, 10_000, "seat", 25);
    }
    host.room!.send(MSG.hostStart, {});
    started++;
    allMatches.push(this);
  }

  onEnded(): void {
    if (this.done || !this.humans.every((h) => h.ended)) return;
    this.done = true;
    finished++;
    for (const h of this.humans) h.stop();
  }

  stop(): void {
    for (const h of this.humans) h.stop();
  }
}

// ---------------------------------------------------------------- the run

const t0 = Date.now();

async function main(): Promise<void> {
  const server = new ServerProc(await freePort());
  await server.start();
  say(
    `server on port ${server.port}, data in ${server.dir}; ${MINUTES} min, ${MATCHES} matches × ${HUMANS} humans + ${BOTS} bots, kill -9 every ~${KILL_EVERY_MS / 60_000} min`,
  );
  const endAt = t0 + MINUTES * 60_000;
  let running = true;
  let index = 0;
  let restarting = false;

  // RSS of the server over time, by life (each restart is a new process).
  const samples: { t: number; life: number; age: number; rssMB: number; rooms: number; clients: number }[] = [];
  const sampler = setInterval(async () => {
    if (restarting) return;
    const h = await health(server.http);
    if (h && !restarting)
      samples.push({
        t: Math.round((Date.now() - t0) / 1000),
        life: server.lives,
        age: Math.round((Date.now() - server.lifeStart) / 1000),
        rssMB: Math.round(h.rss / 1e5) / 10,
        rooms: h.rooms,
        clients: h.clients,
      });
  }, SAMPLE_MS);

  // Keep MATCHES matches going; replace the finished ones.
  const slots = Array.from({ length: MATCHES }, async (_, slot) => {
    await sleep(slot * 1500); // spread the starts
    while (running) {
      const m = new Match(server, index++);
      try {
        await m.open();
      } catch (e) {
        if (!restarting) fail(`match could not be opened: ${e instanceof Error ? e.message : String(e)}`);
        m.stop();
        await sleep(1000);
        continue;
      }
      while (running && !m.done) {
        if (Date.now() - m.createdAt > MATCH_DEADLINE_MS) {
          fail(`match ${m.code} did not end in ${MATCH_DEADLINE_MS / 60_000} min`);
          m.stop();
          break;
        }
        await sleep(250);
      }
    }
  });

  // kill -9 and restart every few minutes (±25 %).
  const killer = (async () => {
    while (running) {
      const wait = KILL_EVERY_MS * (0.75 + rand() * 0.5);
      const until = Math.min(endAt, Date.now() + wait);
      while (running && Date.now() < until) await sleep(250);
      if (!running || Date.now() >= endAt - 20_000) return;
      restarting = true;
      say(`kill -9 (life ${server.lives}, ${started} matches started, ${finished} finished)`);
      await server.kill("SIGKILL");
      await sleep(500 + rand() * 1500);
      await server.start();
      restarting = false;
    }
  })();

  while (Date.now() < endAt) {
    await sleep(1000);
    if (!values.json && (Date.now() - t0) % 60_000 < 1000)
      say(`${started} started, ${finished} finished, ${episodes.length} reconnections, ${errors.length} errors`);
  }
  running = false;
  await killer;
  clearInterval(sampler);
  // Matches in progress: stop their players, then check every round seen against the record after one more kill -9.
  for (const m of allMatches) m.stop();
  await Promise.race([Promise.all(slots), sleep(5000)]);
  say("final kill -9 and restart; comparing what clients saw with the records");
  restarting = true;
  await server.kill("SIGKILL");
  await server.start();
  await sleep(1000);
  await server.kill("SIGTERM");

  const store = SqliteStore.inDir(server.dir);
  let roundsSeen = 0;
  let roundsLost = 0;
  const lostSamples: string[] = [];
  for (const m of allMatches) {
    const stored = await store.getMatch(m.code);
    const reports = stored?.record ? replay(stored.record).reports : [];
    const byRound = new Map(reports.map((r) => [r.round, r]));
    for (const h of m.humans) {
      for (const [round, seenKey] of h.seen) {
        roundsSeen++;
        const r = byRound.get(round);
        const seat = h.index;
        if (!r || key(reportFor(r, seat)) !== seenKey) {
          roundsLost++;
          if (lostSamples.length < 5)
            lostSamples.push(`${m.code} seat ${seat} round ${round}: ${r ? "differs" : "missing"} in the record`);
        }
      }
    }
  }
  await store.close();

  // RSS: samples after each life's warm-up; flat if the last third's median is within 10 % of the first third's.
  const warm = samples.filter((s) => s.age >= WARMUP_S);
  const median = (xs: number[]) => {
    const s = xs.slice().sort((a, b) => a - b);
    return s.length ? s[Math.floor(s.length / 2)] : 0;
  };
  const third = Math.max(1, Math.floor(warm.length / 3));
  const first = median(warm.slice(0, third).map((s) => s.rssMB));
  const last = median(warm.slice(-third).map((s) => s.rssMB));
  const growth = first ? Math.round(((last - first) / first) * 1000) / 10 : 0;
  const lives = [...new Set(samples.map((s) => s.life))].map((life) => {
    const ss = samples.filter((s) => s.life === life);
    const w = ss.filter((s) => s.age >= WARMUP_S);
    return {
      life,
      seconds: ss.length ? ss.at(-1)!.age : 0,
      rssMB: {
        warm: w.length ? w[0].rssMB : null,
        last: ss.length ? ss.at(-1)!.rssMB : null,
        max: Math.max(0, ...ss.map((s) => s.rssMB)),
      },
    };
  });
  const ok = episodes.filter((e) => e.ok);
  const counted = episodes.filter((e) => !e.aborted);
  const durations = ok.map((e) => (e.end ?? e.start) - e.start).sort((a, b) => a - b);
  const result = {
    minutes: MINUTES,
    concurrentMatches: MATCHES,
    humansPerMatch: HUMANS,
    botsPerMatch: BOTS,
    matchesStarted: started,
    matchesFinished: finished,
    roundsSeen,
    roundsLost,
    roundsShownTwiceDifferently: rewritten,
    killsDuringRun: server.kills - 1, // and one more at the end, before the records are read
    serverLives: server.lives,
    reconnections: {
      episodes: counted.length,
      succeeded: ok.length,
      successRate: counted.length ? Math.round((ok.length / counted.length) * 10000) / 100 : 100,
      interruptedByTheEnd: episodes.length - counted.length,
      byKind: Object.fromEntries(
        (["token", "seat", "restart"] as const).map((k) => [
          k,
          { episodes: counted.filter((e) => e.how === k).length, succeeded: ok.filter((e) => e.how === k).length },
        ]),
      ),
      tokenFellBackToSeatAfterRestart: tokenFallbacks,
      p50Ms: durations[Math.floor(durations.length / 2)] ?? 0,
      maxMs: durations.at(-1) ?? 0,
    },
    rss: {
      warmupSeconds: WARMUP_S,
      firstThirdMedianMB: first,
      lastThirdMedianMB: last,
      growthPercent: growth,
      flatWithin10Percent: Math.abs(growth) <= 10,
      min: Math.min(...warm.map((s) => s.rssMB)),
      max: Math.max(...warm.map((s) => s.rssMB)),
      lives,
      samples: samples.map((s) => [s.t, s.life, s.rssMB]),
    },
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 8),
    serverErrorLogs: server.errorLogs.length,
    serverErrorSamples: server.errorLogs.slice(0, 5),
    staleReconnectionTokenNotices: server.staleTokenNotices,
    unexpectedServerExits: server.unexpectedExits,
    refusedMessages: refused.length,
    refusedSamples: [...new Set(refused)].slice(0, 5),
    lostSamples,
  };
  if (values.json) console.log(JSON.stringify(result));
  else console.log(JSON.stringify(result, null, 2));
  fs.rmSync(server.dir, { recursive: true, force: true });
  process.exit(0);
}

process.on("unhandledRejection", (e) => fail(`unhandled rejection: ${e instanceof Error ? e.message : String(e)}`));
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
