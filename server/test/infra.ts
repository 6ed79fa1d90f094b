// Real services for the scale-out tests: a redis-server and a PostgreSQL cluster on loopback, in temp dirs.
// Missing binaries make the tests fail, never skip (CI installs Debian's redis-server and postgresql).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll } from "vitest";
import { freePort } from "../src/ports.js";
export { freePort };

function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The directory of PostgreSQL's server binaries (initdb, postgres, pg_ctl): PG_BIN, else the newest Debian one. */
export function pgBin(): string {
  if (process.env.PG_BIN && fs.existsSync(path.join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return path.join(base, versions[0], "bin");
  const initdb = which("initdb");
  if (initdb) return path.dirname(initdb);
  throw new Error("PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)");
}

function waitPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve();
      });
      s.once("error", () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`port ${port} did not open`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export interface Service {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Service> {
  const bin = which("redis-server");
  if (!bin) throw new Error("redis-server not found (apt-get install redis-server)");
  const port = await freePort();
  const child = spawn(
    bin,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { stdio: "ignore" },
  );
  await waitPort(port, 10_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => stopChild(child),
  };
}

/** A throwaway cluster: initdb in a temp dir (as the `postgres` user when running as root), trust auth on loopback. */
export async function startPostgres(): Promise<Service> {
  const bin = pgBin();
  const root = process.getuid?.() === 0;
  if (root && spawnSync("id", ["-u", "postgres"]).status !== 0)
    throw new Error("running as root, but there is no postgres user to run PostgreSQL as");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-pg-"));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  fs.mkdirSync(data, { mode: 0o700 });
  if (root) spawnSync("chown", ["-R", "postgres:", dir]);
  const as = (cmd: string, args: string[]) =>
    (root ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args]) as [string, string[]];
  const [c1, a1] = as(path.join(bin, "initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
  ]);
  const init = spawnSync(c1, a1, { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const [c2, a2] = as(path.join(bin, "postgres"), [
    "-D",
    data,
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
  ]);
  const child = spawn(c2, a2, { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  await waitPort(port, 20_000).catch((e) => {
    throw new Error(`${e.message}: ${err}`);
  });
  // Wait until it accepts queries (the port opens before recovery ends).
  const pg = (await import("pg")).default;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  for (let i = 0; ; i++) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.query("SELECT 1");
      await c.end();
      break;
    } catch (e) {
      await c.end().catch(() => {});
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      const [c3, a3] = as(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      spawnSync(c3, a3, { stdio: "ignore" });
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill(signal);
  });
}

export const repoRoot = path.resolve(import.meta.dirname, "../..");

/** `node --import tsx server/src/index.ts` with `env`; resolves with the child once it logs that it listens. */
export function spawnServer(
  env: Record<string, string>,
  children: ChildProcess[],
): Promise<{ child: ChildProcess; started: Record<string, unknown> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/index.ts"], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    rl.on("line", (line) => {
      if (line.includes('"event":"server.started"')) resolve({ child, started: JSON.parse(line) });
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

/** A single game server for restart tests: fast timers (TIMER_SCALE 0.01), 20 s reconnection window. */
export async function spawnGameServer(port: number, dataDir: string, children: ChildProcess[]): Promise<ChildProcess> {
  return (
    await spawnServer({ PORT: String(port), DATA_DIR: dataDir, TIMER_SCALE: "0.01", RECONNECT_SECONDS: "20" }, children)
  ).child;
}

export function killChild(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  return stopChild(child, signal);
}

/**
 * A throwaway redis-server and PostgreSQL for a scale-out suite, started before its tests and stopped after them,
 * together with the game servers the suite spawned into `children` (resumed first, in case a test froze one).
 */
export function useScaleServices(children: ChildProcess[]): { redis: Service; postgres: Service } {
  const svc = {} as { redis: Service; postgres: Service };
  beforeAll(async () => {
    [svc.redis, svc.postgres] = await Promise.all([startRedis(), startPostgres()]);
  }, 60_000);
  afterAll(async () => {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) c.kill("SIGCONT");
      await killChild(c);
    }
    await svc.redis?.stop();
    await svc.postgres?.stop();
  }, 30_000);
  return svc;
}
