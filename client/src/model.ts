// The board as plain data: what the Phaser scene draws and the text mirror reads. No rules, no DOM.
import {
  LOCKED_IN,
  MILESTONES,
  MAX,
  POLICY_DEFS,
  blockLimit,
  newsCard,
  policyWill,
  regimeWillSeen,
  type EndInfo,
  type PublicView,
  type RoundReport,
  type SeatView,
} from "@metastrategy/shared";
import { LAB_STYLES, type SeriesStyle } from "./theme";

export interface LabMark {
  seat: number;
  name: string;
  doctrine: string;
  style: SeriesStyle;
  mine: boolean;
  /** The capability shown: true for my lab or after the end, declared otherwise. */
  cap: number;
  capExact: boolean;
  /** Aligned level shown: my own, the public validated one, or revealed; null when unknown. */
  aligned: number | null;
  alignedPublic: boolean;
  defense: number;
  prod: number;
  incidents: number;
  sec: number | null;
  flaws: number | null;
}

export interface Fx {
  kind: "leak" | "breakthrough" | "paradigm" | "compounding" | "incident" | "milestone" | "catastrophe";
  seat?: number;
  amount?: number;
}

export interface BoardModel {
  round: number;
  rounds: number;
  tai: number;
  danger: number;
  top: number;
  labs: LabMark[];
  rogue: { value: number; exact: boolean; lo: number; hi: number };
  intel: "none" | "some" | "much";
  pool: number | null;
  theory: number;
  milestones: number;
  milestoneAt: readonly number[];
  interp: number;
  aug: number;
  drift: number | null;
  will: number;
  regime: number;
  /** Economic lock-in (products on the market) and what it does to politics now. */
  lockIn: { value: number; policyWill: number; regimeWill: number; blockBelow: number };
  /** Augmentation past stage 2: legal yet, and the political will the law needs. */
  augLaw: { legal: boolean; will: number };
  policies: { id: string; name: string; effect: string }[];
  neutralized: boolean;
  /** The round's event cards, with their headline and text. */
  news: { card: string; concept: string; headline: string; text: string }[];
  end: EndInfo | null;
  max: typeof MAX;
  fx: Fx[];
  /** A leak was reported this round (the pool may already be empty again: the rogue actors drew on it). */
  leakNow: boolean;
  /** The round whose report the fx come from (each report animates once). */
  fxRound: number | null;
}

