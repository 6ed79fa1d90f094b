// Key moments of a finished match, found from its revealed history: the turning points a class discusses.
// Pure: the same history always gives the same moments. Questions are ours, tied to the essay's argument.
import { EVENT_BY_ID } from "../content/events.js";
import { SCENARIOS } from "../content/scenarios.js";
import type { EndInfo, Ending, HistoryRow, RoundExtras } from "../rules/types.js";
import type { PublicView } from "../rules/view-types.js";

export type MomentKind =
  "firstLeak" | "paradigmShift" | "incidentWill" | "rogueDanger" | "facilitatorCrisis" | "decisive";

export interface KeyMoment {
  kind: MomentKind;
  round: number;
  title: string;
  /** What happened, in one or two sentences with the numbers. */
  text: string;
  /** A question for discussion. */
  question: string;
  /** Glossary concept id. */
  concept: string;
  seat?: number;
}

export interface MomentsInput {
  /** The revealed history (`reveal.history`), one row per resolved round. */
  history: HistoryRow[];
  end: EndInfo | null;
  seats: { id: number; name: string }[];
  dangerLine: number;
  taiThreshold: number;
  /** Values before round 1 (for changes in round 1). */
  start?: { will: number; cap: number; aligned: number };
  /** The record's extras: index r is round r+1's; its `inject` appears in round r+2's news. */
  extras?: (RoundExtras | null)[];
}

const QUESTIONS = {
  firstLeak:
    "Nobody meant to hand this know-how to careless actors, yet they got it. If capability secrets slip out this easily, " +
    "is a plan of 'advance first, align afterwards' still safe? What would security or the law have to look like for it to work?",
  paradigmShift:
    "The alignment work done for the old design stopped fitting the new one. When progress comes in jumps rather than steps, " +
    "what is a plan of 'align each new level as it comes' worth — and what kind of knowledge would survive the jump?",
  incidentWill:
    "Support for caution grew only after a flaw went public, and the flawed product had been earning money until then. " +
    "Is 'good enough to sell' a fair test of 'aligned'? How could people act before the accident rather than after it?",
  rogueDanger:
    "The careless actors never did any alignment work, and still got this far, partly on other people's leaks. " +
    "Can the careful players win by being careful themselves, or must someone also hold the careless ones back?",
  facilitatorCrisis:
    "A crisis nobody chose arrived this round. Did your team's plan bend or break? Which of the four metastrategies " +
    "copes best with surprises, and why?",
} as const;

const DECISIVE: Record<Ending, { title: string; question: string; concept: string }> = {
  catastrophe: {
    title: "The round that decided the ending",
    question:
      "Trace it backwards: which earlier round made this one likely — a leak, a jump in capability, a gap left open? " +
      "Would a plan that puts theory first and tests only where failure is harmless have been exposed to the same failure?",
    concept: "catastrophe",
  },
  secure: {
    title: "The defense went up",
    question:
      "It worked — but how sure could its builders have been that no hidden flaw remained? What gave them that confidence, " +
      "and what should have?",
    concept: "defense",
  },
  handoff: {
    title: "The augmented took over",
    question:
      "Handing the problem to enhanced humans worked here. Did anyone check their values first, and could anyone have?",
    concept: "handoff",
  },
  drifted: {
    title: "The successors' values had moved",
    question:
      "Enhanced humans took over but their values had shifted. Is a changed human mind easier to trust than an AI when nobody can read either?",
    concept: "drift",
  },
  pause: {
    title: "The pause held",
    question:
      "The world stayed safe by standing still, and gave up what aligned AI could have done. Is a long pause a victory, a delay, or a loss — and who pays for it?",
    concept: "pause",
  },
  precarious: {
    title: "The round that decided the ending",
    question:
      "Nobody lost, but nothing was settled either. Is a world that merely avoided disaster this time a success? " +
      "What would it take to end the race rather than survive it round after round?",
    concept: "precarious",
  },
};

