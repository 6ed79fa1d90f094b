// Heuristic bots: one plan per role × doctrine, seeing only the seat's own view.
import { policyWill } from "../rules/costs.js";
import { regimeWillSeen } from "../rules/governance-rules.js";
import { nextFloat, type RngHolder } from "../rng.js";
import { POLICIES, type Action, type Doctrine, type PolicyId, type SeatOrders } from "../rules/types.js";
import type { SeatView } from "../rules/view-types.js";
import { OrderBuilder } from "./plan.js";
import { defenseLevel } from "../rules/defense-level.js";
import { MARKET_PRODUCTS } from "../rules/scoring.js";
import { MAX } from "../content/roles.js";
import { SCENARIOS } from "../content/scenarios.js";

export function heuristicOrders(v: SeatView, rng: RngHolder): SeatOrders {
  if (v.phase === "ended") return { actions: [] };
  const b = new OrderBuilder(v);
  if (v.me.role === "lab") labPlan(v, b, rng);
  else if (v.me.role === "regulator") regulatorPlan(v, b, rng);
  else researcherPlan(v, b, rng);
  return b.orders();
}

/** The rogue track as a reason to advance: only once it nears the danger line (2.2: it starts three levels below it,
 * ahead of every lab, and racing it from round 1 only added lab catastrophes; `npm run balance` do-nothing beat it). */
function rogueThreat(v: SeatView): number {
  return v.world.rogueEstimate >= v.dangerLine - 2 ? v.world.rogueEstimate : 0;
}

