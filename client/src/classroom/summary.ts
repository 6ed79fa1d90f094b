// A printable one-page summary of the class's match: the ending, the teams, the key moments and their questions, the polls.
import type { ClassroomView, PublicView } from "@metastrategy/shared";
import { h } from "../ui/dom";
import { ENDING_NAMES, doctrineName, roleName, scenarioName } from "../ui/format";
import { frontierChart, momentsOf } from "./debrief";
import { teamTitle } from "./common";

export function printSummary(view: PublicView, cv: ClassroomView | null, name: string, code: string): HTMLElement {
  const end = view.end;
  const scores = view.scores ?? [];
  const moments = momentsOf(view, cv).slice(0, 5);
  const polls = (cv?.polls ?? []).filter((p) => p.against + p.unsure + p.for > 0);
  const date = new Date().toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
  return h(
    "section",
    { class: "print-summary", id: "print-summary", "aria-label": "Printable summary" },
    h(
      "header",
      null,
      h("h2", null, `${name || "Class"} — match summary`),
      h(
        "p",
        { class: "small" },
        `${date} · code ${code} · ${scenarioName(view.scenario)} · ${view.reveal?.history.length ?? view.round} of ${view.rounds} rounds`,
      ),
    ),
    h(
      "p",
      { class: "ps-ending" },
      h("strong", null, end ? ENDING_NAMES[end.ending] : "Ended early"),
      end ? ` — ${end.cause} (round ${end.round}). World value ${end.worldValue} of 100.` : "",
    ),
    h(
      "table",
      { class: "ps-teams" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["Team", "Role", "Metastrategy", "Students", "Score"].map((c) => h("th", { scope: "col" }, c)),
        ),
      ),
      h(
        "tbody",
        null,
        view.seats.map((s) => {
          const t = cv?.teams.find((x) => x.seat === s.id);
          return h(
            "tr",
            null,
            h("th", { scope: "row" }, teamTitle({ seat: s.id, name: s.name })),
            h("td", null, roleName(s.role)),
            h("td", null, doctrineName(s.doctrine)),
            h("td", null, t?.bot ? "bot" : t?.members.map((m) => m.name).join(", ") || "—"),
            h("td", null, String(scores[s.id] ?? 0)),
          );
        }),
      ),
    ),
    h(
      "div",
      { class: "ps-cols" },
      h(
        "div",
        null,
        h("h3", null, "Key moments and questions"),
        h(
          "ol",
          { class: "ps-moments" },
          moments.map((m) =>
            h(
              "li",
              null,
              h("strong", null, `Round ${m.round}: ${m.title}. `),
              m.text,
              h("br"),
              h("em", null, m.question),
            ),
          ),
        ),
      ),
      h(
        "div",
        null,
        frontierChart(view),
        polls.length
          ? h(
              "p",
              { class: "small" },
              h("strong", null, "Observers' poll: "),
              polls
                .map(
                  (p) =>
                    `round ${p.round}: ${p.for} caution / ${p.unsure} unsure / ${p.against} go on${p.effect ? ` (will ${p.effect > 0 ? "+1" : "−1"})` : ""}`,
                )
                .join("; "),
              ".",
            )
          : null,
      ),
    ),
  );
}