const f = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The key moments, in round order (at most one of each kind, except paradigm shifts: at most three). */
export function keyMoments(input: MomentsInput): KeyMoment[] {
  const { history, seats } = input;
  const name = (seat: number) => seats.find((s) => s.id === seat)?.name ?? `Seat ${seat + 1}`;
  const out: KeyMoment[] = [];
  const prevOf = (i: number) => (i > 0 ? history[i - 1] : null);

  // The first leak.
  const li = history.findIndex((r) => r.leaks > 0);
  if (li >= 0) {
    const r = history[li];
    const card = r.events.map((id) => EVENT_BY_ID.get(id)).find((c) => c && c.force === "leaks");
    const later = history[Math.min(history.length - 1, li + 2)];
    out.push({
      kind: "firstLeak",
      round: r.round,
      title: "The first leak",
      concept: "leak",
      text:
        `In round ${r.round}, ${f(r.leaks)} point${r.leaks === 1 ? "" : "s"} of capability know-how leaked into the pool` +
        (card ? ` (the news: “${card.title}”)` : "") +
        `. Rogue actors stood at ${f(r.rogue)}` +
        (later.round > r.round ? ` and reached ${f(later.rogue)} by round ${later.round}.` : "."),
      question: QUESTIONS.firstLeak,
    });
  }

  // Paradigm shifts: the lab whose capability jumped and whose aligned level fell.
  let shifts = 0;
  history.forEach((r, i) => {
    if (r.paradigmShifts <= 0 || shifts >= 3) return;
    const prev = prevOf(i);
    let best: { seat: number; gain: number; before: number; after: number } | null = null;
    for (const lab of r.labs) {
      const p =
        prev?.labs.find((l) => l.seat === lab.seat) ??
        (input.start ? { cap: input.start.cap, aligned: input.start.aligned } : null);
      if (!p) continue;
      const gain = lab.cap - p.cap;
      if (gain >= 3 && lab.aligned < p.aligned + 1 && (!best || gain > best.gain))
        best = { seat: lab.seat, gain, before: p.aligned, after: lab.aligned };
    }
    shifts++;
    out.push({
      kind: "paradigmShift",
      round: r.round,
      title: "A paradigm shift",
      concept: "paradigmShift",
      seat: best?.seat,
      text: best
        ? `In round ${r.round}, ${name(best.seat)} found a new design: capability +${f(best.gain)}, while its aligned level went from ${f(best.before)} to ${f(best.after)}. ` +
          `The gap between the frontier (${f(r.frontier)}) and the best aligned level (${f(r.alignedFrontier)}) was ${f(r.frontier - r.alignedFrontier)}.`
        : `In round ${r.round}, a lab's research changed paradigm: old alignment work stopped applying. The frontier stood at ${f(r.frontier)}, the best aligned level at ${f(r.alignedFrontier)}.`,
      question: QUESTIONS.paradigmShift,
    });
  });

  // The incident that moved political will the most.
  let inc: { i: number; delta: number } | null = null;
  history.forEach((r, i) => {
    if (r.incidents <= 0) return;
    const before = prevOf(i)?.will ?? input.start?.will;
    if (before === undefined) return;
    const delta = r.will - before;
    if (delta > 0 && (!inc || delta > inc.delta)) inc = { i, delta };
  });
  if (inc) {
    const { i, delta } = inc as { i: number; delta: number };
    const r = history[i];
    out.push({
      kind: "incidentWill",
      round: r.round,
      title: "The incident that moved the public",
      concept: "incident",
      text:
        `In round ${r.round}, ${r.incidents === 1 ? "an incident" : `${r.incidents} incidents`} exposed hidden flaws in deployed products; ` +
        `political will rose by ${f(delta)} to ${f(r.will)}.`,
      question: QUESTIONS.incidentWill,
    });
  }

  // Rogue actors reach the danger line.
  const ri = history.findIndex((r) => r.rogue >= input.dangerLine);
  if (ri >= 0) {
    const r = history[ri];
    out.push({
      kind: "rogueDanger",
      round: r.round,
      title: "Rogue actors reach the danger line",
      concept: "rogueCompounding",
      text: `In round ${r.round}, the rogue actors reached capability ${f(r.rogue)} (danger line ${input.dangerLine}); the public estimate said ${f(r.rogueEstimate)}.`,
      question: QUESTIONS.rogueDanger,
    });
  }

  // The facilitator's crisis: an injected card shows in the news of the round after the one it was queued in.
  (input.extras ?? []).forEach((x, idx) => {
    if (!x?.inject) return;
    const round = idx + 2;
    const row = history.find((r) => r.round === round);
    if (!row || !row.events.includes(x.inject)) return;
    const card = EVENT_BY_ID.get(x.inject);
    out.push({
      kind: "facilitatorCrisis",
      round,
      title: "The facilitator's crisis",
      concept: card?.concept ?? "politicalWill",
      text: `The teacher put “${card?.title ?? x.inject}” into the news of round ${round}. ${card?.text ?? ""}`.trim(),
      question: QUESTIONS.facilitatorCrisis,
    });
  });

  const decisive = decisiveMoment(input, name);
  if (decisive) out.push(decisive);
  const order: MomentKind[] = [
    "facilitatorCrisis",
    "firstLeak",
    "paradigmShift",
    "incidentWill",
    "rogueDanger",
    "decisive",
  ];
  return out.sort((a, b) => a.round - b.round || order.indexOf(a.kind) - order.indexOf(b.kind));
}

