import type { Role, ScenarioParams } from "../rules/types.js";

export interface ScenarioDef {
  id: string;
  name: string;
  blurb: string;
  params: ScenarioParams;
  /** Default table: one role per seat. */
  table: Role[];
}

const DEFAULT_TABLE: Role[] = ["lab", "lab", "lab", "regulator", "researcher", "researcher"];
const EVEN_MIX = {
  leaks: 1,
  measurement: 1,
  unpredictability: 1,
  politics: 1,
  economics: 1,
  theory: 1,
  augmentation: 1,
  rogue: 1,
};

const BASE: ScenarioParams = {
  rounds: 10,
  taiThreshold: 12,
  leakBase: 0.45,
  volatility: 1,
  rogueDrift: 0.3,
  eventsPerRound: 1,
  startCap: 3,
  startAligned: 2,
  startFlaws: 1,
  startSec: 1,
  startLabFunds: 6,
  startRogue: 6.5,
  startWill: 3,
  startTheory: 0,
  startInterp: 0,
  deception: 0.6,
  incidents: 1,
  lockIn: 1,
  labLeaks: 1,
  absorb: 3.5,
  legalWill: 6,
  race: 0.5,
  driftBeyond: 0.15,
  deckMix: EVEN_MIX,
};

export const SCENARIOS: Record<string, ScenarioDef> = {
  baseline: {
    id: "baseline",
    name: "Baseline",
    blurb: "Today's world, roughly: three labs racing, one regulator, two researchers, ten rounds.",
    params: BASE,
    table: DEFAULT_TABLE,
  },
  leaky: {
    id: "leaky",
    name: "Leaky world",
    blurb: "Secrets do not keep: weak security, NDAs that bind nobody and a busy black market.",
    params: {
      ...BASE,
      leakBase: 0.6,
      startSec: 0,
      startRogue: 5.5,
      deckMix: { ...EVEN_MIX, leaks: 3, rogue: 2 },
    },
    table: DEFAULT_TABLE,
  },
  fast: {
    id: "fast",
    name: "Fast takeoff",
    blurb: "Progress jumps: two news cards a round and paradigm shifts twice as likely.",
    params: { ...BASE, volatility: 2, eventsPerRound: 2, deckMix: { ...EVEN_MIX, unpredictability: 3 } },
    table: DEFAULT_TABLE,
  },
  slow: {
    id: "slow",
    name: "Slow and steady",
    blurb:
      "Progress is smooth and predictable, security is decent and the public is worried; but a slow climb gives everyone time to copy it, so irresponsible actors start closer.",
    params: {
      ...BASE,
      volatility: 0.75,
      leakBase: 0.55,
      startSec: 2,
      startWill: 4,
      rogueDrift: 0.1,
      startRogue: 6.5,
      deckMix: { ...EVEN_MIX, theory: 2, politics: 2, unpredictability: 0.5 },
    },
    table: DEFAULT_TABLE,
  },
  classroom: {
    id: "classroom",
    name: "Classroom",
    blurb: "Eight short rounds for a 45-minute lesson; every force shows up early.",
    params: {
      ...BASE,
      rounds: 8,
      frontierHeldFrom: 2,
      taiThreshold: 11,
      regimeStep: 2,
      // 2.4: with two steps a build, a regime at will 6 was the sure thing of an eight-round lesson (a regulator of any
      // doctrine who played for it beat its bot by +9 to +11); at 8 it is a campaign the others can see coming.
      regimeWill: 8,
      startRogue: 5.5,
      rogueDrift: 0.5,
      deception: 0.4,
      legalWill: 8,
      augBeyond: 1.25,
      driftBeyond: 0.3,
      // (2.3) Leaks are the lesson's fuel: with regulators that build the regime first, the classroom's catastrophe
      // rate had fallen under the 25% floor (2.4: 5, once regulators kept their influence for policies).
      absorb: 5,
      deckMix: { ...EVEN_MIX, leaks: 2, measurement: 2, augmentation: 3 },
    },
    table: DEFAULT_TABLE,
  },
};

export const SCENARIO_IDS = Object.keys(SCENARIOS);

/** Parameters that `--set key=value` and room options may override. */
export const TUNABLE_PARAMS = [
  "rounds",
  "taiThreshold",
  "leakBase",
  "volatility",
  "rogueDrift",
  "eventsPerRound",
  "startCap",
  "startAligned",
  "startFlaws",
  "startSec",
  "startLabFunds",
  "startRogue",
  "startWill",
  "startTheory",
  "startInterp",
  "deception",
  "incidents",
  "lockIn",
  "labLeaks",
  "absorb",
  "legalWill",
  "race",
  "regimeStep",
  "augBeyond",
  "driftBeyond",
  "regimeWill",
  "frontierHeldFrom",
] as const;
