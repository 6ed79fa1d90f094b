// Redaction: what a seat sees before the end, what the reports tell it, and the full reveal after.
import { entryText } from "../src/content/report-texts.js";
import { describe, expect, it } from "vitest";
import { publicView, seatView } from "../src/rules/view.js";
import { reportFor } from "../src/rules/resolve.js";
import { lab, play, quietMatch } from "./helpers.js";
import {
  expectFullReveal,
  expectNoSecretKeys,
  expectViewIndependentOfSecrets,
  perturbSecrets,
  secretKeyPaths,
} from "./redaction.js";

/** Two labs, a regulator and a researcher, with secrets everywhere. */
function secretive() {
  return quietMatch(["lab", "lab", "regulator", "researcher"], {}, (s) => {
    Object.assign(lab(s, 0), { cap: 6, aligned: 4, flaws: 2, sec: 3, declaredCap: 3 });
    Object.assign(lab(s, 1), { cap: 8, aligned: 5, flaws: 3, sec: 2, declaredCap: 5 });
    s.seats[3].researcher = { theoryPrivate: 2.5, fastPrivate: 1 };
    s.seats[2].knownFlaws = { 1: 3 };
    Object.assign(s.world, { drift: 2, pool: 4, rogue: 5.5, rogueEstimate: 6 });
  });
}

describe("a seat's view before the end", () => {
  it.each([0, 1, 2, 3])("seat %s sees no other seat's secrets (structurally and by non-interference)", (seat) => {
    const s = secretive();
    expectNoSecretKeys(s, seat);
    expectViewIndependentOfSecrets(s, seat);
  });

  it("a lab sees its own true levels, others only declared ones", () => {
    const v = seatView(secretive(), 0);
    expect(v.me.lab).toEqual({ cap: 6, aligned: 4, sec: 3, prod: 0, defense: 0 });
    expect(v.seats[1].lab!.declaredCap).toBe(5);
    expect(JSON.stringify(v.seats[1])).not.toContain('"cap"');
  });

  it("a researcher sees its own unpublished theory; an auditor its audit knowledge", () => {
    const s = secretive();
    expect(seatView(s, 3).me.researcher).toEqual({ theoryPrivate: 2.5, fastPrivate: 1 });
    expect(seatView(s, 2).me.knownFlaws).toEqual({ 1: 3 });
    expect(seatView(s, 0).me.knownFlaws).toEqual({});
    expect(seatView(s, 0).me.researcher).toBeNull();
  });

  it.each([
    // pool → intel hint
    [0, "none"],
    [0.5, "some"],
    [2.9, "some"],
    [3, "much"],
    [12, "much"],
  ])("the pool is shown only as a hint: %s → %s", (pool, intel) => {
    const s = secretive();
    s.world.pool = pool;
    expect(seatView(s, 0).world.intel).toBe(intel);
  });

  it("the public view is the seat view without `me`", () => {
    const s = secretive();
    const { seat: _seat, me: _me, ...rest } = seatView(s, 1);
    expect(rest).toEqual(publicView(s));
    expect(JSON.stringify(publicView(s))).not.toMatch(/"(flaws|drift|pool|theoryPrivate|funds|influence)"/);
  });

  it("history rows are public columns only; `history: false` leaves them out", () => {
    const s = play(secretive()).state;
    const v = seatView(s, 0);
    expect(v.history).toHaveLength(1);
    expect(Object.keys(v.history[0]).sort()).toEqual([
      "aug",
      "events",
      "incidents",
      "interp",
      "labs",
      "policies",
      "regime",
      "rogueEstimate",
      "round",
      "theory",
      "will",
    ]);
    expect(v.history[0].labs.every((l) => Object.keys(l).sort().join() === "declaredCap,seat")).toBe(true);
    expect(seatView(s, 0, { history: false }).history).toEqual([]);
  });

  it("views are copies: changing one does not change the state", () => {
    const s = secretive();
    const v = seatView(s, 0);
    v.world.policies.push("treaty");
    v.me.lab!.cap = 99;
    v.news.push({ card: "x", headline: "", text: "", concept: "" });
    expect(s.world.policies).toEqual([]);
    expect(lab(s, 0).cap).toBe(6);
    expect(s.news).toEqual([]);
  });

  it("an unknown seat is an error", () => {
    expect(() => seatView(secretive(), 9)).toThrow("No seat 9");
  });
});

