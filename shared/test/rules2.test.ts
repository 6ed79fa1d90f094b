// Rules 2.0 mechanics as properties (fast-check) and small worked cases: diminishing returns, deceptive flaws,
// exposure of unaligned capability, racing pressure, product risk and lock-in, predictable theory-grounded progress.
import { entryText } from "../src/content/report-texts.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIONS_BY_ROLE, ONCE_A_ROUND } from "../src/content/actions.js";
import { deceptiveDetection } from "../src/rules/alignment.js";
import { misalignment, raceFactor } from "../src/rules/catastrophe.js";
import { policyWill } from "../src/rules/costs.js";
import { deceptiveChance } from "../src/rules/defense.js";
import { exposure } from "../src/rules/leaks.js";
import { legalOrders } from "../src/rules/legal-state.js";
import { breakthroughDraw, deceptionChance, PRODUCT } from "../src/rules/research.js";
import { regimeWill } from "../src/rules/governance-rules.js";
import { ROGUE, rogueGrowth } from "../src/rules/rogue.js";
import { forceDraws, lab, play, playAllowingRefusals, quietMatch, below } from "./helpers.js";

fc.configureGlobal({ seed: 42, numRuns: 100, endOnFailure: true });

describe("diminishing returns and costs", () => {
  it("every once-a-round action is refused the second time in one round, for every role", () => {
    for (const role of ["lab", "regulator", "researcher"] as const)
      for (const kind of ACTIONS_BY_ROLE[role].filter((k) => ONCE_A_ROUND.has(k))) {
        const s = quietMatch(["lab", "lab", "regulator", "researcher"], {}, (s) => {
          for (const x of s.seats) ((x.funds = 20), (x.influence = 20));
          Object.assign(lab(s, 0), { cap: 9, aligned: 9, alignedPublic: 9 }); // defense-ready
          s.seats[3].researcher!.theoryPrivate = 2; // something to publish
          s.world.policies.push("computeLicensing", "exportControls", "treaty");
          s.world.will = 6;
        });
        const seat = s.seats.findIndex((x) => x.role === role);
        const a = {
          kind,
          ...(kind === "advise" ? { target: 2 } : {}),
          ...(kind === "theory" ? { mode: "careful" } : {}),
          ...(kind === "augmentation" ? { route: "epigenetic" } : {}),
        };
        const r = playAllowingRefusals(s, { [seat]: [a, a] } as never);
        expect(r.refused.get(seat), `${role} ${kind}`).toContain("can be done once a round");
      }
  });

  it("products: revenue stops at 3 products, market share is split by products and sums to at most 6", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 2, maxLength: 4 }), (prods) => {
        const specs = prods.map(() => "lab" as const);
        const s = quietMatch([...specs, "regulator"], { rounds: 1 }, (s) =>
          prods.forEach((p, i) => Object.assign(lab(s, i), { prod: p, flaws: 0 })),
        );
        const { state } = play(s);
        const share = state.seats.filter((x) => x.lab).map((x) => x.prestigeBy.revenue ?? 0);
        expect(share.reduce((t, x) => t + x, 0)).toBeLessThanOrEqual(6 + prods.length / 2);
        prods.forEach((p, i) => {
          const income = state.seats[i].funds - 6;
          expect(income - 3 - Math.min(p, PRODUCT.paying)).toBeGreaterThanOrEqual(0); // + the leader bonus
          expect(income - 3 - Math.min(p, PRODUCT.paying)).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it("lock-in raises the will licensing, moratorium, treaty and the regime need, 1 per 3 (regime: per 4) products", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), (lockIn) => {
        expect(policyWill("incrementalist", "treaty", lockIn)).toBe(5 + Math.floor(lockIn / 3));
        expect(policyWill("incrementalist", "securityStandard", lockIn)).toBe(2);
        expect(regimeWill(lockIn)).toBe(6 + Math.floor(lockIn / 4));
      }),
    );
  });
});

