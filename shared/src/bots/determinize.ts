// Determinization: a full state sampled from what one seat's view allows. It reads the view only, never a true state:
// every hidden value (other labs' capability, alignment and security, everyone's flaws, drift, the leak pool, rogue,
// other seats' purses, unpublished theory, the deck) is drawn from the seeded generator within what the view admits.
import { MAX } from "../content/roles.js";
import { nextFloat, nextInt, seedState, type RngHolder } from "../rng.js";
import { deceptionChance } from "../rules/research.js";
import { AUGMENT } from "../rules/augmentation.js";
import { buildDeck, emptyMods, scenarioParams } from "../rules/state.js";
import type { Doctrine, LabState, MatchState, SeatState } from "../rules/types.js";
import type { SeatView } from "../rules/view-types.js";

/** The pool's range behind each public intel hint (intel: none ≤ 0 < some < 3 ≤ much). */
function samplePool(v: SeatView, rng: RngHolder): number {
  if (v.world.intel === "none") return 0;
  if (v.world.intel === "some") return 0.5 + nextInt(rng, 5) * 0.5; // 0.5 … 2.5
  return 3 + nextInt(rng, 4); // 3 … 6
}

/** Deceptive flaws hide even from their own lab: possible only past the danger line, likelier with the scenario's
 * deception and little theory (the same public facts the engine's chance reads). */
function sampleDeceptive(v: SeatView, cap: number, deception: number, rng: RngHolder): number {
  if (cap < v.dangerLine - 1 || deception <= 0) return 0;
  return nextFloat(rng) < deceptionChance(deception, v.world.milestones) ? 1 : 0;
}

/** What normal-bot play leaves hidden, by round (index 0 = round 1; past the end, see priorAt). */
export interface Priors {
  /** A regulator's influence, by its (public) doctrine. */
  influence: Record<Doctrine, number[]>;
  /** A lab's funds, by its doctrine. */
  labFunds: Record<Doctrine, number[]>;
  regulatorFunds: number[];
  researcherFunds: number[];
  /** Hidden flaws a lab carries (the starting flaw is found or fixed within a few rounds). */
  flaws: number[];
  /** A lab's capability above its public floor (declared capability, or its public aligned level if higher). */
  undeclared: number[];
}

// Measured on 400 baseline matches (rules 2.7, normal bots, random doctrines, seed 7: disjoint from the ladder's):
// `npm run sim -- --priors --matches 400 --seed 7` (sim/priors.ts; a unit test checks these against a fresh
// measurement). A seat's purse is hidden but its doctrine is public, and doctrines spend very differently: a butlerian
// regulator banks influence for its regime (35 by round 10), a transhumanist one spends it (15). The flat guesses these
// replace (a regulator's influence 2–5 all match, labs' funds 3 a round, 0.6 undeclared levels from round 1) made
// whatever gives a regulator influence look decisive late in a match, when the real one had more than it could spend:
// the incrementalist researcher's expert advised on it and played 1.8 ± 1.1 below its own plan (400 paired matches);
// with these priors +1.7 ± 1.3 (MODEL §17). Measured on the baseline and used in every scenario (per-scenario tables
// are not measured).
export const PRIORS: Priors = {
  influence: {
    conservative: [3.04, 4.87, 4.29, 5.3, 6.55, 7.61, 8.96, 11.08, 12.99, 15.91],
    incrementalist: [3.04, 4.87, 4.31, 5.05, 6.21, 7.79, 9.77, 12.27, 15.01, 18.11],
    butlerian: [3.07, 4.98, 4.56, 5.46, 8.15, 11.27, 16.19, 21.98, 28.21, 34.65],
    transhumanist: [3.05, 4.89, 4.4, 5.18, 6, 6.94, 8.09, 9.58, 11.75, 14.67],
  },
  labFunds: {
    conservative: [6.05, 6.08, 8.78, 11.93, 14.3, 16.38, 18.17, 19.8, 22.44, 26.46],
    incrementalist: [6.05, 4.13, 5.89, 6.58, 7.56, 9.47, 11.77, 14.05, 17.15, 21.87],
    butlerian: [6.06, 6.4, 7.15, 8.09, 9.53, 12.29, 15.82, 19.71, 24.14, 29.18],
    transhumanist: [6.01, 6.42, 8.22, 9.83, 11.59, 14.21, 17.7, 21.68, 26.03, 30.86],
  },
  regulatorFunds: [2, 1.97, 2.17, 2.14, 2.4, 2.91, 3.6, 4.32, 5, 5.73],
  researcherFunds: [3.08, 4.85, 5.02, 5.5, 5.41, 6.02, 6.44, 6.95, 7.2, 7.45],
  flaws: [1.02, 0.79, 0.45, 0.34, 0.21, 0.12, 0.08, 0.04, 0.03, 0.02],
  undeclared: [0.02, 0.03, 0.04, 0.21, 0.37, 0.51, 0.62, 0.76, 0.61, 0.41],
};

