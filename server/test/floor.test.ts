// `npm run load:floor`: the framework's floor (a bare Colyseus room with the game's frame pattern) plays every round of
// every match it starts and reports its figures. The figures themselves are the benchmark's, not this test's.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function runFloor(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/floor.ts", ...args], {
      cwd: root,
      env: { ...process.env, WS_COMPRESSION: "1" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

describe("npm run load:floor", () => {
  it("plays every round of every match and reports CPU, latency and memory as JSON", async () => {
    const args = ["--matches", "3", "--rounds", "2", "--think-ms", "20", "--report-seconds", "0.05"];
    const r = await runFloor([...args, "--start-spread-ms", "50", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out.trim().split("\n").at(-1)!);
    expect(out.matches).toBe(3);
    expect(out.roundsResolved).toBe(6);
    expect(out.serverCpuMsPerRound).toBeGreaterThan(0);
    expect(out.serverRssMB).toBeGreaterThan(10);
    expect(out.latencyP99Ms).toBeGreaterThanOrEqual(out.latencyP50Ms);
    expect(out.setupCpuMsPerMatch).toBeGreaterThan(0);
  });
});