function labPlan(v: SeatView, b: OrderBuilder, rng: RngHolder): void {
  const lab = v.me.lab!;
  const d: Doctrine = v.me.doctrine;
  const tai = v.taiThreshold;
  const danger = v.dangerLine;
  const defenseAt = defenseLevel(tai);
  const gap = lab.cap - lab.aligned;
  const pub = v.seats[v.seat].lab?.alignedPublic ?? null;
  const validated = pub !== null && pub >= lab.cap;
  // One loop (no filter, map and spread): the highest declared capability among rival labs, 0 without rivals.
  let rivalTop = 0;
  let rivals = 0;
  for (const s of v.seats) {
    if (!s.lab || s.id === v.seat) continue;
    if (rivals++ === 0 || s.lab.declaredCap > rivalTop) rivalTop = s.lab.declaredCap;
  }
  const threat = Math.max(rogueThreat(v), rivalTop);
  const moratorium = v.world.policies.includes("moratorium");
  const m = v.world.milestones;

  if (lab.defense > 0) {
    // A defense under construction: keep the claim good and finish it.
    if (gap > 0) b.want({ kind: "alignment" });
    b.want({ kind: "buildDefense" });
    if (!validated) b.want({ kind: "validate" });
    return;
  }
  if (lab.cap >= defenseAt) {
    // At the brink: make the alignment claim good, then build (one step a round, two rounds).
    b.want({ kind: "buildDefense" });
    if (gap > 0) b.wantN({ kind: "alignment" }, 2);
    b.want({ kind: "validate" });
    if (m >= 2 && v.world.interp >= 2) b.want({ kind: "validate" });
    return;
  }
  switch (d) {
    case "incrementalist": {
      // Test before each step from a few levels below the danger line: flaws found early cost one aligned level, flaws
      // carried past the line cost the world (2.1 balance: "normal + validate" beat the bot by +2.5).
      // Security first: the racing lab builds the most unaligned capability, and its leaks feed rivals and rogue actors
      // (2.1 balance: "normal + security" beat the bot by +3; security first every round is +8 and a third fewer
      // catastrophes at its tables).
      // Where labs start with no security at all (leaky), it buys security to the top in the first two rounds before
      // anything else (2.3 balance, leaky: a searched policy that did beat the bot by +3.3 ± 1.2; +1.2 ± 0.7 on 2,000
      // other matches).
      if (v.round <= 2 && SCENARIOS[v.scenario]?.params.startSec === 0) b.wantN({ kind: "security" }, 3);
      b.want({ kind: "security" });
      if (lab.cap >= danger - 4) b.want({ kind: "validate" });
      if (gap > 0) b.want({ kind: "alignment" });
      if (lab.cap >= danger && !validated && gap <= 1) b.want({ kind: "validate" });
      // The last steps to the defense line wait for milestone 2: a gain from D − 1 on hides a deceptive flaw that
      // validation cannot see without it.
      const hold = lab.cap >= danger - 2 && m < 2;
      if (!hold && (gap <= 0 || lab.cap < danger)) pairedStep(b, moratorium, d, rng);
      if (lab.sec < 3) b.want({ kind: "security" });
      if (lab.prod < 2) b.want({ kind: "deploy" });
      b.want({ kind: "validate" });
      break;
    }
    case "conservative": {
      // Understanding first, then building (2.2): from theory milestone 1 its steps are predictable, from milestone 2
      // mostly free of deceptive flaws, so the lab that leads the table (ties to the lowest seat) climbs to the defense
      // line in aligned steps and builds the defense (+8 on milestone 2); one defense secures everyone, so the others
      // hold back, which keeps the line far for everyone and pays their milestones (2.1 balance). Any of them advances,
      // one aligned step at a time, when a rival or the rogue actors near the line are two levels ahead.
      // Security first, up to the top (2.3 balance, every scenario: "normal + security" beat the bot by +1 to +1.6 and
      // cut the table's catastrophes by 2 to 8 points; the careful lab's leaks feed the rivals it holds back for).
      if (lab.sec < MAX.sec) b.want({ kind: "security" });
      // Only a climb that can end in a defense before the match does: a leader left half-way up only brings the line
      // closer for everyone (2.2 balance, classroom: doing nothing beat the bot by +3 to +5; each step takes about
      // two-thirds of a round, one round to spare).
      const left = v.rounds - v.round + 1;
      const timely = left >= Math.ceil((defenseAt - lab.cap) / 1.5) + 1;
      const climb = m >= (lab.cap >= danger - 2 ? 2 : 1) && !moratorium && leads(v, lab.cap) && timely;
      if (threat >= lab.cap + 2 || climb) {
        if (gap > 0) b.want({ kind: "alignment" });
        // Alignment gives +2 from milestone 1, so one alignment covers two predictable steps below the line.
        else if (pairedStep(b, moratorium, d, rng) && climb && lab.cap + 2 < danger && b.fundsLeft >= 3 + 2)
          b.want(capability(moratorium, d, rng));
      }
      if (lab.cap >= danger - 1 && !validated && gap <= 0) b.want({ kind: "validate" });
      if (lab.prod < 1) b.want({ kind: "deploy" });
      // No minimal-risk tests in the first third of the match: the starting systems are far from the line and the fund
      // buys more as alignment or security (2.3 balance, leaky: a searched policy without them beat the bot by +2.8;
      // the bot without them gains +5.2 there and nothing beats it).
      if (v.round > v.rounds / 3) b.want({ kind: "minimalRiskTest" });
      if (lab.sec < 3) b.want({ kind: "security" });
      break;
    }
    case "butlerian":
    case "transhumanist": {
      // A public test first, every round (2.3 balance: "normal + validate" beat the butlerian lab by +1.4 to +1.8 in the
      // fast world and by +0.2 to +0.8 elsewhere, the transhumanist one by up to +0.9: with two breakthroughs a round
      // flaws pile up between tests).
      b.want({ kind: "validate" });
      if (gap > 0) b.want({ kind: "alignment" });
      // The transhumanist lab deploys a second product: it has no frontier to protect, only a market.
      if (lab.prod < (d === "transhumanist" ? 2 : 1)) b.want({ kind: "deploy" });
      b.want(checkUp(lab.cap, danger));
      if (lab.sec < 3) b.want({ kind: "security" });
      // Neither advances (2.2 balance: "alignment + deploy", which never does, beat the bot that kept up with its
      // rivals and with the rogue actors: its steps only added leaks and risk; the transhumanist's hope is augmented
      // humans, not a frontier system).
      break;
    }
  }
  // Products pay for the first three and count for market share up to four: worth a spare action (each adds
  // lock-in, and risk if flawed).
  if (lab.prod < (d === "conservative" ? 2 : MARKET_PRODUCTS)) b.want({ kind: "deploy" });
}

