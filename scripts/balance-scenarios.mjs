#!/usr/bin/env node
// The exploit search on every scenario (docs/MODEL.md §10 reads the summary this writes).
// Usage: npm run balance:scenarios   (about 2 minutes a scenario on one core; BALANCE_MATCHES=N, default 1000;
// BALANCE_SCENARIOS=a,b to pick scenarios; BALANCE_JOBS=n processes a scenario, default 2; BALANCE_ROLES=r,s plays only
// those roles and keeps the others' figures from the file, e.g. to give one role's expert more matches). Writes
// docs/balance-scenarios.json: for each scenario and role the best exploit found and the highest upper 95% bound of any
// confirmed arm, and each doctrine's win share of the matches with a winner. The expert arm is left out unless
// BALANCE_BOT_MATCHES=n (it is slow: ~30 core-minutes a scenario at n = 200): then the hard and expert bots play each
// cell's first n seeds and every role records, doctrine by doctrine, the expert's gain over the normal bot beside the
// best scripted or searched arm's (the baseline run with it on 1,000 seeds is docs/balance-baseline.json). Scenarios
// run in separate processes at once merge into the file (it is read again just before it is written).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expertCells } from "./expert-cells.mjs";

const root = new URL("..", import.meta.url).pathname;
const N = Number(process.env.BALANCE_MATCHES ?? 1000);
const scenarios = (process.env.BALANCE_SCENARIOS ?? "baseline,leaky,fast,slow,classroom").split(",");
const round = (x) => Math.round(x * 1000) / 1000;
const arm = (a) => ({
  name: a.name,
  gainOverNormal: round(a.gainOverNormal),
  se: round(a.se),
  upper95: round(a.upper95),
  matches: a.n,
});

const path = new URL("../docs/balance-scenarios.json", import.meta.url);
// Scenarios not rerun keep their last figures when the rules version and match count are the same.
const JOBS = process.env.BALANCE_JOBS ?? "2";
const BOT = process.env.BALANCE_BOT_MATCHES ? Number(process.env.BALANCE_BOT_MATCHES) : 0;
if (!Number.isInteger(BOT) || BOT < 0) throw new Error("BALANCE_BOT_MATCHES must be a whole number");
const ROLES = process.env.BALANCE_ROLES?.split(",");
if (ROLES?.some((r) => !["lab", "regulator", "researcher"].includes(r)))
  throw new Error("BALANCE_ROLES names roles: lab, regulator, researcher");
const read = () => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
// Checked before the run (hours with the expert) as well as after it: a run of some roles merges into a full one.
if (ROLES && read()?.matches !== N)
  throw new Error("BALANCE_ROLES needs an earlier run of every role at BALANCE_MATCHES");
const out = { command: "npm run balance:scenarios", matches: N, seed: 1, rulesVersion: null, scenarios: {} };
for (const s of scenarios) {
  const t0 = Date.now();
  const args = ["scripts/balance.mjs"];
  // The roles in parallel processes (the same JSON as one process; BALANCE_JOBS=1 for one).
  args.push("--json", "--matches", String(N), "--seed", "1", "--scenario", s, "--jobs", JOBS);
  args.push(...(BOT > 0 ? ["--bot-matches", String(BOT)] : ["--no-expert"]));
  if (ROLES) args.push("--roles", ROLES.join(","));
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`balance --scenario ${s} failed: ${r.stderr}`);
  const d = JSON.parse(r.stdout);
  out.rulesVersion = d.rulesVersion;
  const roles = {};
  for (const [role, x] of Object.entries(d.roles)) {
    roles[role] = { bestExploit: arm(x.bestExploit), maxUpper95: arm(x.maxUpper95) };
    if (BOT > 0) roles[role].expert = { botMatches: BOT, cells: expertCells(x.arms, round) };
  }
  const doctrines = {};
  for (const [k, v] of Object.entries(d.doctrines)) doctrines[k] = round(v.winShareOfWon);
  out.scenarios[s] = { roles, doctrines };
  const worst = Math.max(...Object.values(roles).map((x) => x.maxUpper95.upper95));
  console.log(
    `${s}: highest upper 95% of any confirmed arm ${worst.toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
}
// Read again now: another process may have written its scenarios since this one started.
const old = read();
const same = old?.rulesVersion === out.rulesVersion && old?.matches === N;
if (ROLES && !same)
  throw new Error("BALANCE_ROLES needs an earlier run of every role with the same rules and match count");
if (same) {
  const merged = { ...old.scenarios };
  for (const [k, v] of Object.entries(out.scenarios)) {
    // A run without the expert keeps an earlier run's expert cells when its exploits are the same (they are
    // deterministic: the same seeds give the same arms).
    const before = old.scenarios[k];
    for (const [role, r] of Object.entries(v.roles))
      if (
        !r.expert &&
        before?.roles?.[role]?.expert &&
        JSON.stringify(before.roles[role].bestExploit) === JSON.stringify(r.bestExploit)
      )
        r.expert = before.roles[role].expert;
    // A run of some roles keeps the others (and the doctrines' shares, which come from the normal bots' matches).
    merged[k] = ROLES && before ? { ...before, roles: { ...before.roles, ...v.roles } } : v;
  }
  out.scenarios = merged;
}
writeFileSync(path, JSON.stringify(out, null, 1) + "\n");
console.log(`wrote ${path.pathname}`);
