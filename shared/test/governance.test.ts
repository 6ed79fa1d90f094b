// Governance: policies, lobbying, audits (defiance, flaw reveal), campaigns, grants, transfers, the regime.
import { entryText } from "../src/content/report-texts.js";
import { describe, expect, it } from "vitest";
import { legalOrders } from "../src/rules/legal-state.js";
import { seatView } from "../src/rules/view.js";
import { reportFor } from "../src/rules/resolve.js";
import type { Doctrine, PolicyId } from "../src/rules/types.js";
import { lab, play, playAllowingRefusals, quietMatch } from "./helpers.js";
import { scenarioParams } from "../src/rules/state.js";
import { FRONTIER_HELD_FROM } from "../src/content/doctrines.js";

describe("enacting policies: influence cost, will threshold (legitimacy is paid at the end, per policy in force)", () => {
  it.each<[PolicyId, Doctrine, number, number]>([
    // policy, regulator doctrine, will (= the threshold), influence cost
    ["securityStandard", "transhumanist", 2, 2],
    ["computeLicensing", "transhumanist", 3, 3],
    ["exportControls", "transhumanist", 4, 3],
    ["moratorium", "transhumanist", 6, 5],
    ["moratorium", "butlerian", 6, 4],
    ["augmentationLegal", "conservative", 6, 4], // a hard-won legal change
    ["augmentationLegal", "transhumanist", 5, 3], // legalisation easier for transhumanists
    ["theoryFund", "transhumanist", 0, 2],
    ["treaty", "transhumanist", 5, 4],
  ])("%s by a %s regulator at will %s costs %s influence", (policy, doctrine, will, cost) => {
    const s = quietMatch(["lab", `regulator:${doctrine}`], {}, (s) => {
      s.world.will = will;
      s.seats[1].influence = 10;
    });
    const { state, report } = play(s, { 1: [{ kind: "enact", policy }] });
    expect(state.world.policies).toContain(policy);
    expect(state.seats[1].influence).toBe(10 - cost + 1 + Math.floor(will / 2));
    expect(state.seats[1].prestigeBy.legitimacy ?? 0).toBe(0);
    expect(report.entries.some((e) => e.seat === null && entryText(e).includes("enacts"))).toBe(true);
  });

  it("one below the threshold the order is refused whole", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => (s.world.will = 3));
    const r = playAllowingRefusals(s, { 1: [{ kind: "enact", policy: "exportControls" }] });
    expect(r.refused.get(1)).toContain("Export controls needs political will 4 (it is 3)");
    expect(r.state.world.policies).toEqual([]);
    expect(r.state.seats[1].influence).toBe(3 + 1 + 1); // nothing spent
  });

  it("repeal removes a policy for 1 influence", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => s.world.policies.push("moratorium", "theoryFund"));
    const { state } = play(s, { 1: [{ kind: "repeal", policy: "moratorium" }] });
    expect(state.world.policies).toEqual(["theoryFund"]);
    expect(state.seats[1].influence).toBe(3 - 1 + 1 + 1);
  });

  it("two regulators may enact the treaty together without the will", () => {
    const s = quietMatch(["lab", "regulator", "regulator"], {}, (s) => {
      s.world.will = 0;
      s.seats[1].influence = s.seats[2].influence = 5;
    });
    const { state } = play(s, { 1: [{ kind: "enact", policy: "treaty" }], 2: [{ kind: "enact", policy: "treaty" }] });
    expect(state.world.policies).toEqual(["treaty"]);
  });

  // BUG (reported): GAME.md §4 and the policy text say the treaty needs will 5 "or both regulators enacting it";
  // checkAction waives the will whenever the match merely HAS two regulators, so one regulator alone enacts it at will 0.
  it("a lone regulator in a two-regulator match still needs will 5 for the treaty", () => {
    const s = quietMatch(["lab", "regulator", "regulator"], {}, (s) => {
      s.world.will = 0;
      s.seats[1].influence = 5;
    });
    const r = playAllowingRefusals(s, { 1: [{ kind: "enact", policy: "treaty" }] });
    expect(r.state.world.policies).not.toContain("treaty");
  });
});

