// Events: every effect op, lab picks and ties, the deck, news drawing and facilitator injects.
import { newsCard } from "../src/content/report-texts.js";
import { describe, expect, it } from "vitest";
import { EVENT_BY_ID, EVENT_CARDS } from "../src/content/events.js";
import type { EventEffect } from "../src/content/event-types.js";
import { CONCEPT_IDS } from "../src/content/glossary.js";
import { SCENARIOS } from "../src/content/scenarios.js";
import { applyEffect, drawNews } from "../src/rules/events.js";
import { createMatch } from "../src/rules/resolve.js";
import { buildDeck } from "../src/rules/state.js";
import type { MatchState } from "../src/rules/types.js";
import { FORCE_TAGS, lab, play, quietMatch, TEST_PARAMS } from "./helpers.js";

/**
 * Seats: 0 lab (cap 5, sec 2, prod 1), 1 lab (cap 7, sec 1, prod 3) = leader & most deployed,
 * 2 lab (cap 2, sec 0, prod 0) = laggard & least secure, 3 regulator (butlerian), 4 researcher, 5 regulator.
 * World: will 3, pool 0, rogue 1, theory 1, interp 0, aug 0, drift 0.
 */
function table(): MatchState {
  return quietMatch(["lab", "lab", "lab", "regulator:butlerian", "researcher", "regulator"], {}, (s) => {
    Object.assign(lab(s, 0), { cap: 5, aligned: 5, sec: 2, prod: 1, flaws: 0 });
    Object.assign(lab(s, 1), { cap: 7, aligned: 7, sec: 1, prod: 3, flaws: 0 });
    Object.assign(lab(s, 2), { cap: 2, aligned: 2, sec: 0, prod: 0, flaws: 0 });
  });
}

type Probe = (s: MatchState) => unknown;
const caps: Probe = (s) => [0, 1, 2].map((i) => lab(s, i).cap);
const flaws: Probe = (s) => [0, 1, 2].map((i) => lab(s, i).flaws);
const funds: Probe = (s) => s.seats.map((x) => x.funds);

