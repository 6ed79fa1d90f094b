// How to play: the rules in plain words, the four metastrategies, the forces, the actions and the glossary.
import {
  WORLD_VALUE,
  ACTIONS_BY_ROLE,
  ACTION_DEFS,
  DOCTRINES,
  DOCTRINE_DEFS,
  GLOSSARY,
  POLICY_DEFS,
  ROLES,
  ROLE_DEFS,
  type ConceptId,
  SWITCH_PRESTIGE,
} from "@metastrategy/shared";
import { h } from "./dom";
import { costText } from "./orders";
import type { Screen } from "./screen";

const FORCES: [string, string][] = [
  [
    "Leaks",
    "Secrets escape: staff move, hackers break in, papers get published. New capability can leak the round it is made, and capability you have not aligned yet stays exposed every round until you do. Leaked know-how feeds the rogue actors and rival labs.",
  ],
  [
    "Measuring alignment is hard",
    "Hidden flaws stay hidden until a test finds them, a product breaks, or the end. Near the danger line some flaws are deceptive: they pass every ordinary test, and only validation backed by theory (milestone 2) and interpretability 3 can find them. A passed test is evidence, not proof.",
  ],
  [
    "Unpredictable progress",
    "Capability research usually gives +1, sometimes +2, and rarely a paradigm shift (+3) that makes old alignment work stop applying. Published theory makes shifts rarer; a conservative lab working on theory milestone 1 always gets exactly +1.",
  ],
  [
    "Politics",
    "Political will decides which policies can pass. Incidents raise it; lobbying lowers it; campaigns raise it, by half a point once it is 5 or more. The more products on the market, the more will it takes to slow AI down.",
  ],
  [
    "Economics",
    "Products earn money (for your first three), market share and lock-in whether or not they are aligned: profit says nothing about safety, and a flawed system sold widely is more dangerous.",
  ],
  [
    "The race",
    "The lab that looks furthest ahead gets investors' money and the most capable lab earns prestige, but every lab within a step of the danger line makes every other one's systems there more dangerous: the more labs race, the riskier each one's frontier work.",
  ],
  [
    "Theory",
    "Theory makes alignment research, validation and interpretability stronger, makes progress more predictable, and spreads capability more slowly than lab secrets do. Past theory 6 it comes half as fast.",
  ],
  [
    "Augmentation",
    "Making humans smarter is slow, needs a hard-won law beyond stage 2 (political will 6; 9 in the classroom scenario) and goes slower still after it (faster in the classroom scenario, whose lesson is short); the fast route may quietly shift their values (hidden drift), and past stage 2 even the safe route drifts a little.",
  ],
  [
    "Rogue actors",
    "A force of the rules fed mostly by leaks. It starts about three levels below the danger line, grows a little every round and much faster when it absorbs leaked capability, and never aligns anything. Once it is ahead of you, holding back no longer keeps the world safe: a defense has to be built before it gets there.",
  ],
];

