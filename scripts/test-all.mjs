#!/usr/bin/env node
// Runs every suite (shared unit/property, server integration, client browser) with vitest and ends with
// one plain line "N passed, N failed" summed over all of them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const suites = (process.env.SUITES ?? "shared,server,client").split(",").filter(Boolean);
const outDir = join(root, "artifacts", "test-results");
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
const problems = [];

// Import rules first (cycles, one-way arrows per folder): one check, counted like a test.
console.log("\n=== imports ===");
const imports = spawnSync(process.execPath, [join(root, "scripts", "check-imports.mjs")], {
  cwd: root,
  stdio: "inherit",
});
if (imports.status === 0) passed += 1;
else {
  failed += 1;
  problems.push("imports: scripts/check-imports.mjs found problems");
}
// Types: every project type-checks (tests included), one check counted like a test.
console.log("\n=== types ===");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const typeErrors = ["shared", "server", "client"].filter(
  (p) => spawnSync(process.execPath, [tsc, "-p", p, "--noEmit"], { cwd: root, stdio: "inherit" }).status !== 0,
);
if (typeErrors.length === 0) passed += 1;
else {
  failed += 1;
  problems.push(`types: tsc found errors in ${typeErrors.join(", ")}`);
}
// Style: the formatter's check (120 columns, .prettierrc), one check counted like a test.
console.log("\n=== format ===");
const fmt = spawnSync("npm", ["run", "-s", "format:check"], { cwd: root, stdio: "inherit" });
if (fmt.status === 0) passed += 1;
else {
  failed += 1;
  problems.push("format: files differ from `npm run format` (run it)");
}
for (const suite of suites) {
  const config = join(root, suite, "vitest.config.ts");
  if (!existsSync(config)) continue;
  const out = join(outDir, `${suite}.json`);
  rmSync(out, { force: true });
  console.log(`\n=== ${suite} ===`);
  const r = spawnSync(
    "npx",
    ["vitest", "run", "--root", suite, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, FORCE_COLOR: "0" },
    },
  );
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, "utf8"));
    passed += j.numPassedTests ?? 0;
    failed += j.numFailedTests ?? 0;
    // A file that failed to load counts as a failure even when no test inside it ran.
    const broken = (j.testResults ?? []).filter(
      (t) => t.status === "failed" && (t.assertionResults ?? []).length === 0,
    ).length;
    failed += broken;
    if (r.status !== 0 && (j.numFailedTests ?? 0) === 0 && broken === 0) {
      failed += 1;
      problems.push(`${suite}: vitest exited with ${r.status}`);
    }
  } else {
    failed += 1;
    problems.push(`${suite}: vitest produced no results (exit ${r.status})`);
  }
}
for (const p of problems) console.log(p);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
