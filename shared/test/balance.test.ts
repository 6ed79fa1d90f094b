// The exploit search (npm run balance): JSON shape on a small run, common random numbers, the scripted arms.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { balance, NORMAL, playArm, scriptedArms, variantsFor } from "../src/sim/balance.js";
import { DOCTRINES, type Role } from "../src/rules/types.js";
import { botOrders, createMatch, publicView } from "../src/index.js";
import { seatViewWith } from "../src/rules/view.js";
import { makeRng } from "../src/rng.js";
import { seatsFor } from "../src/sim/simulate.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A three-match search of one role's conservative seat, without the bot arms. */
const tiny = (scenario: string, seed: number, role: Role) => ({
  scenario,
  matches: 3,
  seed,
  roles: [role],
  doctrines: ["conservative" as const],
  screen: 2,
  botMatches: 0,
});

describe("npm run balance", () => {
  it("prints the documented JSON keys on a small run", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "shared/src/sim/balance-cli.ts",
        "--json",
        "--matches",
        "4",
        "--screen",
        "2",
        "--search-iters",
        "1",
        "--search-matches",
        "2",
        "--bot-matches",
        "0",
        "--roles",
        "regulator",
        "--doctrines",
        "butlerian",
      ],
      { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const r = JSON.parse(out);
    expect(Object.keys(r.roles)).toEqual(["regulator"]);
    const role = r.roles.regulator;
    expect(role.arms.length).toBeGreaterThan(10);
    for (const a of role.arms) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(["name", "score", "se", "winShareOfWon", "catastrophe"]));
      for (const k of ["score", "se", "winShareOfWon", "catastrophe"]) expect(Number.isFinite(a[k])).toBe(true);
    }
    expect(role.arms.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(["normal", "do-nothing", "enforce×3", "searched", "rush:regime"]),
    );
    expect(Object.keys(role.bestExploit)).toEqual(expect.arrayContaining(["name", "gainOverNormal", "se"]));
    expect(role.maxUpper95.upper95).toBeGreaterThanOrEqual(role.bestExploit.upper95);
    expect(Object.keys(r.doctrines).sort()).toEqual([...DOCTRINES].sort());
    for (const d of DOCTRINES) expect(r.doctrines[d].winShareOfWon).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it("npm run balance -- --jobs plays the roles in parallel processes and prints the one-process JSON, byte for byte", () => {
    const args = ["--json", "--matches", "3", "--screen", "2", "--search-iters", "1", "--search-matches", "2"];
    const tail = [...args, "--bot-matches", "0", "--doctrines", "butlerian"];
    const run = (entry: string[]) =>
      execFileSync(process.execPath, [...entry, ...tail], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    const one = run(["--import", "tsx", "shared/src/sim/balance-cli.ts"]);
    const parallel = run(["scripts/balance.mjs", "--jobs", "3"]);
    expect(Object.keys(JSON.parse(parallel).roles)).toEqual(["lab", "regulator", "researcher"]);
    expect(parallel).toBe(one);
  }, 120_000);

  it("is deterministic, and the normal arm's paired gain over itself is exactly 0 (common random numbers)", () => {
    const opts = { ...tiny("classroom", 5, "researcher"), searchIters: 1, searchMatches: 2 };
    const a = balance(opts);
    expect(JSON.stringify(balance(opts))).toBe(JSON.stringify(a));
    const normal = a.roles.researcher.arms.find((x) => x.name === "normal")!;
    expect(normal).toMatchObject({ gain: 0, gainSe: 0, n: 3 });
  }, 60_000);

  it("rechecks a confirmed arm over the bound on more matches, and only such an arm", () => {
    const opts = { ...tiny("baseline", 2, "lab"), confirm: 2, searchIters: 0, recheck: 2 };
    const confirmedNs = (r: ReturnType<typeof balance>) =>
      r.roles.lab.arms.filter((a) => a.name !== "normal" && a.n > 2).map((a) => a.n);
    // Every arm is over a bound of -1000: each confirmed arm is played on 3 + 2 × 3 matches.
    const all = balance({ ...opts, recheckAbove: -1000 });
    expect(confirmedNs(all)).toEqual([9, 9]);
    expect(all.roles.lab.maxUpper95.n).toBe(9);
    // No arm is over a bound of 1000: none is rechecked.
    const none = balance({ ...opts, recheckAbove: 1000 });
    expect(confirmedNs(none)).toEqual([3, 3]);
    expect(none.roles.lab.maxUpper95.n).toBe(3);
    // Off: never rechecked, whatever the bound.
    expect(confirmedNs(balance({ ...opts, recheck: 0, recheckAbove: -1000 }))).toEqual([3, 3]);
  }, 60_000);

  it("the same match seed gives the same match to every arm: a policy that copies the normal bot scores the same", () => {
    const setup = { scenario: "baseline", seed: 3, seat: 0, doctrine: "incrementalist" as const };
    const copy = { ...NORMAL, name: "copy" };
    for (let i = 0; i < 3; i++) expect(playArm(setup, i, copy)).toEqual(playArm(setup, i, NORMAL));
  });

  it("scripted arms cover every action variant ×3, pairs of kinds, doctrine switches and do-nothing", () => {
    const names = scriptedArms("lab", "butlerian").map((a) => a.name);
    for (const v of variantsFor("lab")) (expect(names.some((n) => n.endsWith("×3"))).toBe(true), void v);
    expect(names).toEqual(
      expect.arrayContaining([
        "do-nothing",
        "deploy×3",
        "capability+deploy",
        "switch→incrementalist@r1",
        "plays:incrementalist",
        "normal+deploy",
      ]),
    );
    expect(names).not.toContain("plays:butlerian");
  });

  it("a 'plays' arm keeps its declared doctrine and plays the other doctrine's plan", () => {
    const arm = scriptedArms("regulator", "incrementalist").find((a) => a.name === "plays:butlerian")!;
    const seats = seatsFor({ scenario: "classroom", matches: 0, seed: 1 }, 0);
    const reg = seats.findIndex((x) => x.role === "regulator");
    seats[reg] = { ...seats[reg], doctrine: "incrementalist" };
    const s = createMatch({ scenario: "classroom", seed: 5, seats });
    const v = seatViewWith(publicView(s, { history: false }), s, reg);
    const own = botOrders(v, { difficulty: "normal", seed: 5 });
    const plan = botOrders({ ...v, me: { ...v.me, doctrine: "butlerian" } }, { difficulty: "normal", seed: 5 });
    const orders = arm.orders(v, 5, makeRng(1));
    expect(orders.switchDoctrine).toBeUndefined();
    expect(orders.actions.length).toBeGreaterThan(0);
    // every action comes from the butlerian plan, in its order, and the result differs from the seat's own plan
    expect(plan.actions).toEqual(expect.arrayContaining(orders.actions));
    expect(orders.actions).not.toEqual(own.actions);
  });
});
