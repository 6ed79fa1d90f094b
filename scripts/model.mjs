#!/usr/bin/env node
// Regenerates docs/MODEL.md: runs every simulator command the page cites and writes their numbers.
// Usage: npm run model   (about half a minute)
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const BASE = ["--matches", "2000", "--seed", "1", "--json", "--detail"];

function sim(args) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "shared/src/sim/cli.ts", ...BASE, ...args], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`sim ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const share = (r, e) => pct(r.endings[e] / r.matches);
const cmd = (args) => `npm run sim -- ${[...BASE.filter((a) => a !== "--detail" && a !== "--json"), "--json", "--detail", ...args].join(" ")}`;
const table = (d) => ["lab", "lab", "lab", "regulator", "researcher", "researcher"].map((r) => `${r}:${d}`).join(",");
const consTable = table("conservative");

const leak = [0.1, 0.3, 0.5, 0.7].map((x) => [x, sim(["--set", `leakBase=${x}`])]);
const vol = [0, 1, 2, 3].map((x) => [x, sim(["--set", `volatility=${x}`])]);
const scen = ["baseline", "leaky", "fast", "slow", "classroom"].map((s) => [s, sim(["--scenario", s])]);
const scenario = Object.fromEntries(scen);
const all = Object.fromEntries(["conservative", "incrementalist", "butlerian", "transhumanist"].map((d) => [d, sim(["--table", table(d)])]));
const incrSmooth = sim(["--table", table("incrementalist"), "--set", "volatility=0"]);
const consWorlds = [
  ["conservative table, rogue drift 0.25", ["--table", consTable, "--set", "rogueDrift=0.25"]],
  ["conservative table, baseline", ["--table", consTable]],
  ["rogue drift 1.5, leakBase 0.5", ["--table", consTable, "--set", "rogueDrift=1.5", "--set", "leakBase=0.5"]],
  ["no regulator at all", ["--table", "lab:conservative,lab:conservative,lab:conservative,researcher:conservative,researcher:conservative"]],
].map(([name, args]) => [name, args, sim(args)]);
const interp = [0, 3, 5].map((x) => [x, sim(["--set", `startInterp=${x}`])]);
const seeds = [2, 3].flatMap((seed) => scen.map(([s]) => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "shared/src/sim/cli.ts", "--matches", "2000", "--seed", String(seed), "--json", "--scenario", s], { cwd: root, encoding: "utf8" });
  return JSON.parse(r.stdout);
}));
const minEnding = Math.min(...seeds.flatMap((r) => Object.values(r.endings).map((n) => n / r.matches)));
const catRange = [Math.min(...seeds.map((r) => r.catastropheRate)), Math.max(...seeds.map((r) => r.catastropheRate))];
const best = (r) => Object.entries(r.byDoctrine).sort((a, b) => b[1].winShare - a[1].winShare)[0];
const mixed = scenario.baseline;

const md = `# What the model shows

