// Which orders a seat may give, computed from what that seat may see (bots and the client use it too).
import { ACTION_DEFS, ACTIONS_BY_ROLE } from "../content/actions.js";
import { POLICY_DEFS } from "../content/policies.js";
import { ACTION_POINTS, MAX } from "../content/roles.js";
import { actionCost, kindCostInto, policyWill, type Cost, type CostContext } from "./costs.js";
import { regimeWillSeen } from "./governance-rules.js";
import { kindInfo, type KindInfo } from "./kinds.js";
import { defenseLevel } from "./defense-level.js";
import { POLICIES, type Action, type ActionKind, type PolicyId, type SeatOrders } from "./types.js";
import type { SeatView } from "./view-types.js";

export interface ActionOption {
  kind: ActionKind;
  label: string;
  does: string;
  concept: string;
  cost: Cost;
  legal: boolean;
  /** Why it cannot be chosen now, in words a player reads. */
  reason?: string;
  /** Seats it may target (audit, grant, consult, advise). */
  targets?: number[];
  /** Policies it may name (enact, repeal, lobby), each with its own legality. */
  policies?: { policy: PolicyId; legal: boolean; reason?: string; cost: number }[];
  publishable?: boolean;
}

export interface LegalOrders {
  seat: number;
  actionPoints: number;
  funds: number;
  influence: number;
  canSwitch: boolean;
  options: ActionOption[];
}

export type Check = { ok: true } | { ok: false; reason: string };
const ok: Check = { ok: true };
const no = (reason: string): Check => ({ ok: false, reason });
/** A refusal without its sentence (checkAction with explain false). */
const REFUSED: Check = { ok: false, reason: "" };

function costCtx(v: SeatView) {
  return { doctrine: v.me.doctrine, policies: v.world.policies, mods: v.mods };
}

function targetsFor(v: SeatView, kind: ActionKind): number[] | undefined {
  const role =
    kind === "audit" || kind === "consult"
      ? "lab"
      : kind === "grant"
        ? "researcher"
        : kind === "advise"
          ? "regulator"
          : null;
  if (!role) return undefined;
  return v.seats.filter((s) => s.role === role && s.id !== v.seat).map((s) => s.id);
}

/** Whether a seat may be the target of this action (the test targetsFor lists, without building the list). */
function isTarget(v: SeatView, kind: ActionKind, target: number): boolean {
  const role =
    kind === "audit" || kind === "consult"
      ? "lab"
      : kind === "grant"
        ? "researcher"
        : kind === "advise"
          ? "regulator"
          : null;
  if (!role || target === v.seat) return false;
  for (const s of v.seats) if (s.id === target && s.role === role) return true;
  return false;
}

/** Is one action allowed for this seat now, ignoring the budget shared with its other actions? With explain false a
 * refusal carries no reason (the same verdict, without building the sentence: bots planning only read `ok`). */
export function checkAction(v: SeatView, a: Action, explain = true): Check {
  if (!a || typeof a !== "object") return explain ? no("Unknown action.") : REFUSED;
  // One switch (kinds.ts) instead of hasOwn plus a keyed load on ACTION_DEFS (this runs for every action a bot
  // considers); anything but a known kind's name gives no info.
  const info = kindInfo(a.kind);
  if (!info) return explain ? no("Unknown action.") : REFUSED;
  return checkKnownAction(v, a, info, explain);
}

