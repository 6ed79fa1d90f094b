// The teacher's panel: join code and links, settings and seats in the lobby, timers, teams with who is connected and
// who has voted, moving students, bots, the facilitator's crisis card, exports, and the class debrief at the end.
import {
  DOCTRINES,
  EVENT_CARDS,
  ROLES,
  type Doctrine,
  SCENARIO_IDS,
  SCENARIOS,
  type ClassMember,
  type ClassTeam,
  type ClassroomView,
  type ClientSnapshot,
  type Role,
} from "@metastrategy/shared";
import { loadSession } from "../net/session";
import type { Net } from "../net/types";
import { getState, subscribe } from "../store";
import { chatPanel } from "../ui/chat";
import { h, numberField, render } from "../ui/dom";
import { doctrineName, levelName, roleName, scenarioName } from "../ui/format";
import type { Screen } from "../ui/screen";
import { POLL_CHOICES, doctrineOf, joinLink, phaseLine, projectorLink, teamTitle } from "./common";
import { classDebrief } from "./debrief";
import { classSend, classView, onClassView } from "./hook";
import { DIFFICULTIES, MSG, type Difficulty } from "@metastrategy/shared";
import { printSummary } from "./summary";

let chosenCard = "";
const FORCES = ["leaks", "measurement", "unpredictability", "politics", "economics", "theory", "augmentation", "rogue"];

