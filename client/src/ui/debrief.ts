// End and debrief: the ending, what the world got, every hidden value revealed, scores, charts over the rounds.
import { DOCTRINE_DEFS, GLOSSARY, regulatorRolePoints, type Doctrine, type PublicView } from "@metastrategy/shared";
import { COLORS, LAB_STYLES, ROGUE_STYLE, WILL_STYLE, LEAK_STYLE, TAI_COLOR } from "../theme";
import { chart, type Series } from "./charts";
import { h } from "./dom";
import { ENDING_LINES, ENDING_NAMES, doctrineName, fmt, plural, roleName } from "./format";
import { sourceName } from "./goals";

/** One seat's final score, broken down: world value + doctrine objectives + role points + other prestige. */
export interface ScoreParts {
  world: number;
  objectives: number;
  role: number;
  other: number;
  prestige: number;
  score: number | null;
}

export function scoreParts(view: PublicView, seat: number): ScoreParts {
  const s = view.seats[seat];
  const by = view.reveal?.prestigeBy?.[seat] ?? {};
  const W = view.end?.worldValue ?? 0;
  const objectives = by.objectives ?? 0;
  // Role points are given at the end: a lab's products and market lead; a regulator's policies and regime, which the
  // engine books under legitimacy with the legitimacy earned in play, so they are recomputed from the final world.
  const role = s.lab
    ? (by.revenue ?? 0) + (by.marketLead ?? 0)
    : s.role === "regulator"
      ? Math.min(by.legitimacy ?? 0, regulatorRolePoints(view.world.policies.length, view.world.regime))
      : 0;
  const score = view.end ? (view.scores?.[seat] ?? null) : null;
  return {
    world: view.end ? W : 0,
    objectives,
    role,
    other: s.prestige - objectives - role,
    prestige: s.prestige,
    score,
  };
}

