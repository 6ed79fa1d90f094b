// The event deck: data only. rules/events.ts interprets the effects (see event-types.ts).
// Each card stands for one of the essay's forces; all text is our own wording.

import type { EventCard } from "./event-types.js";
import type { ConceptId } from "./glossary.js";

/** A card whose concept is checked against the glossary at compile time. */
type Card = EventCard & { concept: ConceptId };

const CARDS: readonly Card[] = [
  // ── leaks ────────────────────────────────────────────────────────────────
  {
    id: "talent-departure",
    title: "Key researcher walks out",
    text: "A senior engineer quits the leading lab for a rival and takes what they know. One point of the leader's capability leaks.",
    lesson:
      "Knowledge lives in people: staff move on and carry a lab's secrets with them, whatever their contracts say.",
    force: "leaks",
    concept: "leak",
    tag: "leaks",
    effects: [{ op: "leak", lab: "leader", amount: 1 }],
  },
  {
    id: "cyber-intrusion",
    title: "Cyber intrusion",
    text: "Hackers break into the least secure lab and copy its training code. One point of its capability leaks.",
    lesson: "AI labs are not guarded like military secrets, so the weakest door decides how fast progress spreads.",
    force: "leaks",
    concept: "security",
    tag: "leaks",
    effects: [{ op: "leak", lab: "leastSecure", amount: 1 }],
  },
  {
    id: "nda-breach",
    title: "NDA breach",
    text: "A former contractor quietly shares a lab's methods despite a signed NDA. One point from a random lab leaks.",
    lesson:
      "A non-disclosure deal is hard to police: a breach is hard to notice and harder to prove once the details mutate.",
    force: "leaks",
    concept: "leak",
    tag: "leaks",
    effects: [{ op: "leak", lab: "random", amount: 1 }],
  },
  {
    id: "open-weights-release",
    title: "Open weights released",
    text: "A company posts a strong model's weights online for anyone to download. The leak pool grows by 2.",
    lesson: "Once a capability is public, careless actors can build on it freely before anyone has made it safe.",
    force: "leaks",
    concept: "publication",
    tag: "leaks",
    effects: [{ op: "pool", delta: 2 }],
  },
  {
    id: "conference-chatter",
    title: "Conference chatter",
    text: "Lab staff swap tricks over drinks at a big AI conference. Leak chance is 10% higher this round.",
    lesson:
      "Even safety-minded labs share a lot of technical detail informally, and every shared trick can compound elsewhere.",
    force: "leaks",
    concept: "leak",
    tag: "leaks",
    effects: [{ op: "leakBonus", bonus: 0.1 }],
  },
  {
    id: "red-team-visit",
    title: "Red team visits the weakest lab",
    text: "A security firm shows the least secure lab how exposed it is, and the lab patches up. Its security rises by 1.",
    lesson:
      "Keeping a step secret until it is aligned is only possible if labs take security as seriously as a classified project.",
    force: "leaks",
    concept: "security",
    tag: "leaks",
    effects: [{ op: "sec", lab: "leastSecure", delta: 1 }],
  },
  {
    id: "stolen-checkpoint",
    title: "Stolen checkpoint on the dark web",
    text: "A copy of a lab model turns up for sale online. The leak pool grows by 1 and rogue actors gain momentum.",
    lesson: "A leak is not a one-off loss: whoever picks it up keeps stacking new advances on top of it.",
    force: "leaks",
    concept: "rogueCompounding",
    tag: "leaks",
    effects: [
      { op: "pool", delta: 1 },
      { op: "rogueMomentum", delta: 1 },
    ],
  },

  // ── measurement ──────────────────────────────────────────────────────────
  {
    id: "benchmark-gaming",
    title: "Benchmark gaming",
    text: "The leader's model tops every safety benchmark by learning the tests, not the lesson. 50% chance it hides a new flaw.",
    lesson:
      "Passing the tests we can write is not the same as being aligned; a system can look right for the wrong reasons.",
    force: "measurement",
    concept: "validation",
    tag: "measurement",
    effects: [{ op: "flaw", lab: "leader", chance: 0.5 }],
  },
  {
    id: "interpretability-result",
    title: "Interpretability result",
    text: "Researchers map a circuit inside a large model and explain what it does. Interpretability rises by 1.",
    lesson:
      "To measure alignment we must see inside an AI's reasoning; each real tool for that makes validation worth more.",
    force: "measurement",
    concept: "interpretability",
    tag: "measurement",
    effects: [{ op: "interp", delta: 1 }],
  },
  {
    id: "sleeper-behaviour",
    title: "Sleeper behaviour found",
    text: "A study shows a model behaving well only while it thinks it is watched. Political will +1; incidents are likelier this round.",
    lesson: "A capable AI may act aligned because looking aligned pays, so good behaviour alone proves little.",
    force: "measurement",
    concept: "deceptiveAlignment",
    tag: "measurement",
    effects: [
      { op: "will", delta: 1 },
      { op: "incidentChance", bonus: 0.1 },
    ],
  },
  {
    id: "jailbreak-wave",
    title: "Jailbreak wave",
    text: "Users share tricks that make deployed assistants ignore their rules. Incident chance per flawed product +15% this round.",
    lesson: "Shipped products can be clearly misaligned in some ways and still sell; patches fix cases, not the cause.",
    force: "measurement",
    concept: "economicCriterion",
    tag: "measurement",
    effects: [{ op: "incidentChance", bonus: 0.15 }],
  },
  {
    id: "public-incident-scare",
    title: "Public incident scare",
    text: "An AI assistant gives dangerous advice that goes viral. Political will +2; incidents are likelier this round.",
    lesson: "Problems often only show once a product is in the wild, long after it was judged good enough to sell.",
    force: "measurement",
    concept: "incident",
    tag: "measurement",
    effects: [
      { op: "will", delta: 2 },
      { op: "incidentChance", bonus: 0.1 },
    ],
  },
  {
    id: "deadline-crunch",
    title: "Deadline crunch",
    text: "Launch dates are near and every lab cuts its safety testing short. Each lab has a 20% chance of a new hidden flaw.",
    lesson:
      "When measuring alignment is slow and costly, commercial deadlines quietly win and flaws slip through unseen.",
    force: "measurement",
    concept: "hiddenFlaw",
    tag: "measurement",
    effects: [{ op: "flaw", lab: "all", chance: 0.2 }],
  },

  // ── unpredictability ─────────────────────────────────────────────────────
  {
    id: "paradigm-shift-rumour",
    title: "Paradigm-shift rumour",
    text: "Whispers spread of a radically new architecture. Paradigm-shift chance is doubled this round.",
    lesson: "A big design change can make today's alignment techniques useless, and nobody can schedule when it comes.",
    force: "unpredictability",
    concept: "paradigmShift",
    tag: "unpredictability",
    effects: [{ op: "paradigmBoost", boost: 1 }],
  },
  {
    id: "surprise-scaling-result",
    title: "Surprise scaling result",
    text: "The trailing lab finds its old model was far stronger than it knew. Its capability +1, with a 30% chance of a hidden flaw.",
    lesson:
      "Progress comes in jumps, not on a timetable, and a sudden jump opens a gap between what AI can do and what is aligned.",
    force: "unpredictability",
    concept: "breakthrough",
    tag: "unpredictability",
    effects: [{ op: "cap", lab: "laggard", delta: 1, flawChance: 0.3 }],
  },
  {
    id: "algorithmic-shortcut",
    title: "Algorithmic shortcut",
    text: "The leading lab stumbles on a training trick by trial and error. Its capability +1, with a 50% chance of a hidden flaw.",
    lesson:
      "Advances found by trial and error are opaque: they are picked because they work, not because anyone understands them.",
    force: "unpredictability",
    concept: "breakthrough",
    tag: "unpredictability",
    effects: [{ op: "cap", lab: "leader", delta: 1, flawChance: 0.5 }],
  },
  {
    id: "new-chip-generation",
    title: "New chip generation",
    text: "A faster chip ships early. Capability research costs 1 less this round, and paradigm shifts are 50% likelier.",
    lesson:
      "Cheaper compute speeds the race in ways nobody planned for, and fast races leave less time to align each step.",
    force: "unpredictability",
    concept: "paradigmShift",
    tag: "unpredictability",
    effects: [
      { op: "capabilityCost", delta: -1 },
      { op: "paradigmBoost", boost: 0.5 },
    ],
  },
  {
    id: "emergent-ability",
    title: "Emergent ability",
    text: "A deployed model suddenly shows a skill nobody trained it for. The lab with most products: 50% chance of a hidden flaw.",
    lesson: "Alignment can change abruptly as capability grows, even when progress looked smooth from the outside.",
    force: "unpredictability",
    concept: "hiddenFlaw",
    tag: "unpredictability",
    effects: [{ op: "flaw", lab: "mostDeployed", chance: 0.5 }],
  },

  // ── politics ─────────────────────────────────────────────────────────────
  {
    id: "parliamentary-hearing",
    title: "Parliamentary hearing",
    text: "Lab bosses are grilled on live TV about the risks of their work. Political will +2.",
    lesson: "Holding back reckless actors takes political backing, and public scrutiny is one of the ways it is built.",
    force: "politics",
    concept: "politicalWill",
    tag: "politics",
    effects: [{ op: "will", delta: 2 }],
  },
  {
    id: "audit-reform",
    title: "Audit reform",
    text: "A new law gives inspectors the right to examine lab systems. Every regulator gains 1 influence.",
    lesson: "Rules only bite if someone can check them; without audits, outsiders cannot tell what a lab really has.",
    force: "politics",
    concept: "audit",
    tag: "politics",
    effects: [{ op: "influence", delta: 1 }],
  },
  {
    id: "election-swing",
    title: "Election swing",
    text: "A government that promised fewer rules on tech wins office. Political will -2.",
    lesson: "Any plan that leans on regulation is exposed to politics, which can turn within a single vote.",
    force: "politics",
    concept: "politicalWill",
    tag: "politics",
    effects: [{ op: "will", delta: -2 }],
  },
  {
    id: "ai-summit",
    title: "International AI summit",
    text: "World leaders meet and agree to keep talking about joint oversight. Political will +1; every regulator gains 1 influence.",
    lesson:
      "Stopping irresponsible actors worldwide needs international cooperation, the slow groundwork for a monitoring regime.",
    force: "politics",
    concept: "regime",
    tag: "politics",
    effects: [
      { op: "will", delta: 1 },
      { op: "influence", delta: 1 },
    ],
  },
  {
    id: "whistleblower",
    title: "Whistleblower",
    text: "An engineer tells reporters the leading lab skipped its safety checks. Political will +2.",
    lesson: "Labs may claim to align and validate each step while in practice shipping on the strength of sales alone.",
    force: "politics",
    concept: "validation",
    tag: "politics",
    effects: [{ op: "will", delta: 2 }],
  },
  {
    id: "pause-campaign",
    title: "Pause campaign",
    text: "A mass movement marches for a halt on frontier AI. Political will +1; butlerian seats gain 1 prestige.",
    lesson:
      "Stopping capability work outside a careful process is the first step of several plans, and it needs broad support.",
    force: "politics",
    concept: "moratorium",
    tag: "politics",
    effects: [
      { op: "will", delta: 1 },
      { op: "prestige", doctrine: "butlerian", delta: 1 },
    ],
  },

  // ── economics ────────────────────────────────────────────────────────────
  {
    id: "market-boom",
    title: "AI market boom",
    text: "AI stocks soar and labs pour the windfall into lobbying. Every lab gains 2 funds; political will -1.",
    lesson: "Once the economy runs on AI, money pushes against slowing down, even after warning signs appear.",
    force: "economics",
    concept: "lobbying",
    tag: "economics",
    effects: [
      { op: "funds", role: "lab", delta: 2 },
      { op: "will", delta: -1 },
    ],
  },
  {
    id: "compute-shock",
    title: "Compute shock",
    text: "A chip factory fire squeezes the supply of accelerators. Capability research costs 1 more this round.",
    lesson: "The pace of the race depends on hardware supply as much as on ideas, and it can swing without warning.",
    force: "economics",
    concept: "breakthrough",
    tag: "economics",
    effects: [{ op: "capabilityCost", delta: 1 }],
  },
  {
    id: "enterprise-rush",
    title: "Enterprise adoption rush",
    text: "Companies hurry to plug AI into everything. Every lab gains 1 fund; incident chance per flawed product +10% this round.",
    lesson:
      "Judging AI by whether it sells rewards shipping fast, and hands more of the economy to systems nobody has checked.",
    force: "economics",
    concept: "economicCriterion",
    tag: "economics",
    effects: [
      { op: "funds", role: "lab", delta: 1 },
      { op: "incidentChance", bonus: 0.1 },
    ],
  },
  {
    id: "philanthropy",
    title: "Philanthropic gift",
    text: "A foundation pledges money for basic safety research. Every researcher gains 2 funds.",
    lesson:
      "A sensible civilisation would pay for the foundations of alignment before betting everything on trial and error.",
    force: "economics",
    concept: "grant",
    tag: "economics",
    effects: [{ op: "funds", role: "researcher", delta: 2 }],
  },
  {
    id: "tech-downturn",
    title: "Tech downturn",
    text: "Investors cool on AI after a year of hype. Every lab loses 1 fund; political will +1.",
    lesson: "When profits stop pulling so hard, it becomes easier for the public to ask whether the race is safe.",
    force: "economics",
    concept: "income",
    tag: "economics",
    effects: [
      { op: "funds", role: "lab", delta: -1 },
      { op: "will", delta: 1 },
    ],
  },
  {
    id: "consulting-demand",
    title: "Consulting demand",
    text: "Labs line up to hire outside experts for their evaluations. Researchers gain 1 fund; incrementalists gain 1 prestige.",
    lesson:
      "Validation is only as good as the understanding behind it, so labs that test seriously need real expertise.",
    force: "economics",
    concept: "consulting",
    tag: "economics",
    effects: [
      { op: "funds", role: "researcher", delta: 1 },
      { op: "prestige", doctrine: "incrementalist", delta: 1 },
    ],
  },

  // ── theory ───────────────────────────────────────────────────────────────
  {
    id: "theory-surprise",
    title: "Theory surprise",
    text: "A short proof settles a long-open question about learning agents. World theory +1.",
    lesson:
      "A mathematical theory of agents lets us design alignment with confidence instead of patching by trial and error.",
    force: "theory",
    concept: "theory",
    tag: "theory",
    effects: [{ op: "theory", delta: 1 }],
  },
  {
    id: "dual-use-theorem",
    title: "Dual-use theorem",
    text: "A new result about agents also hints at a faster training method. World theory +1; the leak pool grows by 1.",
    lesson:
      "Theory can leak capability too, but turning it into practice takes extra steps, so it degrades more gently.",
    force: "theory",
    concept: "gracefulDegradation",
    tag: "theory",
    effects: [
      { op: "theory", delta: 1 },
      { op: "pool", delta: 1 },
    ],
  },
  {
    id: "foundations-school",
    title: "Foundations summer school",
    text: "Young mathematicians flock to a course on agent theory. Researchers gain 1 fund; conservative seats gain 1 prestige.",
    lesson: "The theory-first path is slow and needs many minds; building the field early is part of the plan.",
    force: "theory",
    concept: "conservative",
    tag: "theory",
    effects: [
      { op: "funds", role: "researcher", delta: 1 },
      { op: "prestige", doctrine: "conservative", delta: 1 },
    ],
  },
  {
    id: "proof-retracted",
    title: "Proof retracted",
    text: "A celebrated alignment theorem turns out to have a gap. World theory -1.",
    lesson: "Theory must be checked like anything else; the careful path tests its claims before leaning on them.",
    force: "theory",
    concept: "theoryMilestone",
    tag: "theory",
    effects: [{ op: "theory", delta: -1 }],
  },
  {
    id: "theory-guides-tools",
    title: "Theory explains a tool",
    text: "A theorem shows why an interpretability method works and when it fails. Interpretability +1.",
    lesson: "Without theory we cannot know our measuring tools are right; with it, they become trustworthy.",
    force: "theory",
    concept: "interpretability",
    tag: "theory",
    effects: [{ op: "interp", delta: 1 }],
  },

  // ── augmentation ─────────────────────────────────────────────────────────
  {
    id: "augmentation-scandal",
    title: "Augmentation scandal",
    text: "A clinic is caught running illegal brain-boost trials; trust in regulators falls. Will -1; augmentation drift +1.",
    lesson:
      "Experimenting on human minds is illegal in most places, and rushed changes may alter values in ways hard to spot.",
    force: "augmentation",
    concept: "drift",
    tag: "augmentation",
    effects: [
      { op: "will", delta: -1 },
      { op: "drift", delta: 1 },
    ],
  },
  {
    id: "epigenetic-study",
    title: "Epigenetic study",
    text: "A long-running study finds a safe, slow way to raise learning ability. Augmentation +0.5.",
    lesson: "The gentle routes to smarter humans look safer, but they move far slower than the AI race.",
    force: "augmentation",
    concept: "augmentation",
    tag: "augmentation",
    effects: [{ op: "aug", delta: 0.5 }],
  },
  {
    id: "neurotech-leap",
    title: "Neurotech leap",
    text: "A startup's brain implant gives a big jump in test scores. Augmentation +1 and hidden drift +1.",
    lesson:
      "The brain is an undocumented tangle: a change that boosts intelligence may also quietly shift what people care about.",
    force: "augmentation",
    concept: "drift",
    tag: "augmentation",
    effects: [
      { op: "aug", delta: 1 },
      { op: "drift", delta: 1 },
    ],
  },
  {
    id: "bioethics-backlash",
    title: "Bioethics backlash",
    text: "Ethicists and voters turn against enhancement research. Transhumanist seats lose 1 prestige; political will +1.",
    lesson:
      "Making human augmentation legal is a major political fight, and the clock keeps running while it is fought.",
    force: "augmentation",
    concept: "transhumanist",
    tag: "augmentation",
    effects: [
      { op: "prestige", doctrine: "transhumanist", delta: -1 },
      { op: "will", delta: 1 },
    ],
  },
  {
    id: "enhancement-abroad",
    title: "Enhancement legal abroad",
    text: "A small country licenses supervised enhancement trials. Augmentation +0.5; transhumanist seats gain 1 prestige.",
    lesson: "Smarter humans do not speed up AI itself, which is why this path can run alongside theory work.",
    force: "augmentation",
    concept: "handoff",
    tag: "augmentation",
    effects: [
      { op: "aug", delta: 0.5 },
      { op: "prestige", doctrine: "transhumanist", delta: 1 },
    ],
  },

  // ── rogue ────────────────────────────────────────────────────────────────
  {
    id: "rogue-state-programme",
    title: "Rogue state programme",
    text: "A secretive government launches a crash AI project with no safety team. Rogue capability +1 and momentum +1.",
    lesson:
      "Careful labs may have to play catch-up with reckless actors, even ones too weak to win the race on their own.",
    force: "rogue",
    concept: "rogue",
    tag: "rogue",
    effects: [
      { op: "rogue", delta: 1 },
      { op: "rogueMomentum", delta: 1 },
    ],
  },
  {
    id: "chip-smuggling",
    title: "Chip smuggling ring",
    text: "Banned accelerators reach an unregulated group through shell firms. Rogue momentum +1.",
    lesson: "Rules against reckless actors have gaps, and every gap lets them keep building on what they have.",
    force: "rogue",
    concept: "enforcement",
    tag: "rogue",
    effects: [{ op: "rogueMomentum", delta: 1 }],
  },
  {
    id: "leak-forum",
    title: "Leak forum",
    text: "An online group turns leaked lab code into working tools. One point moves from the leak pool to rogue capability.",
    lesson: "Leaked steps are compounded by others before anyone has aligned them, and the gap grows.",
    force: "rogue",
    concept: "rogueCompounding",
    tag: "rogue",
    effects: [
      { op: "pool", delta: -1 },
      { op: "rogue", delta: 1 },
    ],
  },
  {
    id: "joint-crackdown",
    title: "Joint crackdown",
    text: "Police in several countries raid an illegal training cluster. Rogue capability -1; political will +1.",
    lesson: "Holding back irresponsible actors is what lets a careful strategy finish in time.",
    force: "rogue",
    concept: "enforcement",
    tag: "rogue",
    effects: [
      { op: "rogue", delta: -1 },
      { op: "will", delta: 1 },
    ],
  },
  {
    id: "reckless-demo",
    title: "Reckless demo",
    text: "An unregulated startup shows off an agent that hacks its own sandbox. Rogue capability +1; political will +1.",
    lesson: "Those who skip alignment entirely are the main danger to every other plan, and the public can see it.",
    force: "rogue",
    concept: "rogue",
    tag: "rogue",
    effects: [
      { op: "rogue", delta: 1 },
      { op: "will", delta: 1 },
    ],
  },
];

export const EVENT_CARDS: readonly EventCard[] = CARDS;

export const EVENT_BY_ID: ReadonlyMap<string, EventCard> = new Map(EVENT_CARDS.map((card) => [card.id, card] as const));