describe("lobbying", () => {
  it("lobbying against a policy while will < 5 blocks its enactment this round (the influence is spent)", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => (s.world.will = 4));
    const { state, report } = play(s, {
      0: [{ kind: "lobby", policy: "exportControls" }],
      1: [{ kind: "enact", policy: "exportControls" }],
    });
    expect(state.world.policies).toEqual([]);
    expect(state.seats[0].funds).toBe(6 - 2 + 3);
    expect(state.seats[1].influence).toBe(3 - 3 + 1 + 2);
    expect(report.entries.some((e) => e.seat === null && entryText(e).includes("lobbying blocked it"))).toBe(true);
    expect(state.world.will).toBe(4); // a blocking lobby does not also lower will
  });

  it("lobbying against one policy does not block another", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => (s.world.will = 4));
    const { state } = play(s, {
      0: [{ kind: "lobby", policy: "moratorium" }],
      1: [{ kind: "enact", policy: "exportControls" }],
    });
    expect(state.world.policies).toEqual(["exportControls"]);
  });

  it.each([
    // will before → after
    [3, 2],
    [1, 0],
  ])("plain lobbying lowers will by 1 (%s → %s)", (will, after) => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => (s.world.will = will));
    expect(play(s, { 0: [{ kind: "lobby" }] }).state.world.will).toBe(after);
  });

  it("at will ≥ 5 a lab cannot block: the order is refused", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => (s.world.will = 5));
    const r = playAllowingRefusals(s, { 0: [{ kind: "lobby", policy: "treaty" }] });
    expect(r.refused.get(0)).toContain("only while political will is below 5");
  });
});

describe("audits", () => {
  it.each([
    // interp, flaw count learned by the auditor (undefined: none)
    [2, undefined],
    [3, 2],
    [5, 2],
  ])("reveal true cap and security to all; at interp %s the auditor learns flaws: %s", (interp, known) => {
    const s = quietMatch(["lab", "regulator", "regulator"], {}, (s) => {
      s.world.interp = interp;
      Object.assign(lab(s, 0), { cap: 7, aligned: 7, declaredCap: 3, sec: 2, flaws: 2 });
    });
    const { state, report } = play(s, { 1: [{ kind: "audit", target: 0 }] });
    expect(lab(state, 0)).toMatchObject({ declaredCap: 7, auditedSec: 2 });
    expect(state.seats[1].knownFlaws[0]).toBe(known);
    expect(state.seats[2].knownFlaws[0]).toBeUndefined();
    // the count is told privately to the auditor only
    const flawNote = (seat: number) =>
      reportFor(report, seat).entries.some(
        (e) => e.concept === "interpretability" && entryText(e).includes("hidden flaw"),
      );
    expect(flawNote(1)).toBe(known !== undefined);
    expect(flawNote(2)).toBe(false);
    expect(flawNote(0)).toBe(false);
    expect(seatView(state, 1).me.knownFlaws).toEqual(known === undefined ? {} : { 0: known });
    expect(seatView(state, 2).me.knownFlaws).toEqual({});
  });

  it("a complying lab cannot research capability under a moratorium", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => s.world.policies.push("moratorium"));
    const r = playAllowingRefusals(s, { 0: [{ kind: "capability" }] });
    expect(r.refused.get(0)).toContain("A moratorium is in force");
    expect(lab(r.state, 0).cap).toBe(3);
  });

  it("an audit in the same round catches moratorium defiance: fine 3, −3 prestige, +2 to the auditor", () => {
    const s = quietMatch(["lab", "regulator"], { taiThreshold: 20 }, (s) => {
      s.world.policies.push("moratorium");
      s.seats[0].prestige = 5;
    });
    const { state, report } = play(s, { 0: [{ kind: "capability", defy: true }], 1: [{ kind: "audit", target: 0 }] });
    expect(lab(state, 0).cap).toBeGreaterThan(3);
    expect(lab(state, 0).defiedMoratorium).toBe(false);
    expect(state.seats[0].funds).toBe(6 - 2 - 3 + 3);
    expect(state.seats[0].prestige).toBe(2);
    expect(state.seats[1].prestigeBy.legitimacy).toBe(2);
    expect(
      report.entries.some((e) => e.seat === null && e.concept === "moratorium" && entryText(e).includes("defying")),
    ).toBe(true);
  });

  it("defiance stays on record until an audit (caught a round later); the fine never exceeds the funds", () => {
    let s = quietMatch(["lab", "regulator"], { taiThreshold: 20 }, (s) => s.world.policies.push("moratorium"));
    s = play(s, { 0: [{ kind: "capability", defy: true }] }).state;
    expect(lab(s, 0).defiedMoratorium).toBe(true);
    s.seats[0].funds = 1; // set after the round: the fine is capped at what the lab holds
    s.seats[0].prestige = 2; // and the prestige loss at what it has
    const { state } = play(s, { 1: [{ kind: "audit", target: 0 }] });
    expect(lab(state, 0).defiedMoratorium).toBe(false);
    expect(state.seats[0].funds).toBe(0 + 3);
    expect(state.seats[0].prestige).toBe(0);
    expect(state.seats[0].prestigeBy.fines).toBe(-2); // the breakdown records the real change
  });

  it("defying when no moratorium is in force records nothing", () => {
    const s = quietMatch(["lab", "regulator"], { taiThreshold: 20 });
    expect(lab(play(s, { 0: [{ kind: "capability", defy: true }] }).state, 0).defiedMoratorium).toBe(false);
  });
});