/** A lab that is not racing tests its products: a public validation well below the line (flaws found early are cheap,
 * a clean pass is evidence others can see; 2.2 balance: "normal + validate" beat the butlerian and transhumanist labs),
 * a minimal-risk test near it (no incident, nothing made public). */
function checkUp(cap: number, danger: number): Action {
  return { kind: cap < danger - 1 ? "validate" : "minimalRiskTest" };
}

/** True when no rival lab has declared more capability than `cap` (nor as much, from a lower seat). */
function leads(v: SeatView, cap: number): boolean {
  for (const s of v.seats) {
    if (!s.lab || s.id === v.seat) continue;
    if (s.lab.declaredCap > cap || (s.lab.declaredCap === cap && s.id < v.seat)) return false;
  }
  return true;
}

// Module-level helpers rather than closures in labPlan: tsx (esbuild keepNames) names every inner closure with a
// defineProperty call each time it is created, which cost ~9% of a simulated match.
function capability(moratorium: boolean, d: Doctrine, rng: RngHolder, publish = false): Action {
  return { kind: "capability", publish, defy: moratorium && d === "incrementalist" && nextFloat(rng) < 0.3 };
}

/** One capability step paired with the alignment work that covers it in the same round (alignment resolves after). */
function pairedStep(b: OrderBuilder, moratorium: boolean, d: Doctrine, rng: RngHolder): boolean {
  const step = capability(moratorium, d, rng);
  if (b.fundsLeft < b.fundsFor(step) + 2) return false;
  if (!b.want(step)) return false;
  b.want({ kind: "alignment" });
  return true;
}

const REG_POLICIES: Record<Doctrine, PolicyId[]> = {
  butlerian: ["computeLicensing", "exportControls", "treaty", "securityStandard", "moratorium"],
  conservative: ["securityStandard", "exportControls", "theoryFund", "treaty", "augmentationLegal", "computeLicensing"],
  // (2.7) The treaty before the theory fund, and grants (below): the exploit search found the transhumanist plan beating
  // the incrementalist regulator's own by +2.3 ± 0.5 in leaky (4,000 matches) once augmentation went faster past the
  // limit; these two changes gained +0.7 to +1.5 in every scenario on 2,000 paired matches (each alone less).
  incrementalist: ["securityStandard", "exportControls", "treaty", "theoryFund", "computeLicensing"],
  transhumanist: ["exportControls", "securityStandard", "treaty", "augmentationLegal", "theoryFund"],
};

/** The transhumanist regulator in the classroom funds theory before legalising augmentation (2.5 per-scenario search:
 * the conservative plan had beaten its own by +2.1 ± 0.5 on 4,000 matches; this order alone +1.9 ± 0.5 on 3,000, while
 * elsewhere its own order is not beaten). */
const CLASSROOM_TRANS_POLICIES: PolicyId[] = [
  "exportControls",
  "securityStandard",
  "treaty",
  "theoryFund",
  "augmentationLegal",
];

/** Policies a regulator of the doctrine never enacts for points alone. */
const REG_OPPOSED: Record<Doctrine, PolicyId[]> = {
  butlerian: ["augmentationLegal"],
  conservative: ["moratorium"],
  incrementalist: ["moratorium"],
  transhumanist: ["moratorium"],
};

