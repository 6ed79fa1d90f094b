import type { Doctrine, EndInfo, HistoryRow, NewsItem, PolicyId, Role, RoundMods } from "./types.js";

/** What everyone may see of a seat. */
export interface PublicSeat {
  id: number;
  role: Role;
  doctrine: Doctrine;
  name: string;
  prestige: number;
  lab: {
    declaredCap: number;
    alignedPublic: number | null;
    prod: number;
    defense: number;
    incidents: number;
    validatedLevel: number;
    /** Security, known after an audit (else null). */
    auditedSec: number | null;
  } | null;
}

/** What everyone may see of the world. */
export interface PublicWorld {
  theory: number;
  milestones: number;
  interp: number;
  aug: number;
  rogueEstimate: number;
  rogueExact: boolean;
  neutralized: boolean;
  /** A hint about the leak pool: none, some, much. */
  intel: "none" | "some" | "much";
  will: number;
  policies: PolicyId[];
  regime: number;
  /** Economic lock-in (products on the market): raises the will some policies and the regime need. */
  lockIn: number;
  /** Will needed to legalise augmentation (scenario). */
  legalWill: number;
  /** Will the monitoring regime needs before lock-in (scenario; 2.4). */
  regimeWill: number;
}

export interface PublicView {
  scenario: string;
  round: number;
  rounds: number;
  taiThreshold: number;
  dangerLine: number;
  phase: "orders" | "ended";
  seats: PublicSeat[];
  world: PublicWorld;
  news: NewsItem[];
  /** This round's public modifiers from the news. */
  mods: RoundMods;
  /** Public history for charts: only public figures until the end, everything after. */
  history: PublicHistoryRow[];
  end: EndInfo | null;
  scores: number[] | null;
  /** Everything hidden, revealed only once the match has ended. */
  reveal: Reveal | null;
}

export interface PublicHistoryRow {
  round: number;
  labs: { seat: number; declaredCap: number }[];
  rogueEstimate: number;
  will: number;
  theory: number;
  interp: number;
  aug: number;
  regime: number;
  policies: PolicyId[];
  events: string[];
  incidents: number;
}

export interface Reveal {
  labs: { seat: number; cap: number; aligned: number; flaws: number; deceptive: number; sec: number }[];
  researchers: { seat: number; theoryPrivate: number }[];
  rogue: number;
  pool: number;
  drift: number;
  history: HistoryRow[];
  /** Every seat's prestige by source (objectives, role points…), for the score breakdown. */
  prestigeBy: Record<string, number>[];
}

/** What one seat may see: the public view plus its own secrets. */
export interface SeatView extends PublicView {
  seat: number;
  me: {
    id: number;
    role: Role;
    doctrine: Doctrine;
    switched: boolean;
    funds: number;
    influence: number;
    prestige: number;
    /** Where the prestige came from so far (objectives, publication, incidents…), each source's net change. */
    prestigeBy: Record<string, number>;
    lab: { cap: number; aligned: number; sec: number; prod: number; defense: number } | null;
    researcher: { theoryPrivate: number; fastPrivate: number } | null;
    knownFlaws: Record<number, number>;
  };
}