export function boardModel(view: PublicView | SeatView, report: RoundReport | null, mySeat: number | null): BoardModel {
  const mine = "me" in view ? (view as SeatView) : null;
  const reveal = view.reveal;
  let li = 0;
  const labs: LabMark[] = view.seats
    .filter((s) => s.lab)
    .map((s) => {
      const style = LAB_STYLES[li++ % LAB_STYLES.length];
      const r = reveal?.labs.find((x) => x.seat === s.id);
      const isMine = mine !== null && mine.seat === s.id && !!mine.me.lab;
      const lab = s.lab!;
      const aligned = r ? r.aligned : isMine ? mine!.me.lab!.aligned : lab.alignedPublic;
      // A declared capability is a floor: a publicly validated aligned level proves the capability is at least that high.
      const cap = r ? r.cap : isMine ? mine!.me.lab!.cap : Math.max(lab.declaredCap, lab.alignedPublic ?? 0);
      return {
        seat: s.id,
        name: s.name,
        doctrine: s.doctrine,
        style,
        mine: isMine,
        cap,
        capExact: !!r || isMine,
        aligned,
        alignedPublic: lab.alignedPublic !== null,
        defense: lab.defense,
        prod: lab.prod,
        incidents: lab.incidents,
        sec: r ? r.sec : isMine ? mine!.me.lab!.sec : lab.auditedSec,
        flaws: r ? r.flaws : null,
      };
    });
  const w = view.world;
  const rogueVal = reveal ? reveal.rogue : w.rogueEstimate;
  const exact = !!reveal || w.rogueExact;
  const hi = Math.max(...labs.map((l) => l.cap), exact ? rogueVal : rogueVal + 1, 0);
  return {
    round: view.round,
    rounds: view.rounds,
    tai: view.taiThreshold,
    danger: view.dangerLine,
    top: Math.max(view.taiThreshold + 2, Math.ceil(hi) + 1),
    labs,
    rogue: {
      value: rogueVal,
      exact,
      lo: exact ? rogueVal : Math.max(0, rogueVal - 1),
      hi: exact ? rogueVal : rogueVal + 1,
    },
    intel: w.intel,
    pool: reveal ? reveal.pool : null,
    theory: w.theory,
    milestones: w.milestones,
    milestoneAt: MILESTONES,
    interp: w.interp,
    aug: w.aug,
    drift: reveal ? reveal.drift : null,
    will: w.will,
    regime: w.regime,
    lockIn: {
      value: w.lockIn ?? 0,
      // How much more will the locked-in policies need than on a market with no products.
      policyWill: policyWill("conservative", LOCKED_IN[0], w.lockIn ?? 0) - policyWill("conservative", LOCKED_IN[0], 0),
      regimeWill: regimeWillSeen(w),
      blockBelow: blockLimit(view),
    },
    augLaw: {
      legal: w.policies.includes("augmentationLegal"),
      will: w.legalWill ?? POLICY_DEFS.augmentationLegal.will,
    },
    policies: w.policies.map((p) => ({ id: p, name: POLICY_DEFS[p].name, effect: POLICY_DEFS[p].effect })),
    neutralized: w.neutralized,
    news: view.news.map((n) => ({ card: n.card, concept: n.concept, ...newsCard(n) })),
    end: view.end,
    max: MAX,
    fx: report ? fxOf(report, mySeat) : [],
    leakNow:
      !view.end && !!report && report.round === view.round - 1 && fxOf(report, mySeat).some((f) => f.kind === "leak"),
    fxRound: report ? report.round : null,
  };
}

/** How far a private breakthrough note says the lab went (rules-1 records carry only a sentence: +1 is shown). */
function breakthroughGain(e: RoundReport["entries"][number]): number {
  const g = e.args?.gain;
  return typeof g === "number" ? g : 1;
}

/** Animation cues from a round's report: leaks, breakthroughs, paradigm shifts and more. */
export function fxOf(r: RoundReport, mySeat: number | null): Fx[] {
  const fx: Fx[] = [];
  for (const e of r.entries) {
    if (e.seat !== null && e.seat !== mySeat) continue;
    const mine = e.seat !== null;
    switch (e.concept) {
      case "leak":
        if (e.seat === null) fx.push({ kind: "leak" });
        else if (e.key === "leakFresh" || e.key === "leakHeld") fx.push({ kind: "leak", seat: e.seat });
        break;
      case "breakthrough":
        if (mine) fx.push({ kind: "breakthrough", seat: e.seat!, amount: breakthroughGain(e) });
        break;
      case "paradigmShift":
        fx.push({ kind: "paradigm", seat: mine ? e.seat! : undefined });
        break;
      case "rogueCompounding":
        fx.push({ kind: "compounding" });
        break;
      case "incident":
        fx.push({ kind: "incident" });
        break;
      case "theoryMilestone":
        fx.push({ kind: "milestone" });
        break;
      case "catastrophe":
        fx.push({ kind: "catastrophe" });
        break;
    }
  }
  // A private leak note and its public echo are one leak seen twice.
  const privLeaks = fx.filter((f) => f.kind === "leak" && f.seat !== undefined).length;
  let drop = privLeaks;
  return (
    fx
      .filter((f) => !(f.kind === "leak" && f.seat === undefined && drop-- > 0))
      // A paradigm shift told privately is also announced publicly: keep the private one.
      .filter(
        (f, i, all) =>
          !(
            f.kind === "paradigm" &&
            f.seat === undefined &&
            all.some((g) => g.kind === "paradigm" && g.seat !== undefined)
          ) || i < 0,
      )
  );
}