describe("applyEffect: each op", () => {
  it.each<[string, EventEffect, Probe, unknown, ((s: MatchState) => void)?]>([
    ["will +2", { op: "will", delta: 2 }, (s) => s.world.will, 5],
    ["will clamps at 10", { op: "will", delta: 9 }, (s) => s.world.will, 10],
    ["will clamps at 0", { op: "will", delta: -5 }, (s) => s.world.will, 0],
    ["leak from the leader", { op: "leak", lab: "leader", amount: 1 }, (s) => s.world.pool, 1],
    ["leak from every lab", { op: "leak", lab: "all", amount: 1 }, (s) => s.world.pool, 3],
    [
      "no leak from a lab at cap 0",
      { op: "leak", lab: "laggard", amount: 1 },
      (s) => s.world.pool,
      0,
      (s) => (lab(s, 2).cap = 0),
    ],
    ["pool +2", { op: "pool", delta: 2 }, (s) => s.world.pool, 2],
    ["pool never below 0", { op: "pool", delta: -1 }, (s) => s.world.pool, 0],
    ["rogue +1", { op: "rogue", delta: 1 }, (s) => s.world.rogue, 2],
    ["rogue never below 0", { op: "rogue", delta: -3 }, (s) => s.world.rogue, 0],
    ["rogue momentum +1", { op: "rogueMomentum", delta: 1 }, (s) => s.world.rogueMomentum, 1],
    ["rogue momentum never below 0", { op: "rogueMomentum", delta: -1 }, (s) => s.world.rogueMomentum, 0],
    ["theory +1", { op: "theory", delta: 1 }, (s) => s.world.theory, 2],
    ["theory clamps at 9", { op: "theory", delta: 20 }, (s) => s.world.theory, 9],
    ["theory clamps at 0", { op: "theory", delta: -5 }, (s) => s.world.theory, 0],
    ["interp +1", { op: "interp", delta: 1 }, (s) => s.world.interp, 1],
    ["interp clamps at 5", { op: "interp", delta: 9 }, (s) => s.world.interp, 5],
    ["aug +0.5", { op: "aug", delta: 0.5 }, (s) => s.world.aug, 0.5],
    [
      "aug stops at the legal limit 2 without the augmentation-legal policy",
      { op: "aug", delta: 10 },
      (s) => s.world.aug,
      2,
    ],
    ["drift +1", { op: "drift", delta: 1 }, (s) => s.world.drift, 1],
    ["drift never below 0", { op: "drift", delta: -1 }, (s) => s.world.drift, 0],
    ["funds +2 to labs only", { op: "funds", role: "lab", delta: 2 }, funds, [8, 8, 8, 2, 3, 2]],
    ["funds +1 to researchers only", { op: "funds", role: "researcher", delta: 1 }, funds, [6, 6, 6, 2, 4, 2]],
    ["funds +1 to everyone (no role)", { op: "funds", delta: 1 }, funds, [7, 7, 7, 3, 4, 3]],
    ["funds never below 0", { op: "funds", role: "lab", delta: -10 }, funds, [0, 0, 0, 2, 3, 2]],
    [
      "influence +1 to regulators only",
      { op: "influence", delta: 1 },
      (s) => s.seats.map((x) => x.influence),
      [0, 0, 0, 4, 0, 4],
    ],
    ["cap +1 to the leader", { op: "cap", lab: "leader", delta: 1 }, caps, [5, 8, 2]],
    ["cap +1 to the laggard", { op: "cap", lab: "laggard", delta: 1 }, caps, [5, 7, 3]],
    [
      "cap −1 to all: aligned follows it down",
      { op: "cap", lab: "all", delta: -1 },
      (s) => [0, 1, 2].map((i) => [lab(s, i).cap, lab(s, i).aligned]),
      [
        [4, 4],
        [6, 6],
        [1, 1],
      ],
    ],
    ["cap never below 0", { op: "cap", lab: "laggard", delta: -5 }, caps, [5, 7, 0]],
    [
      "no capability gain in a neutralized world",
      { op: "cap", lab: "all", delta: 1 },
      caps,
      [5, 7, 2],
      (s) => (s.world.neutralized = true),
    ],
    ["cap with a certain flaw", { op: "cap", lab: "leader", delta: 1, flawChance: 1 }, flaws, [0, 1, 0]],
    ["flaw to the most deployed (certain)", { op: "flaw", lab: "mostDeployed", chance: 1 }, flaws, [0, 1, 0]],
    ["flaw to all (certain)", { op: "flaw", lab: "all", chance: 1 }, flaws, [1, 1, 1]],
    ["flaw with chance 0", { op: "flaw", lab: "all", chance: 0 }, flaws, [0, 0, 0]],
    [
      "sec +1 to the least secure",
      { op: "sec", lab: "leastSecure", delta: 1 },
      (s) => [0, 1, 2].map((i) => lab(s, i).sec),
      [2, 1, 1],
    ],
    ["sec clamps at 5", { op: "sec", lab: "all", delta: 9 }, (s) => [0, 1, 2].map((i) => lab(s, i).sec), [5, 5, 5]],
    ["sec clamps at 0", { op: "sec", lab: "all", delta: -9 }, (s) => [0, 1, 2].map((i) => lab(s, i).sec), [0, 0, 0]],
    ["capability cost this round", { op: "capabilityCost", delta: 1 }, (s) => s.mods.capabilityCost, 1],
    ["paradigm boost this round", { op: "paradigmBoost", boost: 0.5 }, (s) => s.mods.paradigmBoost, 0.5],
    ["leak bonus this round", { op: "leakBonus", bonus: 0.1 }, (s) => s.mods.leakBonus, 0.1],
    ["incident chance this round", { op: "incidentChance", bonus: 0.15 }, (s) => s.mods.extraIncidentChance, 0.15],
    [
      "prestige +1 to butlerian seats only",
      { op: "prestige", doctrine: "butlerian", delta: 1 },
      (s) => s.seats.map((x) => x.prestige),
      [0, 0, 0, 1, 0, 0],
    ],
    [
      "prestige never below 0",
      { op: "prestige", doctrine: "transhumanist", delta: -1 },
      (s) => s.seats.map((x) => x.prestige),
      [0, 0, 0, 0, 0, 0],
    ],
  ])("%s", (_n, effect, probe, want, edit) => {
    const s = table();
    edit?.(s);
    applyEffect(s, effect);
    expect(probe(s)).toEqual(want);
  });

  it("the table above covers every op the deck uses", () => {
    const used = new Set(EVENT_CARDS.flatMap((c) => c.effects.map((e) => e.op)));
    const covered = new Set([
      "will",
      "leak",
      "pool",
      "rogue",
      "rogueMomentum",
      "theory",
      "interp",
      "aug",
      "drift",
      "funds",
      "influence",
      "cap",
      "flaw",
      "sec",
      "capabilityCost",
      "paradigmBoost",
      "leakBonus",
      "incidentChance",
      "prestige",
    ]);
    for (const op of used) expect(covered.has(op), `op ${op}`).toBe(true);
  });

  it.each([
    // pick, which lab gets +1 when every lab ties (lowest seat id wins ties)
    ["leader", 0],
    ["laggard", 0],
    ["leastSecure", 0],
    ["mostDeployed", 0],
  ] as const)("ties: %s picks seat %s", (pick, seat) => {
    const s = table();
    for (const i of [0, 1, 2]) Object.assign(lab(s, i), { cap: 4, sec: 1, prod: 1 });
    applyEffect(s, { op: "cap", lab: pick, delta: 1 });
    expect(caps(s)).toEqual([0, 1, 2].map((i) => (i === seat ? 5 : 4)));
  });

  it("a random pick changes exactly one lab, chosen by the state's generator", () => {
    const a = table();
    const b = table();
    applyEffect(a, { op: "cap", lab: "random", delta: 1 });
    applyEffect(b, { op: "cap", lab: "random", delta: 1 });
    expect(caps(a)).toEqual(caps(b));
    expect((caps(a) as number[]).reduce((x, y) => x + y)).toBe(5 + 7 + 2 + 1);
    expect(a.rng).not.toBe(table().rng);
  });

  it("effects that pick labs do nothing at a table without labs", () => {
    const s = quietMatch(["regulator", "researcher"]);
    applyEffect(s, { op: "leak", lab: "leader", amount: 2 });
    applyEffect(s, { op: "cap", lab: "random", delta: 1 });
    expect(s.world.pool).toBe(0);
  });
});

