#!/usr/bin/env node
// Regenerates docs/MODEL.md: runs every simulator command the page cites and writes their numbers.
// Usage: npm run model   (a few minutes; MODEL_MATCHES=N to change the 1,000 matches per line,
// MODEL_COMPETENT_MATCHES=N for the competent-play column, 0 to skip it; MODEL_COMPETENT_LEVEL=hard|expert, default
// expert).
// The exploit table is read from docs/balance-baseline.json when present (written by
// `npm run balance -- --json --matches 1000 --seed 1 > docs/balance-baseline.json`).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expertCells } from "./expert-cells.mjs";

const root = new URL("..", import.meta.url).pathname;
const ONLY_BALANCE = process.env.MODEL_BALANCE_ONLY === "1";
const N = Number(process.env.MODEL_MATCHES ?? 1000);
const NC = Number(process.env.MODEL_COMPETENT_MATCHES ?? 20);
const LEVEL = process.env.MODEL_COMPETENT_LEVEL === "hard" ? "hard" : "expert";
// The rules version, as the engine states it (major.minor for the title).
const RULES = /RULES_VERSION = "(\d+\.\d+)/.exec(
  readFileSync(new URL("../shared/src/rules/state.ts", import.meta.url), "utf8"),
)[1];
// The search budgets, as shared/src/bots/search.ts sets them (the expert: 150 ms at NODES_PER_MS).
const SEARCH = readFileSync(new URL("../shared/src/bots/search.ts", import.meta.url), "utf8");
const BUDGET_NODES = {
  expert: 150 * Number(/export const NODES_PER_MS = (\d+);/.exec(SEARCH)[1]),
  hard: Number(/export const HARD: SearchBudget = \{\s*nodes: (\d+),/.exec(SEARCH)[1]),
};
const simArgs = (matches) => ["--matches", String(matches), "--seed", "1", "--json", "--detail"];
const BASE = simArgs(N);

/** A signed figure to one decimal, with a true minus sign. */
const f = (x) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(1)}`;

/** Where the expert arm stands against the best scripted arm of each role × doctrine cell of the balance file. */
function expertVsScripts(balance) {
  const cells = Object.entries(balance.roles).flatMap(([role, r]) =>
    Object.entries(expertCells(r.arms)).map(([d, c]) => ({ cell: `${role} @${d}`, margin: c.margin, se: c.expert.se })),
  );
  const below = cells.filter((c) => c.margin <= 0);
  const clear = cells.filter((c) => c.margin > 2 * c.se);
  const m = cells.map((c) => c.margin);
  const se = cells.map((c) => c.se);
  return (
    `they are in ${cells.length - below.length} of ${cells.length} role × doctrine cells (margins ${f(Math.min(...m))} to ` +
    `${f(Math.max(...m))} points)${below.length ? `, not for ${below.map((c) => `${c.cell} (${f(c.margin)})`).join(", ")}` : ""}; ` +
    `${clear.length} of them by more than two standard errors of the expert's gain (${clear.map((c) => c.cell).join(", ") || "none"}; ` +
    `its s.e. is ${Math.min(...se).toFixed(1)}–${Math.max(...se).toFixed(1)} points on these matches)`
  );
}

/** The expert against the best scripted or searched arm, cell by cell, on every scenario that played it
 * (`BALANCE_BOT_MATCHES=n npm run balance:scenarios`), with baseline's row from the balance file. */
