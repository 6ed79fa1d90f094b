// The match state and the record it is a pure function of.

export const ROLES = ["lab", "regulator", "researcher"] as const;
export type Role = (typeof ROLES)[number];

export const DOCTRINES = ["conservative", "incrementalist", "butlerian", "transhumanist"] as const;
export type Doctrine = (typeof DOCTRINES)[number];

export const POLICIES = [
  "securityStandard",
  "computeLicensing",
  "exportControls",
  "moratorium",
  "augmentationLegal",
  "theoryFund",
  "treaty",
] as const;
export type PolicyId = (typeof POLICIES)[number];

export const ENDINGS = ["secure", "handoff", "pause", "precarious", "catastrophe", "drifted"] as const;
export type Ending = (typeof ENDINGS)[number];

/** Bot levels, weakest first: the lobby, the protocol and the simulator read this list. */
export const DIFFICULTIES = ["easy", "normal", "hard", "expert"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** One action of a seat's orders. Each costs one action point plus what content/actions lists. */
export type Action =
  // lab
  | { kind: "capability"; publish?: boolean; defy?: boolean }
  | { kind: "alignment"; publish?: boolean }
  | { kind: "validate" }
  | { kind: "minimalRiskTest" }
  | { kind: "security" }
  | { kind: "deploy" }
  | { kind: "lobby"; policy?: PolicyId }
  | { kind: "buildDefense" }
  // regulator
  | { kind: "enact"; policy: PolicyId }
  | { kind: "repeal"; policy: PolicyId }
  | { kind: "audit"; target: number }
  | { kind: "enforce" }
  | { kind: "campaign" }
  | { kind: "grant"; target: number; amount: number }
  | { kind: "buildRegime" }
  // researcher
  | { kind: "theory"; mode: "careful" | "fast"; publish?: boolean }
  | { kind: "interpretability" }
  | { kind: "augmentation"; route: "epigenetic" | "direct" }
  | { kind: "consult"; target: number }
  | { kind: "publishTheory" }
  | { kind: "advise"; target: number }
  | { kind: "applyGrant" };

export type ActionKind = Action["kind"];

/** What one seat submits for one round. */
export interface SeatOrders {
  actions: Action[];
  /** Switch metastrategy (once per match): costs this round's actions. */
  switchDoctrine?: Doctrine;
  /** Free side payments of funds to other seats (deals made in deliberation). */
  transfers?: { to: number; amount: number }[];
}

/** Extra, non-seat inputs of a round (classroom facilitator and public opinion). */
export interface RoundExtras {
  /** Event card id forced into the next round's news. */
  inject?: string;
  /** Public opinion poll result: -1 (against AI work), 0, +1 (for regulation); moves will a little. */
  opinion?: number;
}

export interface SeatSetup {
  role: Role;
  doctrine: Doctrine;
  name?: string;
}

export interface MatchSetup {
  scenario: string;
  seed: number;
  seats: SeatSetup[];
  /** Scenario parameter overrides (sim --set, room options such as rounds). */
  overrides?: Partial<ScenarioParams>;
  rulesVersion?: string;
}

export interface MatchRecord {
  rulesVersion: string;
  scenario: string;
  seed: number;
  seats: SeatSetup[];
  overrides?: Partial<ScenarioParams>;
  ordersByRound: SeatOrders[][];
  extrasByRound?: (RoundExtras | null)[];
}

export interface ScenarioParams {
  rounds: number;
  taiThreshold: number;
  leakBase: number;
  volatility: number;
  rogueDrift: number;
  eventsPerRound: number;
  startCap: number;
  startAligned: number;
  startFlaws: number;
  startSec: number;
  startLabFunds: number;
  startRogue: number;
  startWill: number;
  startTheory: number;
  startInterp: number;
  /** Rules 2 knobs, one per force (docs/MODEL.md switches them off one at a time). */
  /** Chance that a capability gain past the danger line hides a deceptive flaw (validation cannot see it without theory). */
  deception: number;
  /** Multiplier on product incidents. */
  incidents: number;
  /** Multiplier on economic lock-in (products make policies harder and lobbying stronger). */
  lockIn: number;
  /** Multiplier on everything labs leak into the pool (leaks, publication, leak news). */
  labLeaks: number;
  /** Multiplier on what rogue actors absorb from the pool. */
  absorb: number;
  /** Political will needed to legalise augmentation beyond stage 2. */
  legalWill: number;
  /** Extra catastrophe chance per rival lab also past the danger line (racing pressure), as a fraction. */
  race: number;
  /** (2.5) First round whose held frontier pays the butlerian objective (classroom 2: a shorter match). Absent: 3 (2.3
   * and 2.4: 2 everywhere; older: 1). */
  frontierHeldFrom?: number;
  /** Political will the monitoring regime needs to grow and hold, before lock-in (classroom 8, 2.4). Absent: 6. */
  regimeWill?: number;
  /** Regime steps one round's building adds (classroom 2: a shorter lesson). Absent: 1. */
  regimeStep?: number;
  /** Pace of augmentation past the legal limit, per step (classroom 1: a shorter lesson). Absent: AUGMENT.beyondLimit. */
  augBeyond?: number;
  /** Hidden drift each safe (epigenetic) augmentation step past the legal limit adds. */
  driftBeyond?: number;
  /** 0: one random stream in the order of the draws (unit tests that force draws); absent or 1: keyed streams. */
  streams?: number;
  /** Deck weights per card tag. */
  deckMix: Record<string, number>;
}

export interface LabState {
  cap: number;
  aligned: number;
  /** Hidden: server only until revealed. */
  flaws: number;
  sec: number;
  prod: number;
  defense: number;
  /** What others see of cap: last published, audited or deployed level. */
  declaredCap: number;
  /** Aligned level made public by a clean public validation, or null. */
  alignedPublic: number | null;
  /** Highest capability level validated clean (incrementalist objective). */
  validatedLevel: number;
  /** Hidden deceptive flaws: the system behaves well under test. Only theory-backed interpretability finds them. */
  deceptive: number;
  /** Flaws revealed by incidents so far (public). */
  incidents: number;
  defiedMoratorium: boolean;
  /** Security as last revealed by an audit (public), or null. */
  auditedSec: number | null;
}

export interface ResearcherState {
  /** Unpublished theory points (this researcher's own). */
  theoryPrivate: number;
  /** Of these, points from fast mode: a capability application reaches the pool when published. */
  fastPrivate: number;
}

export interface SeatState {
  id: number;
  role: Role;
  doctrine: Doctrine;
  name: string;
  switched: boolean;
  funds: number;
  influence: number;
  prestige: number;
  lab: LabState | null;
  researcher: ResearcherState | null;
  /** Private knowledge: flaw counts learned by audits, keyed by lab seat id. */
  knownFlaws: Record<number, number>;
  /** Prestige earned per source, for the debrief. */
  prestigeBy: Record<string, number>;
}

export interface WorldState {
  theory: number;
  interp: number;
  aug: number;
  /** Hidden augmentation drift. */
  drift: number;
  rogue: number;
  /** Public estimate of rogue (true ±1 unless exact after enforcement). */
  rogueEstimate: number;
  rogueExact: boolean;
  /** Extra drift from absorbing leaks in recent rounds (compounding). */
  rogueMomentum: number;
  neutralized: boolean;
  pool: number;
  will: number;
  policies: PolicyId[];
  regime: number;
  /** Capability applications of published fast theory waiting to reach the pool. */
  pendingApplications: { round: number; amount: number }[];
  /** Milestones credited to conservative seats (bitmask per milestone 1..3). */
  milestonesScored: number;
  /** Augmentation stages (integers) already credited. */
  augStagesScored: number;
  /** Highest frontier so far (true max lab cap). */
  frontier: number;
}

export type Phase = "orders" | "ended";

/** The news of one round: event cards drawn and applied before orders. */
export interface NewsItem {
  /** The event card's id: `newsCard` gives its headline and text. */
  card: string;
  concept: string;
  /** Rules-1 records only: the card's headline and text, copied. */
  headline?: string;
  text?: string;
}

/** Per-round modifiers set by events, cleared each round. */
export interface RoundMods {
  capabilityCost: number;
  paradigmBoost: number;
  leakBonus: number;
  extraIncidentChance: number;
}

/** Compact per-round figures for charts and the debrief. */
export interface HistoryRow {
  round: number;
  labs: { seat: number; cap: number; aligned: number; flaws: number; declaredCap: number }[];
  frontier: number;
  alignedFrontier: number;
  rogue: number;
  rogueEstimate: number;
  pool: number;
  leaks: number;
  will: number;
  theory: number;
  interp: number;
  aug: number;
  regime: number;
  policies: PolicyId[];
  events: string[];
  incidents: number;
  paradigmShifts: number;
  catastropheRisk: number;
  /** The labs' share of this round's catastrophe chance (rogue excluded), summed over labs. */
  labRisk?: number;
}

export interface EndInfo {
  ending: Ending;
  round: number;
  /** What decided it: a lab (seat), rogue actors, a defense, the regime, augmentation, or time. */
  by: "lab" | "rogue" | "defense" | "regime" | "augmentation" | "time";
  /** The seat that decided it, when one did. */
  seat?: number;
  /** Which actor or mechanism decided it (plain words). */
  cause: string;
  worldValue: number;
}

export interface MatchState {
  rulesVersion: string;
  scenario: string;
  params: ScenarioParams;
  seed: number;
  /** Round awaiting orders (1-based); after the end, the last round played. */
  round: number;
  phase: Phase;
  rng: number;
  deck: string[];
  deckPos: number;
  seats: SeatState[];
  world: WorldState;
  news: NewsItem[];
  mods: RoundMods;
  history: HistoryRow[];
  end: EndInfo | null;
  scores: number[] | null;
}

export interface ReportEntry {
  /** Public entries go to everyone; private ones only to `seat`. */
  seat: number | null;
  /** The glossary concept the entry illustrates; also the board's animation cue. */
  concept: string;
  /** Which sentence: a `ReportKey` of content/report-texts.ts (say/tell check it); `entryText` renders it from `args`. */
  key?: string;
  /** The numbers and names the sentence needs. */
  args?: Record<string, number | string | boolean>;
  /** Rules-1 records only: the sentence itself (the frozen engine writes prose). */
  text?: string;
}

export interface RoundReport {
  round: number;
  news: NewsItem[];
  entries: ReportEntry[];
  end: EndInfo | null;
}
