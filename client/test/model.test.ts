// The board model is plain data from a view: table-driven checks without a browser.
import { describe, expect, it } from "vitest";
import { botOrders, createMatch, publicView, resolveRound, seatView, type MatchState, type RoundReport } from "@metastrategy/shared";
import { boardModel, fxOf } from "../src/model";

function play(rounds: number, seed = 7): { state: MatchState; reports: RoundReport[] } {
  let state = createMatch({ scenario: "baseline", seed, seats: [
    { role: "lab", doctrine: "incrementalist" }, { role: "lab", doctrine: "conservative" }, { role: "lab", doctrine: "butlerian" },
    { role: "regulator", doctrine: "butlerian" }, { role: "researcher", doctrine: "conservative" }, { role: "researcher", doctrine: "transhumanist" },
  ], overrides: { rounds } });
  const reports: RoundReport[] = [];
  while (state.phase !== "ended") {
    const orders = state.seats.map((_, i) => botOrders(seatView(state, i), { difficulty: "normal", seed }));
    const r = resolveRound(state, orders);
    state = r.state;
    reports.push(r.report);
  }
  return { state, reports };
}

describe("board model", () => {
  it("shows my true capability and only declared capability of others", () => {
    const { state } = play(3);
    const live = { ...state, phase: "orders" as const };
    const m = boardModel(seatView(live, 0), null, 0);
    expect(m.labs[0].mine).toBe(true);
    expect(m.labs[0].cap).toBe(state.seats[0].lab!.cap);
    expect(m.labs[1].capExact).toBe(false);
    expect(m.labs[1].cap).toBe(state.seats[1].lab!.declaredCap);
    expect(m.labs[1].flaws).toBeNull();
  });

  it("reveals every lab's true values once the match has ended", () => {
    const { state } = play(2);
    const m = boardModel(publicView(state), null, null);
    for (const l of m.labs) {
      expect(l.capExact).toBe(true);
      expect(l.flaws).toBe(state.seats[l.seat].lab!.flaws);
    }
    expect(m.rogue.exact).toBe(true);
    expect(m.pool).toBe(state.world.pool);
  });

  it("puts the TAI line and a margin inside the scale", () => {
    const { state } = play(1);
    const m = boardModel(publicView(state), null, null);
    expect(m.top).toBeGreaterThanOrEqual(m.tai + 2);
    expect(m.danger).toBe(m.tai - 3);
  });
});

describe("animation cues from reports", () => {
  const entry = (seat: number | null, concept: string, text = "") => ({ seat, concept, text });
  const cases: [string, RoundReport["entries"], number | null, string[]][] = [
    ["a public leak", [entry(null, "leak", "Intelligence suggests a lab's capability advance has leaked")], null, ["leak"]],
    ["my leak told twice is one flow", [entry(null, "leak", "…leaked…"), entry(0, "leak", "Your +1 capability advance leaked")], 0, ["leak"]],
    ["another seat's private notes are ignored", [entry(2, "breakthrough", "Capability research: +2")], 0, []],
    ["my breakthrough", [entry(0, "breakthrough", "Capability research: +2 (now 5)")], 0, ["breakthrough"]],
    ["a paradigm shift at my lab", [entry(null, "paradigmShift"), entry(0, "paradigmShift")], 0, ["paradigm"]],
    ["compounding rogue", [entry(null, "rogueCompounding")], null, ["compounding"]],
  ];
  it.each(cases)("%s", (_name, entries, seat, kinds) => {
    const fx = fxOf({ round: 1, news: [], entries, end: null }, seat);
    expect(fx.map((f) => f.kind)).toEqual(kinds);
  });

  it("reads the size of my breakthrough from the report", () => {
    const fx = fxOf({ round: 1, news: [], entries: [entry(0, "breakthrough", "Capability research: +2 (now 5).")], end: null }, 0);
    expect(fx[0]).toMatchObject({ kind: "breakthrough", seat: 0, amount: 2 });
  });
});