function expertScenarioTable(sc, balance) {
  const cell = (c) =>
    c
      ? `${f(c.expert.gain)} ± ${c.expert.se.toFixed(1)} vs ${f(c.bestScripted.gain)}${c.margin > 2 * c.expert.se ? "" : c.margin > 0 ? " (within 2 s.e.)" : " **(below)**"}`
      : "—";
  const rows = Object.entries(balance?.roles ?? {})
    .map(([role, r]) => ["baseline", role, expertCells(r.arms)])
    .filter(([, , cells]) => Object.keys(cells).length);
  for (const [s, x] of Object.entries(sc?.scenarios ?? {}))
    for (const [role, r] of Object.entries(x.roles))
      if (r.expert && s !== "baseline") rows.push([s, role, r.expert.cells]);
  if (!rows.some(([s]) => s !== "baseline")) return "";
  const all = rows.flatMap(([, , c]) => Object.values(c));
  const below = all.filter((c) => c.margin <= 0).length;
  const near = all.filter((c) => c.margin > 0 && c.margin <= 2 * c.expert.se).length;
  // The bot matches each role's cells were played on (a role may have been rerun alone with more: BALANCE_ROLES).
  const byN = new Map();
  for (const [, role, c] of rows.filter(([s]) => s !== "baseline"))
    for (const v of Object.values(c)) byN.set(v.expert.matches, (byN.get(v.expert.matches) ?? new Set()).add(role));
  const runs = [...byN]
    .sort(([a], [b]) => a - b)
    .map(([n, roles], k) => {
      // The first is the run of every role; a later one reran some roles alone.
      const env = k > 0 ? `BALANCE_ROLES=${[...roles].join(",")} ` : "";
      return `${[...roles].join(" and ")}: \`${env}BALANCE_BOT_MATCHES=${n} npm run balance:scenarios\`, each cell's first ${n.toLocaleString("en")} seeds`;
    });
  return `
The expert on every scenario (the hard and expert bots; ${runs.join("; ")}; baseline's row from the balance file above
on its ${balance?.roles.lab.arms.find((a) => a.name === "expert")?.n.toLocaleString("en") ?? "—"}). Each cell: the expert's
gain over the normal bot ± s.e. vs the best scripted or searched arm's gain (on ${sc.matches.toLocaleString("en")} matches). The expert is above
the best scripted arm in ${all.length - below} of ${all.length} cells, ${all.length - below - near} of them by more than two standard errors${below ? `; below it in ${below}` : ""}.

| scenario | role | ${DOCS.join(" | ")} |
|---|---|${DOCS.map(() => "---|").join("")}
${rows.map(([s, role, c]) => `| ${s} | ${role} | ${DOCS.map((d) => cell(c[d])).join(" | ")} |`).join("\n")}
`;
}

