// Speed paths must not change results: cloneState copies field by field, resolveRound can skip report text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveRound } from "../src/rules/resolve.js";
import { EVENT_CARDS } from "../src/content/events.js";
import { SCENARIO_IDS, SCENARIOS } from "../src/content/scenarios.js";
import { nextFloat } from "../src/rng.js";
import { buildDeck, cloneState } from "../src/rules/state.js";
import { matchSpecArb, playRandomMatch } from "./random-match.js";
import { ACTION_DEFS } from "../src/content/actions.js";
import { checkAction } from "../src/rules/legal.js";
import { POLICIES, type Action, type ActionKind } from "../src/rules/types.js";
import { botSeatView, publicView, seatView, seatViewWith } from "../src/rules/view.js";
import { kindIndex, kindInfo } from "../src/rules/kinds.js";

describe("cloneState", () => {
  it("gives an equal state that shares no mutable part with the original", () => {
    fc.assert(
      fc.property(matchSpecArb, (m) => {
        for (const s of playRandomMatch(m).states) {
          const c = cloneState(s);
          expect(c).toEqual(s);
          expect(Object.keys(c).sort()).toEqual(Object.keys(s).sort());
          c.seats.forEach((x, i) => {
            expect(Object.keys(x).sort()).toEqual(Object.keys(s.seats[i]).sort());
            expect(x).not.toBe(s.seats[i]);
            if (x.lab) expect(x.lab).not.toBe(s.seats[i].lab);
            expect(x.prestigeBy).not.toBe(s.seats[i].prestigeBy);
            expect(x.knownFlaws).not.toBe(s.seats[i].knownFlaws);
          });
          expect(c.world).not.toBe(s.world);
          expect(c.world.policies).not.toBe(s.world.policies);
          expect(c.history).not.toBe(s.history);
        }
      }),
      { seed: 77, numRuns: 25 },
    );
  });
});

describe("resolveRound without report text", () => {
  it("reaches the very same state, with no report entries", () => {
    fc.assert(
      fc.property(matchSpecArb, (m) => {
        const played = playRandomMatch(m);
        played.record.ordersByRound.forEach((o, r) => {
          const extras = played.record.extrasByRound?.[r] ?? null;
          const loud = resolveRound(played.states[r], o, extras);
          const quiet = resolveRound(played.states[r], o, extras, { report: false });
          expect(quiet.state).toEqual(loud.state);
          expect(quiet.report.entries).toEqual([]);
          expect({ ...quiet.report, entries: loud.report.entries }).toEqual(loud.report);
        });
      }),
      { seed: 78, numRuns: 25 },
    );
  });
});

describe("buildDeck", () => {
  it("orders the deck exactly as a sort by key (highest first), then id, would", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(...SCENARIO_IDS), (seed, scenario) => {
        const mix = SCENARIOS[scenario].params.deckMix;
        const a = { rng: seed };
        const b = { rng: seed };
        const deck = buildDeck(a, mix);
        const keyed: { id: string; key: number }[] = [];
        for (const c of EVENT_CARDS) {
          const w = mix[c.tag] ?? 1;
          if (w <= 0) continue;
          keyed.push({ id: c.id, key: Math.log(Math.max(nextFloat(b), 1e-12)) / w });
        }
        keyed.sort((x, y) => y.key - x.key || (x.id < y.id ? -1 : 1));
        expect(deck).toEqual(keyed.map((k) => k.id));
        expect(a.rng).toBe(b.rng);
      }),
      { seed: 79, numRuns: 300 },
    );
  });
});

describe("checkAction without reasons", () => {
  it("gives the same verdict as with them, for every kind, policy and target", () => {
    const actions: Action[] = [];
    for (const kind of Object.keys(ACTION_DEFS) as ActionKind[]) {
      actions.push({ kind } as Action);
      for (const policy of POLICIES) actions.push({ kind, policy } as Action);
      for (let target = 0; target < 9; target++) actions.push({ kind, target, amount: 1 } as Action);
      actions.push(
        { kind, defy: true } as Action,
        { kind, mode: "careful" } as Action,
        { kind, mode: "fast" } as Action,
      );
      actions.push({ kind, route: "epigenetic" } as Action, { kind, route: "direct" } as Action);
    }
    actions.push({ kind: "toString" } as unknown as Action, { kind: "nope" } as unknown as Action);
    fc.assert(
      fc.property(matchSpecArb, (m) => {
        for (const s of playRandomMatch(m).states) {
          for (let k = 0; k < s.seats.length; k++) {
            const v = seatView(s, k);
            for (const a of actions) {
              const loud = checkAction(v, a);
              const quiet = checkAction(v, a, false);
              expect(quiet.ok).toBe(loud.ok);
              if (!loud.ok) expect(loud.reason.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { seed: 80, numRuns: 15 },
    );
  });
});

describe("kindIndex", () => {
  it("numbers every action kind as ACTION_DEFS orders them, and nothing else", () => {
    (Object.keys(ACTION_DEFS) as ActionKind[]).forEach((kind, i) => {
      expect(kindIndex(kind)).toBe(i);
      expect(kindInfo(kind)?.def).toBe(ACTION_DEFS[kind]);
    });
    for (const junk of ["toString", "constructor", "", "Capability", "enactt", 5, undefined, null, {}])
      expect(kindIndex(junk)).toBe(-1);
  });
});

describe("botSeatView", () => {
  it("gives the same view as seatViewWith", () => {
    fc.assert(
      fc.property(matchSpecArb, (m) => {
        for (const s of playRandomMatch(m).states) {
          const pv = publicView(s, { history: false });
          for (let k = 0; k < s.seats.length; k++) expect(botSeatView(pv, s, k)).toEqual(seatViewWith(pv, s, k));
        }
      }),
      { seed: 81, numRuns: 15 },
    );
  });
});
