// Key moments of the debrief: found from the revealed history, table-driven on hand-made rows, and on a real match.
import { describe, expect, it } from "vitest";
import { keyMoments, keyMomentsOfView, type MomentsInput } from "../src/debrief/moments.js";
import { createMatch, resolveRound } from "../src/rules/resolve.js";
import { publicView } from "../src/rules/view.js";
import { botOrders } from "../src/bots/index.js";
import { seatView } from "../src/rules/view.js";
import type { EndInfo, HistoryRow } from "../src/rules/types.js";

function row(round: number, o: Partial<HistoryRow> = {}): HistoryRow {
  return {
    round,
    labs: [
      { seat: 0, cap: 3, aligned: 2, flaws: 1, declaredCap: 3 },
      { seat: 1, cap: 3, aligned: 2, flaws: 1, declaredCap: 3 },
    ],
    frontier: 3,
    alignedFrontier: 2,
    rogue: 3,
    rogueEstimate: 3,
    pool: 0,
    leaks: 0,
    will: 3,
    theory: 0,
    interp: 0,
    aug: 0,
    regime: 0,
    policies: [],
    events: [],
    incidents: 0,
    paradigmShifts: 0,
    catastropheRisk: 0,
    ...o,
  };
}

const base = (history: HistoryRow[], end: EndInfo | null = null): MomentsInput => ({
  history,
  end,
  seats: [
    { id: 0, name: "Lab A" },
    { id: 1, name: "Lab B" },
  ],
  dangerLine: 8,
  taiThreshold: 11,
  start: { will: 3, cap: 3, aligned: 2 },
});

const timeEnd = (round: number): EndInfo => ({
  ending: "precarious",
  round,
  by: "time",
  cause: "time ran out",
  worldValue: 30,
});

describe("key moments", () => {
  it("a quiet match has only the deciding round", () => {
    const m = keyMoments(base([row(1), row(2), row(3)], timeEnd(3)));
    expect(m.map((x) => x.kind)).toEqual(["decisive"]);
    expect(m[0].question.length).toBeGreaterThan(40);
  });

  it("finds the first leak (not later ones), with the leak card of its news and rogue two rounds on", () => {
    const h = [
      row(1),
      row(2, { leaks: 1, events: ["talent-departure"], rogue: 4 }),
      row(3, { leaks: 2 }),
      row(4, { rogue: 6.5 }),
    ];
    const m = keyMoments(base(h, timeEnd(4))).filter((x) => x.kind === "firstLeak");
    expect(m).toHaveLength(1);
    expect(m[0].round).toBe(2);
    expect(m[0].text).toContain("Key researcher walks out");
    expect(m[0].text).toContain("6.5 by round 4");
  });

  it("names the lab of a paradigm shift: capability jumps by 3 or more and aligned falls", () => {
    const h = [
      row(1),
      row(2, {
        paradigmShifts: 1,
        labs: [
          { seat: 0, cap: 3, aligned: 2, flaws: 1, declaredCap: 3 },
          { seat: 1, cap: 6, aligned: 1, flaws: 2, declaredCap: 3 },
        ],
        frontier: 6,
        alignedFrontier: 2,
      }),
    ];
    const m = keyMoments(base(h, timeEnd(2))).find((x) => x.kind === "paradigmShift")!;
    expect(m.seat).toBe(1);
    expect(m.text).toContain("Lab B");
    expect(m.text).toContain("capability +3");
    expect(m.text).toContain("from 2 to 1");
  });

  it("a paradigm shift in round 1 is measured from the start values", () => {
    const h = [
      row(1, { paradigmShifts: 1, labs: [{ seat: 0, cap: 6, aligned: 1, flaws: 2, declaredCap: 3 }], frontier: 6 }),
    ];
    expect(keyMoments(base(h, timeEnd(1))).find((x) => x.kind === "paradigmShift")?.seat).toBe(0);
  });

  it("the incident that moved will is the one with the largest rise; incidents without a rise are not it", () => {
    const h = [
      row(1, { incidents: 1, will: 3 }),
      row(2, { incidents: 1, will: 4 }),
      row(3, { incidents: 2, will: 7 }),
      row(4, { will: 7 }),
    ];
    const m = keyMoments(base(h, timeEnd(4))).filter((x) => x.kind === "incidentWill");
    expect(m).toHaveLength(1);
    expect(m[0].round).toBe(3);
    expect(m[0].text).toContain("rose by 3 to 7");
  });

  it("the decisive round of a catastrophe is the end round; of a time ending, the riskiest round", () => {
    const h = [row(1), row(2, { catastropheRisk: 0.4, frontier: 9 }), row(3, { catastropheRisk: 0.1 })];
    const cat: EndInfo = {
      ending: "catastrophe",
      round: 3,
      by: "lab",
      seat: 1,
      cause: "an unaligned system escaped",
      worldValue: 0,
    };
    const a = keyMoments(base(h, cat)).find((x) => x.kind === "decisive")!;
    expect(a.round).toBe(3);
    expect(a.text).toContain("Lab B");
    const b = keyMoments(base(h, timeEnd(3))).find((x) => x.kind === "decisive")!;
    expect(b.round).toBe(2);
    expect(b.text).toContain("40%");
  });

  it("rogue at the danger line and the facilitator's injected card are moments; moments come in round order", () => {
    const h = [row(1), row(2, { events: ["rogue-state-programme"] }), row(3, { rogue: 8.5, leaks: 1 })];
    const m = keyMoments({ ...base(h, timeEnd(3)), extras: [{ inject: "rogue-state-programme" }, null, null] });
    expect(m.map((x) => [x.kind, x.round])).toEqual([
      ["facilitatorCrisis", 2],
      ["firstLeak", 3],
      ["rogueDanger", 3],
      ["decisive", 3],
    ]);
  });

  it("no end, no history: nothing", () => {
    expect(keyMoments(base([], null))).toEqual([]);
  });

  it("works on a real finished match's public view, deterministically", () => {
    const run = () => {
      let s = createMatch({
        scenario: "classroom",
        seed: 5,
        seats: [
          { role: "lab", doctrine: "incrementalist" },
          { role: "lab", doctrine: "transhumanist" },
          { role: "lab", doctrine: "conservative" },
          { role: "regulator", doctrine: "butlerian" },
          { role: "researcher", doctrine: "conservative" },
          { role: "researcher", doctrine: "transhumanist" },
        ],
      });
      while (s.phase !== "ended")
        s = resolveRound(
          s,
          s.seats.map((_, i) => botOrders(seatView(s, i, { history: false }), { difficulty: "normal", seed: s.seed })),
        ).state;
      return keyMomentsOfView(publicView(s));
    };
    const a = run();
    expect(a.length).toBeGreaterThan(0);
    expect(a.at(-1)!.kind).toBe("decisive");
    for (const m of a) expect(m.question).toMatch(/\?/);
    expect(run()).toEqual(a);
  });
});
