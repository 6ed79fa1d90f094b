#!/usr/bin/env node
// `npm start`: builds the client only when its inputs changed since the last build (a hash of the client's and
// shared's sources, the build config and the VITE_* settings, stamped into client/dist). FORCE_BUILD=1 always builds.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "client", "dist");
const stampFile = join(dist, ".build-stamp");
const inputs = [
  "client/src",
  "client/index.html",
  "client/vite.config.ts",
  "client/package.json",
  "client/tsconfig.json",
  "shared/src",
  "shared/package.json",
  "package-lock.json",
];

function files(path) {
  const abs = join(root, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [abs];
  return readdirSync(abs, { recursive: true })
    .map((f) => join(abs, String(f)))
    .filter((f) => statSync(f).isFile());
}

export function clientStamp() {
  const hash = createHash("sha256");
  for (const f of inputs.flatMap(files).sort()) {
    hash.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  const env = Object.keys(process.env)
    .filter((k) => k.startsWith("VITE_") || k === "SOURCEMAP")
    .sort();
  for (const k of env) hash.update(`${k}=${process.env[k]}\0`);
  return hash.digest("hex");
}

const stamp = clientStamp();
const built =
  existsSync(join(dist, "index.html")) && existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp;
if (built && process.env.FORCE_BUILD !== "1") {
  console.log("client: up to date (no source changed since the last build)");
  process.exit(0);
}
console.log("client: building…");
const b = spawnSync("npm", ["run", "build", "-w", "client"], { cwd: root, stdio: "inherit" });
if (b.status !== 0) process.exit(b.status ?? 1);
writeFileSync(stampFile, `${stamp}\n`);
