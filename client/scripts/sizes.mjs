#!/usr/bin/env node
// Prints the gzip sizes of the built client JS as JSON: what loads before the board (initial) and the board chunk.
// Usage: node client/scripts/sizes.mjs [distDir]   (build first: npm run build -w client)
import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const dist = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const manifestPath = join(dist, ".vite", "manifest.json");
if (!existsSync(manifestPath)) {
  console.error(`No build manifest at ${manifestPath}: run "npm run build -w client" first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const raw = (file) => readFileSync(join(dist, file)).length;
const kb = (n) => Math.round((n / 1024) * 10) / 10;

/** A chunk and every chunk it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const initialKeys = closure(entryKey);
const initialFiles = [...initialKeys].map((k) => manifest[k].file).filter((f) => f.endsWith(".js"));
const boardKey = Object.keys(manifest).find((k) => /board\/board\.ts$/.test(k));
const boardFiles = boardKey
  ? [...closure(boardKey)].filter((k) => !initialKeys.has(k)).map((k) => manifest[k].file)
  : [];
const replayKey = Object.keys(manifest).find((k) => /ui\/replay\.ts$/.test(k));
const replayFiles = replayKey
  ? [...closure(replayKey)]
      .filter((k) => !initialKeys.has(k) && !boardFiles.includes(manifest[k].file))
      .map((k) => manifest[k].file)
  : [];
const css = [...initialKeys].flatMap((k) => manifest[k].css ?? []);
const sum = (files, f) => files.reduce((a, x) => a + f(x), 0);

const out = {
  initialGzipKB: kb(sum(initialFiles, gz)),
  boardGzipKB: kb(sum(boardFiles, gz)),
  replayGzipKB: kb(sum(replayFiles, gz)),
  initialCssGzipKB: kb(sum(css, gz)),
  initialRawKB: kb(sum(initialFiles, raw)),
  boardRawKB: kb(sum(boardFiles, raw)),
  budgetInitialGzipKB: 120,
  withinBudget: sum(initialFiles, gz) <= 120 * 1024,
  files: {
    initial: initialFiles.map((f) => ({ file: f, gzipKB: kb(gz(f)) })),
    board: boardFiles.map((f) => ({ file: f, gzipKB: kb(gz(f)) })),
    replay: replayFiles.map((f) => ({ file: f, gzipKB: kb(gz(f)) })),
  },
};
console.log(JSON.stringify(out, null, 2));
