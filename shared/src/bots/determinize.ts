// Determinization: a full state sampled from what one seat's view allows. It reads the view only, never a true state:
// every hidden value (other labs' capability, alignment and security, everyone's flaws, drift, the leak pool, rogue,
// other seats' purses, unpublished theory, the deck) is drawn from the seeded generator within what the view admits.
import { MAX } from "../content/roles.js";
import { nextFloat, nextInt, seedState, type RngHolder } from "../rng.js";
import { deceptionChance } from "../rules/research.js";
import { AUGMENT } from "../rules/augmentation.js";
import { buildDeck, emptyMods, scenarioParams } from "../rules/state.js";
import type { LabState, MatchState, SeatState } from "../rules/types.js";
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

/** Hidden flaws: the starting flaw is usually still there in the first rounds; later most are found or never made
 * (calibrated on normal-bot matches: about 0.75 in rounds 1–3, 0.25 in 4–6, 0.1 after). */
function sampleFlaws(v: SeatView, rng: RngHolder): number {
  const p = v.round <= 3 ? 0.7 : v.round <= 6 ? 0.25 : 0.1;
  return nextFloat(rng) < p ? 1 : 0;
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
  // validates in public without deploying is as far along as its alignment claim. Unpublished gains: usually none.
  const floor = Math.max(pub.declaredCap, pub.alignedPublic ?? 0);
  const cap = floor + (nextFloat(rng) < 0.6 ? 0 : 1 + nextInt(rng, 2));
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
      // Labs save: their purses grow about 3 a round in normal play.
      funds: mine
        ? v.me.funds
        : p.role === "lab"
          ? Math.max(2, 3 * v.round - 2 + nextInt(rng, 7))
          : 1 + nextInt(rng, 4) + Math.floor(v.round / 2),
      influence: mine ? v.me.influence : p.role === "regulator" ? 2 + nextInt(rng, 4) : 0,
      prestige: p.prestige,
      lab: p.lab ? sampleLab(v, p, params.deception ?? 0, rng) : null,
      researcher:
        p.role === "researcher"
          ? mine && v.me.researcher
            ? { ...v.me.researcher }
            : { theoryPrivate: nextInt(rng, 3) * 0.5, fastPrivate: 0 }
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
