// Policies, lobbying, campaigns, audits and the monitoring regime.
import { POLICY_DEFS, MORATORIUM_FINE, MORATORIUM_PRESTIGE_LOSS } from "../content/policies.js";
import { OBJECTIVE_POINTS } from "../content/doctrines.js";
import { MAX } from "../content/roles.js";
import { actionsOf, say, tell, type RoundCtx } from "./context.js";
import { addPrestige, clamp } from "./state.js";
import { policyCost, policyWill } from "./costs.js";
import { lockInOf, regimeWill } from "./governance-rules.js";

/** Step 1: lobbying blocks, then repeals and enactments. */
export function policiesStep(ctx: RoundCtx): void {
  const w = ctx.s.world;
  const lockIn = lockInOf(ctx.s);
  for (const [seat, a] of actionsOf(ctx, "lobby")) {
    if (a.policy !== undefined && w.will < 5 + Math.floor(lockIn / 3)) {
      ctx.blocked.add(a.policy);
      tell(ctx, seat.id, `Your lobbying works against ${POLICY_DEFS[a.policy].name} this round.`, "lobbying");
    } else if (a.policy === undefined) {
      // A lab the economy leans on (3+ products) lobbies with more weight.
      const d = seat.lab && seat.lab.prod >= 3 ? 2 : 1;
      w.will = clamp(w.will - d, 0, MAX.will);
      say(ctx, `Industry lobbying cools public concern: political will −${d}.`, "lobbying");
    }
  }
  for (const [seat, a] of actionsOf(ctx, "repeal")) {
    if (w.policies.includes(a.policy)) {
      w.policies = w.policies.filter((p) => p !== a.policy);
      say(ctx, `${seat.name} repeals ${POLICY_DEFS[a.policy].name}.`, "policy");
    }
  }
  const treatySigners = new Set(actionsOf(ctx, "enact").filter(([, a]) => a.policy === "treaty").map(([x]) => x.id));
  for (const [seat, a] of actionsOf(ctx, "enact")) {
    const def = POLICY_DEFS[a.policy];
    if (w.policies.includes(a.policy)) {
      tell(ctx, seat.id, `${def.name} was already in force: your enactment changed nothing.`, "policy");
      continue;
    }
    if (a.policy === "treaty" && w.will < policyWill(seat.doctrine, "treaty", lockIn) && treatySigners.size < 2) {
      seat.influence += policyCost(seat.doctrine, "treaty");
      say(ctx, `${seat.name} proposes an international treaty, but without enough political will it needs both regulators' signatures this round.`, "policy");
      tell(ctx, seat.id, "The treaty failed for want of a second signature: your influence is refunded.", "policy");
      continue;
    }
    if (ctx.blocked.has(a.policy)) {
      say(ctx, `${POLICY_DEFS[a.policy].name} was proposed by ${seat.name} but lobbying blocked it.`, "lobbying");
      continue;
    }
    w.policies.push(a.policy);
    say(ctx, `${seat.name} enacts ${POLICY_DEFS[a.policy].name}: ${POLICY_DEFS[a.policy].effect}`, a.policy === "moratorium" ? "moratorium" : "policy");
  }
}

/** Campaigns raise will by 1 below this, by 0.5 from it up. */
export const CAMPAIGN_FULL_BELOW = 5;

/** Step 2: campaigns, grants, advice, grant applications and side payments. */
export function fundingStep(ctx: RoundCtx): void {
  const s = ctx.s;
  for (const [seat] of actionsOf(ctx, "campaign")) {
    // Diminishing returns: the first points of concern are easy to raise, the last are hard-won.
    const d = s.world.will < CAMPAIGN_FULL_BELOW ? 1 : 0.5;
    s.world.will = clamp(s.world.will + d, 0, MAX.will);
    say(ctx, `${seat.name} campaigns for caution: political will +${d}.`, "politicalWill");
  }
  for (const [seat, a] of actionsOf(ctx, "grant")) {
    const r = s.seats[a.target];
    r.funds += a.amount;
    tell(ctx, r.id, `${seat.name} grants you ${a.amount} funds.`, "grant");
    say(ctx, `${seat.name} funds research by ${r.name}.`, "grant");
  }
  for (const [seat, a] of actionsOf(ctx, "advise")) {
    const g = s.seats[a.target];
    g.influence += 1;
    tell(ctx, g.id, `${seat.name} advises you: +1 influence.`, "policy");
  }
  for (const [seat] of actionsOf(ctx, "applyGrant")) {
    seat.funds += 2;
    tell(ctx, seat.id, "Your grant application succeeds: +2 funds.", "grant");
  }
  for (let i = 0; i < ctx.orders.length; i++) {
    for (const t of ctx.orders[i]?.transfers ?? []) {
      const from = s.seats[i];
      if (!ctx.acts[i] || t.amount > from.funds) continue;
      from.funds -= t.amount;
      s.seats[t.to].funds += t.amount;
      tell(ctx, t.to, `${from.name} pays you ${t.amount} funds.`, "income");
      tell(ctx, i, `You pay ${s.seats[t.to].name} ${t.amount} funds.`, "income");
    }
  }
}

