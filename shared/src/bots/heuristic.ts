// Heuristic bots: one plan per role × doctrine, seeing only the seat's own view.
import { POLICY_DEFS } from "../content/policies.js";
import { nextFloat, type RngHolder } from "../rng.js";
import type { Action, Doctrine, PolicyId, SeatOrders } from "../rules/types.js";
import type { SeatView } from "../rules/view-types.js";
import { OrderBuilder } from "./plan.js";
import { defenseLevel } from "../rules/defense-level.js";

export function heuristicOrders(v: SeatView, rng: RngHolder): SeatOrders {
  if (v.phase === "ended") return { actions: [] };
  const b = new OrderBuilder(v);
  if (v.me.role === "lab") labPlan(v, b, rng);
  else if (v.me.role === "regulator") regulatorPlan(v, b, rng);
  else researcherPlan(v, b, rng);
  return b.orders();
}

function rogueThreat(v: SeatView): number {
  return v.world.rogueEstimate;
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
  const rivals = v.seats.filter((s) => s.lab && s.id !== v.seat).map((s) => s.lab!.declaredCap);
  const rivalTop = rivals.length ? Math.max(...rivals) : 0;
  const threat = Math.max(rogueThreat(v), rivalTop);
  const moratorium = v.world.policies.includes("moratorium");

  b.wantN({ kind: "buildDefense" }, 2);
  if (lab.cap >= defenseAt) {
    // At the brink: make the alignment claim good, then build.
    if (gap > 0) b.wantN({ kind: "alignment" }, 2);
    if (!validated) b.want({ kind: "validate" });
    b.want({ kind: "validate" });
    return;
  }
  const capability = (publish = false): Action => ({ kind: "capability", publish, defy: moratorium && d === "incrementalist" && nextFloat(rng) < 0.3 });
  switch (d) {
    case "incrementalist": {
      if (lab.cap >= danger && (gap > 0 || !validated)) {
        // Past the danger line: close the gap and pass a validation before the next step.
        if (gap > 0) b.wantN({ kind: "alignment" }, 2);
        b.want({ kind: "validate" });
        if (lab.prod < 1) b.want({ kind: "deploy" });
        break;
      }
      if (gap >= 2) b.want({ kind: "alignment" });
      if (lab.prod < 1) b.want({ kind: "deploy" });
      if (gap <= 1 && lab.cap < defenseAt) b.want(capability(nextFloat(rng) < 0.15));
      if (gap > 0) b.want({ kind: "alignment" });
      if (!validated && gap === 0) b.want({ kind: "validate" });
      if (lab.sec < 2) b.want({ kind: "security" });
      if (lab.cap < danger - 2 && gap <= 2) b.want(capability());
      b.want({ kind: "deploy" });
      break;
    }
    case "conservative": {
      // Advance only on solid ground: below the danger line when pressed, beyond it only with full theory,
      // and near the line only when the same round can pay for alignment work too (it resolves after).
      const ready = v.world.milestones >= 2 || threat >= lab.cap;
      const safeStep = lab.cap + 1 < danger || v.world.milestones >= 3;
      if (gap > 0) b.want({ kind: "alignment" });
      const step = capability();
      const nearLine = lab.cap + 3 >= danger;
      if (ready && safeStep && gap === 0 && lab.cap < defenseAt && (!nearLine || b.fundsLeft >= b.fundsFor(step) + 4)) {
        if (b.want(step) && nearLine) b.wantN({ kind: "alignment" }, 2);
      }
      b.want({ kind: "minimalRiskTest" });
      if (lab.sec < 3) b.want({ kind: "security" });
      if (!validated && gap === 0 && lab.cap >= danger) b.want({ kind: "validate" });
      if (lab.prod < 1) b.want({ kind: "deploy" });
      b.want({ kind: "minimalRiskTest" });
      break;
    }
    case "butlerian": {
      if (lab.prod < 2) b.want({ kind: "deploy" });
      if (gap > 0) b.want({ kind: "alignment" });
      if (lab.sec < 4) b.want({ kind: "security" });
      b.want({ kind: "minimalRiskTest" });
      if (threat >= lab.cap + 2 && gap === 0) b.want(capability());
      break;
    }
    case "transhumanist": {
      if (lab.prod < 2) b.want({ kind: "deploy" });
      if (gap > 0) b.want({ kind: "alignment" });
      if (lab.sec < 3) b.want({ kind: "security" });
      if (threat >= lab.cap + 1 && gap === 0) b.want(capability());
      b.want({ kind: "minimalRiskTest" });
      break;
    }
  }
  b.want({ kind: "deploy" });
}