/** A table's value in this round; past its end (longer scenarios) purses keep growing by the last step, other values
 * hold (`hold`). Never below 0. */
export function priorAt(table: readonly number[], round: number, hold = false): number {
  const r = Math.max(1, round);
  if (r <= table.length) return table[r - 1];
  const n = table.length;
  return hold ? table[n - 1] : Math.max(0, table[n - 1] + (r - n) * (table[n - 1] - table[n - 2]));
}

/** A whole number around a prior mean: ±30% uniform (about the spread measured in the middle of a match). */
function around(mean: number, rng: RngHolder): number {
  return Math.max(0, Math.round(mean * (0.7 + 0.6 * nextFloat(rng))));
}

/** Hidden flaws: one, with the measured chance for the round. */
function sampleFlaws(v: SeatView, rng: RngHolder): number {
  return nextFloat(rng) < priorAt(PRIORS.flaws, v.round, true) ? 1 : 0;
}

/** A lab's full state from its public part and the sampled hidden values, built field by field in the engine's order
 * (`cloneLab`): spreading the public part and adding the hidden fields cost ~14 µs a lab in V8 (a determinize ~47 µs,
 * more than a simulated round), and gave the rollout's first round objects of another shape. */
function labState(
  pub: NonNullable<SeatView["seats"][number]["lab"]>,
  cap: number,
  aligned: number,
  sec: number,
  flaws: number,
  deceptive: number,
): LabState {
  return {
    cap,
    aligned,
    flaws,
    sec,
    prod: pub.prod,
    defense: pub.defense,
    declaredCap: pub.declaredCap,
    alignedPublic: pub.alignedPublic,
    validatedLevel: pub.validatedLevel,
    deceptive,
    incidents: pub.incidents,
    defiedMoratorium: false,
    auditedSec: pub.auditedSec,
  };
}

function sampleLab(v: SeatView, p: SeatView["seats"][number], deception: number, rng: RngHolder): LabState {
  const pub = p.lab!;
  const mine = p.id === v.seat && v.me.lab;
  const flaws = sampleFlaws(v, rng);
  if (mine) {
    const me = v.me.lab!;
    const deceptive = sampleDeceptive(v, me.cap, deception, rng);
    return labState(pub, me.cap, me.aligned, me.sec, flaws, deceptive);
  }
  // Declared capability is a floor, and so is a public aligned level (aligned never exceeds capability): a lab that
  // validates in public without deploying is as far along as its alignment claim.
  const floor = Math.max(pub.declaredCap, pub.alignedPublic ?? 0);
  // Unpublished gains: none in the first rounds (the bots publish), then 1–3 levels (2 on average) with the chance that
  // makes the measured mean.
  const cap = floor + (nextFloat(rng) < priorAt(PRIORS.undeclared, v.round, true) / 2 ? 1 + nextInt(rng, 3) : 0);
  const gap = nextFloat(rng) < 0.5 ? 0 : 1 + nextInt(rng, 2);
  const aligned = Math.min(
    cap,
    pub.alignedPublic !== null ? Math.max(pub.alignedPublic, cap - nextInt(rng, 2)) : cap - gap,
  );
  // Labs buy security as the match goes on (those that validate in public, most of all).
  const grown = 1 + nextInt(rng, 2) + Math.min(2, Math.floor((v.round - 1) / 2)) + (pub.alignedPublic !== null ? 1 : 0);
  const sec = pub.auditedSec ?? grown;
  const deceptive = sampleDeceptive(v, cap, deception, rng);
  return labState(pub, cap, aligned, Math.min(MAX.sec, sec), flaws, deceptive);
}