describe("deceptive alignment", () => {
  it("validation cannot see a deceptive flaw without theory milestone 2 and interpretability 3", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (interp, m, consulted) => {
          const p = deceptiveDetection(interp, m, consulted);
          if (m < 2 || interp < 3) expect(p).toBe(0);
          else expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
        },
      ),
    );
  });

  it("a clean validation pass can leave a deceptive flaw in place (the pass is evidence, not proof)", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) =>
      Object.assign(lab(s, 0), { cap: 9, aligned: 9, flaws: 0, deceptive: 1 }),
    );
    const { state, report } = play(s, { 0: [{ kind: "validate" }] });
    expect(lab(state, 0).deceptive).toBe(1);
    expect(lab(state, 0).alignedPublic).toBe(9);
    expect(report.entries.some((e) => entryText(e).includes("passes a validation"))).toBe(true);
  });

  it("the defense's failure chance grows with every flaw, deceptive flaws most", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (f, d) => {
        const p = deceptiveChance(f, d);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(deceptiveChance(f + 1, d)).toBeGreaterThanOrEqual(p);
        expect(deceptiveChance(f, d + 1)).toBeGreaterThanOrEqual(deceptiveChance(f + 1, d));
      }),
    );
  });

  it("capability gains from the line below the danger line on may hide a deceptive flaw; none below it", () => {
    const at = (cap: number) => {
      const s = quietMatch(["lab", "regulator"], { deception: 1 }, (s) =>
        Object.assign(lab(s, 0), { cap, aligned: cap, flaws: 0 }),
      );
      return lab(play(s, { 0: [{ kind: "capability" }] }).state, 0).deceptive;
    };
    expect(at(5)).toBe(0);
    expect(at(8)).toBe(1);
  });
});

describe("leaks: unaligned capability stays exposed", () => {
  it("exposure = new unpublished gains + half the older unaligned capability built in the match", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 3, max: 14 }),
        fc.integer({ min: 0, max: 14 }),
        (fresh, cap, aligned) => {
          fc.pre(aligned <= cap && fresh <= cap - 3);
          const e = exposure(fresh, cap, aligned, 3);
          expect(e).toBeGreaterThanOrEqual(fresh);
          expect(e).toBe(fresh + 0.5 * Math.max(0, Math.min(cap - aligned, cap - 3) - fresh));
          if (aligned >= cap) expect(e).toBe(fresh);
        },
      ),
    );
  });

  it("a lab holding unaligned capability leaks in a later round with no research at all", () => {
    const s = quietMatch(["lab", "regulator"], { rogueDrift: 0 }, (s) => {
      s.mods.leakBonus = 1;
      Object.assign(lab(s, 0), { cap: 7, aligned: 5, flaws: 0 });
    });
    const { state } = play(s);
    expect(state.history[0].leaks).toBe(1); // half of the 2 unaligned points
  });

  it("rogue growth never decreases with a bigger pool, and the absorb knob scales only what is absorbed", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (pool, absorb) => {
          const base = {
            drift: 0.3,
            momentum: 0,
            enforcements: 0,
            licensing: false,
            exportControls: false,
            treaty: false,
          };
          const a = rogueGrowth({ ...base, pool, absorb });
          const b = rogueGrowth({ ...base, pool: pool + 1, absorb });
          expect(b.absorbed).toBeGreaterThanOrEqual(a.absorbed);
          expect(a.removed).toBeCloseTo(pool > 0 ? Math.min(pool, ROGUE.absorbBase + pool * ROGUE.absorbShare) : 0, 10);
          expect(a.absorbed).toBeCloseTo(a.removed * absorb, 10);
        },
      ),
    );
  });
});

describe("the race and products", () => {
  it("racing pressure: a lab's chance grows with each rival also past the danger line", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3 }), (race, rivals) => {
        expect(raceFactor(race, rivals + 1)).toBeGreaterThanOrEqual(raceFactor(race, rivals));
        expect(raceFactor(race, 0)).toBe(1);
      }),
    );
    const risk = (rivalCap: number) => {
      const s = quietMatch(["lab", "lab", "regulator"], { race: 0.5, labLeaks: 0 }, (s) => {
        Object.assign(lab(s, 0), { cap: 10, aligned: 9, flaws: 0 });
        Object.assign(lab(s, 1), { cap: rivalCap, aligned: rivalCap, flaws: 0 });
      });
      return play(s).state.history[0].labRisk;
    };
    expect(risk(10)).toBeCloseTo(0.16 * 1.5, 10);
    expect(risk(5)).toBeCloseTo(0.16, 10);
  });

  it("flawed products raise misalignment; clean products do not", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 8 }), (flaws, prod) => {
        const m = misalignment(10, 10, flaws, 0, prod);
        if (flaws === 0) expect(m).toBe(0);
        else expect(m).toBe(flaws + 0.25 * Math.min(prod, 4));
      }),
    );
  });

  it("a lab with 3+ products lobbies will down by 2", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => (lab(s, 0).prod = 3));
    expect(play(s, { 0: [{ kind: "lobby" }] }).state.world.will).toBe(1);
  });
});