/** checkAction for an action object whose kind the caller has looked up already (`info` = kindInfo(a.kind)). */
export function checkKnownAction(v: SeatView, a: Action, info: KindInfo, explain: boolean): Check {
  const me = v.me;
  const def = info.def;
  if (def.role !== me.role) return explain ? no(`${def.label} is not an action of a ${me.role}.`) : REFUSED;
  const lab = me.lab;
  const w = v.world;
  const stopped = w.neutralized;
  const tai = v.taiThreshold;
  switch (a.kind) {
    case "capability":
      if (stopped)
        return explain
          ? no("Capability research has stopped: a defense or a complete monitoring regime holds the world.")
          : REFUSED;
      if (w.policies.includes("moratorium") && !a.defy)
        return explain ? no("A moratorium is in force. You may defy it (an audit would catch you).") : REFUSED;
      return ok;
    case "alignment":
      // Legal even at aligned = cap: capability research resolves first, so it can close a gap opened this round.
      return ok;
    case "validate":
    case "minimalRiskTest":
      return ok;
    case "security":
      if (lab && lab.sec >= MAX.sec) return explain ? no("Security is already at its maximum (5).") : REFUSED;
      return ok;
    case "deploy":
      return ok;
    case "lobby":
      if (a.policy !== undefined) {
        if (!POLICIES.includes(a.policy)) return explain ? no("Unknown policy.") : REFUSED;
        if (w.will >= blockLimit(v))
          return explain
            ? no(`Lobbying can block a policy only while political will is below ${blockLimit(v)}.`)
            : REFUSED;
      } else if (w.will <= 0) return explain ? no("Political will is already 0.") : REFUSED;
      return ok;
    case "buildDefense": {
      if (!lab) return explain ? no("Only labs build defenses.") : REFUSED;
      if (lab.cap < defenseLevel(tai))
        return explain ? no(`A defense needs capability ${defenseLevel(tai)} or more (you have ${lab.cap}).`) : REFUSED;
      const pub = v.seats[v.seat]?.lab?.alignedPublic ?? null;
      if (pub === null || pub < lab.cap)
        return explain
          ? no("A defense needs a publicly validated aligned level at least equal to your capability: validate first.")
          : REFUSED;
      if (lab.defense >= MAX.defense) return explain ? no("Your defense is already complete.") : REFUSED;
      return ok;
    }
    case "enact": {
      if (!POLICIES.includes(a.policy)) return explain ? no("Unknown policy.") : REFUSED;
      if (w.policies.includes(a.policy))
        return explain ? no(`${POLICY_DEFS[a.policy].name} is already in force.`) : REFUSED;
      const need = policyWill(me.doctrine, a.policy, w.lockIn ?? 0, w.legalWill);
      const twoRegulators = a.policy === "treaty" && v.seats.filter((s) => s.role === "regulator").length >= 2;
      if (w.will < need && !twoRegulators)
        return explain ? no(`${POLICY_DEFS[a.policy].name} needs political will ${need} (it is ${w.will}).`) : REFUSED;
      return ok;
    }
    case "repeal":
      if (!POLICIES.includes(a.policy)) return explain ? no("Unknown policy.") : REFUSED;
      if (!w.policies.includes(a.policy))
        return explain ? no(`${POLICY_DEFS[a.policy].name} is not in force.`) : REFUSED;
      return ok;
    case "audit":
    case "consult":
    case "advise":
    case "grant": {
      if (!Number.isInteger(a.target) || !isTarget(v, a.kind, a.target))
        return explain ? no("Choose a valid target seat.") : REFUSED;
      if (a.kind === "grant" && !(Number.isInteger(a.amount) && a.amount >= 1))
        return explain ? no("A grant gives at least 1 fund.") : REFUSED;
      return ok;
    }
    case "enforce":
    case "campaign":
      if (a.kind === "campaign" && w.will >= MAX.will)
        return explain ? no("Political will is already at its maximum.") : REFUSED;
      return ok;
    case "buildRegime":
      if (!(
        w.policies.includes("computeLicensing") &&
        w.policies.includes("exportControls") &&
        w.policies.includes("treaty")
      ))
        return explain
          ? no("The monitoring regime needs compute licensing, export controls and a treaty in force.")
          : REFUSED;
      if (w.regime >= MAX.regime) return explain ? no("The monitoring regime is already complete.") : REFUSED;
      const need = regimeWillSeen(w);
      if (w.will < need)
        return explain ? no(`Building the regime needs political will ${need} (it is ${w.will}).`) : REFUSED;
      return ok;
    case "theory":
      if (a.mode !== "careful" && a.mode !== "fast")
        return explain ? no("Theory mode must be careful or fast.") : REFUSED;
      return ok;
    case "interpretability":
      if (w.interp >= MAX.interp) return explain ? no("Interpretability is already at its maximum (5).") : REFUSED;
      if (w.theory < 2 * w.interp + 1)
        return explain ? no(`Interpretability ${w.interp + 1} needs published theory ${2 * w.interp + 1}.`) : REFUSED;
      return ok;
    case "augmentation":
      if (a.route !== "epigenetic" && a.route !== "direct")
        return explain ? no("Route must be epigenetic or direct.") : REFUSED;
      if (w.aug >= MAX.aug) return explain ? no("Augmentation is complete.") : REFUSED;
      if (w.aug >= 2 && !w.policies.includes("augmentationLegal"))
        return explain ? no("Augmentation beyond stage 2 needs the augmentation-legal policy.") : REFUSED;
      return ok;
    case "publishTheory":
      if (!me.researcher || me.researcher.theoryPrivate <= 0)
        return explain ? no("You have no unpublished theory.") : REFUSED;
      return ok;
    case "applyGrant":
      return ok;
  }
  return explain ? no("Unknown action.") : REFUSED;
}

