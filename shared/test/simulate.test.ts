// The simulator: same arguments → identical output; records it produces replay to the same state.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { replay } from "../src/rules/resolve.js";
import { ENDINGS } from "../src/rules/types.js";
import { parseSimArgs } from "../src/sim/args.js";
import { playMatch, seatsFor, simulate, type SimOptions } from "../src/sim/simulate.js";

const SHARED = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("simulate", () => {
  it.each<[string, SimOptions]>([
    ["baseline", { scenario: "baseline", matches: 12, seed: 1 }],
    [
      "leaky with a fixed table",
      {
        scenario: "leaky",
        matches: 8,
        seed: 5,
        table: [
          { role: "lab", doctrine: "incrementalist" },
          { role: "lab" },
          { role: "regulator" },
          { role: "researcher", doctrine: "transhumanist" },
        ],
      },
    ],
    [
      "classroom, easy bots, overrides",
      { scenario: "classroom", matches: 8, seed: 9, difficulty: "easy", overrides: { rounds: 5, leakBase: 0.5 } },
    ],
    ["fast with details", { scenario: "fast", matches: 8, seed: 2, detail: true }],
  ])("%s: the same arguments give identical JSON", (_n, opts) => {
    const a = JSON.stringify(simulate(opts));
    const b = JSON.stringify(simulate(structuredClone(opts)));
    expect(b).toBe(a);
  });

  it("counts add up", () => {
    const r = simulate({ scenario: "baseline", matches: 10, seed: 3 });
    expect(ENDINGS.reduce((t, e) => t + r.endings[e], 0)).toBe(10);
    expect(r.catastropheRate).toBeCloseTo(r.endings.catastrophe / 10, 4);
    expect(r.meanRounds).toBeGreaterThanOrEqual(1);
    expect(r.meanRounds).toBeLessThanOrEqual(10);
    expect(Object.values(r.byDoctrine).reduce((t, d) => t + d.seats, 0)).toBe(10 * 6);
  });

  it("seatsFor draws unset doctrines from the seed, and keeps set ones", () => {
    const opts: SimOptions = {
      scenario: "baseline",
      matches: 1,
      seed: 4,
      table: [{ role: "lab", doctrine: "butlerian" }, { role: "lab" }, { role: "regulator" }],
    };
    expect(seatsFor(opts, 0)).toEqual(seatsFor(opts, 0));
    expect(seatsFor(opts, 0)[0]).toEqual({ role: "lab", doctrine: "butlerian" });
    expect(seatsFor(opts, 0).map((s) => s.role)).toEqual(["lab", "lab", "regulator"]);
    const many = Array.from({ length: 20 }, (_, i) => seatsFor(opts, i)[1].doctrine);
    expect(new Set(many).size).toBeGreaterThan(1);
  });

  it("playMatch is deterministic and its record replays to its final state", () => {
    const seats = seatsFor({ scenario: "slow", matches: 1, seed: 6 }, 0);
    const a = playMatch("slow", 6, seats);
    const b = playMatch("slow", 6, seats);
    expect(b.record).toEqual(a.record);
    expect(b.state).toEqual(a.state);
    expect(replay(JSON.parse(JSON.stringify(a.record))).state).toEqual(a.state);
  });
});

describe("the simulator command line", () => {
  const ARGS = ["--scenario", "classroom", "--matches", "6", "--seed", "3", "--json"];
  const run = () =>
    execFileSync(process.execPath, ["--import", "tsx", "src/sim/cli.ts", ...ARGS], { cwd: SHARED, encoding: "utf8" });

  it("prints identical JSON for identical arguments, equal to simulate() in process", () => {
    const a = run();
    expect(run()).toBe(a);
    const parsed = parseSimArgs(ARGS);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(JSON.parse(a)).toEqual(JSON.parse(JSON.stringify(simulate(parsed.opts))));
  });

  it("refuses bad arguments as values, with a reason", () => {
    const r = parseSimArgs(["--set", "nonsense=1"]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("nonsense");
  });
});
