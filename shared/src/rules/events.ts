// News: drawing event cards from the seeded deck and applying their effects.
import { EVENT_BY_ID } from "../content/events.js";
import type { EventEffect, LabPick } from "../content/event-types.js";
import { MAX } from "../content/roles.js";
import { chance, nextInt } from "../rng.js";
import { clamp, addPrestige } from "./state.js";
import { AUGMENT } from "./augmentation.js";
import type { MatchState, NewsItem, SeatState } from "./types.js";

/** The first lab with the highest score. A module function, not a closure: tsx (esbuild keepNames) names each closure
 * it creates with a defineProperty call. */
function best(labs: SeatState[], score: (x: SeatState) => number): SeatState[] {
  return [labs.reduce((a, b) => (score(b) > score(a) ? b : a))];
}

function pickLabs(s: MatchState, pick: LabPick): SeatState[] {
  const labs = s.seats.filter((x) => x.lab);
  if (labs.length === 0) return [];
  switch (pick) {
    case "all":
      return labs;
    case "leader":
      return best(labs, (x) => x.lab!.cap);
    case "laggard":
      return best(labs, (x) => -x.lab!.cap);
    case "leastSecure":
      return best(labs, (x) => -x.lab!.sec);
    case "mostDeployed":
      return best(labs, (x) => x.lab!.prod);
    case "random":
      return [labs[nextInt(s, labs.length)]];
  }
}

export function applyEffect(s: MatchState, e: EventEffect): void {
  const w = s.world;
  switch (e.op) {
    case "will":
      w.will = clamp(w.will + e.delta, 0, MAX.will);
      break;
    case "leak":
      for (const x of pickLabs(s, e.lab)) if (x.lab!.cap > 0) w.pool += e.amount * (s.params.labLeaks ?? 1);
      break;
    // Pool news (open weights, stolen copies) is lab capability getting out: the labLeaks knob scales it too.
    case "pool":
      w.pool = Math.max(0, w.pool + (e.delta > 0 ? e.delta * (s.params.labLeaks ?? 1) : e.delta));
      break;
    case "rogue": {
      const before = w.rogue;
      w.rogue = Math.max(0, w.rogue + e.delta);
      // The news is public: the estimate moves by the same amount (and stays exact if it was).
      w.rogueEstimate = w.rogueExact ? Math.floor(w.rogue) : Math.max(0, w.rogueEstimate + (w.rogue - before));
      break;
    }
    case "rogueMomentum":
      w.rogueMomentum = Math.max(0, w.rogueMomentum + e.delta);
      break;
    case "theory":
      w.theory = clamp(w.theory + e.delta, 0, MAX.theory);
      break;
    case "interp":
      w.interp = clamp(w.interp + e.delta, 0, MAX.interp);
      break;
    // News cannot carry augmentation past the legal limit either.
    case "aug":
      w.aug = clamp(
        w.aug + e.delta,
        0,
        w.policies.includes("augmentationLegal") ? MAX.aug : Math.max(w.aug, AUGMENT.legalLimit),
      );
      break;
    case "drift":
      w.drift = Math.max(0, w.drift + e.delta);
      break;
    case "funds":
      for (const x of s.seats) if (!e.role || x.role === e.role) x.funds = Math.max(0, x.funds + e.delta);
      break;
    case "influence":
      for (const x of s.seats) if (x.role === "regulator") x.influence = Math.max(0, x.influence + e.delta);
      break;
    case "cap":
      if (w.neutralized && e.delta > 0) break;
      for (const x of pickLabs(s, e.lab)) {
        x.lab!.cap = Math.max(0, x.lab!.cap + e.delta);
        x.lab!.aligned = Math.min(x.lab!.aligned, x.lab!.cap);
        if (e.flawChance && chance(s, e.flawChance)) x.lab!.flaws += 1;
      }
      break;
    case "flaw":
      for (const x of pickLabs(s, e.lab)) if (chance(s, e.chance)) x.lab!.flaws += 1;
      break;
    case "sec":
      for (const x of pickLabs(s, e.lab)) x.lab!.sec = clamp(x.lab!.sec + e.delta, 0, MAX.sec);
      break;
    case "capabilityCost":
      s.mods.capabilityCost += e.delta;
      break;
    case "paradigmBoost":
      s.mods.paradigmBoost += e.boost;
      break;
    case "leakBonus":
      s.mods.leakBonus += e.bonus;
      break;
    case "incidentChance":
      s.mods.extraIncidentChance += e.bonus;
      break;
    case "prestige":
      for (const x of s.seats) if (x.doctrine === e.doctrine) addPrestige(x, e.delta, "events");
      break;
  }
}

/** Draws this round's cards (an injected card first) and applies them. Mutates s. */
export function drawNews(s: MatchState, inject?: string): NewsItem[] {
  const ids: string[] = [];
  if (inject && EVENT_BY_ID.has(inject)) {
    ids.push(inject);
    const i = s.deck.indexOf(inject, s.deckPos);
    if (i >= 0) s.deck = [...s.deck.slice(0, i), ...s.deck.slice(i + 1)];
  }
  while (ids.length < s.params.eventsPerRound && s.deck.length > 0) {
    if (s.deckPos >= s.deck.length) s.deckPos = 0; // reshuffle-free wrap: long matches reuse the deck order
    ids.push(s.deck[s.deckPos++]);
  }
  const news: NewsItem[] = [];
  for (const id of ids) {
    const card = EVENT_BY_ID.get(id)!;
    for (const e of card.effects) applyEffect(s, e);
    news.push({ card: card.id, concept: card.concept });
  }
  s.mods.capabilityCost = Math.max(-1, s.mods.capabilityCost);
  return news;
}
