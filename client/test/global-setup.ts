// Once per run: check Chromium, build the client, start the real server on a free port with a temp DATA_DIR.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../server/src/ports.js";
import { CLIENT_DIR, REPO_DIR, SHOTS_DIR, chromiumPath } from "./env";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromium: string;
  }
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The server did not answer /healthz within 30 s:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = chromiumPath();
  mkdirSync(SHOTS_DIR, { recursive: true });
  // Each run builds into its own directory, so parallel runs (and other people's) never swap files under the server.
  let dist = join(CLIENT_DIR, "dist");
  if (process.env.SKIP_CLIENT_BUILD !== "1") {
    dist = mkdtempSync(join(tmpdir(), "ms-dist-"));
    const b = spawnSync(
      process.execPath,
      [join(CLIENT_DIR, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn", "--outDir", dist],
      { cwd: CLIENT_DIR, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
    );
    if (b.status !== 0) throw new Error(`vite build failed:\n${b.stdout}\n${b.stderr}`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "ms-data-"));
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/index.ts"], {
    cwd: REPO_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      CLIENT_DIST: dist,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    out = (out + d).slice(-20_000);
  });
  child.stderr?.on("data", (d) => {
    out = (out + d).slice(-20_000);
  });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitHealthy(baseURL, child, () => out);
  project.provide("baseURL", baseURL);
  project.provide("chromium", chromium);
  return async () => {
    child.kill("SIGTERM");
    await new Promise<void>((r) => {
      if (child.exitCode !== null) r();
      else {
        child.once("exit", () => r());
        setTimeout(() => {
          child.kill("SIGKILL");
          r();
        }, 5000);
      }
    });
    rmSync(dataDir, { recursive: true, force: true });
    if (dist !== join(CLIENT_DIR, "dist")) rmSync(dist, { recursive: true, force: true });
  };
}