function sim(args, base = BASE) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "shared/src/sim/cli.ts", ...base, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`sim ${args.join(" ")} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const share = (r, e) => pct(r.endings[e] / r.matches);
const cmd = (args) => `npm run sim -- --matches ${N} --seed 1 --json --detail ${args.join(" ")}`.trim();
const DOCS = ["conservative", "incrementalist", "butlerian", "transhumanist"];
const table = (d) => ["lab", "lab", "lab", "regulator", "researcher", "researcher"].map((r) => `${r}:${d}`).join(",");
const byCause = (r) =>
  `${r.detail.catastropheBy.lab} / ${r.detail.catastropheBy.rogue} / ${r.detail.catastropheBy.defense}`;

if (ONLY_BALANCE) {
  const path = new URL("../docs/MODEL.md", import.meta.url);
  const old = readFileSync(path, "utf8");
  const cut = old.indexOf("## 10. No trivial script wins");
  writeFileSync(path, old.slice(0, cut) + balanceSection() + ladderKept(old));
  console.log("docs/MODEL.md: section 10 rewritten");
  process.exit(0);
}

const base = sim([]);
// The baseline world's own values of the swept knobs, as the simulator played them (the tables mark that row).
const baselineParams = base.params;

// 1. leaks fuel rogue actors
const leak = [0.25, 0.45, 0.65].map((x) => [x, sim(["--set", `leakBase=${x}`])]);
const noLabLeaks = sim(["--set", "labLeaks=0"]);
const rogueCut = 1 - noLabLeaks.detail.catastropheBy.rogue / Math.max(1, base.detail.catastropheBy.rogue);
const noAbsorb = sim(["--set", "absorb=0"]);
// 2. volatility
const vol = [...new Set([0, 1, baselineParams.volatility, 2, 3])]
  .sort((a, b) => a - b)
  .map((x) => [x, sim(["--set", `volatility=${x}`])]);
// 3. deceptive alignment
const noDeception = sim(["--set", "deception=0"]);
const deceptionHigh = sim(["--set", "deception=1"]);
const interpTheory = sim(["--set", "startTheory=6", "--set", "startInterp=3"]);
// 4. products
const noIncidents = sim(["--set", "incidents=0"]);
const noLockIn = sim(["--set", "lockIn=0"]);
// 5. the race: per-lab risk per round by number of labs, on 4× the matches (the hazard is a ratio over the few
// lab-rounds past the line: on 1,000 matches a one-lab table has ~550 of them, and its figure moved by a point between
// rules versions that did not touch the race).
const RACE_N = 4 * N;
const raceBase = simArgs(RACE_N);
const raceTables = [1, 2, 3, 4].map((k) => [
  k,
  sim(["--table", [...Array(k).fill("lab"), "regulator", "researcher", "researcher"].join(",")], raceBase),
]);
const raceOff = [1, 4].map((k) => [
  k,
  sim(
    ["--table", [...Array(k).fill("lab"), "regulator", "researcher", "researcher"].join(","), "--set", "race=0"],
    raceBase,
  ),
]);
const hazard = (r) => r.detail.labRiskPastDanger * 100;
/** What the race table shows, in words that follow the figures (not a claim written once). */
function raceRise() {
  const h = raceTables.map(([, r]) => hazard(r));
  const every = h.every((x, i) => i === 0 || x > h[i - 1]);
  if (every) return "It rises with every lab at the table";
  return h[h.length - 1] > h[0]
    ? `It rises from one lab to four (${h[0].toFixed(2)} → ${h[h.length - 1].toFixed(2)}%), though **not at every step**`
    : "It does **not** rise with the number of labs";
}
function raceFlat() {
  const [a, b] = raceOff.map(([, r]) => hazard(r));
  return Math.abs(b - a) <= 1
    ? `stays about flat (${a.toFixed(2)}% with one lab, ${b.toFixed(2)}% with four)`
    : `goes from ${a.toFixed(2)}% with one lab to ${b.toFixed(2)}% with four`;
}
// 6. uniform tables (normal bots) and competent play
const all = Object.fromEntries(DOCTRINES().map((d) => [d, sim(["--table", table(d)])]));
function DOCTRINES() {
  return DOCS;
}
const competent =
  NC > 0
    ? Object.fromEntries(
        DOCS.map((d) => [
          d,
          sim(
            ["--table", table(d), "--difficulty", LEVEL],
            ["--matches", String(NC), "--seed", "1", "--json", "--detail"],
          ),
        ]),
      )
    : null;
const competentBase =
  NC > 0 ? sim(["--difficulty", LEVEL], ["--matches", String(NC), "--seed", "1", "--json", "--detail"]) : null;
const bestPath = Object.entries(all).sort((a, b) => b[1].detail.meanWorldValue - a[1].detail.meanWorldValue)[0];
// 7. conservative path and predictability
const consRogueLow = sim(["--table", table("conservative"), "--set", "rogueDrift=0", "--set", "labLeaks=0.5"]);
const consNoReg = sim([
  "--table",
  "lab:conservative,lab:conservative,lab:conservative,researcher:conservative,researcher:conservative",
]);
const incrVol0 = sim(["--table", table("incrementalist"), "--set", "volatility=0"]);
const consVol2 = sim(["--table", table("conservative"), "--set", "volatility=2"]);
const incrVol2 = sim(["--table", table("incrementalist"), "--set", "volatility=2"]);
const consTrans = sim([
  "--table",
  "lab:conservative,lab:conservative,lab:conservative,regulator:transhumanist,researcher:conservative,researcher:transhumanist",
]);
// 8. augmentation: the legal change
const legal = [3, 6, 9, 11].map((x) => [x, sim(["--table", table("transhumanist"), "--set", `legalWill=${x}`])]);
// 9. scenarios
const scen = ["baseline", "leaky", "fast", "slow", "classroom"].map((s) => [s, sim(["--scenario", s])]);

const endingsCell = (r) =>
  ["secure", "handoff", "pause", "precarious", "catastrophe", "drifted"].map((e) => `${e} ${share(r, e)}`).join(", ");
const minEnding = (r) => Math.min(...Object.values(r.endings).map((n) => n / r.matches));
const ofWon = (r) => DOCS.map((d) => `${d.slice(0, 4)} ${pct(r.byDoctrine[d].winShareOfWon)}`).join(", ");

const md = `# What the model shows (rules ${RULES})