/** Hidden drift behind the public augmentation stage. The safe route adds drift only past the legal limit (driftBeyond a
 * step, each step augBeyond × 0.5 stages); the direct route adds 1 a step but is rare (the bots never take it), so it is
 * sampled as an occasional extra. (A uniform 0…stage prior made every late augmentation look like a likely drifted
 * ending and the search abandoned the handoff.) */
function sampleDrift(v: SeatView, params: MatchState["params"], rng: RngHolder): number {
  const aug = v.world.aug;
  if (aug <= 0) return 0;
  const beyond = Math.max(0, aug - AUGMENT.legalLimit);
  const safe =
    (beyond / (AUGMENT.epigenetic * (params.augBeyond ?? AUGMENT.beyondLimit))) *
    (params.driftBeyond ?? AUGMENT.driftBeyond);
  const direct = nextFloat(rng) < DIRECT_SHARE ? 1 + nextInt(rng, Math.max(1, Math.floor(aug / 2))) : 0;
  return safe + direct;
}

/** Share of sampled worlds in which someone took the direct augmentation route at least once. */
const DIRECT_SHARE = 0.05;

/** The scenario parameters a view implies (a search computes them once and passes them to every determinize). */
export function determinizedParams(v: SeatView): MatchState["params"] {
  return scenarioParams(v.scenario, { rounds: v.rounds, taiThreshold: v.taiThreshold });
}

/** A plausible full state consistent with what this seat sees, drawn from `seed`. */
export function determinize(v: SeatView, seed: number, params = determinizedParams(v)): MatchState {
  const rng: RngHolder = { rng: seedState(seed) };
  const pool = samplePool(v, rng);
  const seats: SeatState[] = v.seats.map((p) => {
    const mine = p.id === v.seat;
    return {
      id: p.id,
      role: p.role,
      doctrine: p.doctrine,
      name: p.name,
      switched: mine ? v.me.switched : false,
      funds: mine
        ? v.me.funds
        : around(
            priorAt(
              p.role === "lab"
                ? PRIORS.labFunds[p.doctrine]
                : p.role === "regulator"
                  ? PRIORS.regulatorFunds
                  : PRIORS.researcherFunds,
              v.round,
            ),
            rng,
          ),
      influence: mine
        ? v.me.influence
        : p.role === "regulator"
          ? around(priorAt(PRIORS.influence[p.doctrine], v.round), rng)
          : 0,
      prestige: p.prestige,
      lab: p.lab ? sampleLab(v, p, params.deception ?? 0, rng) : null,
      researcher:
        p.role === "researcher"
          ? mine && v.me.researcher
            ? { ...v.me.researcher }
            : // Researchers publish what they find (the bots always do): a little unpublished theory, rarely.
              { theoryPrivate: nextFloat(rng) < 0.1 ? 0.5 : 0, fastPrivate: 0 }
          : null,
      knownFlaws: mine ? { ...v.me.knownFlaws } : {},
      prestigeBy: {},
    };
  });
  const rogue = v.world.rogueExact
    ? v.world.rogueEstimate + nextFloat(rng) * 0.9
    : Math.max(0, v.world.rogueEstimate - 1 + nextFloat(rng) * 2.9);
  let frontier = 0;
  for (const x of seats) if (x.lab && x.lab.cap > frontier) frontier = x.lab.cap;
  const deckHolder = { rng: rng.rng };
  return {
    rulesVersion: "determinized",
    scenario: v.scenario,
    params,
    seed,
    round: v.round,
    phase: v.phase,
    rng: nextInt(rng, 2 ** 31),
    deck: buildDeck(deckHolder, params.deckMix),
    deckPos: 0,
    seats,
    world: {
      theory: v.world.theory,
      interp: v.world.interp,
      aug: v.world.aug,
      drift: sampleDrift(v, params, rng),
      rogue,
      rogueEstimate: v.world.rogueEstimate,
      rogueExact: v.world.rogueExact,
      rogueMomentum: pool > 0 ? nextInt(rng, 3) : 0,
      neutralized: v.world.neutralized,
      pool,
      will: v.world.will,
      policies: v.world.policies.slice(),
      regime: v.world.regime,
      pendingApplications: [],
      // Objectives already credited: what the public milestones and stages imply.
      milestonesScored: (1 << (v.world.milestones + 1)) - 2,
      augStagesScored: Math.floor(v.world.aug),
      frontier,
    },
    news: v.news.slice(),
    mods: { ...emptyMods(), ...v.mods },
    history: [],
    end: null,
    scores: null,
  };
}
