#!/usr/bin/env node
// Import rules, checked by `npm test`: no import cycles (type-only imports count too: two files that need each other
// are one concern or need a third), and the one-way arrows of ARCHITECTURE.md per folder. Prints each violation;
// exits 1 when there is any.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const SOURCES = ["shared/src", "server/src", "client/src"];

/** Folder rules: a file under `where` may not import a specifier matching `forbid` (unless it is under `except`). */
const RULES = [
  {
    name: "shared imports nothing of server, client or node",
    where: /^shared\/src\//,
    forbid: (s) =>
      isNode(s) ||
      /^(phaser|colyseus\.js|@colyseus\/|express|pg|better-sqlite3|@metastrategy\/(server|client))/.test(s),
  },
  {
    name: "phaser only in client/src/board",
    where: /^/,
    forbid: (s) => /^phaser(\/|$)/.test(s),
    except: /^client\/src\/board\//,
  },
  {
    name: "colyseus.js only in client/src/net and the server's headless client",
    where: /^/,
    forbid: (s) => /^colyseus\.js(\/|$)/.test(s),
    except: /^(client\/src\/net\/|server\/src\/client\/|server\/src\/(load|floor|play|soak)\.ts$)/,
  },
  {
    name: "match/ and modes/ do not import Colyseus",
    where: /^server\/src\/(match|modes)\//,
    forbid: (s) => /^(@colyseus\/|colyseus\.js)/.test(s),
  },
  {
    name: "the client does not import server code",
    where: /^client\/src\//,
    forbid: (s) => /^@metastrategy\/server/.test(s) || /(^|\/)server\/src\//.test(s),
  },
];

function isNode(s) {
  return s.startsWith("node:") || builtinModules.includes(s.split("/")[0]);
}

function walk(dir, out = []) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|mts|tsx)$/.test(e) && !e.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)[ \t]*(import|export)[ \t]+(type[ \t]+)?([^;()]*?)[ \t\n]*from[ \t]*["']([^"']+)["']/g;
const BARE = /(?:^|\n)[ \t]*import[ \t]*["']([^"']+)["']/g;
const DYNAMIC = /\bimport\([ \t]*["']([^"']+)["'][ \t]*\)/g;

/** Every import of a file: its specifier and whether it survives compilation (runtime). */
function importsOf(text) {
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    const typeOnly = !!m[2] || /^\{?\s*\}?$/.test(m[3].trim()) || (m[1] === "export" && /^type\b/.test(m[3].trim()));
    out.push({ spec: m[4], runtime: !typeOnly });
  }
  for (const m of text.matchAll(BARE)) out.push({ spec: m[1], runtime: true });
  for (const m of text.matchAll(DYNAMIC)) out.push({ spec: m[1], runtime: true });
  return out;
}

function resolveLocal(from, spec) {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [base.replace(/\.js$/, ".ts"), base, `${base}.ts`, join(base, "index.ts")])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

const files = SOURCES.flatMap((d) => walk(join(root, d)));
const graph = new Map();
const problems = [];
for (const f of files) {
  const rel = relative(root, f);
  const text = readFileSync(f, "utf8");
  const edges = [];
  for (const { spec } of importsOf(text)) {
    for (const r of RULES)
      if (r.where.test(rel) && !(r.except && r.except.test(rel)) && r.forbid(spec))
        problems.push(`${rel}: imports "${spec}" (${r.name})`);
    const to = resolveLocal(f, spec);
    if (to) edges.push(to);
  }
  graph.set(f, edges);
}

// Cycles: strongly connected components of the graph (Tarjan), each reported once.
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const on = new Set();
function strong(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!idx.has(w)) {
      strong(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const comp = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1 || (graph.get(v) ?? []).includes(v))
      problems.push(
        `import cycle: ${comp
          .map((c) => relative(root, c))
          .sort()
          .join(" ↔ ")}`,
      );
  }
}
for (const f of files) if (!idx.has(f)) strong(f);

for (const p of problems) console.log(p);
console.log(
  `imports: ${files.length} files, ${[...graph.values()].reduce((n, e) => n + e.length, 0)} edges, ${problems.length} problem(s)`,
);
process.exit(problems.length ? 1 : 0);