export function debriefView(
  view: PublicView,
  mySeat: number | null,
  actions: { onReplay?: () => void; onAgain?: () => void; againLabel?: string },
): HTMLElement {
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
    capSeries.push({
      name: `${s.name} capability`,
      color: st.color,
      shape: st.shape,
      dash: "",
      values: hist.map((r) => r.labs.find((l) => l.seat === s.id)?.cap ?? null),
    });
    capSeries.push({
      name: `${s.name} aligned`,
      color: st.color,
      shape: st.shape,
      dash: "5 4",
      values: hist.map((r) => r.labs.find((l) => l.seat === s.id)?.aligned ?? null),
    });
  });
  capSeries.push({
    name: "Rogue actors",
    color: ROGUE_STYLE.color,
    shape: "cross",
    dash: "2 3",
    values: hist.map((r) => r.rogue),
  });
  const ending = end?.ending;
  const concept = ending ? (GLOSSARY as Record<string, { line: string }>)[ending]?.line : "";
  return h(
    "section",
    { class: "debrief", "aria-labelledby": "debrief-h" },
    h(
      "div",
      { class: `ending ending-${ending ?? "stopped"}` },
      h("h2", { id: "debrief-h", tabindex: "-1" }, end ? ENDING_NAMES[end.ending] : "The host ended the match"),
      h(
        "p",
        { class: "ending-line" },
        end
          ? ENDING_LINES[end.ending]
          : `It was stopped after round ${Math.max(0, view.round - 1)} of ${view.rounds}, before the world's fate was settled.`,
      ),
      end ? h("p", null, h("strong", null, "Why: "), end.cause, ` (round ${end.round}).`) : null,
      concept ? h("p", { class: "muted" }, concept) : null,
      end
        ? h(
            "p",
            { class: "world-value" },
            "The world got ",
            h("strong", null, `${W}`),
            " of 100.",
            W === 0
              ? " When the world is lost, every score is 0: everyone loses together."
              : " Every surviving seat adds its prestige to this.",
          )
        : h(
            "p",
            { class: "world-value" },
            "No ending, so no world value and no scores. The prestige each seat had earned is below, and everything hidden is revealed.",
          ),
    ),
    mySeat !== null && view.seats[mySeat] ? h("p", { class: "your-result" }, yourResult(view, mySeat, scores)) : null,
    hist.length > 0
      ? h(
          "div",
          null,
          h("h3", null, "The story in numbers"),
          h(
            "ul",
            { class: "story" },
            storyOf(view).map((t) => h("li", null, t)),
          ),
        )
      : null,
    h(
      "div",
      { class: "row" },
      actions.onAgain
        ? h(
            "button",
            { type: "button", class: "btn primary big", id: "play-again", on: { click: actions.onAgain } },
            actions.againLabel ?? "Play again",
          )
        : null,
      actions.onReplay
        ? h(
            "button",
            { type: "button", class: "btn big", id: "watch-replay", on: { click: actions.onReplay } },
            "Watch the replay",
          )
        : null,
    ),
    h("h3", null, "Scores and metastrategies"),
    h(
      "p",
      { class: "small muted" },
      end
        ? "Score = the world's value + doctrine objectives + role points + other prestige (0 for everyone if the world was lost)."
        : "Prestige earned before the host ended the match.",
    ),
    h(
      "div",
      { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Scores (the table scrolls sideways)" },
      h(
        "table",
        { class: "scores" },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            ["Seat", "World", "Objectives", "Role points", "Other prestige", "Score", ""].map((c) =>
              h("th", { scope: "col" }, c),
            ),
          ),
        ),
        h(
          "tbody",
          null,
          view.seats.map((s) => {
            const p = scoreParts(view, s.id);
            return h(
              "tr",
              { class: s.id === mySeat ? "mine" : undefined, "data-seat": s.id },
              h(
                "th",
                { scope: "row" },
                s.name,
                s.id === mySeat ? " (you)" : "",
                h("span", { class: "who" }, `${roleName(s.role)} · ${doctrineName(s.doctrine)}`),
              ),
              h("td", null, end ? String(p.world) : "—"),
              h("td", null, fmt(p.objectives)),
              h("td", null, fmt(p.role)),
              h("td", null, fmt(p.other)),
              h("td", { class: "score" }, p.score === null ? "—" : String(p.score)),
              h("td", null, best.includes(s.id) && W > 0 ? "★ best" : ""),
            );
          }),
        ),
      ),
    ),
    reveal?.prestigeBy
      ? h(
          "details",
          { class: "sources-all" },
          h("summary", null, "Where each seat's prestige came from"),
          h(
            "ul",
            null,
            view.seats.map((s) => {
              const parts = Object.entries(reveal.prestigeBy[s.id] ?? {}).filter(([, n]) => n !== 0);
              return h(
                "li",
                null,
                h("strong", null, s.name),
                ": ",
                parts.length
                  ? parts.map(([k, n]) => `${sourceName(k)} ${n > 0 ? "+" : ""}${fmt(n)}`).join(" · ")
                  : "no prestige",
              );
            }),
          ),
        )
      : null,
    h(
      "ul",
      { class: "doctrine-recap" },
      [...new Set(view.seats.map((s) => s.doctrine))].map((d) =>
        h(
          "li",
          null,
          h("strong", null, DOCTRINE_DEFS[d as Doctrine].name),
          ` (${view.seats
            .filter((s) => s.doctrine === d)
            .map((s) => s.name)
            .join(", ")}): `,
          DOCTRINE_DEFS[d as Doctrine].plan,
        ),
      ),
    ),
    reveal
      ? [
          h("h3", null, "Everything hidden, revealed"),
          h(
            "div",
            { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Table (scrolls sideways)" },
            h(
              "table",
              { class: "reveal" },
              h(
                "thead",
                null,
                h(
                  "tr",
                  null,
                  ["Lab", "True capability", "Declared", "Aligned", "Hidden flaws", "Security"].map((c) =>
                    h("th", { scope: "col" }, c),
                  ),
                ),
              ),
              h(
                "tbody",
                null,
                reveal.labs.map((l) =>
                  h(
                    "tr",
                    null,
                    h("th", { scope: "row" }, view.seats[l.seat]?.name ?? `Seat ${l.seat + 1}`),
                    h("td", null, fmt(l.cap)),
                    h("td", null, fmt(view.seats[l.seat]?.lab?.declaredCap ?? 0)),
                    h("td", null, fmt(l.aligned)),
                    h("td", null, String(l.flaws)),
                    h("td", null, String(l.sec)),
                  ),
                ),
              ),
            ),
          ),
          h(
            "ul",
            { class: "reveal-world" },
            h(
              "li",
              null,
              `Rogue actors were at ${fmt(reveal.rogue)} (the public estimate said ${fmt(view.world.rogueEstimate)}).`,
            ),
            h("li", null, `The leak pool held ${fmt(reveal.pool)} points of capability know-how.`),
            h("li", null, `Hidden augmentation drift: ${fmt(reveal.drift)}.`),
            reveal.researchers.map((r) =>
              h(
                "li",
                null,
                `${view.seats[r.seat]?.name ?? "A researcher"} kept ${plural(r.theoryPrivate, "point")} of theory unpublished.`,
              ),
            ),
          ),
        ]
      : null,
    hist.length > 0
      ? h(
          "div",
          { class: "charts" },
          h("h3", null, "Over the rounds"),
          chart({
            title: "Capability and aligned level",
            caption: "solid: capability; dashed: aligned level",
            xLabel: "Round",
            yLabel: "Level",
            x: rounds,
            series: capSeries,
            lines: [
              { y: view.dangerLine, label: "Danger", color: COLORS.ink, dash: "1 4", width: 3 },
              { y: view.taiThreshold, label: "TAI", color: TAI_COLOR },
            ],
          }),
          chart({
            title: "Rogue actors: true and estimated",
            xLabel: "Round",
            yLabel: "Rogue capability",
            x: rounds,
            series: [
              { name: "True rogue", color: ROGUE_STYLE.color, shape: "cross", values: hist.map((r) => r.rogue) },
              {
                name: "Public estimate",
                color: COLORS.grey,
                shape: "circle",
                dash: "5 4",
                values: hist.map((r) => r.rogueEstimate),
              },
            ],
          }),
          chart({
            title: "Leaks",
            caption: "capability leaked per round, and the pool",
            kind: "bar",
            xLabel: "Round",
            yLabel: "Points",
            x: rounds,
            series: [
              { name: "Leaked this round", color: LEAK_STYLE.color, shape: "square", values: hist.map((r) => r.leaks) },
              { name: "Leak pool", color: COLORS.grey, shape: "circle", values: hist.map((r) => r.pool) },
            ],
          }),
          chart({
            title: "Political will",
            xLabel: "Round",
            yLabel: "Will (0–10)",
            x: rounds,
            series: [
              { name: "Political will", color: WILL_STYLE.color, shape: "circle", values: hist.map((r) => r.will) },
              {
                name: "Monitoring regime",
                color: COLORS.orange,
                shape: "square",
                dash: "6 3",
                values: hist.map((r) => r.regime),
              },
            ],
          }),
        )
      : null,
  );
}