describe("campaigns, grants, advice, side payments", () => {
  it("campaign: will +1 for 1 fund", () => {
    const s = quietMatch(["lab", "regulator"]);
    const { state } = play(s, { 1: [{ kind: "campaign" }] });
    expect(state.world.will).toBe(4);
    expect(state.seats[1].funds).toBe(2 - 1 + 1);
  });

  it("grant: funds move from the regulator to a researcher (no prestige for giving)", () => {
    const s = quietMatch(["lab", "regulator", "researcher"]);
    const { state } = play(s, { 1: [{ kind: "grant", target: 2, amount: 2 }] });
    expect(state.seats[1].funds).toBe(2 - 2 + 1);
    expect(state.seats[2].funds).toBe(3 + 2 + 2);
    expect(state.seats[1].prestigeBy.legitimacy ?? 0).toBe(0);
  });

  it("advise: the regulator +1 influence (no prestige for the adviser); apply for a grant: +2 funds", () => {
    const s = quietMatch(["lab", "regulator", "researcher"]);
    const { state } = play(s, { 2: [{ kind: "advise", target: 1 }, { kind: "applyGrant" }] });
    expect(state.seats[1].influence).toBe(3 + 1 + 1 + 1);
    expect(state.seats[2].prestigeBy.reputation ?? 0).toBe(0);
    expect(state.seats[2].funds).toBe(3 + 2 + 2);
  });

  it("transfers move funds between seats and count against the budget", () => {
    const s = quietMatch(["lab", "lab"]);
    const { state } = play(s, { 0: { actions: [{ kind: "security" }], transfers: [{ to: 1, amount: 4 }] } });
    expect(state.seats[0].funds).toBe(6 - 2 - 4 + 3 + 1); // +1: both labs tie at the visible frontier
    expect(state.seats[1].funds).toBe(6 + 4 + 3 + 1);
    const r = playAllowingRefusals(s, { 0: { actions: [{ kind: "security" }], transfers: [{ to: 1, amount: 5 }] } });
    expect(r.refused.get(0)).toContain("These orders cost 7 funds; you have 6.");
  });

  it.each([
    // opinion, will after (from 3)
    [1, 4],
    [-1, 2],
    [0, 3],
    [0.3, 3],
  ])("a public opinion poll of %s moves will to %s", (opinion, will) => {
    const s = quietMatch(["lab", "regulator"]);
    expect(play(s, {}, { opinion }).state.world.will).toBe(will);
  });
});

describe("standing policies at income time", () => {
  it.each([
    // sec, fined
    [0, true],
    [1, true],
    [2, false],
  ])("security standard: a lab at security %s is fined: %s", (sec, fined) => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => {
      s.world.policies.push("securityStandard");
      lab(s, 0).sec = sec;
    });
    expect(play(s).state.seats[0].funds).toBe(6 + 3 - (fined ? 1 : 0));
  });

  it.each([
    // world theory before → after one round of the theory fund (+0.5, up to 4: public money buys the basics)
    [1, 1.5],
    [3.5, 4],
    [4, 4],
    [7, 7],
  ])("theory fund: theory %s → %s", (theory, after) => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => {
      s.world.policies.push("theoryFund");
      s.world.theory = theory;
    });
    expect(play(s).state.world.theory).toBe(after);
  });
});

