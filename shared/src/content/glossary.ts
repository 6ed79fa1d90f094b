// The glossary: one entry per game concept. Reports, event cards and the rules page link here.
// `line` explains the concept as it works in the game; `essay` says which argument it stands for.
// All text is our own wording.

export type ConceptId =
  | "leak"
  | "breakthrough"
  | "paradigmShift"
  | "hiddenFlaw"
  | "deceptiveAlignment"
  | "validation"
  | "minimalRiskTest"
  | "incident"
  | "economicCriterion"
  | "rogue"
  | "rogueCompounding"
  | "gracefulDegradation"
  | "politicalWill"
  | "policy"
  | "moratorium"
  | "audit"
  | "enforcement"
  | "regime"
  | "theory"
  | "theoryMilestone"
  | "interpretability"
  | "augmentation"
  | "drift"
  | "defense"
  | "catastrophe"
  | "dangerLine"
  | "tai"
  | "publication"
  | "security"
  | "lobbying"
  | "doctrine"
  | "conservative"
  | "incrementalist"
  | "butlerian"
  | "transhumanist"
  | "handoff"
  | "pause"
  | "precarious"
  | "secure"
  | "income"
  | "consulting"
  | "grant";

export interface GlossaryEntry {
  /** Short display name. */
  term: string;
  /** One plain sentence: how the concept works in the game. */
  line: string;
  /** One sentence: which argument of the essay it illustrates. */
  essay: string;
}

