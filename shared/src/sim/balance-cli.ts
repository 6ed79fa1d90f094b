// npm run balance -- [--json] [--scenario S] [--matches N] [--seed K] [--set key=value] [--roles lab,regulator]
//   [--doctrines d,...] [--screen n] [--confirm k] [--search-iters n] [--search-matches n] [--bot-matches n] [--no-expert]
//   [--recheck k: an arm over --recheck-above x (default 3) is played on k × matches more (default 3; 0 never)]
//   [--jobs n: the roles in n processes at once, merged; the same JSON as one process, byte for byte (scripts/balance.mjs)]
// Seat policies (scripts, doctrine switches, a searched best response, the bots) against the normal bots.
import { parseSimArgs } from "./args.js";
import { balance, type BalanceResult } from "./balance.js";
import { DOCTRINES, ROLES, type Doctrine, type Role } from "../rules/types.js";

const argv = process.argv.slice(2);
const extra: Record<string, string> = {};
const rest: string[] = [];
const OWN_FLAGS = ["--no-expert", "--render"];
const OWN = [
  "--roles",
  "--doctrines",
  "--screen",
  "--confirm",
  "--search-iters",
  "--search-matches",
  "--bot-matches",
  "--recheck",
  "--recheck-above",
];
for (let i = 0; i < argv.length; i++) {
  if (OWN.includes(argv[i])) extra[argv[i]] = argv[++i] ?? "";
  else if (OWN_FLAGS.includes(argv[i])) extra[argv[i]] = "1";
  else rest.push(argv[i]);
}
const hasMatches = rest.includes("--matches");
const parsed = parseSimArgs(hasMatches ? rest : [...rest, "--matches", "1000"]);
if (!parsed.ok) {
  console.error(`balance: ${parsed.reason}`);
  process.exit(2);
}
const num = (k: string) => (extra[k] !== undefined ? Number(extra[k]) : undefined);
const roles = extra["--roles"]?.split(",").filter((r): r is Role => (ROLES as readonly string[]).includes(r));
const doctrines = extra["--doctrines"]
  ?.split(",")
  .filter((d): d is Doctrine => (DOCTRINES as readonly string[]).includes(d));

const options = {
  scenario: parsed.opts.scenario,
  matches: parsed.opts.matches,
  seed: parsed.opts.seed,
  overrides: parsed.opts.overrides,
  roles,
  doctrines,
  screen: num("--screen"),
  confirm: num("--confirm"),
  searchIters: num("--search-iters"),
  searchMatches: num("--search-matches"),
  botMatches: num("--bot-matches"),
  recheck: num("--recheck"),
  recheckAbove: num("--recheck-above"),
  expert: extra["--no-expert"] === undefined,
  log: (l: string) => process.stderr.write(l + "\n"),
};
// --render: print a result read from stdin (scripts/balance.mjs merges the roles it played in parallel processes).
const result: BalanceResult = extra["--render"] !== undefined ? JSON.parse(await readStdin()) : balance(options);

async function readStdin(): Promise<string> {
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
for (const [role, r] of Object.entries(result.roles))
  process.stderr.write(
    `best exploit, ${role}: ${r.bestExploit.name} ${r.bestExploit.gainOverNormal >= 0 ? "+" : ""}${r.bestExploit.gainOverNormal} ± ${r.bestExploit.se} (upper 95% ${r.bestExploit.upper95}, ${r.bestExploit.n} matches); highest upper 95%: ${r.maxUpper95.name} ${r.maxUpper95.upper95} (${r.maxUpper95.n} matches)\n`,
  );
if (parsed.json) process.stdout.write(JSON.stringify(result) + "\n");
else {
  const lines: string[] = [
    `Balance, rules ${result.rulesVersion}, scenario ${result.scenario}, ${result.matches} matches, seed ${result.seed}`,
  ];
  for (const [role, r] of Object.entries(result.roles)) {
    lines.push(
      "",
      `${role}: best exploit ${r.bestExploit.name} ${r.bestExploit.gainOverNormal} ± ${r.bestExploit.se} (upper 95% ${r.bestExploit.upper95})`,
    );
    const top = r.arms
      .slice()
      .sort((a, b) => b.gain - a.gain)
      .slice(0, 8);
    for (const a of top)
      lines.push(
        `  ${(a.name + " @" + a.doctrine).padEnd(44)} score ${a.score.toFixed(1).padStart(6)} ± ${a.se.toFixed(1)}  gain ${a.gain.toFixed(1).padStart(6)} ± ${a.gainSe.toFixed(1)}  won ${(a.winShareOfWon * 100).toFixed(0)}%  cat ${(a.catastrophe * 100).toFixed(0)}%  n ${a.n}`,
      );
  }
  lines.push(
    "",
    `Doctrine win share of won matches: ${Object.entries(result.doctrines)
      .map(([d, x]) => `${d} ${(x.winShareOfWon * 100).toFixed(1)}%`)
      .join(", ")}`,
  );
  lines.push(
    `Normal-bot table: catastrophe ${(result.baseline.catastrophe * 100).toFixed(1)}%, endings ${JSON.stringify(result.baseline.endings)}`,
  );
  process.stdout.write(lines.join("\n") + "\n");
}
