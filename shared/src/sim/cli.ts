// npm run sim -- --scenario baseline --matches 2000 --seed 1 [--json] [--table ...] [--set key=value]
//   [--difficulty easy|normal|hard|expert] [--budget-nodes N | --budget-ms N] [--ladder (LADDER_LEVELS=normal,hard to pick levels, LADDER_ROLES=regulator,researcher to pick roles)]
//   [--priors: what normal-bot play leaves hidden, by round (the search's priors, bots/determinize.ts PRIORS)]
import { DIFFICULTIES, DOCTRINES, ENDINGS, ROLES, type Difficulty, type Role } from "../rules/types.js";
import { ladder, ladderTable } from "./ladder.js";
import { checkSetup } from "../rules/state.js";
import { parseSimArgs } from "./args.js";
import { measurePriors } from "./priors.js";
import { seatsFor, simulate, type SimResult } from "./simulate.js";

const parsed = parseSimArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`sim: ${parsed.reason}`);
  process.exit(2);
}
const setupCheck = checkSetup({
  scenario: parsed.opts.scenario,
  seed: 0,
  seats: seatsFor(parsed.opts, 0),
  overrides: parsed.opts.overrides,
});
if (!setupCheck.ok) {
  console.error(`sim: ${setupCheck.reason}`);
  process.exit(2);
}
if (parsed.opts.priors) {
  // One line per table, ready to paste into PRIORS.
  const text = JSON.stringify(measurePriors(parsed.opts), null, 2).replace(/\[[\d.,\s]+\]/g, (a) =>
    a.replace(/\s+/g, ""),
  );
  process.stdout.write(text + "\n");
} else if (parsed.opts.ladder) {
  const levels = (process.env.LADDER_LEVELS?.split(",") ?? DIFFICULTIES) as Difficulty[];
  const only = (process.env.LADDER_ROLES?.split(",") ?? ROLES) as Role[];
  const r = ladder(parsed.opts, levels, (m) => process.stderr.write(m + "\n"), only);
  process.stdout.write(parsed.json ? JSON.stringify(r) + "\n" : ladderTable(r));
} else {
  const result = simulate(parsed.opts);
  process.stdout.write(parsed.json ? JSON.stringify(result) + "\n" : table(result));
}

function pct(n: number, of: number): string {
  return `${((100 * n) / Math.max(1, of)).toFixed(1)}%`.padStart(7);
}

function table(r: SimResult): string {
  const lines = [
    `Scenario ${r.scenario}: ${r.matches} matches, seed ${r.seed}, mean ${r.meanRounds} rounds`,
    "",
    "Ending        count  share",
  ];
  for (const e of ENDINGS)
    lines.push(`${e.padEnd(12)} ${String(r.endings[e]).padStart(6)} ${pct(r.endings[e], r.matches)}`);
  lines.push(
    "",
    `Catastrophe rate: ${(r.catastropheRate * 100).toFixed(1)}%`,
    "",
    "Doctrine        seats  mean score  win share",
  );
  for (const d of DOCTRINES) {
    const b = r.byDoctrine[d];
    lines.push(
      `${d.padEnd(15)} ${String(b.seats).padStart(5)} ${b.meanScore.toFixed(1).padStart(11)} ${(b.winShare * 100).toFixed(1).padStart(9)}%`,
    );
  }
  if (r.detail) {
    const d = r.detail;
    lines.push(
      "",
      `Catastrophes caused by: labs ${d.catastropheBy.lab}, rogue actors ${d.catastropheBy.rogue}, deceptive defenses ${d.catastropheBy.defense}`,
    );
    lines.push(
      `Lab catastrophes by doctrine: ${DOCTRINES.map((x) => `${x} ${d.labCatastropheByDoctrine[x]}`).join(", ")}`,
    );
    lines.push(
      `Mean world value ${d.meanWorldValue} (${d.meanWorldValueIfSurvived} when the world survived); mean final rogue ${d.meanFinalRogue}; mean leaked points ${d.meanLeakedPoints}`,
    );
    lines.push(`Mean end round: ${ENDINGS.map((e) => `${e} ${d.meanEndRound[e]}`).join(", ")}`);
  }
  return lines.join("\n") + "\n";
}
