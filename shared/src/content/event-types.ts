// The event-card language: cards are data; rules/events.ts interprets these effects.

/** Which lab an effect picks (ties broken by lowest seat id). */
export type LabPick = "leastSecure" | "leader" | "laggard" | "random" | "mostDeployed" | "all";

export type EventEffect =
  /** Political will moves (clamped 0..10). */
  | { op: "will"; delta: number }
  /** Capability knowledge leaks from a lab into the pool (certain leak). */
  | { op: "leak"; lab: LabPick; amount: number }
  /** The leak pool grows directly (open weights, stolen code). */
  | { op: "pool"; delta: number }
  /** Rogue capability moves directly. */
  | { op: "rogue"; delta: number }
  /** Rogue momentum (extra drift next rounds) moves. */
  | { op: "rogueMomentum"; delta: number }
  /** Published world theory moves (0..9). */
  | { op: "theory"; delta: number }
  /** Interpretability moves (0..5). */
  | { op: "interp"; delta: number }
  /** Augmentation moves (0..6); drift is hidden. */
  | { op: "aug"; delta: number }
  | { op: "drift"; delta: number }
  /** Funds for every seat of a role (or all seats). */
  | { op: "funds"; role?: "lab" | "regulator" | "researcher"; delta: number }
  /** Influence for every regulator. */
  | { op: "influence"; delta: number }
  /** Capability of the picked lab(s) moves (a hidden flaw may come with it: chance). */
  | { op: "cap"; lab: LabPick; delta: number; flawChance?: number }
  /** A hidden flaw is added to the picked lab(s) with this chance each. */
  | { op: "flaw"; lab: LabPick; chance: number }
  /** Security of the picked lab(s) moves (0..5). */
  | { op: "sec"; lab: LabPick; delta: number }
  /** This round only: capability research costs this much more. */
  | { op: "capabilityCost"; delta: number }
  /** This round only: paradigm-shift chance multiplied by (1 + boost). */
  | { op: "paradigmBoost"; boost: number }
  /** This round only: leak chance +bonus (probability). */
  | { op: "leakBonus"; bonus: number }
  /** This round only: incident chance per flawed product +bonus. */
  | { op: "incidentChance"; bonus: number }
  /** Prestige for every seat of a doctrine. */
  | { op: "prestige"; doctrine: "conservative" | "incrementalist" | "butlerian" | "transhumanist"; delta: number };

/** The essay's forces a card can stand for (each card names one). */
export type Force =
  "leaks" | "measurement" | "unpredictability" | "politics" | "economics" | "theory" | "augmentation" | "rogue";

export interface EventCard {
  id: string;
  title: string;
  /** One line of play text: what happens, in plain words. */
  text: string;
  /** One line: which of the essay's forces this shows and why. */
  lesson: string;
  force: Force;
  /** Glossary concept id the report links to. */
  concept: string;
  /** Deck weight tag used by scenario deck mixes. */
  tag: Force;
  effects: EventEffect[];
}