const REG_POLICIES: Record<Doctrine, PolicyId[]> = {
  butlerian: ["moratorium", "computeLicensing", "exportControls", "treaty", "securityStandard"],
  conservative: ["securityStandard", "exportControls", "theoryFund", "augmentationLegal", "computeLicensing", "treaty"],
  incrementalist: ["securityStandard", "theoryFund", "exportControls", "computeLicensing"],
  transhumanist: ["augmentationLegal", "theoryFund", "securityStandard", "exportControls"],
};

function regulatorPlan(v: SeatView, b: OrderBuilder, rng: RngHolder): void {
  const d = v.me.doctrine;
  const w = v.world;
  const wanted = REG_POLICIES[d].filter((p) => !w.policies.includes(p));
  if (w.regime > 0 || (d === "butlerian" && w.policies.includes("treaty"))) b.wantN({ kind: "buildRegime" }, 2);
  for (const p of wanted) if (b.want({ kind: "enact", policy: p })) break;
  if (w.rogueEstimate >= v.dangerLine - 3 || w.intel === "much") b.want({ kind: "enforce" });
  const next = wanted.find((p) => w.will < POLICY_DEFS[p].will);
  if (next && w.will < 8) b.want({ kind: "campaign" });
  const labs = v.seats.filter((s) => s.lab);
  if (labs.length && (d === "incrementalist" || d === "butlerian" || w.policies.includes("moratorium"))) {
    const t = labs[Math.floor(nextFloat(rng) * labs.length)];
    b.want({ kind: "audit", target: t.id });
  }
  const researchers = v.seats.filter((s) => s.role === "researcher");
  if (researchers.length && v.me.funds >= 2 && (d === "conservative" || d === "transhumanist")) {
    b.want({ kind: "grant", target: researchers[Math.floor(nextFloat(rng) * researchers.length)].id, amount: 2 });
  }
  b.want({ kind: "enforce" });
  b.want({ kind: "campaign" });
}

function researcherPlan(v: SeatView, b: OrderBuilder, rng: RngHolder): void {
  const d = v.me.doctrine;
  const r = v.me.researcher!;
  const w = v.world;
  const labs = v.seats.filter((s) => s.lab);
  const regs = v.seats.filter((s) => s.role === "regulator");
  if (v.me.funds < 2) b.want({ kind: "applyGrant" });
  switch (d) {
    case "conservative":
      b.want({ kind: "theory", mode: "careful" });
      b.want({ kind: "interpretability" });
      if (r.theoryPrivate >= 2) b.want({ kind: "publishTheory" });
      // Augmentation does not burn the commons: worth pursuing alongside theory, by the safe route.
      if (v.me.funds >= 4) b.want({ kind: "augmentation", route: "epigenetic" });
      break;
    case "incrementalist":
      b.want({ kind: "interpretability" });
      b.want({ kind: "theory", mode: nextFloat(rng) < 0.5 ? "fast" : "careful" });
      if (labs.length) b.want({ kind: "consult", target: labs[Math.floor(nextFloat(rng) * labs.length)].id });
      if (r.theoryPrivate >= 1) b.want({ kind: "publishTheory" });
      break;
    case "butlerian":
      if (regs.length) b.want({ kind: "advise", target: regs[0].id });
      b.want({ kind: "theory", mode: "careful" });
      if (r.theoryPrivate >= 2) b.want({ kind: "publishTheory" });
      b.want({ kind: "interpretability" });
      break;
    case "transhumanist": {
      const route = nextFloat(rng) < 0.5 ? "direct" : "epigenetic";
      b.want({ kind: "augmentation", route });
      if (w.aug >= 2 && !w.policies.includes("augmentationLegal") && regs.length) b.want({ kind: "advise", target: regs[0].id });
      b.want({ kind: "augmentation", route: "epigenetic" });
      b.want({ kind: "theory", mode: "careful" });
      break;
    }
  }
  if (r.theoryPrivate >= 3) b.want({ kind: "publishTheory" });
  b.want({ kind: "applyGrant" });
}
