// End and debrief: the ending, what the world got, every hidden value revealed, scores, charts over the rounds.
import { DOCTRINE_DEFS, GLOSSARY, type Doctrine, type PublicView } from "@metastrategy/shared";
import { COLORS, LAB_STYLES, ROGUE_STYLE, WILL_STYLE, LEAK_STYLE, DANGER_COLOR, TAI_COLOR } from "../theme";
import { chart, type Series } from "./charts";
import { h } from "./dom";
import { ENDING_LINES, ENDING_NAMES, doctrineName, fmt, roleName } from "./format";

export function debriefView(view: PublicView, mySeat: number | null, actions: { onReplay?: () => void; onAgain?: () => void; againLabel?: string }): HTMLElement {
  const end = view.end;
  const reveal = view.reveal;
  const scores = view.scores ?? view.seats.map(() => 0);
  const best = safeWinners(view);
  const W = end?.worldValue ?? 0;
  const hist = reveal?.history ?? [];
  const rounds = hist.map((r) => r.round);
  const labs = view.seats.filter((s) => s.lab);
  const capSeries: Series[] = [];
  labs.forEach((s, i) => {
    const st = LAB_STYLES[i % LAB_STYLES.length];
    capSeries.push({ name: `${s.name} capability`, color: st.color, shape: st.shape, dash: "", values: hist.map((r) => r.labs.find((l) => l.seat === s.id)?.cap ?? null) });
    capSeries.push({ name: `${s.name} aligned`, color: st.color, shape: st.shape, dash: "5 4", values: hist.map((r) => r.labs.find((l) => l.seat === s.id)?.aligned ?? null) });
  });
  capSeries.push({ name: "Rogue actors", color: ROGUE_STYLE.color, shape: "cross", dash: "2 3", values: hist.map((r) => r.rogue) });
  const ending = end?.ending;
  const concept = ending ? (GLOSSARY as Record<string, { line: string }>)[ending]?.line : "";
  return h("section", { class: "debrief", "aria-labelledby": "debrief-h" },
    h("div", { class: `ending ending-${ending ?? "none"}` },
      h("h2", { id: "debrief-h", tabindex: "-1" }, end ? ENDING_NAMES[end.ending] : "The match ended early"),
      h("p", { class: "ending-line" }, end ? ENDING_LINES[end.ending] : "The host stopped the match."),
      end ? h("p", null, h("strong", null, "Why: "), end.cause, ` (round ${end.round}).`) : null,
      concept ? h("p", { class: "muted" }, concept) : null,
      h("p", { class: "world-value" }, "The world got ", h("strong", null, `${W}`), " of 100.", W === 0 ? " When the world is lost, every score is 0: everyone loses together." : " Every surviving seat adds its prestige to this.")),
    mySeat !== null && view.seats[mySeat] ? h("p", { class: "your-result" }, yourResult(view, mySeat, scores)) : null,
    hist.length > 0 ? h("div", null, h("h3", null, "The story in numbers"), h("ul", { class: "story" }, storyOf(view).map((t) => h("li", null, t)))) : null,
    h("div", { class: "row" },
      actions.onAgain ? h("button", { type: "button", class: "btn primary big", id: "play-again", on: { click: actions.onAgain } }, actions.againLabel ?? "Play again") : null,
      actions.onReplay ? h("button", { type: "button", class: "btn big", id: "watch-replay", on: { click: actions.onReplay } }, "Watch the replay") : null),
    h("h3", null, "Scores and metastrategies"),
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Table (scrolls sideways)" }, h("table", { class: "scores" },
      h("thead", null, h("tr", null, ["Seat", "Role", "Metastrategy", "Prestige", "Score", ""].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", null, view.seats.map((s) => h("tr", { class: s.id === mySeat ? "mine" : undefined },
        h("th", { scope: "row" }, s.name, s.id === mySeat ? " (you)" : ""),
        h("td", null, roleName(s.role)),
        h("td", null, doctrineName(s.doctrine)),
        h("td", null, String(s.prestige)),
        h("td", null, String(scores[s.id] ?? 0)),
        h("td", null, best.includes(s.id) && W > 0 ? "★ best" : "")))))),
    h("ul", { class: "doctrine-recap" }, [...new Set(view.seats.map((s) => s.doctrine))].map((d) => h("li", null,
      h("strong", null, DOCTRINE_DEFS[d as Doctrine].name), ` (${view.seats.filter((s) => s.doctrine === d).map((s) => s.name).join(", ")}): `, DOCTRINE_DEFS[d as Doctrine].plan))),
    reveal ? [
      h("h3", null, "Everything hidden, revealed"),
      h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Table (scrolls sideways)" }, h("table", { class: "reveal" },
        h("thead", null, h("tr", null, ["Lab", "True capability", "Declared", "Aligned", "Hidden flaws", "Security"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", null, reveal.labs.map((l) => h("tr", null,
          h("th", { scope: "row" }, view.seats[l.seat]?.name ?? `Seat ${l.seat + 1}`),
          h("td", null, fmt(l.cap)),
          h("td", null, fmt(view.seats[l.seat]?.lab?.declaredCap ?? 0)),
          h("td", null, fmt(l.aligned)),
          h("td", null, String(l.flaws)),
          h("td", null, String(l.sec))))))),
      h("ul", { class: "reveal-world" },
        h("li", null, `Rogue actors were at ${fmt(reveal.rogue)} (the public estimate said ${fmt(view.world.rogueEstimate)}).`),
        h("li", null, `The leak pool held ${fmt(reveal.pool)} points of capability know-how.`),
        h("li", null, `Hidden augmentation drift: ${fmt(reveal.drift)}.`),
        reveal.researchers.map((r) => h("li", null, `${view.seats[r.seat]?.name ?? "A researcher"} kept ${fmt(r.theoryPrivate)} point(s) of theory unpublished.`))),
    ] : null,
    hist.length > 0 ? h("div", { class: "charts" },
      h("h3", null, "Over the rounds"),
      chart({ title: "Capability and aligned level", caption: "solid: capability; dashed: aligned level", xLabel: "Round", yLabel: "Level", x: rounds, series: capSeries,
        lines: [{ y: view.dangerLine, label: "Danger line", color: DANGER_COLOR, dash: "8 5" }, { y: view.taiThreshold, label: "TAI", color: TAI_COLOR }] }),
      chart({ title: "Rogue actors: true and estimated", xLabel: "Round", yLabel: "Rogue capability", x: rounds, series: [
        { name: "True rogue", color: ROGUE_STYLE.color, shape: "cross", values: hist.map((r) => r.rogue) },
        { name: "Public estimate", color: COLORS.grey, shape: "circle", dash: "5 4", values: hist.map((r) => r.rogueEstimate) },
      ] }),
      chart({ title: "Leaks", caption: "capability leaked per round, and the pool", kind: "bar", xLabel: "Round", yLabel: "Points", x: rounds, series: [
        { name: "Leaked this round", color: LEAK_STYLE.color, shape: "square", values: hist.map((r) => r.leaks) },
        { name: "Leak pool", color: COLORS.grey, shape: "circle", values: hist.map((r) => r.pool) },
      ] }),
      chart({ title: "Political will", xLabel: "Round", yLabel: "Will (0–10)", x: rounds, series: [
        { name: "Political will", color: WILL_STYLE.color, shape: "circle", values: hist.map((r) => r.will) },
        { name: "Monitoring regime", color: COLORS.orange, shape: "square", dash: "6 3", values: hist.map((r) => r.regime) },
      ] })) : null);
}

