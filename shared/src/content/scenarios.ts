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
  // (2.7) Past the legal limit the safe route goes at 0.85 pace (the engine's default, 0.75, until 2.6): once the
  // incrementalist researcher bot turned to interpretability near the danger line, fewer matches finished augmenting and
  // drifted endings fell to 2.0-2.8% of the baseline's matches on seeds 1-3 (target >= 3%); with 0.85, 3.7-4.2%.
  augBeyond: 0.85,
  deckMix: EVEN_MIX,
};

export const SCENARIOS: Record<string, ScenarioDef> = {
  baseline: {
    id: "baseline",
    name: "Baseline",
    blurb: "Today's world, roughly: three labs racing, one regulator, two researchers, ten rounds.",
    // (2.6) Paradigm shifts half as likely again and deceptive flaws a quarter more likely than the engine's defaults:
    // with 1 and 0.6 catastrophe met the 25% floor on seed 1 only (25.1%; seeds 2 and 3: 23.3, 22.6%). Now 29.4 / 27.7
    // / 27.1% on seeds 1-3 (seeds 4-8: 26.9-29.3%).
    params: { ...BASE, volatility: 1.5, deception: 0.75 },
    table: DEFAULT_TABLE,
  },
  leaky: {
    id: "leaky",
    name: "Leaky world",
    blurb: "Secrets do not keep: weak security, NDAs that bind nobody and a busy black market.",
    params: {
      ...BASE,
      // (2.6) As unpredictable as the baseline world it is built on (was 1: catastrophe 26.5 / 25.6 / 27.3% on seeds
      // 1-3, now 28.4 / 27.6 / 29.0%).
      volatility: 1.5,
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
    blurb: "Progress jumps: two news cards a round and more paradigm shifts than in any other world.",
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
      // (2.6) A smooth climb gives no warning shocks: its danger is what nobody can see (deception 0.9, was 0.6) and a
      // slow climb's secrets spreading (leaks 0.65, was 0.55; still under the leaky world's 0.6 once security 2 counts).
      // Catastrophe was 25.1 / 20.3 / 24.3% on seeds 1-3, now 31.8 / 26.5 / 30.8%.
      deception: 0.9,
      leakBase: 0.65,
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
      // (2.6) Every force shows up early, and the lesson's endings hold on any seed (2.5 met the targets on seed 1 only:
      // seeds 2-8 gave catastrophe 21.2-26.2%, handoff 1.8-3.1%, incrementalist seats 12.2-18.2% and transhumanist
      // ones up to 37.1% of won matches). Theory starts one step short of its first milestone (startTheory 2, was 0:
      // the incrementalist's validations bite sooner); legalising augmentation is a campaign (will 9, was 8) that goes
      // faster once won (augBeyond 1.75, was 1.25: the handoff); leaks are the lesson's fuel (0.55, was 0.45).
      // Seeds 1-3: catastrophe 28.8 / 26.9 / 29.5%, handoff 5.2 / 5.6 / 4.8%.
      startTheory: 2,
      leakBase: 0.55,
      legalWill: 9,
      augBeyond: 1.75,
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
