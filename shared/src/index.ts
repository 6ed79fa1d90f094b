// The public face of the rules module: everything the server, client, bots and simulator use.
export * from "./rules/types.js";
export * from "./rules/view-types.js";
export {
  createMatch,
  resolveRound,
  replay,
  reportFor,
  recordSetup,
  type Resolution,
  type ReplayResult,
} from "./rules/resolve.js";
export { seatView, seatViewWith, publicView, publicRow } from "./rules/view.js";
export {
  legalOrdersFromView,
  checkOrders,
  checkAction,
  blockLimit,
  type LegalOrders,
  type ActionOption,
  type Check,
} from "./rules/legal.js";
export { legalOrders, validateOrders } from "./rules/legal-state.js";
export { theoryWork } from "./rules/research.js";
export { checkSetup, RULES_VERSION, scenarioParams, milestonesOf } from "./rules/state.js";
export { actionCost, policyWill, LOCKED_IN, type Cost } from "./rules/costs.js";
export { regimeWillSeen } from "./rules/governance-rules.js";
export {
  winners,
  ROLE_POINTS,
  MARKET_PRODUCTS,
  SWITCH_PRESTIGE,
  labRolePoints,
  regulatorRolePoints,
} from "./rules/scoring.js";
export { opinionWillEffect } from "./rules/opinion.js";
export { WORLD_VALUE } from "./rules/endings.js";
export { botOrders, type BotOptions } from "./bots/index.js";
export { intentLine } from "./bots/talk.js";
export {
  proposeDeal,
  answerDeal,
  payDeal,
  parseOffer,
  offerLine,
  answerLine,
  MAX_DEAL,
  type DealOffer,
  type DealAnswer,
} from "./bots/deals.js";
export { randomOrders, randomAction } from "./bots/random.js";
export * from "./protocol/index.js";
export { SCENARIOS, SCENARIO_IDS, TUNABLE_PARAMS, type ScenarioDef } from "./content/scenarios.js";
export { DOCTRINE_DEFS } from "./content/doctrines.js";
export { ROLE_DEFS, ACTION_POINTS, MAX, MILESTONES } from "./content/roles.js";
export { ACTION_DEFS, ACTIONS_BY_ROLE } from "./content/actions.js";
export { POLICY_DEFS } from "./content/policies.js";
export { EVENT_CARDS, EVENT_BY_ID } from "./content/events.js";
export { GLOSSARY, CONCEPT_IDS, type ConceptId } from "./content/glossary.js";
export type { EventCard } from "./content/event-types.js";
export { makeRng, hashSeeds } from "./rng.js";
export { keyMoments, keyMomentsOfView, type KeyMoment, type MomentKind, type MomentsInput } from "./debrief/moments.js";
export { REPORT_TEXTS, entryText, newsCard, type ReportKey, type ReportArgs } from "./content/report-texts.js";
