// The board as text: a mirror for screen readers and anyone who prefers words to pictures.
import type { BoardModel } from "../model";
import { h } from "./dom";
import { doctrineName, fmt } from "./format";
import type { Doctrine } from "@metastrategy/shared";

export function boardSummary(m: BoardModel): string {
  const front = Math.max(0, ...m.labs.map((l) => l.cap));
  return (
    `Round ${m.round} of ${m.rounds}. Highest lab capability shown ${fmt(front)}, danger line ${m.danger}, TAI ${m.tai}. ` +
    `Rogue actors about ${fmt(m.rogue.value)}. Political will ${m.will} of 10. Theory ${m.theory}.`
  );
}

export function textBoard(m: BoardModel): HTMLElement {
  const labRow = (l: BoardModel["labs"][number]) =>
    h(
      "tr",
      { class: l.mine ? "mine" : undefined },
      h(
        "th",
        { scope: "row" },
        h("span", { style: { color: l.style.color }, "aria-hidden": "true" }, l.style.mark, " "),
        l.name,
        l.mine ? " (you)" : "",
      ),
      h("td", null, doctrineName(l.doctrine as Doctrine)),
      h("td", null, l.capExact ? fmt(l.cap) : `at least ${fmt(l.cap)} (declared)`),
      h(
        "td",
        null,
        l.aligned === null ? "unknown" : `${fmt(l.aligned)}${l.alignedPublic && !l.mine ? " (validated)" : ""}`,
      ),
      h("td", null, `${l.defense}/${m.max.defense}`),
      h("td", null, String(l.prod)),
      h("td", null, l.flaws === null ? "hidden" : String(l.flaws)),
    );
  return h(
    "div",
    { class: "text-board" },
    h(
      "p",
      null,
      `Round ${m.round} of ${m.rounds}. Danger line at capability ${m.danger}; transformative AI (TAI) at ${m.tai}.`,
    ),
    h(
      "div",
      { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Labs (the table scrolls sideways)" },
      h(
        "table",
        null,
        h("caption", null, "Labs"),
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            ["Lab", "Metastrategy", "Capability", "Aligned", "Defense", "Products", "Hidden flaws"].map((c) =>
              h("th", { scope: "col" }, c),
            ),
          ),
        ),
        h("tbody", null, m.labs.map(labRow)),
      ),
    ),
    h(
      "ul",
      null,
      h(
        "li",
        null,
        `Rogue actors: ${m.rogue.exact ? `exactly ${fmt(m.rogue.value)}` : `about ${fmt(m.rogue.value)} (between ${fmt(m.rogue.lo)} and ${fmt(m.rogue.hi)})`}.`,
      ),
      h(
        "li",
        null,
        `Leak intel: ${m.intel === "none" ? "nothing known in the pool" : m.intel === "some" ? "some leaked know-how is out there" : "much leaked know-how is out there"}${m.pool !== null ? ` (pool was ${fmt(m.pool)})` : ""}.`,
      ),
      h(
        "li",
        null,
        `Published theory ${m.theory} of ${m.max.theory}; milestones reached ${m.milestones} of 3 (at ${m.milestoneAt.join(", ")}).`,
      ),
      h("li", null, `Interpretability ${m.interp} of ${m.max.interp}.`),
      h(
        "li",
        null,
        `Human augmentation ${fmt(m.aug)} of ${m.max.aug}${m.drift !== null ? `, hidden drift ${fmt(m.drift)}` : ""}` +
          `${m.augLaw.legal ? "; legal past stage 2." : `; past stage 2 it needs the Augmentation legal policy (political will ${m.augLaw.will}).`}`,
      ),
      h(
        "li",
        null,
        `Political will ${m.will} of ${m.max.will}. Economic lock-in ${fmt(m.lockIn.value)} (products on the market): ` +
          `licensing, the moratorium and the treaty need ${m.lockIn.policyWill} more will than on an empty market, and lobbying can block a policy while will is below ${m.lockIn.blockBelow}.`,
      ),
      h(
        "li",
        null,
        `Monitoring regime ${m.regime} of ${m.max.regime}: it grows and holds only while political will is at least ${m.lockIn.regimeWill} and someone enforces it each round.`,
      ),
      h("li", null, `Policies in force: ${m.policies.length ? m.policies.map((p) => p.name).join(", ") : "none"}.`),
      m.neutralized
        ? h(
            "li",
            null,
            "A defense or the monitoring regime holds: rogue actors are contained and capability research has stopped.",
          )
        : null,
      m.news.map((n) => h("li", null, `Event card: ${n.headline}. ${n.text}`)),
    ),
  );
}