describe("the monitoring regime", () => {
  const REGIME_POLICIES: PolicyId[] = ["computeLicensing", "exportControls", "treaty"];

  it("needs licensing, export controls and a treaty in force", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => s.world.policies.push("computeLicensing", "exportControls"));
    const lo = legalOrders(s, 1).options.find((o) => o.kind === "buildRegime")!;
    expect(lo.legal).toBe(false);
    expect(lo.reason).toContain("needs compute licensing, export controls and a treaty");
  });

  it.each<[Doctrine, number]>([
    ["transhumanist", 2],
    ["butlerian", 1],
  ])(
    "a %s regulator pays %s influence per step; one step a round worldwide, and only with enforcement that round",
    (doctrine, cost) => {
      const s = quietMatch(["lab", `regulator:${doctrine}`], {}, (s) => {
        s.world.policies.push(...REGIME_POLICIES);
        s.world.will = 6;
        s.seats[1].influence = 10;
      });
      const r = playAllowingRefusals(s, { 1: [{ kind: "buildRegime" }, { kind: "buildRegime" }] });
      expect(r.refused.get(1)).toContain("Build monitoring regime can be done once a round.");
      const { state, report } = play(s, { 1: [{ kind: "buildRegime" }, { kind: "enforce" }] });
      expect(state.world.regime).toBe(1);
      const enforce = doctrine === "butlerian" ? 0 : 1;
      expect(state.seats[1].influence).toBe(10 - cost - enforce + 1 + 3);
      expect(state.seats[1].prestigeBy.legitimacy ?? 0).toBe(0);
      // built without enforcement, it lapses the same round
      const lapse = play(s, { 1: [{ kind: "buildRegime" }] });
      expect(lapse.state.world.regime).toBe(0);
      expect(
        lapse.report.entries.some((e) => entryText(e).includes("lapses") && entryText(e).includes("nobody enforced")),
      ).toBe(true);
      expect(report.entries.some((e) => entryText(e).includes("lapses"))).toBe(false);
    },
  );

  it("needs will 8 in the classroom (2.4): will 7 stalls it and lets it lapse, will 8 builds", () => {
    const at = (will: number) =>
      quietMatch(
        ["lab", "regulator"],
        {},
        (s) => {
          s.world.policies.push(...REGIME_POLICIES);
          s.world.will = will;
          s.world.regime = 3;
          s.seats[1].influence = 10;
        },
        "classroom",
      );
    const low = at(7);
    expect(seatView(low, 1).world.regimeWill).toBe(8);
    expect(legalOrders(low, 1).options.find((o) => o.kind === "buildRegime")!.reason).toBe(
      "Building the regime needs political will 8 (it is 7).",
    );
    expect(play(low, { 1: [{ kind: "enforce" }] }).state.world.regime).toBe(2);
    const enough = play(at(8), { 1: [{ kind: "buildRegime" }, { kind: "enforce" }] }).state;
    expect(enough.world.regime).toBe(5); // two steps a build in the classroom
    // a rules 2.3 classroom match needed will 6
    const old = at(7);
    old.rulesVersion = "2.3.0";
    old.params = scenarioParams("classroom", { ...old.params, regimeWill: undefined }, "2.3.0");
    expect(play(old, { 1: [{ kind: "buildRegime" }, { kind: "enforce" }] }).state.world.regime).toBe(5);
  });

  it("needs will 6 to grow (more with lock-in) and lapses a step in any round will falls short", () => {
    const s = quietMatch(["lab", "regulator"], {}, (s) => {
      s.world.policies.push(...REGIME_POLICIES);
      s.world.will = 5;
      s.world.regime = 3;
      s.seats[1].influence = 10;
    });
    const lo = legalOrders(s, 1).options.find((o) => o.kind === "buildRegime")!;
    expect(lo.reason).toBe("Building the regime needs political will 6 (it is 5).");
    const { state } = play(s, { 1: [{ kind: "enforce" }] });
    expect(state.world.regime).toBe(2);
    const locked = quietMatch(["lab", "regulator"], {}, (s) => {
      s.world.policies.push(...REGIME_POLICIES);
      s.world.will = 6;
      s.seats[0].lab!.prod = 4; // lock-in 4: the regime needs will 7
    });
    expect(legalOrders(locked, 1).options.find((o) => o.kind === "buildRegime")!.reason).toBe(
      "Building the regime needs political will 7 (it is 6).",
    );
  });

  it("completing it (6) neutralizes rogue actors, stops capability research, and pays butlerians +4 once; a lapse undoes it", () => {
    const s = quietMatch(["lab:butlerian", "regulator:butlerian", "researcher:conservative"], {}, (s) => {
      s.world.policies.push(...REGIME_POLICIES);
      s.world.regime = 5;
      s.world.will = 6;
      s.round = FRONTIER_HELD_FROM; // the held frontier pays from round 3 (2.5; round 2 in 2.3 and 2.4)
    });
    const { state } = play(s, { 1: [{ kind: "buildRegime" }, { kind: "enforce" }] });
    expect(state.world.regime).toBe(6);
    expect(state.world.neutralized).toBe(true);
    expect(state.seats[0].prestigeBy.objectives).toBe(4 + 1); // + a round with the frontier held
    expect(state.seats[1].prestigeBy.objectives).toBe(4 + 1);
    expect(state.seats[2].prestigeBy.objectives ?? 0).toBe(0);
    const cap = legalOrders(state, 0).options.find((o) => o.kind === "capability")!;
    expect(cap.legal).toBe(false);
    expect(cap.reason).toContain("Capability research has stopped");
    expect(legalOrders(state, 1).options.find((o) => o.kind === "buildRegime")!.reason).toContain("already complete");
    const lapsed = play(state, {}).state;
    expect(lapsed.world.regime).toBe(5);
    expect(lapsed.world.neutralized).toBe(false);
    const again = play(lapsed, { 1: [{ kind: "buildRegime" }, { kind: "enforce" }] }).state;
    expect(again.world.neutralized).toBe(true);
    expect(again.seats[1].prestigeBy.objectives).toBe(4 + 3); // the objective is paid once
  });
});