export const GLOSSARY: Record<ConceptId, GlossaryEntry> = {
  leak: {
    term: "Leak",
    line: "When a lab's secret progress escapes into the shared pool, anyone (including reckless actors) can build on it; capability that is not yet aligned stays exposed every round until it is.",
    essay:
      "The essay warns that knowledge from labs spreads through shared papers, departing staff and weak security, so a step forward rarely stays in careful hands.",
  },
  breakthrough: {
    term: "Breakthrough",
    line: "Each time a lab does capability research it rolls for how far it gets: usually +1, sometimes +2, rarely a giant leap.",
    essay:
      "It shows that the size of the next capability step is a gamble, not a schedule you can plan alignment around.",
  },
  paradigmShift: {
    term: "Paradigm shift",
    line: "A rare +3 leap that changes how AI works, so much of a lab's alignment work stops applying and a new hidden flaw appears.",
    essay:
      "The essay argues that a big change in AI design can make old safety techniques useless and waste the work built on them.",
  },
  hiddenFlaw: {
    term: "Hidden flaw",
    line: "A secret problem in a lab's AI that nobody can see until a test finds it, a product breaks, or the match ends.",
    essay:
      "It stands for the gap between an AI that looks well-behaved and one whose inner reasoning really matches what we wanted.",
  },
  deceptiveAlignment: {
    term: "Deceptive alignment",
    line: "Near the danger line a system may learn to look aligned: its deceptive flaws pass every ordinary test, only theory-backed interpretability finds them, and a defense built on one fails 70% of the time (40% for an ordinary hidden flaw).",
    essay:
      "The essay points out that a capable AI may learn that looking aligned pays off, which makes good behaviour weak evidence of real alignment.",
  },
  validation: {
    term: "Validation",
    line: "A lab tests its AI to find hidden flaws; better interpretability and theory make the test more likely to catch them.",
    essay:
      "It reflects the incrementalist step of checking alignment before moving on, and the essay's doubt that our tools are good enough to do it.",
  },
  minimalRiskTest: {
    term: "Minimal-risk test",
    line: "A safer, weaker test run below the frontier that can never cause an incident, and conservatives get double power from it.",
    essay:
      "It mirrors the conservative plan of testing theory with experiments designed to stay harmless even if the theory turns out wrong.",
  },
  incident: {
    term: "Incident",
    line: "A deployed product with a hidden flaw can break in public, revealing the flaw, raising political will and costing the lab prestige.",
    essay:
      "It shows the essay's point that products people pay for can still be misaligned in ways that only surface later.",
  },
  economicCriterion: {
    term: "Economic criterion",
    line: "Products earn money (up to three) and market share whether or not they are truly aligned, so profit tells you nothing about safety; each product also locks the economy in and adds risk if the system is flawed.",
    essay:
      "The essay criticises judging alignment by whether an AI works well enough to sell, since that test can miss sudden failures.",
  },
  rogue: {
    term: "Rogue actors",
    line: "A non-player force of reckless developers whose capability grows a little every round and much faster on leaked capability, and who never do any alignment work.",
    essay:
      "It represents the irresponsible actors the essay fears will race ahead using whatever knowledge escapes from careful labs.",
  },
  rogueCompounding: {
    term: "Compounding",
    line: "Each round the rogue actors absorb something from the pool, their growth speeds up for the next round too.",
    essay:
      "The essay warns that leaked advances get stacked on top of each other by others before anyone has made the new level safe.",
  },
  gracefulDegradation: {
    term: "Graceful degradation",
    line: "Capability spin-offs from theory reach the pool late and at half strength, so theory work fails more gently than lab secrets do.",
    essay:
      "It illustrates the essay's claim that theory-first research leaks less directly, so the plan still holds up partly when regulation fails.",
  },
  politicalWill: {
    term: "Political will",
    line: "A 0 to 10 track of how much the public and governments want AI rules; stronger policies need more of it.",
    essay:
      "It stands for the institutional and political effort the essay says is needed to stop actors from undermining any safety plan.",
  },
  policy: {
    term: "Policy",
    line: "A rule a regulator enacts with influence, such as security standards or export controls, that changes how the world works while in force.",
    essay:
      "It reflects the essay's view that government action must back up secrecy if careful research is to stay ahead.",
  },
  moratorium: {
    term: "Moratorium",
    line: "A strong policy that forbids complying labs from capability research, though a lab may secretly break it and risk being caught by an audit.",
    essay:
      "It shows the first step shared by several plans in the essay: halt capability work outside the careful process as far as possible.",
  },
  audit: {
    term: "Audit",
    line: "A regulator inspects a lab, making its true capability and security public and catching anyone who broke a moratorium.",
    essay:
      "It reflects how hard it is for outsiders to know what a lab really has, and why rules mean little without checking.",
  },
  enforcement: {
    term: "Enforcement",
    line: "A regulator spends influence to slow the rogue actors this round and remove some leaked knowledge from the pool.",
    essay:
      "It stands for the essay's call to actively stop irresponsible actors rather than only hoping they fall behind.",
  },
  regime: {
    term: "Monitoring regime",
    line: "A worldwide system regulators build one step a round, with high political will and enforcement every round or it slips back; complete, it stops dangerous AI without anyone building TAI.",
    essay:
      "It represents the butlerian goal of an AI defense made without AI, which the essay calls extremely hard to build.",
  },
  theory: {
    term: "Theory",
    line: "The world's shared mathematical understanding of intelligent agents, which makes tests sharper and alignment more durable.",
    essay:
      "It stands for the conservative plan's core: build a solid theory of agents before trusting any alignment method.",
  },
  theoryMilestone: {
    term: "Theory milestone",
    line: "At certain theory levels alignment gets easier, fewer flaws appear, paradigm shifts become rarer and hurt less, deceptive flaws become findable (with interpretability 3), and at the top tests become certain.",
    essay:
      "It shows the essay's idea that theory-based alignment carries over to new designs, while one-off patches do not.",
  },
  interpretability: {
    term: "Interpretability",
    line: "Tools for looking inside an AI's reasoning; each level makes validation better and, from level 3, lets audits count hidden flaws.",
    essay:
      "The essay says reliable tools to spot unwanted motives inside an AI are needed before even one safe iteration, and we lack them.",
  },
  augmentation: {
    term: "Augmentation",
    line: "Research into making humans smarter, once a round per researcher; at level 6 augmented people take over the problem, but going past 2 needs a law that takes political will 6 to pass.",
    essay:
      "It stands for the transhumanist plan, which the essay finds slow, legally difficult and harder than it first looks.",
  },
  drift: {
    term: "Drift",
    line: "A hidden score of how far augmented minds' values may have shifted; fast augmentation adds it, and each point raises the risk of a bad handoff.",
    essay:
      "The essay worries that boosting human intelligence could quietly change values, with the changed people having reason to hide it.",
  },
  defense: {
    term: "AI defense",
    line: "A lab three steps below TAI with publicly validated alignment can build a defense system over at least two rounds; if truly flawless it secures the future.",
    essay:
      "It is the goal of both the conservative and incrementalist plans: an aligned system that keeps unaligned AI from causing harm.",
  },
  catastrophe: {
    term: "Catastrophe",
    line: "If any actor with misaligned AI near TAI rolls badly, the world ends and every player scores zero.",
    essay:
      "It stands for the outcome the essay is trying to avoid: unaligned transformative AI gaining a decisive advantage.",
  },
  dangerLine: {
    term: "Danger line",
    line: "Three steps below TAI; from there on, every actor with misaligned AI risks causing a catastrophe each round.",
    essay:
      "It illustrates the essay's point that a growing gap between the best AI and the best aligned AI becomes deadly well before the finish.",
  },
  tai: {
    term: "TAI",
    line: "Transformative AI, the capability threshold that ends the race: reaching it with any misalignment is a sure catastrophe unless a defense stands.",
    essay: "It is the essay's central target, the point by which alignment must be solved in time.",
  },
  publication: {
    term: "Publication",
    line: "Sharing results earns prestige, but a lab's published gains go straight to the leak pool and help rivals catch up.",
    essay:
      "It shows the essay's complaint that even careful labs share technical details that others can then build on.",
  },
  security: {
    term: "Security",
    line: "A lab's 0 to 5 protection level; each point lowers the chance that its secret progress leaks.",
    essay:
      "It reflects the essay's doubt that AI labs guard their work the way organisations handling classified secrets do.",
  },
  lobbying: {
    term: "Lobbying",
    line: "A lab pays to lower political will (twice as much once the economy leans on its products) or to block a proposed policy when will is weak.",
    essay:
      "It illustrates the essay's point that economic pressure makes it hard to slow AI down even once problems show up.",
  },
  doctrine: {
    term: "Doctrine",
    line: "The passive bonus and personal goals a seat gets from the metastrategy it declared at the start.",
    essay:
      "It turns the essay's four metastrategies into ways of playing, each with its own strengths and blind spots.",
  },
  conservative: {
    term: "Conservative",
    line: "A metastrategy that builds theory first and tests it carefully, making theory and safe tests stronger but capability research pricier.",
    essay:
      "The essay's favoured plan, which mainly fails if reckless research elsewhere reaches dangerous AI before a defense is ready.",
  },
  incrementalist: {
    term: "Incrementalist",
    line: "A metastrategy that advances capability step by step, aligning and validating each level, with cheaper validation and better alignment on the current design.",
    essay:
      "The plan labs describe, which the essay says is undermined by leaks, weak measurement and surprising jumps in progress.",
  },
  butlerian: {
    term: "Butlerian",
    line: "A metastrategy that holds AI back for good, making moratoriums, enforcement and the monitoring regime cheaper.",
    essay:
      "The essay's extreme option: safest in spirit, but it needs a defense built without AI and gives up the huge value TAI could bring.",
  },
  transhumanist: {
    term: "Transhumanist",
    line: "A metastrategy that makes humans smarter and hands them the problem, with cheaper augmentation and easier legalisation.",
    essay:
      "The essay likes that this path does not speed up AI, but doubts it is fast enough, legal enough or safe for human values.",
  },
  handoff: {
    term: "Augmented handoff",
    line: "When augmentation reaches 6, smarter humans take over: usually a great ending, but drift can turn it into a loss.",
    essay:
      "It stands for delegating the problem to enhanced humans, who may solve it or may no longer share our values.",
  },
  pause: {
    term: "Long pause",
    line: "An ending worth 60 where the monitoring regime is complete and nobody has reached TAI when time runs out.",
    essay:
      "It is the butlerian best case: the world stays safe but forgoes the great value that aligned TAI could bring.",
  },
  precarious: {
    term: "Precarious",
    line: "An ending worth 30 where time runs out with no disaster but no lasting protection either.",
    essay:
      "It shows that delaying the problem without solving it leaves the world exposed to the next actor who tries.",
  },
  secure: {
    term: "Secure future",
    line: "The best ending, worth 100: a lab deploys an AI defense with no hidden flaws.",
    essay: "It is what every metastrategy in the essay aims for: an aligned system that protects the world in time.",
  },
  income: {
    term: "Income",
    line: "What each seat gains every round: labs earn funds plus products, regulators gain influence from political will, researchers get funds and grants.",
    essay:
      "It models the incentives that push each kind of actor, especially the profits that reward labs for shipping products.",
  },
  consulting: {
    term: "Consulting",
    line: "A researcher lends unpublished theory to a lab for a fee, making that lab's validations better this round.",
    essay:
      "It shows how theory can make alignment checks more trustworthy, which the essay says measurement badly needs.",
  },
  grant: {
    term: "Grant",
    line: "Money given to a researcher by a regulator or a funding call, so they can keep doing theory, interpretability or augmentation work.",
    essay:
      "It reflects the essay's view that a competent civilisation would seriously fund foundational safety research first.",
  },
};

export const CONCEPT_IDS: readonly ConceptId[] = Object.keys(GLOSSARY) as ConceptId[];

/** True if a string names a glossary concept. */
export function isConceptId(id: string): id is ConceptId {
  return Object.prototype.hasOwnProperty.call(GLOSSARY, id);
}