function safeWinners(view: PublicView): number[] {
  const sc = view.scores;
  if (!sc || sc.length === 0 || (view.end?.worldValue ?? 0) === 0) return [];
  const top = Math.max(...sc);
  return sc.flatMap((v, i) => (v === top ? [i] : []));
}

function yourResult(view: PublicView, seat: number, scores: number[]): string {
  const mine = scores[seat] ?? 0;
  const rank = 1 + scores.filter((x) => x > mine).length;
  const d = DOCTRINE_DEFS[view.seats[seat].doctrine as Doctrine].name;
  if ((view.end?.worldValue ?? 0) === 0) return `You played ${d}. The world was lost, so every score is 0: nobody wins alone.`;
  return `You played ${d} and scored ${mine}: ${rank === 1 ? "the best score at the table" : `${ordinal(rank)} of ${scores.length}`}.`;
}

function ordinal(n: number): string {
  return n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`;
}

/** A few sentences from the history: how far the frontier and the rogue actors went, leaks, shifts, incidents. */
export function storyOf(view: PublicView): string[] {
  const hist = view.reveal?.history ?? [];
  if (hist.length === 0) return [];
  const first = hist[0];
  const last = hist[hist.length - 1];
  const sum = (f: (r: (typeof hist)[number]) => number) => hist.reduce((a, r) => a + f(r), 0);
  const out: string[] = [];
  out.push(`The frontier lab reached capability ${fmt(last.frontier)} (danger line ${view.dangerLine}, TAI ${view.taiThreshold}); the best aligned level was ${fmt(last.alignedFrontier)}.`);
  out.push(`Rogue actors grew from ${fmt(first.rogue)} after round 1 to ${fmt(last.rogue)}.`);
  const leaks = sum((r) => r.leaks);
  out.push(leaks > 0 ? `${fmt(leaks)} point(s) of capability leaked over the match.` : "No capability leaked: secrets held.");
  const shifts = sum((r) => r.paradigmShifts);
  if (shifts > 0) out.push(`${shifts} paradigm shift${shifts === 1 ? "" : "s"} made old alignment work stop applying.`);
  const inc = sum((r) => r.incidents);
  if (inc > 0) out.push(`${inc} incident${inc === 1 ? "" : "s"} exposed hidden flaws in products.`);
  const risk = Math.max(...hist.map((r) => r.catastropheRisk));
  if (risk > 0) out.push(`The riskiest round carried about a ${Math.round(risk * 100)}% chance of catastrophe.`);
  out.push(`Political will went from ${first.will} to ${last.will}; theory reached ${fmt(last.theory)}.`);
  return out;
}