The game is built on an essay comparing four *metastrategies* for getting transformative AI
aligned in time. This page lists the essay's claims that the rules are meant to make bite, the
simulator command that shows each one, and what it printed (seed 1, 2,000 bot matches per line,
normal difficulty). Every command is reproducible byte for byte; \`npm run model\` reruns them all
and rewrites this page. \`--detail\` adds the causes of catastrophes, world values and timing.

The numbers come from bots, not people: they show that the forces exist in the rules and push
in the direction the essay argues, not how often real players will fail.

## 1. Leaks feed irresponsible actors, and that raises catastrophe

    ${cmd(["--set", "leakBase=X"])}

| leakBase | leaked points / match | final rogue (mean) | catastrophe | caused by rogue actors | caused by labs |
|---|---|---|---|---|---|
${leak.map(([x, r]) => `| ${x}${x === 0.3 ? " (baseline)" : ""} | ${r.detail.meanLeakedPoints.toFixed(2)} | ${r.detail.meanFinalRogue.toFixed(2)} | ${pct(r.catastropheRate)} | ${r.detail.catastropheBy.rogue} | ${r.detail.catastropheBy.lab} |`).join("\n")}

More leakage means more catastrophe, and the extra catastrophes are the rogue actors'. The
scenarios agree: *leaky* ${pct(scenario.leaky.catastropheRate)} against *baseline* ${pct(mixed.catastropheRate)} (\`--scenario leaky\`).

## 2. Unpredictable progress raises catastrophe

    ${cmd(["--set", "volatility=X"])}

| volatility | catastrophe | caused by labs | secure endings |
|---|---|---|---|
${vol.map(([x, r]) => `| ${x}${x === 1 ? " (baseline)" : ""} | ${pct(r.catastropheRate)} | ${r.detail.catastropheBy.lab} | ${r.endings.secure} |`).join("\n")}

Paradigm shifts open a gap between capability and aligned capability and knock old alignment
work down; the lab-caused catastrophes grow with them. Scenarios: *slow* (volatility 0.5, less
leakage) ${pct(scenario.slow.catastropheRate)}, *fast* (volatility 2, two news cards) ${pct(scenario.fast.catastropheRate)}.

## 3. Incrementalism compounds the risk

    ${cmd(["--table", table("incrementalist")])}

A table of incrementalists ends in catastrophe in **${pct(all.incrementalist.catastropheRate)}** of matches
(${all.incrementalist.detail.catastropheBy.lab} caused by labs, ${all.incrementalist.detail.catastropheBy.rogue} by rogue actors fed by their leaks); it reaches a
secure defense in ${share(all.incrementalist, "secure")}. With smooth progress (\`--set volatility=0\`) it still fails in
${pct(incrSmooth.catastropheRate)}: step-by-step capability work, leaky and measured by tests that cannot see every
flaw, is the riskiest path even without surprises.

## 4. The conservative path fails mainly when rogue actors are not held back

    ${cmd(["--table", consTable])} [--set ...]

| world | catastrophe | by rogue actors | by labs |
|---|---|---|---|
${consWorlds.map(([name, , r]) => `| ${name} | ${pct(r.catastropheRate)} | ${r.detail.catastropheBy.rogue} | ${r.detail.catastropheBy.lab} |`).join("\n")}

(The last line drops the regulator from \`--table\`.) The conservative table is the safest of the
tables that aim at TAI, but once nobody holds the irresponsible actors back its failures are
almost all theirs.

## 5. The butlerian path is the safest and worth the least

    ${cmd(["--table", table("butlerian")])}

| table | catastrophe | drifted | world value when the world survived | endings reached |
|---|---|---|---|---|
${Object.entries(all).map(([d, r]) => `| ${d} | ${pct(r.catastropheRate)} | ${share(r, "drifted")} | ${r.detail.meanWorldValueIfSurvived.toFixed(1)} | ${Object.entries(r.endings).filter(([, n]) => n > 0).map(([e, n]) => `${e} ${n}`).join(", ")} |`).join("\n")}

The butlerian table is by far the safest, and its ceiling is the lowest: every surviving match
ends in the long pause (W = 60); it never reaches the secure future (100) or the handoff (90),
which the other paths reach when they work. (The conservative table's survivals average less
only because most of its matches run out of time, *precarious*, before its defense is ready:
ten rounds are short for theory first.) The transhumanist table avoids AI catastrophe but loses
the future to drifted successors in ${share(all.transhumanist, "drifted")} of matches.

## 6. Augmentation is slow and carries drift

Same commands as §5, and the mixed baseline (\`${cmd([])}\`):

- Safe (epigenetic) augmentation, as conservative researchers pursue it: handoffs arrive at
  round **${all.conservative.detail.meanEndRound.handoff.toFixed(1)}** on average (${all.conservative.endings.handoff} handoffs, ${all.conservative.endings.drifted} drifted).
- The direct route, as transhumanist researchers take it half the time: handoffs at round
  ${all.transhumanist.detail.meanEndRound.handoff.toFixed(1)}, but **${pct(all.transhumanist.endings.drifted / (all.transhumanist.endings.drifted + all.transhumanist.endings.handoff))}** of augmented successors drifted.
- Mixed tables: handoff ${share(mixed, "handoff")}, drifted ${share(mixed, "drifted")}, handoff at round ${mixed.detail.meanEndRound.handoff.toFixed(1)} on average.

## 7. Measuring alignment is hard, and interpretability helps only so far

    ${cmd(["--set", "startInterp=X"])}

| interpretability at start | catastrophe | caused by labs |
|---|---|---|
${interp.map(([x, r]) => `| ${x} | ${pct(r.catastropheRate)} | ${r.detail.catastropheBy.lab} |`).join("\n")}

Better tools find more flaws, but validation loses power as systems pass the danger line
(−10% detection per level), and only the complete theory (milestone 3) makes it certain.

## 8. Balance targets (GAME.md §9)

    npm run sim -- --scenario S --matches 2000 --seed 1 --json

| scenario | catastrophe | secure | handoff | pause | precarious | drifted | best doctrine's win share | mean rounds |
|---|---|---|---|---|---|---|---|---|
${scen.map(([s, r]) => `| ${s} | ${pct(r.catastropheRate)} | ${share(r, "secure")} | ${share(r, "handoff")} | ${share(r, "pause")} | ${share(r, "precarious")} | ${share(r, "drifted")} | ${pct(best(r)[1].winShare)} (${best(r)[0]}) | ${r.meanRounds.toFixed(1)} |`).join("\n")}

Targets: catastrophe 25–60%, every ending ≥ 2%, no doctrine wins more than 45%. Seeds 2 and 3
stay inside the same bounds (smallest ending share ${pct(minEnding)}, catastrophe ${pct(catRange[0])}–${pct(catRange[1])}).
`;
writeFileSync(new URL("../docs/MODEL.md", import.meta.url), md);
console.log("docs/MODEL.md written");
