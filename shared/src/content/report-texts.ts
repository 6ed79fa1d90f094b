// The sentences of a round report. The engine records what happened as data (a key, the numbers and names it
// needs, a concept); these templates turn an entry into English where it is shown (the client, the terminal
// client, tests). A translation would be another table with the same keys.
import { DOCTRINE_DEFS } from "./doctrines.js";
import { EVENT_BY_ID } from "./events.js";
import { POLICY_DEFS } from "./policies.js";
import type { Doctrine, PolicyId } from "../rules/types.js";

const s = (n: number): string => (n === 1 ? "" : "s");
const policy = (p: PolicyId): string => POLICY_DEFS[p]?.name ?? String(p);

/** One template per key; its parameter is the entry's `args`. */
export const REPORT_TEXTS = {
  // Alignment and validation
  validationFlaws: (a: { n: number; aligned: number }) =>
    `Validation finds ${a.n} hidden flaw${s(a.n)}; fixing them costs aligned ${a.n} (now ${a.aligned}). Validate again to pass.`,
  frontierTestIncident: (a: { name: string }) =>
    `A test at the frontier goes wrong at ${a.name}: a flawed system misbehaves in the lab. Political will +1.`,
  validationPass: (a: { name: string; aligned: number }) =>
    `${a.name} passes a validation: aligned level ${a.aligned} is now public. A pass is evidence, not proof.`,
  validationCertain: () => "Your tests found no flaw, and they would have caught every one: there is none.",
  validationClean: (a: { power: number }) =>
    `Your tests found no flaw, but each flaw had only a ${a.power}% chance to show: one may still hide.`,
  minimalRiskFound: (a: { n: number }) =>
    `A minimal-risk test exposes ${a.n} hidden flaw${s(a.n)} safely; fixing them costs aligned ${a.n}.`,
  minimalRiskNothing: (a: { power: number }) => `A minimal-risk test finds nothing (power ${a.power}% per flaw).`,
  productIncident: (a: { name: string; will: number }) =>
    `Incident: a product of ${a.name} does something nobody intended. The flaw is now public and patched; political will +${a.will}.`,
  // Augmentation
  augmentationComplete: () => "Augmentation was already complete: your work changed nothing.",
  augmentationIllegal: () => "Augmentation beyond stage 2 is not legal: your trial could not go ahead.",
  augmentationAdvance: (a: { name: string; aug: number; max: number }) =>
    `${a.name} advances human augmentation to ${a.aug}/${a.max}.`,
  augmentationDirect: () => "Direct route: fast, and nobody can tell what it does to the subjects' values.",
  augmentationEpigenetic: () => "Epigenetic route: slow and safe.",
  // Catastrophe and defense
  catastropheRogue: () => "Catastrophe: an irresponsible actor's unaligned system escapes control.",
  catastropheLab: (a: { name: string }) =>
    `Catastrophe at ${a.name}: a system beyond its alignment slips out of control.`,
  defenseBegin: (a: { name: string; progress: number; max: number }) =>
    `${a.name} begins building an AI defense system (${a.progress}/${a.max}).`,
  defenseDeceptive: (a: { name: string }) =>
    `${a.name} switches on its AI defense system. It had learned to look aligned.`,
  defenseDeployed: (a: { name: string }) =>
    `${a.name} deploys an aligned AI defense system: rogue programmes are contained.`,
  defenseComplete: () => "Your defense system is complete.",
  // Endings
  endDrifted: () => "Augmented humans take over the problem, but their values have drifted.",
  endHandoff: () => "Augmented successors take over the problem, and their values held.",
  endPause: () => "Time is up: the monitoring regime holds. A long, safe pause.",
  endPrecarious: () => "Time is up: nothing is settled. The world lives on, precariously.",
  // Governance
  lobbyAgainst: (a: { policy: PolicyId }) => `Your lobbying works against ${policy(a.policy)} this round.`,
  lobbyCools: (a: { d: number }) => `Industry lobbying cools public concern: political will −${a.d}.`,
  repeal: (a: { name: string; policy: PolicyId }) => `${a.name} repeals ${policy(a.policy)}.`,
  enactRedundant: (a: { policy: PolicyId }) =>
    `${policy(a.policy)} was already in force: your enactment changed nothing.`,
  treatyProposed: (a: { name: string }) =>
    `${a.name} proposes an international treaty, but without enough political will it needs both regulators' signatures this round.`,
  treatyFailed: () => "The treaty failed for want of a second signature: your influence is refunded.",
  enactBlocked: (a: { name: string; policy: PolicyId }) =>
    `${policy(a.policy)} was proposed by ${a.name} but lobbying blocked it.`,
  enact: (a: { name: string; policy: PolicyId }) =>
    `${a.name} enacts ${policy(a.policy)}: ${POLICY_DEFS[a.policy]?.effect ?? ""}`,
  campaign: (a: { name: string; d: number }) => `${a.name} campaigns for caution: political will +${a.d}.`,
  grantReceived: (a: { name: string; amount: number }) => `${a.name} grants you ${a.amount} fund${s(a.amount)}.`,
  grantMade: (a: { name: string; to: string }) => `${a.name} funds research by ${a.to}.`,
  advised: (a: { name: string }) => `${a.name} advises you: +1 influence.`,
  grantApplication: (a: { amount: number }) => `Your grant application succeeds: +${a.amount} fund${s(a.amount)}.`,
  paymentIn: (a: { name: string; amount: number }) => `${a.name} pays you ${a.amount} fund${s(a.amount)}.`,
  paymentOut: (a: { name: string; amount: number }) => `You pay ${a.name} ${a.amount} fund${s(a.amount)}.`,
  audit: (a: { name: string; target: string; cap: number; sec: number }) =>
    `${a.name} audits ${a.target}: true capability ${a.cap}, security ${a.sec}.`,
  auditMoratorium: (a: { target: string; fine: number; loss: number }) =>
    `The audit catches ${a.target} defying the moratorium: fined ${a.fine} and −${a.loss} prestige.`,
  auditFlaws: (a: { n: number; target: string }) =>
    `Interpretability tools let your auditors count ${a.n} hidden flaw${s(a.n)} in ${a.target}'s systems.`,
  regimeAlreadyComplete: () => "The monitoring regime was already complete: your work changed nothing.",
  regimeOnceARound: () =>
    "The regime already grew a step this round (inspectors, treaties and data centres take time): your work changed nothing.",
  regimeStalled: (a: { need: number }) => `The regime needs political will ${a.need} to grow: your work stalled.`,
  regimeExtend: (a: { name: string; regime: number; max: number }) =>
    `${a.name} extends the global monitoring regime to ${a.regime}/${a.max}.`,
  regimeLapse: (a: { regime: number; max: number; need: number; unenforced: boolean }) =>
    `The monitoring regime lapses to ${a.regime}/${a.max}: ${a.unenforced ? `nobody enforced it this round (it needs enforcing every round, and political will ${a.need})` : `political will fell below ${a.need}`}.`,
  regimeComplete: () =>
    "The monitoring regime is complete: rogue programmes are shut down and frontier capability research stops everywhere, for as long as it is enforced.",
  regimeBroken: () => "Without a complete regime, rogue programmes and frontier research resume.",
  // Leaks
  leakRumour: () => "Intelligence suggests a lab's capability has leaked to outsiders.",
  leakFresh: (a: { amount: number }) =>
    `Your capability work leaked (${a.amount} point${s(a.amount)}): people left, files walked. It is in the pool rogue actors draw on.`,
  leakHeld: (a: { amount: number }) =>
    `Unaligned capability you still hold leaked (${a.amount} point${s(a.amount)}): while it stays unaligned it stays exposed.`,
  leakCatchUp: (a: { cap: number }) => `Leaked know-how from a rival reaches your team: capability +1 (now ${a.cap}).`,
  theoryApplications: () =>
    "Engineers turn published fast theory into capability tricks: a little reaches the leak pool.",
  // Research
  paradigmShift: () =>
    "A paradigm shift: a new design leaps ahead somewhere, and old alignment techniques stop applying to it.",
  paradigmMine: (a: { cap: number; loss: number; aligned: number }) =>
    `Your team finds a new paradigm: capability +3 (now ${a.cap}). Your alignment work only partly carries over: aligned −${a.loss} (now ${a.aligned}).`,
  breakthrough: (a: { gain: number; cap: number; aligned: number }) =>
    `Capability research: +${a.gain} (now ${a.cap}).${a.cap > a.aligned ? ` Your aligned level (${a.aligned}) trails it.` : ""}`,
  publishCapability: (a: { name: string; cap: number }) =>
    `${a.name} publishes a capability result (now at ${a.cap}): prestige, but the whole advance is out for anyone to build on.`,
  buildOnPublished: (a: { name: string; cap: number }) =>
    `You build on ${a.name}'s published result: capability +1 (now ${a.cap}).`,
  alignmentWork: (a: { before: number; aligned: number; cap: number }) =>
    `Alignment research: aligned level ${a.before} → ${a.aligned} (capability ${a.cap}).`,
  publishAlignment: (a: { name: string }) => `${a.name} publishes alignment research; labs behind it catch up.`,
  adoptAlignment: (a: { name: string }) => `You adopt ${a.name}'s published alignment technique: aligned +1.`,
  theoryWork: (a: { mode: string; gain: number; held: number }) =>
    `Theory work (${a.mode}): +${a.gain} unpublished theory (you hold ${a.held}).${a.mode === "fast" ? " Fast results have capability uses once published." : ""}`,
  interpretabilityMax: () => "Interpretability was already at its maximum: your work changed nothing.",
  interpretabilityNeeds: (a: { next: number; theory: number }) =>
    `Interpretability ${a.next} needs published theory ${a.theory} first: your work could not build on it yet.`,
  interpretabilityAdvance: (a: { name: string; interp: number }) =>
    `${a.name} advances interpretability to ${a.interp}: validations see deeper.`,
  consulting: (a: { name: string }) => `${a.name} consults for you this round: your validations use their theory.`,
  publishTheory: (a: { name: string; points: number; theory: number; fast: boolean }) =>
    `${a.name} publishes ${a.points} point${s(a.points)} of theory: world theory ${a.theory}.${a.fast ? " Some of it has capability uses that others will find in time." : ""}`,
  theoryMilestone: (a: { k: number }) =>
    `Theory milestone ${a.k} reached: ${a.k === 1 ? "alignment research goes further" : a.k === 2 ? "theory now generalizes across paradigms" : "validation becomes certain"}.`,
  security: (a: { sec: number }) => `Security raised to ${a.sec}.`,
  deploy: (a: { name: string; prod: number; cap: number }) =>
    `${a.name} ships a product (${a.prod} on the market); its capability ${a.cap} is now plain to see. The economy leans on it a little more.`,
  marketSaturated: (a: { paying: number }) =>
    `Your market is saturated: products past ${a.paying} bring no more revenue, only market share and lock-in.`,
  // The round
  ordersRefused: (a: { reason: string }) => `Your orders were refused: ${a.reason}`,
  doctrineSwitch: (a: { name: string; doctrine: Doctrine }) =>
    `${a.name} switches metastrategy to ${DOCTRINE_DEFS[a.doctrine]?.name ?? String(a.doctrine)} (a U-turn: prestige −5 at the end).`,
  opinion: (a: { up: boolean }) =>
    `Public opinion ${a.up ? "calls for caution" : "shrugs"}: political will ${a.up ? "+1" : "−1"}.`,
  enforcementRaids: (a: { seized: boolean }) =>
    `Enforcement raids slow irresponsible actors${a.seized ? " and seize leaked material" : ""}.`,
  rogueCompounding: () =>
    "Irresponsible actors build on leaked know-how and speed up: they will grow faster next round too.",
  theoryFund: (a: { theory: number }) => `The theory fund pays off: world theory ${a.theory}.`,
  securityFine: (a: { fine: number }) => `The security standard fines you ${a.fine} (security below 2).`,
} as const;

