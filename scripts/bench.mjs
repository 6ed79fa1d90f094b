#!/usr/bin/env node
// `npm run bench [-- --json] [--load-matches N] [--no-load] [--no-client]`: the engine benchmark, the client's gzip sizes
// and a short load run against a server this script starts itself, as one object {engine, client, load}.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const root = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    "load-matches": { type: "string", default: "100" },
    "no-load": { type: "boolean", default: false },
    "no-client": { type: "boolean", default: false },
  },
});

function runJson(args, what) {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: process.env,
  });
  const line = (r.stdout ?? "")
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .pop();
  if (!line)
    return { error: `${what} failed (exit ${r.status}): ${(r.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}` };
  try {
    return JSON.parse(line);
  } catch {
    return { error: `${what}: unreadable output` };
  }
}

// The client sizes read the built bundle; build it once if it is not there.
function clientSizes() {
  const manifest = join(root, "client", "dist", ".vite", "manifest.json");
  const script = join(root, "client", "scripts", "sizes.mjs");
  if (!existsSync(script)) return null;
  if (!existsSync(manifest)) {
    const b = spawnSync("npm", ["run", "build", "-w", "client"], { cwd: root, encoding: "utf8" });
    if (b.status !== 0) return { error: "client build failed" };
  }
  const r = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8" });
  try {
    const out = JSON.parse(r.stdout);
    delete out.files;
    return out;
  } catch {
    return { error: `client sizes failed (exit ${r.status})` };
  }
}

const engine = runJson(["--import", "tsx", "shared/src/sim/bench.ts", "--json"], "engine bench").engine ?? {
  error: "engine bench printed no engine",
};
const client = values["no-client"] ? null : clientSizes();
const load = values["no-load"]
  ? null
  : runJson(
      ["--import", "tsx", "server/src/load.ts", "--start", "--matches", values["load-matches"], "--json"],
      "load run",
    );

if (values.json) {
  process.stdout.write(JSON.stringify({ engine, client, load }) + "\n");
} else {
  if (engine.error) console.log(`engine: ${engine.error}`);
  else
    console.log(
      `engine: ${engine.matchesPerSecond} matches/s (${engine.matchesPerCpuSecond} per CPU second; ${engine.matches} matches), median resolveRound ${engine.resolveRoundMicros} µs (${engine.resolveRoundQuietMicros} µs without report text) over ${engine.rounds} rounds`,
    );
  if (client?.error) console.log(`client: ${client.error}`);
  else if (client)
    console.log(
      `client: initial ${client.initialGzipKB} KB gzip (budget ${client.budgetInitialGzipKB}), board ${client.boardGzipKB} KB, replay ${client.replayGzipKB} KB`,
    );
  if (load?.error) console.log(`load: ${load.error}`);
  else if (load) {
    console.log(
      `load: ${load.matches} matches, ${load.clients} clients, ${load.roundsResolved} rounds; last order → report p50 ${load.latencyP50Ms} ms, p99 ${load.latencyP99Ms} ms; ${load.errors} errors`,
    );
    console.log(
      `      server RSS ${load.serverRssMB} MB, CPU ${load.serverCpuPercent}% of a core; ${load.bytesPerClientPerRound} B per client per round on the wire (${load.decodedBytesPerClientPerRound} decoded)`,
    );
  }
}
const failed = engine.error || client?.error || load?.error || (load && load.errors > 0);
process.exit(failed ? 1 : 0);