describe("the deck", () => {
  it("has at least 30 cards with unique ids, a title, one line of text, a known force and a glossary concept", () => {
    expect(EVENT_CARDS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(EVENT_CARDS.map((c) => c.id)).size).toBe(EVENT_CARDS.length);
    for (const c of EVENT_CARDS) {
      expect(c.title.length, c.id).toBeGreaterThan(3);
      expect(c.text.length, c.id).toBeGreaterThan(10);
      expect(c.text, c.id).not.toContain("\n");
      expect(c.lesson.length, c.id).toBeGreaterThan(10);
      expect(FORCE_TAGS, c.id).toContain(c.force);
      expect(FORCE_TAGS, c.id).toContain(c.tag);
      expect(CONCEPT_IDS, c.id).toContain(c.concept);
      expect(c.effects.length, c.id).toBeGreaterThan(0);
      expect(EVENT_BY_ID.get(c.id)).toBe(c);
    }
  });

  it("every force has cards", () => {
    for (const f of FORCE_TAGS)
      expect(
        EVENT_CARDS.some((c) => c.force === f),
        f,
      ).toBe(true);
  });

  it.each(EVENT_CARDS.map((c) => [c.id]))("card %s keeps every track in range", (id) => {
    const s = table();
    for (const e of EVENT_BY_ID.get(id)!.effects) applyEffect(s, e);
    const w = s.world;
    expect(w.will).toBeGreaterThanOrEqual(0);
    expect(w.will).toBeLessThanOrEqual(10);
    expect(w.theory).toBeGreaterThanOrEqual(0);
    expect(w.theory).toBeLessThanOrEqual(9);
    expect(w.interp).toBeLessThanOrEqual(5);
    expect(w.aug).toBeLessThanOrEqual(6);
    expect(w.pool).toBeGreaterThanOrEqual(0);
    expect(w.rogue).toBeGreaterThanOrEqual(0);
    for (const x of s.seats) {
      expect(x.funds).toBeGreaterThanOrEqual(0);
      if (x.lab) expect(x.lab.aligned).toBeLessThanOrEqual(x.lab.cap);
    }
  });

  it.each(Object.keys(SCENARIOS).map((id) => [id]))(
    "scenario %s: the deck holds every card with positive weight, in a seeded order",
    (id) => {
      const mix = SCENARIOS[id].params.deckMix;
      const a = buildDeck({ rng: 99 }, mix);
      expect(buildDeck({ rng: 99 }, mix)).toEqual(a);
      expect(buildDeck({ rng: 100 }, mix)).not.toEqual(a);
      expect([...a].sort()).toEqual(
        EVENT_CARDS.filter((c) => (mix[c.tag] ?? 1) > 0)
          .map((c) => c.id)
          .sort(),
      );
    },
  );

  it("a tag with weight 0 is left out", () => {
    const deck = buildDeck({ rng: 5 }, { leaks: 0, rogue: 0 });
    expect(deck.length).toBe(EVENT_CARDS.filter((c) => c.tag !== "leaks" && c.tag !== "rogue").length);
    expect(deck.some((id) => EVENT_BY_ID.get(id)!.tag === "leaks")).toBe(false);
  });
});

