// Determinization: a full state sampled from what one seat's view allows. It reads the view only, never a true state:
// every hidden value (other labs' capability, alignment and security, everyone's flaws, drift, the leak pool, rogue,
// other seats' purses, unpublished theory, the deck) is drawn from the seeded generator within what the view admits.
import { MAX } from "../content/roles.js";
import { nextFloat, nextInt, seedState, type RngHolder } from "../rng.js";
import { deceptionChance } from "../rules/research.js";
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

function sampleLab(v: SeatView, p: SeatView["seats"][number], deception: number, rng: RngHolder): LabState {
  const pub = p.lab!;
  const mine = p.id === v.seat && v.me.lab;
  // Flaws are hidden even from their own lab: 0, 1 or 2, fewer after clean public validation.
  const flaws = nextInt(rng, pub.alignedPublic !== null ? 2 : 3);
  if (mine) {
    const me = v.me.lab!;
    const deceptive = sampleDeceptive(v, me.cap, deception, rng);
    return { ...pub, cap: me.cap, aligned: me.aligned, sec: me.sec, flaws, deceptive, defiedMoratorium: false };
  }
  const cap = pub.declaredCap + nextInt(rng, 3); // declared is a floor: unpublished gains of 0–2
  const aligned = Math.min(cap, pub.alignedPublic ?? Math.max(0, cap - 1 - nextInt(rng, 3)));
  const sec = pub.auditedSec ?? 1 + nextInt(rng, 3);
  const deceptive = sampleDeceptive(v, cap, deception, rng);
  return { ...pub, cap, aligned, sec: Math.min(MAX.sec, sec), flaws, deceptive, defiedMoratorium: false };
}

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
      funds: mine ? v.me.funds : p.role === "lab" ? 3 + nextInt(rng, 5) : 1 + nextInt(rng, 4),
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
      drift: v.world.aug > 0 ? nextInt(rng, Math.ceil(v.world.aug) + 1) : 0,
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