/** Audits: reveal true capability and security; catch defiance; read flaws with strong interpretability. */
export function auditsStep(ctx: RoundCtx): void {
  const s = ctx.s;
  for (const [seat, a] of actionsOf(ctx, "audit")) {
    const target = s.seats[a.target];
    const lab = target.lab;
    if (!lab) continue;
    lab.declaredCap = lab.cap;
    lab.auditedSec = lab.sec;
    say(ctx, `${seat.name} audits ${target.name}: true capability ${lab.cap}, security ${lab.sec}.`, "audit");
    if (lab.defiedMoratorium) {
      lab.defiedMoratorium = false;
      const fine = Math.min(target.funds, MORATORIUM_FINE);
      target.funds -= fine;
      addPrestige(target, -MORATORIUM_PRESTIGE_LOSS, "fines");
      addPrestige(seat, 2, "legitimacy");
      say(ctx, `The audit catches ${target.name} defying the moratorium: fined ${fine} and −${MORATORIUM_PRESTIGE_LOSS} prestige.`, "moratorium");
    }
    if (s.world.interp >= 3) {
      seat.knownFlaws[target.id] = lab.flaws;
      tell(ctx, seat.id, `Interpretability tools let your auditors count ${lab.flaws} hidden flaw${lab.flaws === 1 ? "" : "s"} in ${target.name}'s systems.`, "interpretability");
    }
  }
}

/** The monitoring regime: the defense that needs no TAI. It grows at most one step a round worldwide, only while
 * political will holds, and lapses a step in any round nobody enforces it or will falls short. */
export function regimeStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const w = s.world;
  const need = regimeWill(lockInOf(s));
  const wasComplete = w.regime >= MAX.regime;
  let built = false;
  for (const [seat] of actionsOf(ctx, "buildRegime")) {
    if (w.regime >= MAX.regime) {
      tell(ctx, seat.id, "The monitoring regime was already complete: your work changed nothing.", "regime");
      continue;
    }
    if (built) {
      tell(ctx, seat.id, "The regime already grew a step this round (inspectors, treaties and data centres take time): your work changed nothing.", "regime");
      continue;
    }
    if (w.will < need) {
      tell(ctx, seat.id, `The regime needs political will ${need} to grow: your work stalled.`, "regime");
      continue;
    }
    built = true;
    w.regime = Math.min(MAX.regime, w.regime + (s.params.regimeStep ?? 1));
    say(ctx, `${seat.name} extends the global monitoring regime to ${w.regime}/${MAX.regime}.`, "regime");
  }
  if (w.regime > 0 && (ctx.enforcements === 0 || w.will < need)) {
    w.regime -= 1;
    say(ctx, `The monitoring regime lapses to ${w.regime}/${MAX.regime}: ${ctx.enforcements === 0 ? "nobody enforced it this round" : `political will fell below ${need}`}.`, "regime");
  }
  const complete = w.regime >= MAX.regime;
  if (complete === wasComplete) return;
  if (complete) {
    say(ctx, "The monitoring regime is complete: rogue programmes are shut down and frontier capability research stops everywhere, for as long as it is enforced.", "regime");
    if (!(w.milestonesScored & REGIME_CREDITED))
      for (const x of s.seats) if (x.doctrine === "butlerian") addPrestige(x, OBJECTIVE_POINTS.regimeComplete, "objectives");
    w.milestonesScored |= REGIME_CREDITED;
  } else say(ctx, "Without a complete regime, rogue programmes and frontier research resume.", "regime");
  w.neutralized = complete;
}

/** A bit of milestonesScored (bits 1..3 are theory milestones) marking the regime objective as paid once. */
const REGIME_CREDITED = 1 << 8;