function decisiveMoment(input: MomentsInput, name: (seat: number) => string): KeyMoment | null {
  const { history, end } = input;
  if (!end || history.length === 0) return null;
  const d = DECISIVE[end.ending];
  if (end.by !== "time") {
    const r = history.find((x) => x.round === end.round) ?? history[history.length - 1];
    const who = end.seat !== undefined ? ` (${name(end.seat)})` : "";
    return {
      kind: "decisive",
      round: end.round,
      title: d.title,
      concept: d.concept,
      seat: end.seat,
      text: `Round ${end.round}: ${end.cause}${who}. The frontier stood at ${f(r.frontier)}, the best aligned level at ${f(r.alignedFrontier)}, rogue actors at ${f(r.rogue)}.`,
      question: d.question,
    };
  }
  // Time ran out: the round of greatest danger, or else the widest gap between frontier and aligned level (the latest of equals).
  let pick = history[0];
  const risky = history.some((r) => r.catastropheRisk > 0);
  for (const r of history) {
    if (
      risky
        ? r.catastropheRisk > pick.catastropheRisk
        : r.frontier - r.alignedFrontier >= pick.frontier - pick.alignedFrontier
    )
      pick = r;
  }
  return {
    kind: "decisive",
    round: pick.round,
    title: d.title,
    concept: d.concept,
    text: risky
      ? `Round ${pick.round} was the closest call: about a ${Math.round(pick.catastropheRisk * 100)}% chance of catastrophe, with the frontier at ${f(pick.frontier)} and the best aligned level at ${f(pick.alignedFrontier)}. It passed, and time ran out with nothing settled.`
      : `Round ${pick.round} left the widest gap between the frontier (${f(pick.frontier)}) and the best aligned level (${f(pick.alignedFrontier)}). Time ran out with nothing settled.`,
    question: d.question,
  };
}

/** Key moments of a finished match's public view (its `reveal.history`). */
export function keyMomentsOfView(view: PublicView, extras?: (RoundExtras | null)[]): KeyMoment[] {
  const p = SCENARIOS[view.scenario]?.params;
  return keyMoments({
    history: view.reveal?.history ?? [],
    end: view.end,
    seats: view.seats.map((s) => ({ id: s.id, name: s.name })),
    dangerLine: view.dangerLine,
    taiThreshold: view.taiThreshold,
    start: p ? { will: p.startWill, cap: p.startCap, aligned: p.startAligned } : undefined,
    extras,
  });
}