The game is built on an essay comparing four *metastrategies* for getting transformative AI
aligned in time. This page lists the essay's claims that the rules are meant to make bite, the
simulator command that shows each one (mostly an **ablation**: one force switched off or turned
up with a \`--set\` knob, docs/RULES.md §2), and what it printed: seed 1, ${N} bot matches per line,
normal bots unless said otherwise. \`npm run model\` reruns them all and rewrites this page.

The numbers come from bots, not people: they show that each force exists in the rules and pushes
in the direction the essay argues, not how often real players will fail. Catastrophes are split
as *labs / rogue actors / deceptive defenses*.

## 0. The default table

    ${cmd([])}

Endings: ${endingsCell(base)}. Catastrophe **${pct(base.catastropheRate)}** (${byCause(base)}), mean world value
${base.detail.meanWorldValue.toFixed(1)}. Win share of the matches with a winner: ${ofWon(base)}.

## 1. Leaked capability is the main fuel of rogue actors

    ${cmd(["--set", "labLeaks=0"])}

| world | leaked points / match | final rogue (mean) | catastrophe | labs / rogue / defenses |
|---|---|---|---|---|
${leak.map(([x, r]) => `| leakBase ${x}${x === baselineParams.leakBase ? " (baseline)" : ""} | ${r.detail.meanLeakedPoints.toFixed(2)} | ${r.detail.meanFinalRogue.toFixed(2)} | ${pct(r.catastropheRate)} | ${byCause(r)} |`).join("\n")}
| lab leaks off (\`labLeaks=0\`) | ${noLabLeaks.detail.meanLeakedPoints.toFixed(2)} | ${noLabLeaks.detail.meanFinalRogue.toFixed(2)} | ${pct(noLabLeaks.catastropheRate)} | ${byCause(noLabLeaks)} |
| rogue actors absorb nothing (\`absorb=0\`) | ${noAbsorb.detail.meanLeakedPoints.toFixed(2)} | ${noAbsorb.detail.meanFinalRogue.toFixed(2)} | ${pct(noAbsorb.catastropheRate)} | ${byCause(noAbsorb)} |

Switching lab leaks off cuts the rogue-caused catastrophes by **${pct(rogueCut)}** (target ≥ 60%): without
leaks the irresponsible actors' own drift does not take them to the danger line in ten rounds.
Capability that stays unaligned stays exposed every round (RULES §8), so secrecy has to hold for
as long as the gap is open, not just the round a gain is made.

## 2. Unpredictable progress raises catastrophe

    ${cmd(["--set", "volatility=X"])}

| volatility | catastrophe | labs / rogue / defenses | secure |
|---|---|---|---|
${vol.map(([x, r]) => `| ${x}${x === baselineParams.volatility ? " (baseline)" : ""} | ${pct(r.catastropheRate)} | ${byCause(r)} | ${share(r, "secure")} |`).join("\n")}

## 3. Deceptive alignment decides some defenses, and only theory-backed interpretability catches it

    ${cmd(["--set", "deception=0"])}

| world | catastrophe | labs / rogue / defenses | secure | defenses completed |
|---|---|---|---|---|
| no deceptive flaws (\`deception=0\`) | ${pct(noDeception.catastropheRate)} | ${byCause(noDeception)} | ${share(noDeception, "secure")} | ${noDeception.detail.defensesCompleted} |
| baseline (\`deception=${baselineParams.deception}\`) | ${pct(base.catastropheRate)} | ${byCause(base)} | ${share(base, "secure")} | ${base.detail.defensesCompleted} |
| every near-frontier gain may deceive (\`deception=1\`) | ${pct(deceptionHigh.catastropheRate)} | ${byCause(deceptionHigh)} | ${share(deceptionHigh, "secure")} | ${deceptionHigh.detail.defensesCompleted} |
| baseline, but theory 6 and interpretability 3 from the start | ${pct(interpTheory.catastropheRate)} | ${byCause(interpTheory)} | ${share(interpTheory, "secure")} | ${interpTheory.detail.defensesCompleted} |

Switching deception off lowers catastrophe by **${((base.catastropheRate - noDeception.catastropheRate) * 100).toFixed(1)} points** (target ≥ 2). Deceptive flaws
pass every ordinary validation; only a validation with theory milestone 2 and interpretability 3
can find them (RULES §6), which is what the last line gives the labs from the start.

## 4. Products are profitable, not proof of alignment, and they lock the economy in

    ${cmd(["--set", "incidents=0"])}
    ${cmd(["--set", "lockIn=0"])}

| world | catastrophe | labs / rogue / defenses | pause | products / match |
|---|---|---|---|---|
| baseline | ${pct(base.catastropheRate)} | ${byCause(base)} | ${share(base, "pause")} | ${base.detail.meanProducts.toFixed(1)} |
| no product incidents | ${pct(noIncidents.catastropheRate)} | ${byCause(noIncidents)} | ${share(noIncidents, "pause")} | ${noIncidents.detail.meanProducts.toFixed(1)} |
| no lock-in | ${pct(noLockIn.catastropheRate)} | ${byCause(noLockIn)} | ${share(noLockIn, "pause")} | ${noLockIn.detail.meanProducts.toFixed(1)} |

Incidents are how a flawed product shows its flaw (and raise political will); without them flaws stay hidden
in products that add to their lab's risk. Lock-in makes the policies that would stop AI work and the
regime need more will: without it the pause comes more easily.

## 5. The race is a dilemma: each lab's risk rises with the number of labs

    npm run sim -- --matches ${RACE_N} --seed 1 --json --detail --table lab,lab,lab,regulator,researcher,researcher [--set race=0]

| labs at the table | a lab's risk per round at or past the danger line | with \`race=0\` | lab risk per lab per round (all rounds) | share of lab-rounds past the line | catastrophe | labs / rogue / defenses |
|---|---|---|---|---|---|---|
${raceTables
  .map(([k, r]) => {
    const o = raceOff.find(([j]) => j === k);
    return `| ${k} | **${(r.detail.labRiskPastDanger * 100).toFixed(2)}%** | ${o ? `${(o[1].detail.labRiskPastDanger * 100).toFixed(2)}%` : "—"} | ${(r.detail.meanLabRiskPerLabRound * 100).toFixed(2)}% | ${pct(r.detail.labRoundsPastDanger ?? 0)} | ${pct(r.catastropheRate)} | ${byCause(r)} |`;
  })
  .join("\n")}

The first column is the race's hazard: a lab's own catastrophe chance in a round it spends at or past
the danger line (the sum of the labs' chances over the lab-rounds past the line). ${raceRise()}, because every rival
within a step of the line (D − 1) adds \`race\` (0.5) to it (RULES §9); with \`race=0\` it ${raceFlat()}. Averaged over *all* rounds (fourth column) the rise stops after two labs: with
more labs the match ends sooner (someone's catastrophe, someone's defense) and each lab spends a smaller
share of its rounds past the line (fifth column), so the hazard is diluted by rounds at no risk.
A lab gains from being ahead (the visible leader gets +1 fund a round, the most capable +3
prestige, products take market share: RULES §3, §11), while every lab near the frontier makes
every other one's systems more dangerous (racing pressure) and leaks catch rivals up.

## 6. Uniform tables: the defense without TAI is harder than alignment and forgoes value

    npm run sim -- --matches ${N} --seed 1 --json --detail --table lab:D,lab:D,lab:D,regulator:D,researcher:D,researcher:D${NC > 0 ? ` [--difficulty ${LEVEL} --matches ${NC}]` : ""}

| table | catastrophe | mean world value | endings (normal bots) |${NC > 0 ? ` competent play (${LEVEL} bots, ${NC} matches): catastrophe, mean W |` : ""}
|---|---|---|---|${NC > 0 ? "---|" : ""}
${DOCS.map((d) => `| ${d} | ${pct(all[d].catastropheRate)} | ${all[d].detail.meanWorldValue.toFixed(1)} | ${endingsCell(all[d])} |${competent ? ` ${pct(competent[d].catastropheRate)}, ${competent[d].detail.meanWorldValue.toFixed(1)} |` : ""}`).join("\n")}
| mixed (baseline) | ${pct(base.catastropheRate)} | ${base.detail.meanWorldValue.toFixed(1)} | ${endingsCell(base)} |${competentBase ? ` ${pct(competentBase.catastropheRate)}, ${competentBase.detail.meanWorldValue.toFixed(1)} |` : ""}

The best path played by the normal bots is **${bestPath[0]}** (mean W ${bestPath[1].detail.meanWorldValue.toFixed(1)}); the uniform butlerian table
reaches ${all.butlerian.detail.meanWorldValue.toFixed(1)} (target: lower than the best path${bestPath[0] === "butlerian" ? ": **not met** with normal bots" : ""}).${
  competent
    ? (() => {
        const c = Object.entries(competent).sort((a, b) => b[1].detail.meanWorldValue - a[1].detail.meanWorldValue)[0];
        return ` Played competently (${LEVEL} bots, ${NC} matches a table: noisy) the best path is **${c[0]}** (W ${c[1].detail.meanWorldValue.toFixed(1)}) and the butlerian table reaches ${competent.butlerian.detail.meanWorldValue.toFixed(1)}.`;
      })()
    : ""
} Its regime needs six rounds of will ≥ 6,
three policies and enforcement every round, and lapses otherwise (regime lapses in ${all.butlerian.detail.regimeLapses} of its matches);
when it holds it buys the pause (W 60), never the secure future. Competent play is the ${LEVEL} search bot at
every seat (${BUDGET_NODES[LEVEL].toLocaleString("en-US")} simulated rounds a decision: \`EXPERT\` and \`HARD\` in shared/src/bots/search.ts); the ladder and the exploit search also measure it seat by seat.

## 7. The conservative path: predictable, and it fails mainly when rogue actors are not held back

| world | catastrophe | labs / rogue / defenses | secure |
|---|---|---|---|
| conservative table, baseline | ${pct(all.conservative.catastropheRate)} | ${byCause(all.conservative)} | ${share(all.conservative, "secure")} |
| conservative table, rogue drift 0 and half the leaks | ${pct(consRogueLow.catastropheRate)} | ${byCause(consRogueLow)} | ${share(consRogueLow, "secure")} |
| conservative labs and researchers, no regulator | ${pct(consNoReg.catastropheRate)} | ${byCause(consNoReg)} | ${share(consNoReg, "secure")} |
| conservative table, volatility 2 | ${pct(consVol2.catastropheRate)} | ${byCause(consVol2)} | ${share(consVol2, "secure")} |
| incrementalist table, volatility 2 | ${pct(incrVol2.catastropheRate)} | ${byCause(incrVol2)} | ${share(incrVol2, "secure")} |
| incrementalist table, volatility 0 | ${pct(incrVol0.catastropheRate)} | ${byCause(incrVol0)} | ${share(incrVol0, "secure")} |
| conservative labs + a transhumanist regulator and researcher | ${pct(consTrans.catastropheRate)} | ${byCause(consTrans)} | ${share(consTrans, "secure")}, handoff ${share(consTrans, "handoff")} |

Conservative labs on published theory take one predictable step a round (no paradigm shifts):
volatility moves the incrementalist table's lab catastrophes far more than the conservative one's.
The conservative table reaches *secure* in ${share(all.conservative, "secure")} of its matches (target ≥ 10%).

## 8. Augmentation needs a hard-won legal change; the safe route is slow, the fast one drifts

    npm run sim -- --matches ${N} --seed 1 --json --detail --table ${table("transhumanist")} --set legalWill=X

| will needed to legalise | handoff | drifted | mean handoff round |
|---|---|---|---|
${legal.map(([x, r]) => `| ${x}${x === 6 ? " (rules 2)" : x === 3 ? " (rules 1)" : ""} | ${share(r, "handoff")} | ${share(r, "drifted")} | ${r.detail.meanEndRound.handoff.toFixed(1)} |`).join("\n")}

In a table that wants augmentation, political will climbs fast (its labs' products cause incidents, its
regulator campaigns), so a threshold of 6 delays the law by a few rounds rather than blocking it; the gate
bites only when will cannot get there (11). With mixed tables (§9) the handoff is ${share(base, "handoff")} of matches.

## 9. Balance targets (issue 9 §3)

    npm run sim -- --scenario S --matches ${N} --seed 1 --json --detail

| scenario | catastrophe | smallest ending | pause | win share of won matches | mean rounds |
|---|---|---|---|---|---|
${scen.map(([s, r]) => `| ${s} | ${pct(r.catastropheRate)} | ${pct(minEnding(r))} | ${share(r, "pause")} | ${ofWon(r)} | ${r.meanRounds.toFixed(1)} |`).join("\n")}

Targets: catastrophe 25–55%, every ending ≥ 3%, pause ≤ 25%, each doctrine 15–35% of the matches with a winner.

${balanceSection()}`;
{
  const path = new URL("../docs/MODEL.md", import.meta.url);
  writeFileSync(path, md + ladderKept(existsSync(path) ? readFileSync(path, "utf8") : ""));
}

/** Section 11 (the bot ladder) is pasted from `npm run sim -- --ladder` (minutes per role): kept across rewrites. */
function ladderKept(old) {
  const at = old.indexOf("## 11. ");
  return at >= 0 ? "\n" + old.slice(at) : "";
}
console.log("docs/MODEL.md written");

/** A JSON file of docs/, or null when it is not there. */
function docJson(name) {
  const path = new URL(`../docs/${name}`, import.meta.url);
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

function balanceSection() {
  const balance = docJson("balance-baseline.json");
  const before = docJson("balance-baseline-rules1.json");
  const before2 = docJson("balance-baseline-rules2.0.json");
  const before23 = docJson("balance-baseline-rules2.3.json");
  const before22 = docJson("balance-baseline-rules2.2.json");
  const before21 = docJson("balance-baseline-rules2.1.json");
  const hasExpert = balance ? Object.values(balance.roles).some((r) => r.arms.some((a) => a.name === "expert")) : false;
  const earlier = (b, label, file) => `
Before (rules ${label}, the same command, kept in docs/${file}):

| role | best exploit | gain over the normal bot | upper 95% | highest upper 95% of any confirmed arm |
|---|---|---|---|---|
${Object.entries(b.roles)
  .map(
    ([role, r]) =>
      `| ${role} | ${r.bestExploit.name} | +${r.bestExploit.gainOverNormal.toFixed(1)} ± ${r.bestExploit.se.toFixed(1)} | ${r.bestExploit.upper95.toFixed(1)} | ${r.maxUpper95 ? `${r.maxUpper95.upper95.toFixed(1)} (${r.maxUpper95.name})` : "—"} |`,
  )
  .join("\n")}
`;
  const sc = docJson("balance-scenarios.json");
  const sign = (x) => `${x >= 0 ? "+" : ""}${x.toFixed(1)}`;
  const scenarioTable = sc
    ? `
Every scenario (\`npm run balance:scenarios\`: the same search without the expert arm, ${sc.matches} matches, seed ${sc.seed},
rules ${sc.rulesVersion}, summary in docs/balance-scenarios.json). Each cell: the best exploit's gain ± s.e. (upper 95%),
then the highest upper 95% of any confirmed arm. An arm whose bound passes +3 on the first ${sc.matches} matches is played
on three times as many fresh ones and reported on all of them (the match count is then shown): a role has ~20 confirmed
arms, and where a paired difference has a s.e. of ~1.1 (researchers in fast, slow and leaky) the highest of 20 bounds of
arms that gain nothing lies near +4.

| scenario | lab | regulator | researcher | doctrine win shares of won matches |
|---|---|---|---|---|
${Object.entries(sc.scenarios)
  .map(
    ([s, x]) =>
      `| ${s} | ${["lab", "regulator", "researcher"]
        .map((role) => {
          const r = x.roles[role];
          // A rechecked arm says on how many matches it was measured.
          const n = (a) => (a.matches > sc.matches ? `${a.matches.toLocaleString("en")} matches` : "");
          const best = r.bestExploit;
          const max = r.maxUpper95;
          return `${best.name}: ${sign(best.gainOverNormal)} ± ${best.se.toFixed(1)} (${best.upper95.toFixed(2)}${n(best) && `, ${n(best)}`}); max ${max.upper95.toFixed(2)}${n(max) && ` (${n(max)})`}`;
        })
        .join(" | ")} | ${Object.entries(x.doctrines)
        .map(([d, v]) => `${d.slice(0, 4)} ${pct(v)}`)
        .join(", ")} |`,
  )
  .join("\n")}

Before (rules 2.2, the same search on every scenario, first run this way): the classroom hid "normal + campaign" for
the butlerian regulator, +11.3 ± 0.9 (upper 13.0), and "deploy ×3" (like every script that never advances) for the
conservative lab, +4.6 ± 0.7 (6.0); in leaky a searched policy beat the incrementalist lab by +3.2 ± 1.2 (5.5). Rules
2.3 and its bots (RULES §14) answered those. Rules 2.4 added the \`plays:d\` arms (another doctrine's normal plan
under the seat's own label) and they found what the doctrine switches had hidden: in the classroom any regulator that
played the butlerian plan beat its own bot by +8.7 to +11.2 (a regime at will 6 reached the pause in half the
matches), and in baseline and fast the conservative regulator's plan beat the incrementalist and transhumanist ones by
+2.8 to +6.5. The classroom regime now needs will 8 and the regulator bots changed (RULES §2, §14).

Rules 2.4 left six role maxima above +3 on the first 1,000 matches (classroom regulator 4.3, fast and slow researcher
4.4 and 4.3, leaky researcher 3.4, slow regulator 3.2, classroom researcher 3.2). Rechecked on 3,000 fresh matches
only the classroom's transhumanist regulator stayed over (+2.2 ± 0.6, upper 3.4): a researcher's arm carries a
standard error near 1.1 on 1,000 matches, so among ~20 confirmed arms a role the highest bound of arms that gain little
lands near +4. Rules 2.5 (RULES §11, §14; section 13 below) rechecks such arms itself, fixed the classroom's
transhumanist regulator bot and the incrementalist researcher bot, and now every role of every scenario is under +3,
three of them by less than 0.1.
`
    : "";
  const expertLine = hasExpert
    ? `
The expert bot as an arm (${balance.roles.lab.arms.find((a) => a.name === "expert").n} matches a doctrine, paired gain over the normal bot, ± s.e.): ${Object.entries(
        balance.roles,
      )
        .map(
          ([role, r]) =>
            `${role} ${r.arms
              .filter((a) => a.name === "expert")
              .map(
                (a) =>
                  `${a.doctrine.slice(0, 4)} ${a.gain >= 0 ? "+" : ""}${a.gain.toFixed(1)} ± ${a.gainSe.toFixed(1)}`,
              )
              .join(", ")}`,
        )
        .join("; ")}. The issue's target that the expert beats every scripted arm of its role needs these gains to be
above the best scripted arm's of the same seat: ${expertVsScripts(balance)}. ${
        balance.roles.lab.arms.find((a) => a.name === "expert").n >= 1000
          ? "Sections 16–18 played the cells that had read below the best script on 100–200 matches on 400 and 1,000 paired matches; every cell here is on 1,000 (section 19)."
          : "Sections 16–18: the cells below the best script on 100–200 matches, played on 400 and 1,000 paired matches."
      }
`
    : "";
  return `## 10. No trivial script wins (\`npm run balance\`)

${
  balance
    ? `    npm run balance -- --json --matches ${balance.matches} --seed ${balance.seed}${hasExpert ? ` --bot-matches ${balance.roles.lab.arms.find((a) => a.name === "expert").n}` : " --no-expert"}   (rules ${balance.rulesVersion})

| role | best exploit found | gain over the normal bot | upper 95% | highest upper 95% of any confirmed arm | normal bot score by doctrine |
|---|---|---|---|---|---|
${Object.entries(balance.roles)
  .map(
    ([role, r]) =>
      `| ${role} | ${r.bestExploit.name} | ${r.bestExploit.gainOverNormal >= 0 ? "+" : ""}${r.bestExploit.gainOverNormal.toFixed(1)} ± ${r.bestExploit.se.toFixed(1)} | ${(r.bestExploit.upper95 ?? r.bestExploit.gainOverNormal + 1.96 * r.bestExploit.se).toFixed(1)} | ${r.maxUpper95 ? `${r.maxUpper95.upper95.toFixed(1)} (${r.maxUpper95.name}, ${r.maxUpper95.gainOverNormal >= 0 ? "+" : ""}${r.maxUpper95.gainOverNormal.toFixed(1)} ± ${r.maxUpper95.se.toFixed(1)})` : "—"} | ${r.arms
        .filter((a) => a.name === "normal")
        .map((a) => `${a.doctrine.slice(0, 4)} ${a.score.toFixed(1)}`)
        .join(", ")} |`,
  )
  .join("\n")}

Target: no scripted or searched policy more than +3 above the normal bot (upper end of the 95% interval).
The screen plays its own matches (after the confirmation seeds), so the confirmed gain is not inflated by
the pick; arms that played alike in the screen are confirmed once. Every arm meets the same match seeds,
and every chance in the engine is drawn from a stream keyed by (match, round, force, seat), so a seat's
different choice moves no other seat's dice: the paired difference measures the choice, not luck.
${scenarioTable}${expertLine}${expertScenarioTable(sc, balance)}${before23 ? earlier(before23, "2.3.0 (before the plays:d arms existed)", "balance-baseline-rules2.3.json") : ""}${before22 ? earlier(before22, "2.2.0", "balance-baseline-rules2.2.json") : ""}${before21 ? earlier(before21, "2.1.0", "balance-baseline-rules2.1.json") : ""}${
        before2
          ? `
Before (rules 2.0.0, the same command, kept in docs/balance-baseline-rules2.0.json):

| role | best exploit | gain over the normal bot | upper 95% |
|---|---|---|---|
${Object.entries(before2.roles)
  .map(
    ([role, r]) =>
      `| ${role} | ${r.bestExploit.name} | +${r.bestExploit.gainOverNormal.toFixed(1)} ± ${r.bestExploit.se.toFixed(1)} | ${r.bestExploit.upper95.toFixed(1)} |`,
  )
  .join("\n")}
`
          : ""
      }${
        before
          ? `
Before (rules 1.0.0, the same command on the rules-1 engine, kept in docs/balance-baseline-rules1.json):

| role | best exploit | gain over the normal bot | upper 95% |
|---|---|---|---|
${Object.entries(before.roles)
  .map(
    ([role, r]) =>
      `| ${role} | ${r.bestExploit.name} | +${r.bestExploit.gainOverNormal.toFixed(1)} ± ${r.bestExploit.se.toFixed(1)} | ${r.bestExploit.upper95.toFixed(1)} |`,
  )
  .join("\n")}

Rules 1 doctrine win shares: ${Object.entries(before.doctrines)
              .map(([d, x]) => `${d} ${pct(x.winShareOfWon)}`)
              .join(", ")}.`
          : ""
      }
Doctrine win shares in that run: ${Object.entries(balance.doctrines)
        .map(([d, x]) => `${d} ${pct(x.winShareOfWon)}`)
        .join(", ")}.`
    : "Run `npm run balance -- --json --matches 1000 --seed 1 > docs/balance-baseline.json`, then `npm run model`."
}
`;
}