describe("news", () => {
  const match = (scenario: string, seed = 3) =>
    createMatch({
      scenario,
      seed,
      seats: [
        { role: "lab", doctrine: "conservative" },
        { role: "regulator", doctrine: "butlerian" },
      ],
      overrides: { ...TEST_PARAMS, eventsPerRound: SCENARIOS[scenario].params.eventsPerRound },
    });

  it.each([
    ["baseline", 1],
    ["fast", 2],
  ])("%s draws %s card(s) a round, in deck order", (scenario, n) => {
    let s = match(scenario);
    expect(s.news.map((x) => x.card)).toEqual(s.deck.slice(0, n));
    s = play(s).state;
    expect(s.news.map((x) => x.card)).toEqual(s.deck.slice(n, 2 * n));
    expect(s.history[0].events).toEqual(s.deck.slice(0, n));
  });

  it("a news item carries the card's id and concept; newsCard gives its title and text", () => {
    const s = match("baseline");
    const card = EVENT_BY_ID.get(s.news[0].card)!;
    expect(s.news[0]).toEqual({ card: card.id, concept: card.concept });
    expect(newsCard(s.news[0])).toEqual({ headline: card.title, text: card.text });
    // A rules-1 record's news item carries its own copy.
    expect(newsCard({ card: card.id, headline: "Old", text: "Old text" })).toEqual({
      headline: "Old",
      text: "Old text",
    });
  });

  it("a facilitator inject comes first next round and is taken out of the rest of the deck", () => {
    const s = match("baseline");
    const later = s.deck[7];
    const { state } = play(s, {}, { inject: later });
    expect(state.news.map((x) => x.card)).toEqual([later]); // 1 card a round: only the inject
    expect(state.deck).not.toContain(later);
    expect(state.deck.length).toBe(s.deck.length - 1);
  });

  it("an inject in fast takeoff is followed by the next deck card", () => {
    const s = match("fast");
    const { state } = play(s, {}, { inject: "whistleblower" });
    expect(state.news[0].card).toBe("whistleblower");
    expect(state.news).toHaveLength(2);
  });

  it("an unknown inject is ignored", () => {
    const s = match("baseline");
    const { state } = play(s, {}, { inject: "no-such-card" });
    expect(state.news.map((x) => x.card)).toEqual([s.deck[1]]);
  });

  it("news modifiers last one round; capability cost never falls below −1", () => {
    const s = quietMatch(["lab", "regulator"], { eventsPerRound: 2 });
    s.deck = ["new-chip-generation", "new-chip-generation"];
    s.mods.leakBonus = 0.3;
    s.news = [];
    const news = drawNews(s);
    expect(news).toHaveLength(2);
    expect(s.mods.capabilityCost).toBe(-1);
    const { state } = play(quietMatch(["lab", "regulator"], {}, (q) => (q.mods.leakBonus = 0.3)));
    expect(state.mods).toEqual({ capabilityCost: 0, paradigmBoost: 0, leakBonus: 0, extraIncidentChance: 0 });
  });

  it("the deck wraps around in long matches", () => {
    const s = quietMatch(["lab", "regulator"]);
    s.deck = ["whistleblower", "theory-surprise"];
    s.deckPos = 2;
    expect(drawNews(s).map((n) => n.card)).toEqual(["whistleblower"]);
    expect(s.deckPos).toBe(1);
  });
});