export function legalOrdersFromView(v: SeatView): LegalOrders {
  const me = v.me;
  const cctx = costCtx(v);
  const ended = v.phase === "ended";
  const options: ActionOption[] = ACTIONS_BY_ROLE[me.role].map((kind) => {
    const def = ACTION_DEFS[kind];
    const targets = targetsFor(v, kind);
    const variants = actionVariants(v, kind, targets?.[0]);
    // An option is choosable when any of its variants is legal and affordable (e.g. defying a moratorium,
    // lobbying to block a policy at will 0, enacting the one policy this seat can pay for).
    const checks = variants.map((a) => {
      const c = checkAction(v, a);
      return c.ok ? affordable(me, actionCost(cctx, a)) : c;
    });
    const opt: ActionOption = {
      kind,
      label: def.label,
      does: def.does,
      concept: def.concept,
      cost: actionCost(cctx, variants[0]),
      legal: true,
      targets,
    };
    if (kind === "enact" || kind === "repeal" || kind === "lobby") {
      opt.policies = variants.flatMap((a, i) => {
        if (!("policy" in a) || a.policy === undefined) return [];
        const c = checks[i];
        const pc = actionCost(cctx, a);
        return [{ policy: a.policy, legal: c.ok, reason: c.ok ? undefined : c.reason, cost: pc.influence + pc.funds }];
      });
    }
    let check: Check =
      checks.find((c) => c.ok) ??
      (kind === "enact"
        ? no("No policy can be enacted now.")
        : kind === "repeal"
          ? no("No policy is in force.")
          : checks[0]);
    if (ended) check = no("The match has ended.");
    else if (targets && targets.length === 0) check = no("There is no seat to target.");
    opt.legal = check.ok;
    if (!check.ok) opt.reason = check.reason;
    if (kind === "capability" || kind === "alignment" || kind === "theory") opt.publishable = true;
    return opt;
  });
  return {
    seat: v.seat,
    actionPoints: ACTION_POINTS,
    funds: me.funds,
    influence: me.influence,
    canSwitch: !me.switched && !ended,
    options,
  };
}

/** The concrete actions an option stands for; the first one gives the option's cost and default reason. */
function actionVariants(v: SeatView, kind: ActionKind, target = 0): Action[] {
  switch (kind) {
    case "enact":
    case "repeal":
      return POLICIES.map((policy) => ({ kind, policy }));
    case "lobby":
      return [{ kind }, ...POLICIES.map((policy) => ({ kind, policy }))];
    case "capability":
      return v.world.policies.includes("moratorium") ? [{ kind }, { kind, defy: true }] : [{ kind }];
    case "audit":
    case "consult":
    case "advise":
      return [{ kind, target }];
    case "grant":
      return [{ kind, target, amount: 1 }];
    case "theory":
      return [{ kind, mode: "careful" }];
    case "augmentation":
      return [{ kind, route: "epigenetic" }];
    default:
      return [{ kind } as Action];
  }
}

/** Lobbying can block a policy while will is below this (5, higher with economic lock-in). */
export function blockLimit(v: { world: { lockIn?: number } }): number {
  return 5 + Math.floor((v.world.lockIn ?? 0) / 3);
}