describe("theory makes progress predictable", () => {
  it("a conservative lab at milestone 1 always gains exactly +1; others may jump", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (rng) => {
        const s = quietMatch(["lab", "regulator"], { volatility: 3 });
        s.rng = rng;
        expect(breakthroughDraw(s, 1, true)).toEqual({ gain: 1, shift: false });
      }),
    );
    const s = forceDraws(
      quietMatch(["lab:incrementalist", "regulator"], { volatility: 3, taiThreshold: 20 }, (s) => (s.world.theory = 3)),
      [below(0.01)],
    );
    expect(lab(play(s, { 0: [{ kind: "capability" }] }).state, 0).cap).toBe(3 + 3);
    const c = forceDraws(
      quietMatch(["lab:conservative", "regulator"], { volatility: 3, taiThreshold: 20 }, (s) => (s.world.theory = 3)),
      [below(0.01)],
    );
    expect(lab(play(c, { 0: [{ kind: "capability" }] }).state, 0).cap).toBe(3 + 1);
  });

  it("augmentation beyond stage 2 needs will 6 (5 for a transhumanist) to legalise", () => {
    const s = quietMatch(["lab", "regulator:conservative"], {}, (s) => (s.world.will = 5));
    const o = legalOrders(s, 1)
      .options.find((x) => x.kind === "enact")!
      .policies!.find((p) => p.policy === "augmentationLegal")!;
    expect(o.legal).toBe(false);
    const t = quietMatch(["lab", "regulator:transhumanist"], {}, (s) => {
      s.world.will = 5;
      s.seats[1].influence = 5;
    });
    expect(
      legalOrders(t, 1)
        .options.find((x) => x.kind === "enact")!
        .policies!.find((p) => p.policy === "augmentationLegal")!.legal,
    ).toBe(true);
  });
});

describe("rules 2.1", () => {
  it("racing pressure counts every rival within a step of the danger line (D − 1), not only those past it", () => {
    const risk = (rivalCap: number) => {
      const s = quietMatch(["lab", "lab", "regulator"], { race: 0.5, labLeaks: 0 }, (s) => {
        Object.assign(lab(s, 0), { cap: 10, aligned: 9, flaws: 0 });
        Object.assign(lab(s, 1), { cap: rivalCap, aligned: rivalCap, flaws: 0 });
      });
      return play(s).state.history[0].labRisk;
    };
    expect(risk(8)).toBeCloseTo(0.16 * 1.5, 10); // D = 9: a rival at 8 is racing too
    expect(risk(7)).toBeCloseTo(0.16, 10);
  });

  it("keyed streams: one seat's extra actions move no other seat's dice (common random numbers)", () => {
    // Real streams (the test helpers pin streams 0); the same match with and without lab 0's extra validation.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const run = (extra: boolean) => {
          let s = quietMatch(
            ["lab", "lab", "lab", "regulator"],
            { streams: 1, labLeaks: 0 },
            undefined,
            "baseline",
            seed,
          );
          const orders = {
            0: extra ? [{ kind: "validate" as const }, { kind: "minimalRiskTest" as const }] : [],
            1: [{ kind: "capability" as const }],
            2: [{ kind: "capability" as const }, { kind: "validate" as const }],
          };
          s = play(s, orders).state;
          return [1, 2].map((i) => ({
            cap: lab(s, i).cap,
            flaws: lab(s, i).flaws,
            deceptive: lab(s, i).deceptive,
            aligned: lab(s, i).aligned,
          }));
        };
        expect(run(true)).toEqual(run(false));
      }),
      { numRuns: 40 },
    );
  });

  it("switching metastrategy costs 6 prestige at the end as well as the round's actions", () => {
    const s = quietMatch(["lab:conservative", "lab:conservative", "regulator"], { rounds: 1 }, (s) => {
      s.seats[0].prestige = 7;
      s.seats[1].prestige = 7;
    });
    const { state } = play(s, { 0: { actions: [], switchDoctrine: "incrementalist" } });
    expect(state.seats[0].doctrine).toBe("incrementalist");
    expect(state.phase).toBe("ended");
    expect(state.seats[0].prestigeBy.switch).toBe(-6);
    expect(state.seats[1].prestigeBy.switch).toBeUndefined();
    expect(state.seats[0].prestige).toBe(state.seats[1].prestige - 6);
  });

  it("a conservative lab's predictable step on milestone 2 hides a deceptive flaw a quarter as often", () => {
    expect(deceptionChance(0.6, 2, true)).toBeCloseTo(0.15, 10);
    expect(deceptionChance(0.6, 2, false)).toBeCloseTo(0.3, 10);
    expect(deceptionChance(0.6, 1, true)).toBeCloseTo(0.6, 10);
  });

  it("a classroom regime step adds two steps (regimeStep), capped at 6", () => {
    const s = quietMatch(["lab", "regulator:butlerian"], { regimeStep: 2, startWill: 9 }, (s) => {
      s.world.policies.push("computeLicensing", "exportControls", "treaty");
      s.world.regime = 5;
    });
    const { state } = play(s, { 1: [{ kind: "buildRegime" }, { kind: "enforce" }] });
    expect(state.world.regime).toBe(6);
  });
});