function regulatorPlan(v: SeatView, b: OrderBuilder, rng: RngHolder): void {
  const d = v.me.doctrine;
  const w = v.world;
  const wanted = (
    d === "transhumanist" && v.scenario === "classroom" ? CLASSROOM_TRANS_POLICIES : REG_POLICIES[d]
  ).filter((p) => !w.policies.includes(p));
  const regimeReady =
    w.policies.includes("computeLicensing") && w.policies.includes("exportControls") && w.policies.includes("treaty");
  // The regime comes first once its three policies are in force: enforce and build before anything else (a step not
  // built is a round lost, and an unenforced regime lapses). A butlerian regulator does so whatever the will and
  // campaigns first while will is short of what the regime needs (2.2 balance: "normal + campaign" beat it by +11 in
  // the classroom, "build the regime first" by +2.3 in the baseline); the others once will suffices (2.4: "normal +
  // build the regime" beat the incrementalist by +4.1 in the classroom).
  if (regimeReady && (d === "butlerian" || w.will >= regimeWillSeen(v.world))) {
    b.want({ kind: "enforce" });
    b.want({ kind: "buildRegime" });
  }
  if (d === "butlerian" && w.will < regimeWillSeen(v.world) + 1) b.want({ kind: "campaign" });
  // A butlerian regulator legislates first: every policy in force is legitimacy, and the regime needs three of them.
  if (d === "butlerian") {
    for (const p of wanted) if (b.want({ kind: "enact", policy: p })) break;
    enactExtra(b, w.policies, d);
  }
  // A regime once started needs enforcement every round or it lapses.
  if (w.regime > 0 || (d === "butlerian" && regimeReady)) {
    b.want({ kind: "enforce" });
    b.want({ kind: "buildRegime" });
    if (w.will < regimeWillSeen(v.world) + 1) b.want({ kind: "campaign" });
  }
  // Leaks feed the rogue actors: keep them in check every round, twice while they are within two levels of the line
  // (three for a butlerian regulator; 2.2 balance: "normal + enforce" beat the bot by +3 once the rogue track started
  // three levels below it; 2.4: earlier, the second enforcement spent the influence the other doctrines' policies
  // needed, and the conservative plan beat theirs by +2.8 to +6.5).
  b.want({ kind: "enforce" });
  if (w.rogueEstimate >= v.dangerLine - (d === "butlerian" ? 3 : 2)) b.want({ kind: "enforce" });
  for (const p of wanted) if (b.want({ kind: "enact", policy: p })) break;
  const next = wanted.find((p) => w.will < policyWill(d, p, w.lockIn, w.legalWill));
  // Spare influence: any policy the doctrine does not oppose adds legitimacy (role points).
  enactExtra(b, w.policies, d);
  if (next && w.will < 9) b.want({ kind: "campaign" });
  // The seat lists are built only when used (the conditions have no side effects, so the order does not matter).
  if (d === "butlerian" || w.policies.includes("moratorium")) {
    const labs = v.seats.filter((s) => s.lab);
    if (labs.length) {
      const t = labs[Math.floor(nextFloat(rng) * labs.length)];
      b.want({ kind: "audit", target: t.id });
    }
  }
  // Every regulator but the butlerian one funds a researcher with spare money (theory and the tools that test systems).
  if (v.me.funds >= 2 && d !== "butlerian") {
    const researchers = v.seats.filter((s) => s.role === "researcher");
    if (researchers.length)
      b.want({ kind: "grant", target: researchers[Math.floor(nextFloat(rng) * researchers.length)].id, amount: 2 });
  }
  b.want({ kind: "enforce" });
  b.want({ kind: "campaign" });
}

/** Enacts the first policy not in force that the doctrine does not oppose and the seat can enact. A module function,
 * not a closure in regulatorPlan: tsx (esbuild keepNames) names each closure it creates with a defineProperty call. */
function enactExtra(b: OrderBuilder, policies: readonly PolicyId[], d: Doctrine): void {
  for (const p of POLICIES)
    if (!policies.includes(p) && !REG_OPPOSED[d].includes(p) && b.want({ kind: "enact", policy: p })) return;
}

/** The first regulator's seat id, or -1 (no list built: this runs for every researcher decision). */
function firstRegulator(v: SeatView): number {
  for (const s of v.seats) if (s.role === "regulator") return s.id;
  return -1;
}

