// The framework's floor: `npm run load:floor -- --matches 1000 [--rounds 6] [--no-tick] [--json]`. The same
// Colyseus server, WebSocket transport (compression, pings, copies) and colyseus.js clients as `npm run load`, and
// the same round as the game sends it: two players per match give orders within --think-ms of the round opening, the
// first order ticks both clients, the second brings the round's ~1 KB results, --report-seconds later the next round
// opens. But no engine, bots, store, validation or views. What the server spends per round here is what any match
// on this stack and machine costs, so `npm run load`'s CPU per round can be read against it (README: capacity).
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { Room as ServerRoom, Server, type Client as ServerClient } from "@colyseus/core";
import { schema, ArraySchema, type SchemaType } from "@colyseus/schema";
import { Client, type Room } from "colyseus.js";
import { hashSeeds } from "@metastrategy/shared";
import { configFromEnv } from "./config.js";
import { mainThreadCpuMicros } from "./cpu.js";
import { realClock } from "./match/clock.js";
import { freePort } from "./ports.js";
import { wsTransport } from "./transport.js";
import "./client/send-copies.js";
import { installSyncInflate } from "./client/inflate-sync.js";
import { until } from "./client/until.js";
import { awaitHealth, fetchHealth } from "./client/health.js";

const { values } = parseArgs({
  options: {
    serve: { type: "string" },
    matches: { type: "string", default: "50" },
    rounds: { type: "string", default: "6" },
    "report-seconds": { type: "string", default: "2" },
    "think-ms": { type: "string", default: "2000" },
    "start-spread-ms": { type: "string", default: "2000" },
    concurrency: { type: "string", default: "20" },
    /** No submission tick: the first order changes nothing the players see (two frames a client and round, not 3). */
    "no-tick": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const ROUNDS = Math.max(1, Number(values.rounds));
const REPORT_MS = Math.max(0, Number(values["report-seconds"]) * 1000);
const THINK_MS = Math.max(0, Number(values["think-ms"]));
const PLAYERS = 2;
const TICK = !values["no-tick"];

const FloorState = schema(
  { phase: "string", round: "uint8", submitted: ["boolean"], results: "string", deadline: "number" },
  "FloorState",
);
type FloorState = SchemaType<typeof FloorState>;

/** Results of about the size and make of a round's (numbers and recurring words: ~1 KB decoded, ~0.5 KB deflated). */
function results(seed: number, round: number): string {
  const words = ["capability", "alignment", "deploy", "regime", "leak", "theory", "risk", "funds", "prestige", "will"];
  let out = "";
  for (let k = 0; out.length < 1000; k++) {
    const h = hashSeeds(seed, round, k);
    out += `${out ? " " : ""}${words[h % words.length]}:${(h >>> 8) % 100}`;
  }
  return out;
}

let roundsResolved = 0;

class FloorRoom extends ServerRoom<FloorState> {
  override maxClients = PLAYERS;
  private seats = new Map<string, number>();
  private seed = 0;

  override onCreate(opts: { seed?: number }): void {
    this.seed = Number(opts?.seed) || 0;
    this.setPatchRate(0); // as MatchRoom: a patch goes out when the round changes the state, timers on the real clock
    this.setState(new FloorState());
    this.state.phase = "lobby";
    this.state.round = 0;
    this.state.results = "";
    this.state.deadline = 0;
    for (let i = 0; i < PLAYERS; i++) this.state.submitted.push(false);
    this.onMessage("start", () => {
      if (this.state.phase === "lobby" && this.seats.size === PLAYERS) this.open();
    });
    this.onMessage("orders", (client, _orders: unknown) => {
      const seat = this.seats.get(client.sessionId);
      if (seat === undefined || this.state.phase !== "orders" || this.state.submitted[seat]) return;
      this.state.submitted[seat] = true;
      if (this.state.submitted.every(Boolean)) this.resolve();
      else if (!TICK) return; // the tick's change leaves with the results
      this.broadcastPatch();
    });
  }

  override onJoin(client: ServerClient): void {
    this.seats.set(client.sessionId, this.seats.size);
  }

  private open(): void {
    if (this.state.round >= ROUNDS) {
      this.state.phase = "ended";
      this.broadcastPatch();
      return;
    }
    this.state.round++;
    this.state.phase = "orders";
    this.state.deadline = Date.now() + 60_000;
    for (let i = 0; i < PLAYERS; i++) this.state.submitted[i] = false;
    this.broadcastPatch();
  }

  private resolve(): void {
    roundsResolved++;
    this.state.results = results(this.seed, this.state.round);
    this.state.phase = "report";
    realClock.after(REPORT_MS, () => this.open());
  }
}

async function serve(port: number): Promise<void> {
  const httpServer = http.createServer((req, res) => {
    if (req.url !== "/healthz") return void res.writeHead(404).end();
    const cpu = process.cpuUsage();
    res.setHeader("Content-Type", "application/json");
    res.end(
      JSON.stringify({
        rss: process.memoryUsage().rss,
        cpuMicros: cpu.user + cpu.system,
        mainThreadCpuMicros: mainThreadCpuMicros(),
        roundsResolved,
      }),
    );
  });
  const gameServer = new Server({ transport: wsTransport(httpServer, configFromEnv()), greet: false });
  gameServer.define("floor", FloorRoom);
  await gameServer.listen(port, "127.0.0.1");
  process.stdout.write(`listening ${(httpServer.address() as AddressInfo).port}\n`);
}

interface Health {
  rss: number;
  cpuMicros: number;
  mainThreadCpuMicros: number | null;
  roundsResolved: number;
}

const health = (base: string) => fetchHealth<Health>(base);

/** A match's two players: each gives its orders a random 0..THINK_MS after the round opens. */
async function playMatch(url: string, i: number, lastOrder: Map<string, number>, latencies: number[]) {
  let draws = 0;
  const first = await new Client(url).create<FloorState>("floor", { seed: i });
  const second = await new Client(url).joinById<FloorState>(first.roomId);
  let ended = 0;
  for (const room of [first, second] as Room<FloorState>[]) {
    let sent = 0;
    let seen = 0;
    room.onStateChange((s) => {
      if (s.phase === "orders" && s.round > sent) {
        sent = s.round;
        setTimeout(
          () => {
            room.send("orders", { round: s.round, actions: [{ kind: "capability" }, { kind: "deploy" }] });
            lastOrder.set(`${room.roomId}:${s.round}`, performance.now());
          },
          (hashSeeds(7, i, draws++) % 1000) * (THINK_MS / 1000),
        );
      } else if (s.phase === "report" && s.round > seen) {
        seen = s.round;
        const t = lastOrder.get(`${room.roomId}:${s.round}`);
        if (t !== undefined) latencies.push(performance.now() - t);
      } else if (s.phase === "ended" && seen >= 0) {
        seen = -1;
        ended++;
        void room.leave();
      }
    });
  }
  return { start: () => first.send("start"), ended: () => ended === PLAYERS };
}

async function drive(): Promise<void> {
  installSyncInflate();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.resolve(import.meta.dirname, "floor.ts"),
      `--serve=${port}`,
      `--rounds=${ROUNDS}`,
      `--report-seconds=${REPORT_MS / 1000}`,
      ...(TICK ? [] : ["--no-tick"]),
    ],
    {
      env: { ...process.env, WS_COMPRESSION: process.env.WS_COMPRESSION ?? "1" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const url = `ws://127.0.0.1:${port}`;
  await awaitHealth(base, child, "the floor server");
  const n = Math.max(1, Number(values.matches));
  const lastOrder = new Map<string, number>();
  const latencies: number[] = [];
  // As `npm run load`: every match created and joined first (--concurrency at a time), then started, spread over
  // --start-spread-ms; the CPU per round is counted from the starts to the last match's end.
  const hSetup = (await health(base))!;
  const matches: { start(): void; ended(): boolean }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, Math.max(1, Number(values.concurrency))) }, async () => {
      while (next < n) matches.push(await playMatch(url, next++, lastOrder, latencies));
    }),
  );
  await new Promise((r) => setTimeout(r, 300));
  const h0 = (await health(base))!;
  const spread = Math.max(0, Number(values["start-spread-ms"]));
  matches.forEach((m, i) => setTimeout(() => m.start(), Math.floor((i * spread) / n)));
  await until(() => matches.every((m) => m.ended()), 600_000, "every match to end");
  const h1 = (await health(base))!;
  child.kill();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]);
  const rounds = h1.roundsResolved - h0.roundsResolved;
  const perRound = (a: number, b: number) => Math.round((a - b) / 10 / rounds) / 100;
  const out = {
    matches: n,
    roundsResolved: rounds,
    latencyP50Ms: q(0.5),
    latencyP99Ms: q(0.99),
    serverCpuMsPerRound: perRound(h1.cpuMicros, h0.cpuMicros),
    serverMainThreadCpuMsPerRound:
      h1.mainThreadCpuMicros !== null && h0.mainThreadCpuMicros !== null
        ? perRound(h1.mainThreadCpuMicros, h0.mainThreadCpuMicros)
        : null,
    serverRssMB: Math.round(h1.rss / 1e6),
    /** CPU to create and join the matches (not in the per-round figures, as in `npm run load`). */
    setupCpuMsPerMatch: Math.round((h0.cpuMicros - hSetup.cpuMicros) / 10 / n) / 100,
  };
  if (values.json) process.stdout.write(JSON.stringify(out) + "\n");
  else
    process.stdout.write(
      `floor: ${out.matches} matches, ${rounds} rounds; last order → results p50 ${out.latencyP50Ms} ms, p99 ` +
        `${out.latencyP99Ms} ms; server CPU per round ${out.serverCpuMsPerRound} ms (main thread ` +
        `${out.serverMainThreadCpuMsPerRound ?? "?"} ms); RSS ${out.serverRssMB} MB; ` +
        `setup ${out.setupCpuMsPerMatch} ms a match\n`,
    );
  process.exit(0);
}

if (values.serve !== undefined) await serve(Number(values.serve));
else await drive();
