// The class debrief: the ending, the key moments with a question each, the frontier against the aligned frontier,
// the opinion polls, then everything revealed (the regular debrief).
import {
  keyMomentsOfView,
  type ClassroomView,
  type KeyMoment,
  type PublicView,
  type RoundExtras,
} from "@metastrategy/shared";
import { COLORS, DANGER_COLOR, ROGUE_STYLE, TAI_COLOR, WILL_STYLE } from "../theme";
import { chart } from "../ui/charts";
import { conceptLink } from "../ui/concept";
import { debriefView } from "../ui/debrief";
import { h } from "../ui/dom";
import { ENDING_LINES, ENDING_NAMES } from "../ui/format";

/** The record's extras as far as the class view knows them (injected cards, poll opinions). */
export function extrasOf(cv: ClassroomView | null, rounds: number): (RoundExtras | null)[] {
  const out: (RoundExtras | null)[] = Array.from({ length: rounds }, () => null);
  for (const p of cv?.polls ?? [])
    if (p.opinion) out[p.round - 1] = { ...(out[p.round - 1] ?? {}), opinion: p.opinion };
  for (const x of cv?.injected ?? [])
    if (x.round - 2 >= 0 && x.round - 2 < rounds) out[x.round - 2] = { ...(out[x.round - 2] ?? {}), inject: x.card };
  return out;
}

export function momentsOf(view: PublicView, cv: ClassroomView | null): KeyMoment[] {
  return keyMomentsOfView(view, extrasOf(cv, view.reveal?.history.length ?? 0));
}

export function momentList(moments: KeyMoment[], opts: { concepts?: boolean } = {}): HTMLElement {
  if (moments.length === 0) return h("p", { class: "muted" }, "A quiet match: no leak, shift or incident stood out.");
  return h(
    "ol",
    { class: "moments" },
    moments.map((m) =>
      h(
        "li",
        { class: `moment moment-${m.kind}`, "data-kind": m.kind },
        h("h4", null, h("span", { class: "moment-round" }, `Round ${m.round}`), " ", m.title),
        h("p", null, m.text),
        h("p", { class: "question" }, h("strong", null, "Discuss: "), m.question),
        opts.concepts === false ? null : conceptLink(m.concept),
      ),
    ),
  );
}

export function frontierChart(view: PublicView): HTMLElement | null {
  const hist = view.reveal?.history ?? [];
  if (hist.length === 0) return null;
  return chart({
    title: "The frontier against the aligned frontier",
    caption: "the most capable lab, the best aligned level, and the rogue actors",
    xLabel: "Round",
    yLabel: "Level",
    x: hist.map((r) => r.round),
    series: [
      { name: "Frontier (best capability)", color: COLORS.blue, shape: "circle", values: hist.map((r) => r.frontier) },
      {
        name: "Aligned frontier",
        color: COLORS.green,
        shape: "triangle",
        dash: "6 3",
        values: hist.map((r) => r.alignedFrontier),
      },
      { name: "Rogue actors", color: ROGUE_STYLE.color, shape: "cross", dash: "2 3", values: hist.map((r) => r.rogue) },
    ],
    lines: [
      { y: view.dangerLine, label: "Danger line", color: DANGER_COLOR, dash: "8 5" },
      { y: view.taiThreshold, label: "TAI", color: TAI_COLOR },
    ],
  });
}

function pollChart(view: PublicView, cv: ClassroomView | null): HTMLElement | null {
  const hist = view.reveal?.history ?? [];
  const polls = cv?.polls ?? [];
  if (hist.length === 0 || polls.every((p) => p.opinion === null)) return null;
  return chart({
    title: "Public opinion and political will",
    caption: "observers' poll (−1 let AI work go on … +1 call for caution) and the will it moved",
    xLabel: "Round",
    yLabel: "Value",
    x: hist.map((r) => r.round),
    series: [
      { name: "Political will", color: WILL_STYLE.color, shape: "circle", values: hist.map((r) => r.will) },
      {
        name: "Poll (mean answer)",
        color: COLORS.purple,
        shape: "diamond",
        dash: "5 4",
        values: hist.map((r) => polls.find((p) => p.round === r.round)?.opinion ?? null),
      },
    ],
  });
}

export function classDebrief(view: PublicView, cv: ClassroomView | null, mySeat: number | null): HTMLElement {
  const end = view.end;
  const moments = momentsOf(view, cv);
  return h(
    "section",
    { class: "class-debrief", id: "class-debrief", "aria-labelledby": "class-debrief-h" },
    h(
      "div",
      { class: `ending ending-${end?.ending ?? "none"}` },
      h(
        "h2",
        { id: "class-debrief-h", tabindex: "-1" },
        "Debrief: ",
        end ? ENDING_NAMES[end.ending] : "the class ended early",
      ),
      h(
        "p",
        { class: "ending-line" },
        end ? ENDING_LINES[end.ending] : "The teacher stopped the match before its end.",
      ),
      end
        ? h(
            "p",
            null,
            h("strong", null, "Why: "),
            end.cause,
            ` (round ${end.round}). The world got `,
            h("strong", null, String(end.worldValue)),
            " of 100.",
          )
        : null,
    ),
    h("h3", { id: "moments-h" }, "Key moments"),
    momentList(moments),
    h("div", { class: "charts" }, frontierChart(view), pollChart(view, cv)),
    h("h3", null, "Everything revealed"),
    debriefView(view, mySeat, {}),
  );
}
