// Redaction checks shared by the view tests, the property tests and the bot tests.
import { expect } from "vitest";
import { seatView } from "../src/rules/view.js";
import { cloneState } from "../src/rules/state.js";
import type { MatchState } from "../src/rules/types.js";

/** Keys that must never appear in a view before the end (the server's secrets). */
const SECRET_KEYS = new Set([
  "flaws",
  "drift",
  "pool",
  "rogue",
  "rogueMomentum",
  "pendingApplications",
  "deck",
  "deckPos",
  "rng",
  "seed",
  "params",
  "defiedMoratorium",
  "prestigeBy",
  "theoryPrivate",
  "fastPrivate",
  "cap",
  "aligned",
  "sec",
  "knownFlaws",
  "funds",
  "influence",
  "frontier",
  "alignedFrontier",
  "leaks",
  "paradigmShifts",
  "catastropheRisk",
  "labRisk",
  "deceptive",
]);

/** Where a seat may see its own secrets. */
// Its own prestige by source adds nothing to the public prestige total but the split (shown on its goals card).
const OWN_PATHS = [
  /^me\.prestigeBy$/,
  /^me\.(funds|influence)$/,
  /^me\.lab\.(cap|aligned|sec)$/,
  /^me\.researcher\.(theoryPrivate|fastPrivate)$/,
  /^me\.knownFlaws(\.\d+)?$/,
];

/** Every key path of a plain value ("seats.0.lab.declaredCap"). */
export function keyPaths(x: unknown, prefix = ""): string[] {
  if (x === null || typeof x !== "object") return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(x)) {
    const p = prefix ? `${prefix}.${k}` : k;
    out.push(p);
    out.push(...keyPaths(v, p));
  }
  return out;
}

/** The key paths of a view that name a secret outside the seat's own place. */
export function secretKeyPaths(view: unknown): string[] {
  return keyPaths(view).filter((p) => {
    const parts = p.split(".");
    const key = parts.reverse().find((k) => !/^\d+$/.test(k))!;
    return SECRET_KEYS.has(key) && !OWN_PATHS.some((re) => re.test(p));
  });
}

/** Structural check: before the end, a seat's view holds no secret key except its own, in its own place. */
export function expectNoSecretKeys(s: MatchState, seat: number): void {
  const v = seatView(s, seat);
  expect(v.reveal).toBeNull();
  expect(secretKeyPaths(v), `seat ${seat} view holds secret keys`).toEqual([]);
  for (const ps of v.seats)
    if (ps.lab)
      expect(Object.keys(ps.lab).sort()).toEqual([
        "alignedPublic",
        "auditedSec",
        "declaredCap",
        "defense",
        "incidents",
        "prod",
        "validatedLevel",
      ]);
  expect(Object.keys(v.world).sort()).toEqual([
    "aug",
    "intel",
    "interp",
    "legalWill",
    "lockIn",
    "milestones",
    "neutralized",
    "policies",
    "regime",
    "regimeWill",
    "rogueEstimate",
    "rogueExact",
    "theory",
    "will",
  ]);
}

/**
 * A copy of the state where everything `seat` may not see is changed: other labs' true levels and flaws,
 * other researchers' unpublished theory, other seats' funds and influence and audit knowledge, drift, the exact pool
 * (kept in its intel bucket), exact rogue (unless it is public), momentum, the deck beyond what was drawn, the generator,
 * and the hidden columns of the history.
 */
export function perturbSecrets(s: MatchState, seat: number): MatchState {
  const t = cloneState(s);
  for (const x of t.seats) {
    if (x.id === seat) continue;
    x.funds += 3;
    x.influence += 2;
    x.knownFlaws = { ...x.knownFlaws, 99: 7 };
    x.prestigeBy = { ...x.prestigeBy, hidden: 1 };
    if (x.lab)
      Object.assign(x.lab, {
        cap: x.lab.cap + 3,
        aligned: x.lab.aligned + 1,
        flaws: x.lab.flaws + 2,
        deceptive: x.lab.deceptive + 1,
        sec: (x.lab.sec + 1) % 6,
        defiedMoratorium: !x.lab.defiedMoratorium,
      });
    if (x.researcher)
      x.researcher = { theoryPrivate: x.researcher.theoryPrivate + 2, fastPrivate: x.researcher.fastPrivate + 1 };
  }
  const w = t.world;
  w.drift += 1.5;
  w.pool = w.pool <= 0 ? 0 : w.pool < 3 ? (w.pool === 1.5 ? 2.5 : 1.5) : w.pool + 5;
  w.rogue = w.rogueExact ? Math.floor(w.rogue) + (((w.rogue % 1) + 0.5) % 1) : w.rogue + 5;
  w.rogueMomentum += 1;
  w.pendingApplications = [...w.pendingApplications, { round: t.round + 1, amount: 3 }];
  t.rng = (t.rng ^ 0x5bd1e995) >>> 0;
  t.deck = [...t.deck.slice(0, t.deckPos), ...t.deck.slice(t.deckPos).reverse()];
  t.history = t.history.map((h) => ({
    ...h,
    labs: h.labs.map((l) => ({ ...l, cap: l.cap + 1, aligned: l.aligned + 1, flaws: l.flaws + 1 })),
    frontier: h.frontier + 1,
    alignedFrontier: h.alignedFrontier + 1,
    rogue: h.rogue + 1,
    pool: h.pool + 1,
    leaks: h.leaks + 1,
    paradigmShifts: h.paradigmShifts + 1,
    catastropheRisk: h.catastropheRisk / 2,
    labRisk: (h.labRisk ?? 0) / 2,
  }));
  return t;
}

/** Non-interference: changing what the seat may not see does not change its view. */
export function expectViewIndependentOfSecrets(s: MatchState, seat: number): void {
  expect(seatView(perturbSecrets(s, seat), seat), `seat ${seat} view depends on secrets`).toEqual(seatView(s, seat));
}

/** After the end the reveal holds every secret, identical for every seat. */
export function expectFullReveal(s: MatchState): void {
  const r = seatView(s, 0).reveal!;
  expect(r).not.toBeNull();
  expect(r.labs).toEqual(
    s.seats
      .filter((x) => x.lab)
      .map((x) => ({
        seat: x.id,
        cap: x.lab!.cap,
        aligned: x.lab!.aligned,
        flaws: x.lab!.flaws,
        deceptive: x.lab!.deceptive,
        sec: x.lab!.sec,
      })),
  );
  expect(r.researchers).toEqual(
    s.seats.filter((x) => x.researcher).map((x) => ({ seat: x.id, theoryPrivate: x.researcher!.theoryPrivate })),
  );
  expect({ rogue: r.rogue, pool: r.pool, drift: r.drift }).toEqual({
    rogue: s.world.rogue,
    pool: s.world.pool,
    drift: s.world.drift,
  });
  expect(r.history).toEqual(s.history);
  for (let i = 1; i < s.seats.length; i++) expect(seatView(s, i).reveal).toEqual(r);
}
