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
  for (let L = actionsOf(ctx, "lobby"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    if (a.policy !== undefined && w.will < 5 + Math.floor(lockIn / 3)) {
      (ctx.blocked ??= new Set()).add(a.policy);
      if (!ctx.quiet) tell(ctx, seat.id, "lobbying", "lobbyAgainst", { policy: a.policy });
    } else if (a.policy === undefined) {
      // A lab the economy leans on (3+ products) lobbies with more weight.
      const d = seat.lab && seat.lab.prod >= 3 ? 2 : 1;
      w.will = clamp(w.will - d, 0, MAX.will);
      if (!ctx.quiet) say(ctx, "lobbying", "lobbyCools", { d });
    }
  }
  for (let L = actionsOf(ctx, "repeal"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    if (w.policies.includes(a.policy)) {
      w.policies = w.policies.filter((p) => p !== a.policy);
      if (!ctx.quiet) say(ctx, "policy", "repeal", { name: seat.name, policy: a.policy });
    }
  }
  // Seats enacting the treaty this round, each counted once (the list is in seat order): no Set, no closures.
  let treatySigners = 0;
  let lastSigner = -1;
  for (let L = actionsOf(ctx, "enact"), k = L.from; k < L.to; k++) {
    const x = L.seats[k];
    const a = L.actions[k];
    if (a.policy === "treaty" && x.id !== lastSigner) {
      treatySigners++;
      lastSigner = x.id;
    }
  }
  for (let L = actionsOf(ctx, "enact"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const def = POLICY_DEFS[a.policy];
    if (w.policies.includes(a.policy)) {
      if (!ctx.quiet) tell(ctx, seat.id, "policy", "enactRedundant", { policy: a.policy });
      continue;
    }
    if (a.policy === "treaty" && w.will < policyWill(seat.doctrine, "treaty", lockIn) && treatySigners < 2) {
      seat.influence += policyCost(seat.doctrine, "treaty");
      if (!ctx.quiet) say(ctx, "policy", "treatyProposed", { name: seat.name });
      tell(ctx, seat.id, "policy", "treatyFailed");
      continue;
    }
    if (ctx.blocked !== null && ctx.blocked.has(a.policy)) {
      if (!ctx.quiet) say(ctx, "lobbying", "enactBlocked", { name: seat.name, policy: a.policy });
      continue;
    }
    w.policies.push(a.policy);
    if (!ctx.quiet)
      say(ctx, a.policy === "moratorium" ? "moratorium" : "policy", "enact", { name: seat.name, policy: a.policy });
  }
}

/** Campaigns raise will by 1 below this, by 0.5 from it up. */
export const CAMPAIGN_FULL_BELOW = 5;

/** Step 2: campaigns, grants, advice, grant applications and side payments. */
export function fundingStep(ctx: RoundCtx): void {
  const s = ctx.s;
  for (let L = actionsOf(ctx, "campaign"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    // Diminishing returns: the first points of concern are easy to raise, the last are hard-won.
    const d = s.world.will < CAMPAIGN_FULL_BELOW ? 1 : 0.5;
    s.world.will = clamp(s.world.will + d, 0, MAX.will);
    if (!ctx.quiet) say(ctx, "politicalWill", "campaign", { name: seat.name, d });
  }
  for (let L = actionsOf(ctx, "grant"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const r = s.seats[a.target];
    r.funds += a.amount;
    if (!ctx.quiet) tell(ctx, r.id, "grant", "grantReceived", { name: seat.name, amount: a.amount });
    if (!ctx.quiet) say(ctx, "grant", "grantMade", { name: seat.name, to: r.name });
  }
  for (let L = actionsOf(ctx, "advise"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const g = s.seats[a.target];
    g.influence += 1;
    if (!ctx.quiet) tell(ctx, g.id, "policy", "advised", { name: seat.name });
  }
  for (let L = actionsOf(ctx, "applyGrant"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    seat.funds += 2;
    if (!ctx.quiet) tell(ctx, seat.id, "grant", "grantApplication", { amount: 2 });
  }
  for (let i = 0; i < ctx.orders.length; i++) {
    const transfers = ctx.orders[i]?.transfers;
    if (transfers === undefined) continue;
    for (const t of transfers) {
      const from = s.seats[i];
      if (!ctx.acts[i] || t.amount > from.funds) continue;
      from.funds -= t.amount;
      s.seats[t.to].funds += t.amount;
      if (!ctx.quiet) tell(ctx, t.to, "income", "paymentIn", { name: from.name, amount: t.amount });
      if (!ctx.quiet) tell(ctx, i, "income", "paymentOut", { name: s.seats[t.to].name, amount: t.amount });
    }
  }
}

/** Audits: reveal true capability and security; catch defiance; read flaws with strong interpretability. */
export function auditsStep(ctx: RoundCtx): void {
  const s = ctx.s;
  for (let L = actionsOf(ctx, "audit"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    const a = L.actions[k];
    const target = s.seats[a.target];
    const lab = target.lab;
    if (!lab) continue;
    lab.declaredCap = lab.cap;
    lab.auditedSec = lab.sec;
    if (!ctx.quiet) say(ctx, "audit", "audit", { name: seat.name, target: target.name, cap: lab.cap, sec: lab.sec });
    if (lab.defiedMoratorium) {
      lab.defiedMoratorium = false;
      const fine = Math.min(target.funds, MORATORIUM_FINE);
      target.funds -= fine;
      addPrestige(target, -MORATORIUM_PRESTIGE_LOSS, "fines");
      addPrestige(seat, 2, "legitimacy");
      if (!ctx.quiet)
        say(ctx, "moratorium", "auditMoratorium", { target: target.name, fine, loss: MORATORIUM_PRESTIGE_LOSS });
    }
    if (s.world.interp >= 3) {
      seat.knownFlaws[target.id] = lab.flaws;
      if (!ctx.quiet) tell(ctx, seat.id, "interpretability", "auditFlaws", { n: lab.flaws, target: target.name });
    }
  }
}

/** The monitoring regime: the defense that needs no TAI. It grows at most one step a round worldwide, only while
 * political will holds, and lapses a step in any round nobody enforces it or will falls short. */
export function regimeStep(ctx: RoundCtx): void {
  const s = ctx.s;
  const w = s.world;
  const need = regimeWill(lockInOf(s), s.params.regimeWill);
  const wasComplete = w.regime >= MAX.regime;
  let built = false;
  for (let L = actionsOf(ctx, "buildRegime"), k = L.from; k < L.to; k++) {
    const seat = L.seats[k];
    if (w.regime >= MAX.regime) {
      tell(ctx, seat.id, "regime", "regimeAlreadyComplete");
      continue;
    }
    if (built) {
      tell(ctx, seat.id, "regime", "regimeOnceARound");
      continue;
    }
    if (w.will < need) {
      if (!ctx.quiet) tell(ctx, seat.id, "regime", "regimeStalled", { need });
      continue;
    }
    built = true;
    w.regime = Math.min(MAX.regime, w.regime + (s.params.regimeStep ?? 1));
    if (!ctx.quiet) say(ctx, "regime", "regimeExtend", { name: seat.name, regime: w.regime, max: MAX.regime });
  }
  if (w.regime > 0 && (ctx.enforcements === 0 || w.will < need)) {
    w.regime -= 1;
    if (!ctx.quiet)
      say(ctx, "regime", "regimeLapse", {
        regime: w.regime,
        max: MAX.regime,
        need,
        unenforced: ctx.enforcements === 0,
      });
  }
  const complete = w.regime >= MAX.regime;
  if (complete === wasComplete) return;
  if (complete) {
    say(ctx, "regime", "regimeComplete");
    if (!(w.milestonesScored & REGIME_CREDITED))
      for (const x of s.seats)
        if (x.doctrine === "butlerian") addPrestige(x, OBJECTIVE_POINTS.regimeComplete, "objectives");
    w.milestonesScored |= REGIME_CREDITED;
  } else say(ctx, "regime", "regimeBroken");
  w.neutralized = complete;
}

/** A bit of milestonesScored (bits 1..3 are theory milestones) marking the regime objective as paid once. */
const REGIME_CREDITED = 1 << 8;
