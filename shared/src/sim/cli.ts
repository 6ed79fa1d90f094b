// npm run sim -- --scenario baseline --matches 2000 --seed 1 [--json] [--table ...] [--set key=value]
import { ENDINGS, DOCTRINES } from "../rules/types.js";
import { checkSetup } from "../rules/state.js";
import { parseSimArgs } from "./args.js";
import { seatsFor, simulate, type SimResult } from "./simulate.js";

const parsed = parseSimArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`sim: ${parsed.reason}`);
  process.exit(2);
}
const setupCheck = checkSetup({ scenario: parsed.opts.scenario, seed: 0, seats: seatsFor(parsed.opts, 0), overrides: parsed.opts.overrides });
if (!setupCheck.ok) {
  console.error(`sim: ${setupCheck.reason}`);
  process.exit(2);
}
const result = simulate(parsed.opts);
process.stdout.write(parsed.json ? JSON.stringify(result) + "\n" : table(result));

function pct(n: number, of: number): string {
  return `${((100 * n) / Math.max(1, of)).toFixed(1)}%`.padStart(7);
}

function table(r: SimResult): string {
  const lines = [`Scenario ${r.scenario}: ${r.matches} matches, seed ${r.seed}, mean ${r.meanRounds} rounds`, "", "Ending        count  share"];
  for (const e of ENDINGS) lines.push(`${e.padEnd(12)} ${String(r.endings[e]).padStart(6)} ${pct(r.endings[e], r.matches)}`);
  lines.push("", `Catastrophe rate: ${(r.catastropheRate * 100).toFixed(1)}%`, "", "Doctrine        seats  mean score  win share");
  for (const d of DOCTRINES) {
    const b = r.byDoctrine[d];
    lines.push(`${d.padEnd(15)} ${String(b.seats).padStart(5)} ${b.meanScore.toFixed(1).padStart(11)} ${(b.winShare * 100).toFixed(1).padStart(9)}%`);
  }
  return lines.join("\n") + "\n";
}