function affordable(me: SeatView["me"], c: Cost): Check {
  if (c.funds > me.funds) return no(`Needs ${c.funds} fund${c.funds === 1 ? "" : "s"} (you have ${me.funds}).`);
  if (c.influence > me.influence) return no(`Needs ${c.influence} influence (you have ${me.influence}).`);
  return ok;
}

const SCRATCH: Cost = { funds: 0, influence: 0 };
const CCTX: CostContext = {
  doctrine: "conservative",
  policies: [],
  mods: { capabilityCost: 0, paradigmBoost: 0, leakBonus: 0, extraIncidentChance: 0 },
};

/** Checks a seat's whole orders: each action legal and the total affordable. When they pass and `paid` is given, it
 * receives what the actions cost together (transfers not included): resolveRound charges that without pricing each
 * action again. */
export function checkOrders(v: SeatView, orders: SeatOrders, paid?: Cost): Check {
  if (v.phase === "ended") return no("The match has ended.");
  if (!orders || !Array.isArray(orders.actions)) return no("Orders must list actions.");
  if (orders.switchDoctrine !== undefined) {
    if (v.me.switched) return no("You have already switched metastrategy once this match.");
    if (orders.actions.length > 0)
      return no("Switching metastrategy costs this round's actions: submit no actions with it.");
    if (orders.switchDoctrine === v.me.doctrine) return no("That is already your metastrategy.");
  }
  if (orders.actions.length > ACTION_POINTS) return no(`At most ${ACTION_POINTS} actions a round.`);
  // One cost context for every call (actionCostInto keeps no reference to it).
  const cctx = CCTX;
  cctx.doctrine = v.me.doctrine;
  cctx.policies = v.world.policies;
  cctx.mods = v.mods;
  let funds = 0;
  let influence = 0;
  // Duplicates are found by scanning the earlier actions (at most ACTION_POINTS of them): no sets, no key strings.
  const acts = orders.actions;
  for (let i = 0; i < acts.length; i++) {
    const a = acts[i];
    if (!a || typeof a !== "object") return no(`Action ${i + 1}: Unknown action.`);
    // The kind is looked up once for the once-a-round test, the check and the price.
    const info = kindInfo(a.kind);
    if (info?.once) {
      for (let j = 0; j < i; j++) {
        if (acts[j].kind === a.kind)
          return no(`Action ${i + 1}: ${ACTION_DEFS[a.kind].label} can be done once a round.`);
      }
    }
    const c = info ? checkKnownAction(v, a, info, true) : checkAction(v, a);
    if (!c.ok)
      return no(
        `Action ${i + 1}${a && Object.hasOwn(ACTION_DEFS, a.kind) ? ` (${ACTION_DEFS[a.kind].label})` : ""}: ${c.reason}`,
      );
    if (a.kind === "enact" || a.kind === "repeal") {
      for (let j = 0; j < i; j++) {
        const b = acts[j];
        // Same key as `${kind}:${policy}` (earlier actions passed checkAction, so their policies are real names).
        if (b.kind === a.kind && String(b.policy) === String(a.policy))
          return no(`Action ${i + 1}: the same policy is named twice.`);
      }
    }
    const cost = kindCostInto(info!.def, cctx, a, SCRATCH);
    funds += cost.funds;
    influence += cost.influence;
  }
  const actionFunds = funds;
  const transfers = orders.transfers;
  if (transfers !== undefined) {
    if (!Array.isArray(transfers)) return no("Transfers must be a list.");
    for (const t of transfers) {
      if (!t || typeof t !== "object") return no("A transfer needs a recipient and an amount.");
      if (!Number.isInteger(t.to) || t.to < 0 || t.to >= v.seats.length || t.to === v.seat)
        return no("A transfer needs another seat as recipient.");
      if (!Number.isInteger(t.amount) || t.amount < 1) return no("A transfer gives at least 1 fund.");
      funds += t.amount;
    }
  }
  if (funds > v.me.funds) return no(`These orders cost ${funds} funds; you have ${v.me.funds}.`);
  if (influence > v.me.influence) return no(`These orders cost ${influence} influence; you have ${v.me.influence}.`);
  if (paid) {
    paid.funds = actionFunds;
    paid.influence = influence;
  }
  return ok;
}