describe("the redaction checks themselves are not vacuous", () => {
  it("the key check flags secrets outside the seat's own place, and allows them inside it", () => {
    expect(secretKeyPaths({ seats: [{ lab: { declaredCap: 3, cap: 5 } }] })).toEqual(["seats.0.lab.cap"]);
    expect(secretKeyPaths({ world: { pool: 2, drift: 1, rogue: 3 } })).toEqual([
      "world.pool",
      "world.drift",
      "world.rogue",
    ]);
    expect(secretKeyPaths({ seats: [{ researcher: { theoryPrivate: 2 } }] })).toEqual([
      "seats.0.researcher.theoryPrivate",
    ]);
    expect(secretKeyPaths({ me: { lab: { cap: 5 }, knownFlaws: { 1: 2 }, funds: 3 } })).toEqual([]);
    expect(secretKeyPaths({ history: [{ labs: [{ seat: 0, flaws: 1 }] }] })).toEqual(["history.0.labs.0.flaws"]);
  });

  it("the perturbation changes every secret of the other seats and of the world", () => {
    const s = secretive();
    const t = perturbSecrets(s, 0);
    expect(lab(t, 0)).toEqual(lab(s, 0)); // the seat's own secrets are kept
    expect(lab(t, 1).cap).not.toBe(lab(s, 1).cap);
    expect(lab(t, 1).flaws).not.toBe(lab(s, 1).flaws);
    expect(lab(t, 1).sec).not.toBe(lab(s, 1).sec);
    expect(t.seats[3].researcher).not.toEqual(s.seats[3].researcher);
    expect(t.seats[2].knownFlaws).not.toEqual(s.seats[2].knownFlaws);
    expect([t.world.drift, t.world.pool, t.world.rogue, t.rng]).not.toEqual([
      s.world.drift,
      s.world.pool,
      s.world.rogue,
      s.rng,
    ]);
    expect(t.world.pool).not.toBe(s.world.pool);
    expect(t.world.rogue).not.toBe(s.world.rogue);
    // and a view that leaked one of them would differ
    expect(JSON.stringify(t.seats[1].lab)).not.toBe(JSON.stringify(s.seats[1].lab));
  });
});

describe("reports", () => {
  it("reportFor keeps the public entries and only that seat's private notes", () => {
    const s = secretive();
    const { report } = play(s, { 2: [{ kind: "audit", target: 1 }], 3: [{ kind: "theory", mode: "careful" }] });
    for (const seat of [0, 1, 2, 3]) {
      const r = reportFor(report, seat);
      expect(r.entries.every((e) => e.seat === null || e.seat === seat)).toBe(true);
      expect(r.entries.filter((e) => e.seat === null)).toEqual(report.entries.filter((e) => e.seat === null));
    }
    expect(reportFor(report, 3).entries.some((e) => e.seat === 3 && entryText(e).includes("unpublished theory"))).toBe(
      true,
    );
    expect(reportFor(report, 0).entries.some((e) => entryText(e).includes("unpublished theory"))).toBe(false);
    expect(reportFor(report, null).entries.every((e) => e.seat === null)).toBe(true);
  });
});

describe("after the end", () => {
  it("the reveal holds every secret, the same for every seat and the public", () => {
    const s = secretive();
    s.params.rounds = 1;
    const { state } = play(s);
    expect(state.phase).toBe("ended");
    expectFullReveal(state);
    expect(publicView(state).reveal).toEqual(seatView(state, 2).reveal);
  });
});
