// Round report: what happened, in words, public and private, each entry linked to its concept.
import { EVENT_BY_ID, entryText, newsCard as sharedNewsCard, type RoundReport } from "@metastrategy/shared";
import { conceptLink } from "./concept";
import { h } from "./dom";
import { ENDING_NAMES } from "./format";

export function newsCard(report: { news: RoundReport["news"] }, heading: "h3" | "h4" = "h3"): HTMLElement | null {
  if (report.news.length === 0) return null;
  return h(
    "div",
    { class: "news" },
    report.news.map((n) => {
      const card = EVENT_BY_ID.get(n.card);
      const { headline, text } = sharedNewsCard(n);
      return h(
        "article",
        { class: "event-card", "aria-label": `Event card: ${headline}` },
        h(heading, null, h("span", { class: "kicker" }, "News: "), headline),
        h("p", null, text),
        card?.lesson ? h("p", { class: "lesson small" }, card.lesson) : null,
        conceptLink(n.concept),
      );
    }),
  );
}

export function reportView(r: RoundReport, mySeat: number | null, opts: { open?: boolean } = {}): HTMLElement {
  const pub = r.entries.filter((e) => e.seat === null);
  const priv = r.entries.filter((e) => e.seat !== null && e.seat === mySeat);
  const item = (e: RoundReport["entries"][number]) =>
    h(
      "li",
      { class: e.seat === null ? "pub" : "priv" },
      e.seat !== null ? h("span", { class: "tag-private" }, "Only you") : null,
      h("span", { class: "entry-text" }, entryText(e)),
      " ",
      conceptLink(e.concept),
    );
  const body = [
    newsCard(r, "h4"),
    h("h4", null, "What everyone saw"),
    pub.length ? h("ul", { class: "entries" }, pub.map(item)) : h("p", { class: "muted" }, "A quiet round."),
    priv.length ? [h("h4", null, "Your private notes"), h("ul", { class: "entries private" }, priv.map(item))] : null,
    r.end ? h("p", { class: "end-line" }, h("strong", null, ENDING_NAMES[r.end.ending]), `: ${r.end.cause}`) : null,
  ];
  return h(
    "details",
    { class: "report", open: opts.open ?? false, "data-round": r.round },
    // The summary is a flex row (spaces at an item's edge vanish): the dash keeps its spaces inside one text.
    h(
      "summary",
      null,
      h(
        "span",
        null,
        `Round ${r.round}`,
        r.news[0] ? h("span", { class: "muted" }, ` — ${sharedNewsCard(r.news[0]).headline}`) : null,
      ),
    ),
    body,
  );
}

function narrow(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.("(max-width: 719px)").matches === true;
}

export function reportsPanel(reports: RoundReport[], mySeat: number | null): HTMLElement {
  const list = reports.slice().reverse();
  return h(
    "section",
    { class: "panel reports", id: "reports", "aria-labelledby": "reports-h" },
    h("h2", { id: "reports-h" }, "Round reports"),
    // On a phone the full report starts folded: the round in brief sits above the orders.
    list.length === 0
      ? h("p", { class: "muted" }, "After each round, what happened appears here.")
      : list.map((r, i) => reportView(r, mySeat, { open: i === 0 && !narrow() })),
  );
}

/** One sentence for the announcer. */
export function reportSummary(r: RoundReport, mySeat: number | null): string {
  const pub = r.entries.filter((e) => e.seat === null).map(entryText);
  const priv = r.entries.filter((e) => e.seat !== null && e.seat === mySeat).map(entryText);
  return [
    `Round ${r.round} report.`,
    ...pub.slice(0, 6),
    ...(priv.length ? ["Private:", ...priv.slice(0, 4)] : []),
  ].join(" ");
}