/** Advises the table's first regulator, if there is one and the action fits. */
function adviseRegulator(v: SeatView, b: OrderBuilder): void {
  const reg = firstRegulator(v);
  if (reg >= 0) b.want({ kind: "advise", target: reg });
}

/** True when the rogue actors or any lab (by what it declared) stand within three levels of the danger line. */
function nearTheLine(v: SeatView): boolean {
  if (v.world.rogueEstimate >= v.dangerLine - 3) return true;
  for (const s of v.seats) if (s.lab && s.lab.declaredCap >= v.dangerLine - 3) return true;
  return false;
}

function researcherPlan(v: SeatView, b: OrderBuilder, rng: RngHolder): void {
  const d = v.me.doctrine;
  const r = v.me.researcher!;
  const w = v.world;
  // A grant is free and once a round: with it, two paid actions a round pay for themselves.
  if (v.me.funds < 6) b.want({ kind: "applyGrant" });
  switch (d) {
    case "conservative": {
      b.want({ kind: "theory", mode: "careful", publish: true });
      // Augmentation does not burn the commons: worth pursuing alongside theory, by the safe route.
      b.want({ kind: "augmentation", route: "epigenetic" });
      b.want({ kind: "interpretability" });
      // A spare action advises the regulator: free, and the influence buys the policies that hold the line (2.4
      // per-scenario balance: "normal, then advise" beat the bot by +2.3 in fast, +1.1 in leaky and the classroom).
      adviseRegulator(v, b);
      break;
    }
    case "incrementalist": {
      // Careful theory first (fast theory feeds the leak pool), the safe augmentation route, then the tools that make
      // validation bite; a spare action advises the regulator before consulting a lab (2.4 per-scenario balance, 3,000
      // paired matches: +1.0 in fast, +0.9 slow, +1.2 leaky, +0.2 baseline, −0.2 ± 0.5 classroom).
      // Once a lab or the rogue actors are within three levels of the danger line, the tools come before augmentation:
      // the steps that follow are tested, and a flaw found there is a catastrophe avoided (2.6 balance: "normal +
      // interpretability" beat the bot by +1.25 ± 0.48 on 3,000 paired baseline matches, and the expert bot did not
      // beat that script; this plan +1.21 ± 0.46, the script over it −0.04 ± 0.18).
      const labs = v.seats.filter((s) => s.lab);
      const lab = labs.length ? labs[Math.floor(nextFloat(rng) * labs.length)].id : -1;
      b.want({ kind: "theory", mode: "careful", publish: true });
      if (nearTheLine(v)) b.want({ kind: "interpretability" });
      b.want({ kind: "augmentation", route: "epigenetic" });
      b.want({ kind: "interpretability" });
      if (v.me.funds < 4) b.want({ kind: "applyGrant" });
      adviseRegulator(v, b);
      if (lab >= 0) b.want({ kind: "consult", target: lab });
      break;
    }
    case "butlerian": {
      b.want({ kind: "theory", mode: "careful", publish: true });
      // The tools that catch deception before the safe augmentation route (2.2 balance: "normal + interpretability"
      // beat the bot once more matches ended near the danger line).
      b.want({ kind: "interpretability" });
      // Smarter humans are no frontier AI: the safe route is welcome.
      b.want({ kind: "augmentation", route: "epigenetic" });
      adviseRegulator(v, b);
      break;
    }
    case "transhumanist": {
      // The safe route: the direct one drifts, and a drifted handoff is worth nothing to anyone. Published theory first:
      // it pays prestige now and the milestones make everyone's systems safer (2.1 balance: +2 over augmenting first).
      b.want({ kind: "theory", mode: "careful", publish: true });
      b.want({ kind: "augmentation", route: "epigenetic" });
      b.want({ kind: "interpretability" });
      if (w.aug >= 2 && !w.policies.includes("augmentationLegal")) adviseRegulator(v, b);
      break;
    }
  }
  if (r.theoryPrivate >= 3) b.want({ kind: "publishTheory" });
  b.want({ kind: "applyGrant" });
}