function safeWinners(view: PublicView): number[] {
  const sc = view.scores;
  if (!sc || sc.length === 0 || (view.end?.worldValue ?? 0) === 0) return [];
  const top = Math.max(...sc);
  return sc.flatMap((v, i) => (v === top ? [i] : []));
}

function yourResult(view: PublicView, seat: number, scores: number[]): string {
  if (!view.end)
    return `You played ${DOCTRINE_DEFS[view.seats[seat].doctrine as Doctrine].name} and had earned ${plural(view.seats[seat].prestige, "prestige point")} when the match was stopped.`;
  const mine = scores[seat] ?? 0;
  const rank = 1 + scores.filter((x) => x > mine).length;
  const d = DOCTRINE_DEFS[view.seats[seat].doctrine as Doctrine].name;
  if ((view.end?.worldValue ?? 0) === 0)
    return `You played ${d}. The world was lost, so every score is 0: nobody wins alone.`;
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
  out.push(
    `The frontier lab reached capability ${fmt(last.frontier)} (danger line ${view.dangerLine}, TAI ${view.taiThreshold}); the best aligned level was ${fmt(last.alignedFrontier)}.`,
  );
  out.push(`Rogue actors grew from ${fmt(first.rogue)} after round 1 to ${fmt(last.rogue)}.`);
  const leaks = sum((r) => r.leaks);
  out.push(
    leaks > 0
      ? `${plural(leaks, "point")} of capability leaked over the match.`
      : "No capability leaked: secrets held.",
  );
  const shifts = sum((r) => r.paradigmShifts);
  if (shifts > 0) out.push(`${shifts} paradigm shift${shifts === 1 ? "" : "s"} made old alignment work stop applying.`);
  const inc = sum((r) => r.incidents);
  if (inc > 0) out.push(`${inc} incident${inc === 1 ? "" : "s"} exposed hidden flaws in products.`);
  const risk = Math.max(...hist.map((r) => r.catastropheRisk));
  if (risk > 0) out.push(`The riskiest round carried about a ${Math.round(risk * 100)}% chance of catastrophe.`);
  out.push(`Political will went from ${first.will} to ${last.will}; theory reached ${fmt(last.theory)}.`);
  return out;
}