export type ReportKey = keyof typeof REPORT_TEXTS;
/** The `args` a key's sentence needs (undefined for sentences with no numbers or names). */
export type ReportArgs<K extends ReportKey> = Parameters<(typeof REPORT_TEXTS)[K]>[0];

/** What a report entry carries, as far as the sentence is concerned (rules-1 records carry `text` instead). */
export interface EntryLike {
  key?: string;
  args?: unknown;
  text?: string;
}

/** The sentence of a report entry: its own text (rules-1 records), else its template filled with its args. */
export function entryText(e: EntryLike): string {
  if (typeof e.text === "string") return e.text;
  const f =
    e.key !== undefined && Object.hasOwn(REPORT_TEXTS, e.key)
      ? (REPORT_TEXTS[e.key as ReportKey] as (a: unknown) => string)
      : null;
  if (!f) return "";
  try {
    return f(e.args ?? {});
  } catch {
    return "";
  }
}

/** What a news item carries (rules-1 records carry the card's headline and text; rules 2 only the card id). */
export interface NewsLike {
  card: string;
  headline?: string;
  text?: string;
}

/** A news item's headline and text, from the event card it names. */
export function newsCard(n: NewsLike): { headline: string; text: string } {
  const card = EVENT_BY_ID.get(n.card);
  return { headline: n.headline ?? card?.title ?? n.card, text: n.text ?? card?.text ?? "" };
}
