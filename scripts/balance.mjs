#!/usr/bin/env node
// npm run balance -- [the arguments of shared/src/sim/balance-cli.ts] [--jobs n]
// With --jobs n (n > 1) each role is played in its own process (`--roles r --json`, the other arguments unchanged), n at
// a time, and the results are merged in role order and printed by balance-cli.ts --render: the one-process output, byte
// for byte (roles are independent: every arm's matches are seeded from the match, the seat and the doctrine). Without
// it, balance-cli.ts runs as it is. (The orchestration lives here: shared/ imports nothing of node.)
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = ["--import", "tsx", join(root, "shared/src/sim/balance-cli.ts")];
const ROLES = ["lab", "regulator", "researcher"];

/** `args` without `flag` and the value after it. */
const without = (args, flag) => args.filter((_, k) => args[k] !== flag && args[k - 1] !== flag);

const argv = process.argv.slice(2);
const k = argv.indexOf("--jobs");
const jobs = k < 0 ? 1 : Number(argv[k + 1]);
const rest = without(argv, "--jobs");
const r = rest.indexOf("--roles");
const roles = r < 0 ? ROLES : (rest[r + 1] ?? "").split(",").filter((x) => ROLES.includes(x));
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error("balance: --jobs must be a whole number from 1");
  process.exit(2);
}

/** Runs balance-cli with `args`; resolves with its stdout when `capture`, else passes it through. */
function cli(args, { capture = false, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], {
      cwd: root,
      stdio: [input === undefined ? "ignore" : "pipe", capture ? "pipe" : "inherit", "inherit"],
    });
    let out = "";
    if (capture) child.stdout.setEncoding("utf8").on("data", (d) => (out += d));
    if (input !== undefined) child.stdin.end(input);
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`balance ${args.join(" ")}: exit ${code}`)),
    );
  });
}

try {
  if (jobs === 1 || roles.length < 2) await cli(rest);
  else {
    const results = new Map();
    // Each process its own role (a second --json is harmless).
    const others = without(rest, "--roles");
    let next = 0;
    const worker = async () => {
      while (next < roles.length) {
        const role = roles[next++];
        const out = await cli([...others, "--json", "--roles", role], { capture: true });
        results.set(role, JSON.parse(out.slice(out.indexOf("{"))));
      }
    };
    await Promise.all(Array.from({ length: Math.min(jobs, roles.length) }, worker));
    const first = results.get(roles[0]);
    const shared = (r) => JSON.stringify({ ...r, roles: null });
    for (const role of roles)
      if (shared(results.get(role)) !== shared(first))
        throw new Error(`balance --roles ${role}: the shared figures differ`);
    const merged = { ...first, roles: {} };
    for (const role of roles) merged.roles[role] = results.get(role).roles[role];
    await cli([...others, "--render"], { input: JSON.stringify(merged) });
  }
} catch (e) {
  console.error(String(e.message ?? e));
  process.exit(1);
}