export function teacherScreen(net: Net): Screen {
  const root = h("main", { id: "main", class: "class-teacher", tabindex: "-1" });
  const head = h("section", { class: "panel class-head", "aria-labelledby": "class-h" });
  const controls = h("section", { class: "panel class-controls", "aria-labelledby": "controls-h" });
  const teamsEl = h("section", { class: "class-teams", "aria-labelledby": "teams-h" });
  const tools = h("section", { class: "panel class-tools", "aria-labelledby": "tools-h" });
  const debriefEl = h("div", { class: "class-debrief-holder" });
  const chat = chatPanel(net);
  root.append(head, controls, debriefEl, teamsEl, h("div", { class: "class-bottom" }, tools, chat.el));
  let lastKey = "";
  let debriefShown = false;

  function draw(): void {
    const snap = getState().snap;
    if (!snap) return;
    const cv = classView();
    const ended = snap.info.phase === "ended";
    const key = JSON.stringify([snap.info, snap.isHost, cv, ended && !!snap.view?.reveal]);
    if (key === lastKey) return;
    lastKey = key;
    drawHead(snap, cv);
    drawControls(snap, cv);
    drawTeams(snap, cv);
    drawTools(snap, cv);
    if (ended && snap.view?.reveal && !debriefShown) {
      debriefShown = true;
      render(debriefEl, classDebrief(snap.view, cv, null), printSummary(snap.view, cv, snap.info.name, snap.info.code));
    } else if (ended && snap.view?.reveal) {
      // Polls and names may arrive after the end: keep the printable summary current.
      debriefEl
        .querySelector("#print-summary")
        ?.replaceWith(printSummary(snap.view, cv, snap.info.name, snap.info.code));
    }
  }

  function drawHead(snap: ClientSnapshot, cv: ClassroomView | null): void {
    const code = snap.info.code;
    const link = joinLink(code);
    const students = (cv?.teams.reduce((n, t) => n + t.members.length, 0) ?? 0) + (cv?.observers.length ?? 0);
    const online =
      (cv?.teams.reduce((n, t) => n + t.members.filter((m) => m.connected).length, 0) ?? 0) +
      (cv?.observers.filter((m) => m.connected).length ?? 0);
    render(
      head,
      h(
        "div",
        { class: "row spread" },
        h("h1", { id: "class-h" }, snap.info.name || "Class"),
        h(
          "p",
          { class: "row" },
          h(
            "a",
            { class: "btn small", id: "projector-link", href: projectorLink(code), target: "_blank", rel: "noopener" },
            "Open the projector view",
          ),
          h(
            "a",
            { class: "btn small ghost", href: "/#facilitator", target: "_blank", rel: "noopener" },
            "Facilitator guide",
          ),
        ),
      ),
      h(
        "div",
        { class: "class-join" },
        h(
          "div",
          { class: "join-code" },
          h("span", { class: "label" }, "Students join with code"),
          h("strong", { class: "code", id: "class-code" }, code),
        ),
        h(
          "p",
          null,
          "or open ",
          h("a", { href: link, id: "class-link" }, link),
          " on their phone, and type their name.",
        ),
      ),
      h(
        "p",
        { class: "muted", id: "class-count" },
        `${students} student${students === 1 ? "" : "s"} (${online} connected): ${cv ? cv.teams.filter((t) => !t.bot).length : 0} teams of up to ${cv?.teamSize ?? "?"}, ${cv?.observers.length ?? 0} observer${cv?.observers.length === 1 ? "" : "s"}. `,
        `${scenarioName(snap.info.scenario)}, ${snap.info.rounds} rounds.`,
      ),
    );
  }

  function drawControls(snap: ClientSnapshot, cv: ClassroomView | null): void {
    const info = snap.info;
    if (info.phase === "lobby") {
      const t = info.timers;
      render(
        controls,
        h(
          "div",
          { class: "row spread" },
          h("h2", { id: "controls-h" }, "Set up the class"),
          h(
            "button",
            { type: "button", class: "btn primary big", id: "class-start", on: { click: () => net.hostStart() } },
            "Start the class",
          ),
        ),
        h(
          "div",
          { class: "class-settings" },
          h(
            "div",
            { class: "form-grid" },
            h("label", { for: "class-scenario" }, "Scenario"),
            h(
              "select",
              {
                id: "class-scenario",
                on: { change: (e: Event) => net.hostSettings({ scenario: (e.target as HTMLSelectElement).value }) },
              },
              SCENARIO_IDS.map((id) => h("option", { value: id, selected: id === info.scenario }, SCENARIOS[id].name)),
            ),
            numberField("class-rounds", "Rounds", info.rounds, 1, 30, (n) => net.hostSettings({ rounds: n })),
            numberField("class-team-size", "Students per team", cv?.teamSize ?? 4, 1, 12, (n) =>
              classSend(MSG.hostSettings, { teamSize: n }),
            ),
          ),
          h(
            "div",
            { class: "form-grid" },
            numberField("class-t-news", "News (s)", t.news, 0, 600, (n) => net.hostSettings({ timers: { news: n } })),
            numberField("class-t-delib", "Talk (s)", t.deliberation, 0, 1800, (n) =>
              net.hostSettings({ timers: { deliberation: n } }),
            ),
            numberField("class-t-orders", "Proposals and votes (s)", t.orders, 5, 1800, (n) =>
              net.hostSettings({ timers: { orders: n } }),
            ),
            numberField("class-t-report", "Report (s)", t.report, 0, 600, (n) =>
              net.hostSettings({ timers: { report: n } }),
            ),
          ),
        ),
        h(
          "p",
          { class: "muted small" },
          "Students are spread over the team seats as they join; the rest become observers who answer a public-opinion poll each round. Empty seats are played by bots.",
        ),
        info.seats.length < 8
          ? h(
              "div",
              { class: "row" },
              h("span", null, "Add a seat:"),
              ROLES.map((r) =>
                h(
                  "button",
                  {
                    type: "button",
                    class: "btn small",
                    on: { click: () => net.hostSeat({ seat: info.seats.length, bot: false, role: r }) },
                  },
                  `+ ${roleName(r)}`,
                ),
              ),
            )
          : null,
      );
      return;
    }
    const running = info.phase !== "ended";
    render(
      controls,
      h("h2", { id: "controls-h", class: "sr-only" }, "Timer and phases"),
      h(
        "div",
        { class: "row spread" },
        phaseLine(snap, true),
        running
          ? h(
              "div",
              { class: "row" },
              info.paused
                ? h(
                    "button",
                    { type: "button", class: "btn primary", id: "class-resume", on: { click: () => net.hostResume() } },
                    "Resume",
                  )
                : h(
                    "button",
                    { type: "button", class: "btn", id: "class-pause", on: { click: () => net.hostPause() } },
                    "Pause",
                  ),
              h(
                "button",
                { type: "button", class: "btn", id: "class-extend", on: { click: () => net.hostExtend(30) } },
                "+30 s",
              ),
              h(
                "button",
                { type: "button", class: "btn", id: "class-extend-2", on: { click: () => net.hostExtend(120) } },
                "+2 min",
              ),
              h(
                "button",
                { type: "button", class: "btn", id: "class-end-phase", on: { click: () => net.hostEndPhase() } },
                "End phase now",
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "btn ghost",
                  id: "class-end",
                  on: {
                    click: () => {
                      if (confirm("End the class's match now?")) net.hostEndMatch();
                    },
                  },
                },
                "End the match",
              ),
            )
          : h(
              "p",
              { class: "row" },
              h(
                "button",
                { type: "button", class: "btn ghost", on: { click: () => void net.leave() } },
                "Close the class",
              ),
            ),
      ),
    );
  }

  function moveSelect(m: ClassMember, seat: number | null, cv: ClassroomView): HTMLElement {
    const id = `move-${m.id}`;
    return h(
      "span",
      { class: "move" },
      h("label", { class: "sr-only", for: id }, `Move ${m.name} to`),
      h(
        "select",
        {
          id,
          on: {
            change: (e: Event) =>
              classSend(MSG.hostMove, { student: m.id, seat: Number((e.target as HTMLSelectElement).value) }),
          },
        },
        cv.teams.map((t) =>
          h(
            "option",
            { value: String(t.seat), selected: t.seat === seat, disabled: t.bot && t.seat !== seat },
            `Team ${t.seat + 1}`,
          ),
        ),
        h("option", { value: "-1", selected: seat === null }, "Observers"),
      ),
    );
  }

  function memberRow(m: ClassMember, seat: number | null, cv: ClassroomView, started: boolean): HTMLElement {
    return h(
      "li",
      { class: `member${m.connected ? "" : " away"}`, "data-student": m.id },
      h("span", { class: `dot ${m.connected ? "on" : "off"}`, "aria-hidden": "true" }, m.connected ? "●" : "○"),
      h("span", { class: "m-name" }, m.name, h("span", { class: "sr-only" }, m.connected ? " (connected)" : " (away)")),
      started
        ? h(
            "span",
            { class: `voted ${m.voted ? "yes" : "no"}` },
            m.voted ? (seat === null ? "✓ answered" : "✓ voted") : "…",
          )
        : null,
      moveSelect(m, seat, cv),
    );
  }

  function teamCard(t: ClassTeam, snap: ClientSnapshot, cv: ClassroomView): HTMLElement {
    const started = snap.info.phase !== "lobby";
    const seatInfo = snap.info.seats[t.seat];
    const status = t.bot
      ? "Played by a bot."
      : !started || snap.info.phase === "ended"
        ? `${t.members.length} of ${cv.teamSize} students.`
        : t.proposals
          ? `${t.proposals} proposal${t.proposals === 1 ? "" : "s"}; the leading one has ${t.leadingVotes} vote${t.leadingVotes === 1 ? "" : "s"}.`
          : "No proposal yet (a bot fills in if none comes).";
    const voted = t.members.filter((m) => m.voted).length;
    return h(
      "article",
      {
        class: `team-card${t.bot ? " bot" : ""}${seatInfo?.submitted ? " ready" : ""}`,
        "data-seat": t.seat,
        "aria-labelledby": `team-${t.seat}-h`,
      },
      h(
        "header",
        null,
        h("h3", { id: `team-${t.seat}-h` }, teamTitle(t)),
        h(
          "span",
          { class: "muted small" },
          doctrineOf(snap.view, t.seat) || (seatInfo ? doctrineName(seatInfo.doctrine) : ""),
        ),
      ),
      h(
        "p",
        { class: "small team-status" },
        status,
        started && snap.info.phase !== "ended" && !t.bot && t.members.length
          ? ` ${voted}/${t.members.length} voted.`
          : "",
      ),
      t.members.length
        ? h(
            "ul",
            { class: "members" },
            t.members.map((m) => memberRow(m, t.seat, cv, started)),
          )
        : h("p", { class: "muted small" }, "Nobody yet."),
      snap.info.phase !== "ended"
        ? h(
            "div",
            { class: "row" },
            h(
              "button",
              {
                type: "button",
                class: "btn small",
                id: `team-bot-${t.seat}`,
                on: { click: () => classSend(MSG.hostTeamBot, { seat: t.seat, bot: !t.bot }) },
              },
              t.bot ? "Give back to students" : "Replace with a bot",
            ),
            !started
              ? [
                  h("label", { class: "sr-only", for: `seat-role-${t.seat}` }, `Role of team ${t.seat + 1}`),
                  h(
                    "select",
                    {
                      id: `seat-role-${t.seat}`,
                      on: {
                        change: (e: Event) =>
                          net.hostSeat({
                            seat: t.seat,
                            bot: t.bot,
                            role: (e.target as HTMLSelectElement).value as Role,
                          }),
                      },
                    },
                    ROLES.map((r) => h("option", { value: r, selected: r === t.role }, roleName(r))),
                  ),
                  h(
                    "label",
                    { class: "sr-only", for: `seat-doctrine-${t.seat}` },
                    `Metastrategy of team ${t.seat + 1}`,
                  ),
                  h(
                    "select",
                    {
                      id: `seat-doctrine-${t.seat}`,
                      on: {
                        change: (e: Event) =>
                          net.hostSeat({
                            seat: t.seat,
                            bot: t.bot,
                            doctrine: (e.target as HTMLSelectElement).value as Doctrine,
                          }),
                      },
                    },
                    DOCTRINES.map((d) =>
                      h("option", { value: d, selected: d === seatInfo?.doctrine }, doctrineName(d)),
                    ),
                  ),
                  h(
                    "label",
                    { class: "sr-only", for: `seat-level-${t.seat}` },
                    `Bot level of team ${t.seat + 1} (a bot plays a team without students)`,
                  ),
                  h(
                    "select",
                    {
                      id: `seat-level-${t.seat}`,
                      class: "bot-level",
                      on: {
                        change: (e: Event) =>
                          net.hostSeat({
                            seat: t.seat,
                            bot: t.bot,
                            difficulty: (e.target as HTMLSelectElement).value as Difficulty,
                          }),
                      },
                    },
                    DIFFICULTIES.map((d) =>
                      h(
                        "option",
                        { value: d, selected: d === seatInfo?.difficulty },
                        `Bot: ${levelName(d, true).toLowerCase()}`,
                      ),
                    ),
                  ),
                  h(
                    "button",
                    {
                      type: "button",
                      class: "btn small ghost",
                      "aria-label": `Remove team ${t.seat + 1}`,
                      on: { click: () => net.hostSeat({ seat: t.seat, bot: t.bot, remove: true }) },
                    },
                    "Remove",
                  ),
                ]
              : null,
          )
        : null,
    );
  }

  function drawTeams(snap: ClientSnapshot, cv: ClassroomView | null): void {
    if (!cv) {
      render(teamsEl, h("h2", { id: "teams-h" }, "Teams"), h("p", { class: "muted" }, "Loading the class…"));
      return;
    }
    const started = snap.info.phase !== "lobby";
    const tally = cv.poll;
    render(
      teamsEl,
      h("h2", { id: "teams-h" }, "Teams"),
      h(
        "div",
        { class: "team-grid" },
        cv.teams.map((t) => teamCard(t, snap, cv)),
        h(
          "article",
          { class: "team-card observers", "aria-labelledby": "observers-h" },
          h(
            "header",
            null,
            h("h3", { id: "observers-h" }, "Observers"),
            h("span", { class: "muted small" }, "public-opinion poll"),
          ),
          started
            ? h(
                "p",
                { class: "small", id: "poll-tally" },
                POLL_CHOICES.map(
                  (c) => `${c.label}: ${c.value < 0 ? tally.against : c.value > 0 ? tally.for : tally.unsure}`,
                ).join(" · "),
              )
            : null,
          cv.observers.length
            ? h(
                "ul",
                { class: "members" },
                cv.observers.map((m) => memberRow(m, null, cv, started)),
              )
            : h("p", { class: "muted small" }, "Students beyond the team places watch and vote here."),
        ),
      ),
    );
  }

  function drawTools(snap: ClientSnapshot, cv: ClassroomView | null): void {
    const info = snap.info;
    const saved = loadSession();
    const q = saved?.hostToken ? `?hostToken=${encodeURIComponent(saved.hostToken)}` : "";
    const running = info.phase !== "lobby" && info.phase !== "ended";
    const cards = h(
      "select",
      { id: "inject-card", on: { change: (e: Event) => (chosenCard = (e.target as HTMLSelectElement).value) } },
      FORCES.map((f) =>
        h(
          "optgroup",
          { label: f[0].toUpperCase() + f.slice(1) },
          EVENT_CARDS.filter((c) => c.force === f).map((c) =>
            h("option", { value: c.id, selected: c.id === chosenCard }, c.title),
          ),
        ),
      ),
    );
    const queued = cv?.host?.inject ? EVENT_CARDS.find((c) => c.id === cv.host!.inject) : null;
    render(
      tools,
      h("h2", { id: "tools-h" }, "Facilitator tools"),
      info.phase === "lobby"
        ? h(
            "p",
            { class: "muted small" },
            "Once the class starts: inject a crisis card into the next news, and export the session (record, proposals and votes, polls, chat).",
          )
        : null,
      running
        ? h(
            "div",
            { class: "inject" },
            h("h3", null, "Your crisis: inject an event card"),
            h("p", { class: "small muted" }, "The card leads the news of the next round, on top of the usual draw."),
            h(
              "div",
              { class: "row" },
              h("label", { for: "inject-card", class: "sr-only" }, "Event card"),
              cards,
              h(
                "button",
                {
                  type: "button",
                  class: "btn",
                  id: "inject-btn",
                  on: { click: () => classSend(MSG.hostInject, { card: cards.value }) },
                },
                "Inject at the next news",
              ),
            ),
            queued
              ? h(
                  "p",
                  { class: "sent", id: "inject-queued", role: "status" },
                  `Queued: “${queued.title}” — in the news of round ${cv!.host!.injectRound}.`,
                )
              : null,
          )
        : null,
      info.phase !== "lobby"
        ? h(
            "div",
            { class: "exports" },
            h("h3", null, "Export the session"),
            h("p", { class: "small muted" }, "The record, every team's proposals and votes, the polls and the chat."),
            h(
              "p",
              { class: "row" },
              h(
                "a",
                {
                  class: "btn small",
                  id: "export-json",
                  href: `/api/matches/${info.code}/session.json${q}`,
                  download: `${info.code}-session.json`,
                },
                "Download JSON",
              ),
              h(
                "a",
                {
                  class: "btn small",
                  id: "export-csv",
                  href: `/api/matches/${info.code}/session.csv${q}`,
                  download: `${info.code}-session.csv`,
                },
                "Download CSV",
              ),
              info.phase === "ended"
                ? h(
                    "button",
                    {
                      type: "button",
                      class: "btn small",
                      id: "print-summary-btn",
                      on: { click: () => window.print() },
                    },
                    "Print a one-page summary",
                  )
                : null,
            ),
          )
        : null,
      cv && cv.polls.length
        ? h(
            "p",
            { class: "small" },
            h("strong", null, "Polls so far: "),
            cv.polls
              .map(
                (p) =>
                  `round ${p.round}: ${p.for}/${p.unsure}/${p.against}${p.effect ? ` (will ${p.effect > 0 ? "+1" : "−1"})` : ""}`,
              )
              .join("; "),
          )
        : null,
    );
  }

  const unsub = subscribe(() => draw());
  const unsubC = onClassView(() => draw());
  draw();
  return {
    el: root,
    destroy() {
      unsub();
      unsubC();
      chat.destroy();
    },
  };
}
