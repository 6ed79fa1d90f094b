// Match setup: seat limits, scenario parameters, the starting state.
import { describe, expect, it } from "vitest";
import { SCENARIOS, SCENARIO_IDS } from "../src/content/scenarios.js";
import { createMatch } from "../src/rules/resolve.js";
import { checkSetup, scenarioParams } from "../src/rules/state.js";
import type { MatchSetup, Role } from "../src/rules/types.js";
import { FORCE_TAGS } from "./helpers.js";

const seatsOf = (...roles: Role[]) => roles.map((role) => ({ role, doctrine: "butlerian" as const }));

describe("checkSetup", () => {
  it.each<[string, Partial<MatchSetup>, string | null]>([
    ["the default table", {}, null],
    ["one seat", { seats: seatsOf("researcher") }, null],
    [
      "eight seats",
      { seats: seatsOf("lab", "lab", "lab", "lab", "regulator", "regulator", "researcher", "researcher") },
      null,
    ],
    ["no seats", { seats: [] }, "A match has 1 to 8 seats."],
    [
      "nine seats",
      {
        seats: seatsOf("lab", "lab", "lab", "lab", "regulator", "regulator", "researcher", "researcher", "researcher"),
      },
      "A match has 1 to 8 seats.",
    ],
    ["five labs", { seats: seatsOf("lab", "lab", "lab", "lab", "lab") }, "At most 4 labs."],
    ["three regulators", { seats: seatsOf("regulator", "regulator", "regulator") }, "At most 2 regulators."],
    [
      "four researchers",
      { seats: seatsOf("researcher", "researcher", "researcher", "researcher") },
      "At most 3 researchers.",
    ],
    ["an unknown scenario", { scenario: "mars" }, 'Unknown scenario "mars".'],
    ["0 rounds", { overrides: { rounds: 0 } }, "Rounds must be 1 to 30."],
    ["31 rounds", { overrides: { rounds: 31 } }, "Rounds must be 1 to 30."],
    ["TAI 4", { overrides: { taiThreshold: 4 } }, "TAI threshold must be 5 to 30."],
    ["TAI 30", { overrides: { taiThreshold: 30 } }, null],
  ])("%s", (_n, patch, reason) => {
    const setup: MatchSetup = {
      scenario: "baseline",
      seed: 1,
      seats: seatsOf("lab", "lab", "lab", "regulator", "researcher", "researcher"),
      ...patch,
    };
    expect(checkSetup(setup)).toEqual(reason === null ? { ok: true } : { ok: false, reason });
    if (reason !== null) expect(() => createMatch(setup)).toThrow(reason);
  });
});

describe("scenarios (docs/RULES.md §2)", () => {
  it.each<[string, number, number, number, number, number, number, number, number]>([
    // scenario, rounds, TAI, leak base, volatility, rogue drift, news per round, start security, start will
    ["baseline", 10, 12, 0.45, 1.5, 0.3, 1, 1, 3],
    ["leaky", 10, 12, 0.6, 1.5, 0.3, 1, 0, 3],
    ["fast", 10, 12, 0.45, 2, 0.3, 2, 1, 3],
    ["slow", 10, 12, 0.65, 0.75, 0.1, 1, 2, 4],
    ["classroom", 8, 11, 0.55, 1, 0.5, 1, 1, 3],
  ])(
    "%s: %s rounds, TAI %s, leak %s, volatility %s, drift %s, %s card(s), sec %s, will %s",
    (id, rounds, tai, leak, vol, drift, news, sec, will) => {
      expect(SCENARIOS[id].params).toMatchObject({
        rounds,
        taiThreshold: tai,
        leakBase: leak,
        volatility: vol,
        rogueDrift: drift,
        eventsPerRound: news,
        startSec: sec,
        startWill: will,
      });
    },
  );

  it("the classroom's regime builds two steps at a time but needs will 8, its theory starts at 2, and legal augmentation needs will 9 and goes faster past the legal limit, with more drift (a shorter lesson)", () => {
    expect(SCENARIOS.classroom.params).toMatchObject({
      regimeStep: 2,
      regimeWill: 8,
      startTheory: 2,
      legalWill: 9,
      augBeyond: 1.75,
      driftBeyond: 0.3,
    });
    expect(SCENARIOS.baseline.params.regimeStep ?? 1).toBe(1);
  });

  it("rules 2.6: deceptive flaws come with chance 0.75 in the baseline world, 0.9 in the slow one, 0.6 in the leaky and fast ones, 0.4 in the classroom", () => {
    expect(Object.fromEntries(SCENARIO_IDS.map((id) => [id, SCENARIOS[id].params.deception]))).toEqual({
      baseline: 0.75,
      leaky: 0.6,
      fast: 0.6,
      slow: 0.9,
      classroom: 0.4,
    });
  });

  it("rules 2.2: the rogue track starts 2.5 to 3.5 levels below the danger line, and ahead of every lab", () => {
    for (const id of SCENARIO_IDS) {
      const p = SCENARIOS[id].params;
      const below = p.taiThreshold - 3 - p.startRogue;
      expect(below).toBeGreaterThanOrEqual(2.5);
      expect(below).toBeLessThanOrEqual(3.5);
      expect(p.startRogue).toBeGreaterThan(p.startCap);
    }
  });

  it("the five scenarios of the design exist, with the default table of 3 labs, 1 regulator, 2 researchers", () => {
    expect(SCENARIO_IDS.sort()).toEqual(["baseline", "classroom", "fast", "leaky", "slow"]);
    for (const id of SCENARIO_IDS) {
      expect(SCENARIOS[id].table).toEqual(["lab", "lab", "lab", "regulator", "researcher", "researcher"]);
      for (const tag of Object.keys(SCENARIOS[id].params.deckMix)) expect(FORCE_TAGS).toContain(tag);
    }
  });

  it("overrides replace parameters and merge deck weights", () => {
    const p = scenarioParams("leaky", { rounds: 4, deckMix: { theory: 0 } });
    expect(p.rounds).toBe(4);
    expect(p.leakBase).toBe(0.6);
    expect(p.deckMix).toMatchObject({ leaks: 3, theory: 0 });
    expect(SCENARIOS.leaky.params.deckMix.theory).toBe(1); // the scenario itself is untouched
    expect(() => scenarioParams("mars")).toThrow();
  });
});

