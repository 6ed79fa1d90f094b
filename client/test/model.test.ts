// The board model is plain data from a view: table-driven checks without a browser.
import { describe, expect, it } from "vitest";
import {
  botOrders,
  createMatch,
  publicView,
  resolveRound,
  seatView,
  type MatchState,
  type RoundReport,
} from "@metastrategy/shared";
import { boardModel, fxOf } from "../src/model";

function play(rounds: number, seed = 7): { state: MatchState; reports: RoundReport[] } {
  let state = createMatch({
    scenario: "baseline",
    seed,
    seats: [
      { role: "lab", doctrine: "incrementalist" },
      { role: "lab", doctrine: "conservative" },
      { role: "lab", doctrine: "butlerian" },
      { role: "regulator", doctrine: "butlerian" },
      { role: "researcher", doctrine: "conservative" },
      { role: "researcher", doctrine: "transhumanist" },
    ],
    overrides: { rounds },
  });
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
  type E = RoundReport["entries"][number];
  const entry = (seat: number | null, concept: string, key?: E["key"], args?: E["args"]): E => ({
    seat,
    concept,
    key,
    args,
  });
  const cases: [string, RoundReport["entries"], number | null, string[]][] = [
    ["a public leak", [entry(null, "leak", "leakRumour")], null, ["leak"]],
    [
      "my leak told twice is one flow, from my lab",
      [entry(null, "leak", "leakRumour"), entry(0, "leak", "leakFresh", { amount: 1 })],
      0,
      ["leak"],
    ],
    [
      "a rival's leak reaching me is not my leak",
      [entry(null, "leak", "leakRumour"), entry(0, "leak", "leakCatchUp", { cap: 3 })],
      0,
      ["leak"],
    ],
    [
      "another seat's private notes are ignored",
      [entry(2, "breakthrough", "breakthrough", { gain: 2, cap: 5, aligned: 5 })],
      0,
      [],
    ],
    [
      "my breakthrough",
      [entry(0, "breakthrough", "breakthrough", { gain: 2, cap: 5, aligned: 5 })],
      0,
      ["breakthrough"],
    ],
    [
      "a paradigm shift at my lab",
      [
        entry(null, "paradigmShift", "paradigmShift"),
        entry(0, "paradigmShift", "paradigmMine", { cap: 6, loss: 1, aligned: 3 }),
      ],
      0,
      ["paradigm"],
    ],
    ["compounding rogue", [entry(null, "rogueCompounding", "rogueCompounding")], null, ["compounding"]],
  ];
  it.each(cases)("%s", (_name, entries, seat, kinds) => {
    const fx = fxOf({ round: 1, news: [], entries, end: null }, seat);
    expect(fx.map((f) => f.kind)).toEqual(kinds);
  });

  it("reads the size of my breakthrough from the entry's args, and which lab leaked from its key", () => {
    const fx = fxOf(
      {
        round: 1,
        news: [],
        entries: [
          entry(0, "breakthrough", "breakthrough", { gain: 2, cap: 5, aligned: 4 }),
          entry(0, "leak", "leakHeld", { amount: 1.5 }),
        ],
        end: null,
      },
      0,
    );
    expect(fx).toEqual([
      { kind: "breakthrough", seat: 0, amount: 2 },
      { kind: "leak", seat: 0 },
    ]);
  });

  it("a rules-1 record's prose entries still animate, without reading the English", () => {
    const fx = fxOf(
      {
        round: 1,
        news: [],
        entries: [{ seat: 0, concept: "breakthrough", text: "Capability research: +2 (now 5)." }],
        end: null,
      },
      0,
    );
    expect(fx).toEqual([{ kind: "breakthrough", seat: 0, amount: 1 }]);
  });
});