export function howtoScreen(focus?: string): Screen {
  const glossIds = Object.keys(GLOSSARY) as ConceptId[];
  const el = h(
    "main",
    { id: "main", class: "howto", tabindex: "-1" },
    h("p", null, h("a", { href: "#", class: "btn ghost" }, "← Back")),
    h("h1", null, "How to play Metastrategy"),
    h(
      "section",
      { class: "panel", "aria-labelledby": "h-goal" },
      h("h2", { id: "h-goal" }, "The goal"),
      h(
        "p",
        null,
        "Everyone shares one world. Labs push AI capability towards transformative AI (TAI). If any lab or the rogue actors reach it while their systems are misaligned, or cross the danger line and get unlucky, it is a catastrophe and every score is 0.",
      ),
      h(
        "p",
        null,
        `The world can end well in several ways: an aligned AI defense system (${WORLD_VALUE.secure}), augmented humans taking over (${WORLD_VALUE.handoff}), a long pause held by a monitoring regime (${WORLD_VALUE.pause}), or just surviving to the last round (${WORLD_VALUE.precarious}). Your score is that world value plus your prestige. Everyone loses together; among survivors the best play wins.`,
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "h-round" },
      h("h2", { id: "h-round" }, "A round"),
      h(
        "ol",
        null,
        h("li", null, h("strong", null, "News: "), "an event card changes the world."),
        h("li", null, h("strong", null, "Talk: "), "chat, make deals (they are not binding)."),
        h(
          "li",
          null,
          h("strong", null, "Orders: "),
          "choose up to three actions in secret. Each costs an action point plus funds or influence. If the timer runs out, a bot fills in for you.",
        ),
        h(
          "li",
          null,
          h("strong", null, "Resolution: "),
          "all orders happen at once: research, tests, leaks, rogue growth, audits, incidents, then the catastrophe check.",
        ),
        h("li", null, h("strong", null, "Report: "), "you read what happened, including private notes only you get."),
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "h-board" },
      h("h2", { id: "h-board" }, "Reading the board"),
      h(
        "ul",
        null,
        h(
          "li",
          null,
          "Each lab is a column with a shape (●, ■, ▲, ◆). The outlined bar is capability: exact for your own lab, declared (last published, audited or shipped) for others. The green bar inside is the aligned level, when known.",
        ),
        h("li", null, "The dashed orange line is the danger line (TAI − 3); the solid red line is TAI."),
        h(
          "li",
          null,
          "The ✖ column is the rogue actors, shown as an estimate ±1. Above it, the leak intel says whether leaked know-how is out there.",
        ),
        h(
          "li",
          null,
          "On the right: the event card, the world's tracks (theory with its milestones as squares, interpretability, augmentation, political will, monitoring regime) and the policies in force.",
        ),
        h("li", null, "“Show board as text” gives the same board in words."),
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "h-doc" },
      h("h2", { id: "h-doc" }, "The four metastrategies"),
      h(
        "p",
        null,
        `Each seat declares one at the start (everyone sees it). It changes some costs and gives personal objectives. You may switch once, at the price of a round's actions and ${SWITCH_PRESTIGE} prestige at the end.`,
      ),
      h(
        "p",
        null,
        "Every action costs something, and many can be taken only once a round (deploy, build a defense, campaign, build the regime, theory, augmentation, advise, apply for a grant, publish theory): no single action repeated wins the game.",
      ),
      h(
        "dl",
        { class: "doctrines" },
        DOCTRINES.map((d) => [
          h("dt", { id: `doc-${d}` }, DOCTRINE_DEFS[d].name),
          h(
            "dd",
            null,
            h("p", null, DOCTRINE_DEFS[d].plan),
            h("p", null, h("strong", null, "Passive: "), DOCTRINE_DEFS[d].passive),
            h("p", null, h("strong", null, "Objectives: "), DOCTRINE_DEFS[d].objectives),
          ),
        ]),
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "h-forces" },
      h("h2", { id: "h-forces" }, "The forces at work"),
      h(
        "dl",
        null,
        FORCES.map(([t, d]) => [h("dt", null, t), h("dd", null, d)]),
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "h-roles" },
      h("h2", { id: "h-roles" }, "Roles and actions"),
      ROLES.map((r) =>
        h(
          "div",
          { class: "role-actions" },
          h("h3", null, ROLE_DEFS[r].name),
          h("p", null, ROLE_DEFS[r].blurb),
          h(
            "table",
            { class: "stack" },
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                h("th", { scope: "col" }, "Action"),
                h("th", { scope: "col" }, "Cost"),
                h("th", { scope: "col" }, "What it does"),
              ),
            ),
            h(
              "tbody",
              null,
              ACTIONS_BY_ROLE[r].map((k) =>
                h(
                  "tr",
                  null,
                  h("th", { scope: "row" }, ACTION_DEFS[k].label),
                  h("td", { class: "num" }, `1 AP + ${costText(ACTION_DEFS[k])}`),
                  h("td", null, ACTION_DEFS[k].does),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "h-pol" },
      h("h2", { id: "h-pol" }, "Policies"),
      h(
        "table",
        { class: "stack" },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            ["Policy", "Influence", "Will needed", "Effect"].map((c) => h("th", { scope: "col" }, c)),
          ),
        ),
        h(
          "tbody",
          null,
          Object.values(POLICY_DEFS).map((p) =>
            h(
              "tr",
              null,
              h("th", { scope: "row" }, p.name),
              h("td", { class: "num", "data-label": "influence" }, String(p.cost)),
              h("td", { class: "num", "data-label": "will" }, String(p.will)),
              h("td", null, p.effect),
            ),
          ),
        ),
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "h-gloss" },
      h("h2", { id: "h-gloss" }, "Glossary"),
      h(
        "dl",
        { class: "glossary" },
        glossIds.map((id) => [
          h("dt", { id: `g-${id}`, tabindex: "-1" }, GLOSSARY[id].term),
          h("dd", null, GLOSSARY[id].line, h("br"), h("span", { class: "muted small" }, GLOSSARY[id].essay)),
        ]),
      ),
    ),
  );
  if (focus)
    requestAnimationFrame(() => {
      const t = document.getElementById(`g-${focus}`);
      if (t) {
        t.scrollIntoView({ block: "center" });
        t.focus();
        t.classList.add("flash");
      }
    });
  return { el, destroy() {} };
}