describe("the starting state", () => {
  it.each(SCENARIO_IDS.map((id) => [id]))("%s: seats, tracks and round 1's news", (id) => {
    const p = SCENARIOS[id].params;
    const s = createMatch({ scenario: id, seed: 4, seats: seatsOf(...SCENARIOS[id].table) });
    expect(s).toMatchObject({ round: 1, phase: "orders", end: null, scores: null, history: [], scenario: id, seed: 4 });
    expect(s.news).toHaveLength(p.eventsPerRound);
    expect(s.deckPos).toBe(p.eventsPerRound);
    const labs = s.seats.filter((x) => x.lab);
    expect(labs).toHaveLength(3);
    for (const x of s.seats) {
      expect(x.prestige).toBeGreaterThanOrEqual(0);
      expect(x.switched).toBe(false);
      expect(x.name).toMatch(/^(AI lab|Regulator|Researcher) \d$/);
    }
    // regulators and researchers start as the roles say (news cards of round 1 may have moved funds)
    const reg = s.seats.find((x) => x.role === "regulator")!;
    expect(reg.lab).toBeNull();
    expect(reg.researcher).toBeNull();
    expect(s.seats.find((x) => x.role === "researcher")!.researcher).toEqual({ theoryPrivate: 0, fastPrivate: 0 });
  });

  it("without news, the start is exactly the scenario's parameters", () => {
    const off = Object.fromEntries(FORCE_TAGS.map((t) => [t, 0]));
    const s = createMatch({
      scenario: "baseline",
      seed: 4,
      seats: seatsOf("lab", "regulator", "researcher"),
      overrides: { deckMix: off },
    });
    const p = SCENARIOS.baseline.params;
    expect(s.seats[0].lab).toEqual({
      cap: p.startCap,
      aligned: p.startAligned,
      flaws: p.startFlaws,
      sec: p.startSec,
      prod: 0,
      defense: 0,
      declaredCap: p.startCap,
      alignedPublic: null,
      validatedLevel: 0,
      deceptive: 0,
      incidents: 0,
      defiedMoratorium: false,
      auditedSec: null,
    });
    expect(s.seats.map((x) => [x.funds, x.influence])).toEqual([
      [p.startLabFunds, 0],
      [2, 3],
      [3, 0],
    ]);
    expect(s.world).toMatchObject({
      theory: p.startTheory,
      interp: p.startInterp,
      rogue: p.startRogue,
      rogueEstimate: p.startRogue,
      will: p.startWill,
      pool: 0,
      aug: 0,
      drift: 0,
      policies: [],
      regime: 0,
      neutralized: false,
      frontier: p.startCap,
    });
    expect(s.news).toEqual([]);
  });

  it("names given in the setup are kept", () => {
    const s = createMatch({
      scenario: "baseline",
      seed: 1,
      seats: [{ role: "lab", doctrine: "conservative", name: "Aurora" }],
    });
    expect(s.seats[0].name).toBe("Aurora");
  });

  it("start aligned never exceeds start capability", () => {
    const s = createMatch({
      scenario: "baseline",
      seed: 1,
      seats: seatsOf("lab"),
      overrides: { startCap: 2, startAligned: 5 },
    });
    expect(s.seats[0].lab!.aligned).toBe(2);
  });
});
