// The match screen: header with timer, the Phaser board (lazy) and its text mirror, orders, reports, chat, debrief.
import {
  entryText,
  newsCard as cardText,
  type ClientSnapshot,
  type RoundReport,
  type SeatView,
} from "@metastrategy/shared";
import type { BoardHandle } from "../board/board";
import { boardModel } from "../model";
import type { Net } from "../net/types";
import { getState, lastReport, setState, subscribe } from "../store";
import { announce } from "./announce";
import { chatPanel } from "./chat";
import { debriefView } from "./debrief";
import { h, render } from "./dom";
import { ENDING_NAMES, PHASE_NAMES, doctrineName, levelName, roleName } from "./format";
import { goalsCard } from "./goals";
import { hint, onGuide, setClockNote, startGuide, guideWanted } from "./guide";
import { bindHolds, confirmHeld, holdClock, soloClock } from "./hold";
import { ORDER_PHASES, ordersPanel } from "./orders";
import { newsCard, reportSummary, reportsPanel } from "./report";
import type { Screen } from "./screen";
import { boardSummary, textBoard } from "./textboard";

const PHASE_HELP: Record<string, string> = {
  news: "The news of the round is in. Read the event card.",
  deliberation: "Talk it over in the chat. You may already give your orders.",
  orders: "Give your orders before the timer runs out.",
  resolution: "The world resolves everyone's orders at once…",
  report: "Read what happened this round.",
  ended: "The match is over.",
};

/** The last round in brief, above the orders, with a link to the full report under the board. */
function latestBox(r: RoundReport, mySeat: number | null, fresh: boolean): HTMLElement {
  const pub = r.entries.filter((e) => e.seat === null && e.concept !== "dangerLine");
  // Every private line: together they explain the numbers on your side of the board (a gain, then a flaw that cost it).
  const mine = r.entries.filter((e) => e.seat !== null && e.seat === mySeat);
  const pick = [...mine.slice(0, 6), ...pub.slice(0, 3)];
  return h(
    "section",
    { class: `panel latest${fresh ? " fresh" : ""}`, "aria-labelledby": "latest-h" },
    h("h2", { id: "latest-h" }, `Round ${r.round} in brief`),
    h(
      "ul",
      { class: "entries" },
      pick.map((e) =>
        h(
          "li",
          { class: e.seat === null ? "pub" : "priv" },
          e.seat !== null ? h("span", { class: "tag-private" }, "Only you") : null,
          entryText(e),
        ),
      ),
    ),
    h(
      "a",
      {
        href: "#reports",
        class: "btn small",
        on: {
          click: (ev: Event) => {
            ev.preventDefault();
            const el = document.getElementById("reports");
            const first = el?.querySelector("details.report") as HTMLDetailsElement | null;
            if (first) first.open = true;
            el?.scrollIntoView({ block: "start" });
            (first?.querySelector("summary") as HTMLElement | null)?.focus();
          },
        },
      },
      `Full report (${r.entries.filter((e) => e.seat === null || e.seat === mySeat).length} events)`,
    ),
  );
}

export function matchScreen(net: Net): Screen {
  const root = h("main", { id: "main", class: "match", tabindex: "-1" });
  const bar = h("header", { class: "match-bar" });
  const boardWrap = h(
    "div",
    {
      class: "board-wrap",
      role: "img",
      "aria-roledescription": "game board",
      "aria-describedby": "board-text",
      id: "board-canvas",
    },
    h("p", { class: "board-loading muted" }, "Loading the board…"),
  );
  const textEl = h("section", { class: "text-board-wrap", id: "board-text", "aria-label": "Board as text" });
  const textToggle = h(
    "button",
    {
      type: "button",
      class: "btn small ghost",
      id: "toggle-text",
      "aria-expanded": "false",
      "aria-controls": "board-text",
      on: {
        click: () => {
          const open = textEl.classList.toggle("shown");
          textToggle.setAttribute("aria-expanded", String(open));
          textToggle.textContent = open ? "Hide board as text" : "Show board as text";
        },
      },
    },
    "Show board as text",
  );
  const newsEl = h("div", { class: "news-dom" });
  const reportsEl = h("div", { class: "reports-holder" });
  const boardArea = h(
    "section",
    { class: "board-area", "aria-labelledby": "board-h" },
    h("div", { class: "row spread" }, h("h2", { id: "board-h" }, "The world"), textToggle),
    boardWrap,
    textEl,
    newsEl,
    reportsEl,
  );
  const orders = ordersPanel(net);
  const chat = chatPanel(net);
  const debriefEl = h("div", { class: "debrief-holder" });
  const latestEl = h("div", { class: "latest-holder" });
  const goalsEl = h("div", { class: "goals-holder" });
  // The side comes first: on a phone the round in brief, the orders and the clock are what you need first.
  const side = h("aside", { class: "side", "aria-label": "Orders and chat" }, latestEl, orders.el, goalsEl, chat.el);
  const grid = h("div", { class: "match-grid" }, side, boardArea);
  const pausedNote = h("p", { class: "paused-note", role: "status", id: "paused-note" });
  root.append(bar, pausedNote, debriefEl, grid);
  let hostMenuOpen = false;
  let guideOpen = false;
  let lastGoals = "";
  const unbindHolds = bindHolds(net);
  setClockNote(
    soloClock()
      ? "The clock is paused while this is open."
      : "The clock keeps running: other players are deciding too.",
  );
  let releaseGuide: (() => void) | null = null;
  const unGuide = onGuide((open) => {
    guideOpen = open;
    if (open) releaseGuide ??= holdClock();
    else {
      releaseGuide?.();
      releaseGuide = null;
    }
    drawPaused(getState().snap);
  });

  let board: BoardHandle | null = null;
  let destroyed = false;
  let lastPhase = "";
  let lastReports = -1;
  let lastNews = "";
  let lastBarKey = "";
  let ended = false;

  void import("../board/board")
    .then(({ mountBoard }) => {
      if (destroyed) return;
      boardWrap.querySelector(".board-loading")?.remove();
      try {
        board = mountBoard(boardWrap);
        boardWrap.dataset.ready = "1";
        drawBoard(getState().snap);
        maybeGuide();
      } catch (e) {
        boardWrap.append(
          h(
            "p",
            { class: "muted" },
            "The picture board could not start here; the board as text below shows everything.",
          ),
        );
        textEl.classList.add("shown");
      }
    })
    .catch(() => {
      boardWrap
        .querySelector(".board-loading")
        ?.replaceWith(h("p", { class: "muted" }, "The board could not load; the text board shows everything."));
      textEl.classList.add("shown");
    });

  function maybeGuide(): void {
    const snap = getState().snap;
    if (!snap || !board || !guideWanted(snap)) return;
    startGuide(() => board?.regions() ?? {}, boardWrap);
  }

  function drawBoard(snap: ClientSnapshot | null): void {
    if (!snap?.view) return;
    const model = boardModel(snap.view, lastReport(snap), snap.mySeat);
    boardWrap.setAttribute("aria-label", boardSummary(model));
    render(textEl, h("h3", null, "Board as text"), textBoard(model));
    board?.update(model);
    if (board) {
      const regions = () => board?.regions() ?? {};
      if (model.fx.some((f) => f.kind === "paradigm")) hint("paradigm", regions, boardWrap);
      if (model.fx.some((f) => f.kind === "leak")) hint("leak", regions, boardWrap);
      if (model.labs.some((l) => l.cap >= model.danger) && !model.end) hint("danger", regions, boardWrap);
      if (snap.reports.length > 0 && !model.end) window.setTimeout(() => hint("report", regions, boardWrap), 50);
    }
  }

  function drawBar(snap: ClientSnapshot): void {
    const info = snap.info;
    const v = snap.view;
    const me = v && "me" in v ? (v as SeatView).me : null;
    const sentNow = ORDER_PHASES.has(info.phase) && v !== null && getState().sentRound === v.round;
    const key = JSON.stringify([
      info.phase,
      info.round,
      info.rounds,
      info.paused,
      snap.isHost,
      me,
      v?.seats.map((s) => s.prestige),
      info.seats.map((s) => s.submitted),
      sentNow,
      snap.reports.length,
      hostMenuOpen,
    ]);
    if (key === lastBarKey) return;
    lastBarKey = key;
    // Orders this client sent count at once (the server's tick for them may wait for the round's results).
    const waiting = info.seats.filter(
      (s, i) => s.kind === "human" && s.connected && !s.submitted && !(sentNow && i === snap.mySeat),
    ).length;
    // During the report the engine is already on the next round: the header names the round being reported.
    const reported = lastReport(snap)?.round ?? 0;
    const shown =
      (info.phase === "report" || info.phase === "ended") && reported > 0 ? reported : Math.max(1, info.round);
    const bots = info.seats.filter((s) => s.kind !== "human");
    const levels = [...new Set(bots.map((s) => s.difficulty))];
    const hostButtons =
      snap.isHost && info.phase !== "ended"
        ? [
            info.paused
              ? h(
                  "button",
                  { type: "button", class: "btn small", id: "host-resume", on: { click: () => net.hostResume() } },
                  "Resume",
                )
              : h(
                  "button",
                  { type: "button", class: "btn small", id: "host-pause", on: { click: () => net.hostPause() } },
                  "Pause",
                ),
            h("button", { type: "button", class: "btn small", on: { click: () => net.hostExtend(30) } }, "+30 s"),
            h(
              "button",
              { type: "button", class: "btn small", id: "end-phase", on: { click: () => net.hostEndPhase() } },
              "End phase",
            ),
            h(
              "button",
              {
                type: "button",
                class: "btn small ghost",
                id: "end-match",
                on: {
                  click: () => {
                    if (confirmHeld("End the match for everyone now?")) net.hostEndMatch();
                  },
                },
              },
              "End match",
            ),
          ]
        : null;
    render(
      bar,
      h(
        "div",
        { class: "bar-main" },
        h("h1", { class: "bar-title" }, `Round ${shown} of ${info.rounds}`),
        info.mode !== "solo"
          ? h("span", { class: "muted small" }, "Code ", h("strong", { id: "match-code" }, info.code))
          : null,
        h("span", { class: `phase phase-${info.phase}`, id: "phase" }, PHASE_NAMES[info.phase] ?? info.phase),
        info.paused ? h("span", { class: "phase phase-paused" }, "Paused") : null,
        h("span", {
          class: "timer big-timer",
          "data-timer": "1",
          role: "timer",
          "aria-label": "Time left in this phase",
        }),
        info.phase === "orders" || info.phase === "deliberation"
          ? h("span", { class: "muted small" }, `${waiting} player${waiting === 1 ? "" : "s"} still deciding`)
          : null,
        info.mode === "solo" && levels.length
          ? h(
              "span",
              { class: "muted small", id: "bot-levels" },
              `Bots: ${levels.map((d) => levelName(d, true).toLowerCase()).join(", ")}`,
            )
          : null,
      ),
      me
        ? h(
            "div",
            { class: "me", "aria-label": "Your seat" },
            h("strong", null, `${roleName(me.role)} · ${doctrineName(me.doctrine)}`),
            h("span", null, `Funds ${me.funds}`),
            me.role === "regulator" ? h("span", null, `Influence ${me.influence}`) : null,
            h("span", null, `Prestige ${me.prestige}`),
            me.lab ? h("span", null, `Security ${me.lab.sec}`) : null,
            me.researcher ? h("span", null, `Unpublished theory ${me.researcher.theoryPrivate}`) : null,
          )
        : h("div", { class: "me muted" }, "Watching as a spectator"),
      h(
        "div",
        { class: "bar-actions" },
        // Host controls: inline on wide screens, behind one "Host" button on a phone (CSS decides which shows).
        hostButtons
          ? h(
              "button",
              {
                type: "button",
                class: "btn small host-toggle",
                id: "host-menu-btn",
                "aria-expanded": String(hostMenuOpen),
                "aria-controls": "host-menu",
                on: {
                  click: () => {
                    hostMenuOpen = !hostMenuOpen;
                    lastBarKey = "";
                    drawBar(getState().snap!);
                    document.getElementById("host-menu-btn")?.focus();
                  },
                },
              },
              hostMenuOpen ? "Host ▴" : "Host ▾",
            )
          : null,
        hostButtons
          ? h(
              "div",
              {
                class: `host-menu${hostMenuOpen ? " open" : ""}`,
                id: "host-menu",
                role: "group",
                "aria-label": "Host controls",
              },
              hostButtons,
            )
          : null,
        h(
          "button",
          {
            type: "button",
            class: "btn small ghost",
            on: { click: () => startGuide(() => board?.regions() ?? {}, boardWrap, true) },
          },
          "Guide",
        ),
        h("a", { class: "btn small ghost", href: "#howto", target: "_blank", rel: "noopener" }, "How to play"),
        h(
          "button",
          {
            type: "button",
            class: "btn small ghost",
            id: "leave-match",
            on: {
              click: () => {
                if (info.phase === "ended" || confirmHeld("Leave the match? A bot will play your seat."))
                  void net.leave();
              },
            },
          },
          "Leave",
        ),
      ),
    );
  }

  function drawPaused(snap: ClientSnapshot | null): void {
    const info = snap?.info;
    const text =
      !info || !info.paused || info.phase === "ended"
        ? ""
        : guideOpen && soloClock()
          ? "Paused while you read the guide: the clock starts again when you close it."
          : snap!.isHost
            ? "Paused. Press Resume (Host menu on a phone) to go on."
            : "The host has paused the match.";
    if (pausedNote.textContent !== text) pausedNote.textContent = text;
    pausedNote.hidden = text === "";
  }

  function drawGoals(snap: ClientSnapshot): void {
    const v = snap.view;
    // Only while the match runs: at the end (or when the host stops it) the score table takes over.
    const seatView = v && "me" in v && !v.end && !v.reveal && snap.info.phase !== "ended" ? (v as SeatView) : null;
    const key = seatView
      ? JSON.stringify([seatView.me, seatView.world, seatView.seats.map((x) => x.lab?.declaredCap)])
      : "";
    if (key === lastGoals) return;
    lastGoals = key;
    render(goalsEl, seatView ? goalsCard(seatView) : null);
  }

  function draw(snap: ClientSnapshot | null): void {
    if (!snap) return;
    drawBar(snap);
    drawPaused(snap);
    drawGoals(snap);
    const info = snap.info;
    if (info.phase !== lastPhase) {
      const was = lastPhase;
      lastPhase = info.phase;
      root.dataset.phase = info.phase;
      if (was) announce(`${PHASE_NAMES[info.phase] ?? info.phase}. ${PHASE_HELP[info.phase] ?? ""}`);
      if (info.phase === "orders" || info.phase === "news") setState({ error: null });
    }
    const news = JSON.stringify(snap.view?.news ?? []);
    if (news !== lastNews && snap.view && !snap.view.end) {
      lastNews = news;
      render(newsEl, snap.view.news.length ? newsCard({ news: snap.view.news }) : null);
      if (snap.view.news[0])
        announce(
          `News, round ${snap.view.round}: ${snap.view.news
            .map((n) => {
              const c = cardText(n);
              return `${c.headline}. ${c.text}`;
            })
            .join(" ")}`,
        );
    }
    if (snap.reports.length !== lastReports) {
      const fresh = lastReports >= 0 && snap.reports.length > lastReports;
      lastReports = snap.reports.length;
      render(reportsEl, reportsPanel(snap.reports, snap.mySeat));
      const r = lastReport(snap);
      if (fresh && r) announce(reportSummary(r, snap.mySeat));
      render(latestEl, r ? latestBox(r, snap.mySeat, fresh) : null);
    }
    drawBoard(snap);
    const isEnded = info.phase === "ended" || !!snap.view?.end || !!snap.view?.reveal;
    if (isEnded && !ended && snap.view?.reveal) {
      ended = true;
      root.classList.add("ended");
      orders.el.hidden = true;
      render(
        debriefEl,
        debriefView(snap.view, snap.mySeat, {
          onReplay: () => {
            location.hash = `#replay/${info.code}`;
          },
          onAgain: () => {
            void net.leave();
          },
        }),
      );
      announce(`The match has ended: ${snap.view.end ? ENDING_NAMES[snap.view.end.ending] : "ended"}.`);
      requestAnimationFrame(() => document.getElementById("debrief-h")?.focus());
    }
    if (info.phase === "ended" && !snap.view && !ended) {
      ended = true;
      render(
        debriefEl,
        h(
          "section",
          { class: "debrief", "aria-labelledby": "debrief-h" },
          h("h2", { id: "debrief-h", tabindex: "-1" }, "The host ended the match"),
          h("p", null, "It ended before the first round, so there is nothing to show."),
          h(
            "button",
            { type: "button", class: "btn primary", on: { click: () => void net.leave() } },
            "Back to the start",
          ),
        ),
      );
      grid.hidden = true;
    }
    if (ORDER_PHASES.has(info.phase)) side.classList.add("ordering");
    else side.classList.remove("ordering");
  }

  const unsub = subscribe((st) => draw(st.snap));
  draw(getState().snap);
  return {
    el: root,
    destroy() {
      destroyed = true;
      unsub();
      unGuide();
      releaseGuide?.();
      unbindHolds();
      orders.destroy();
      chat.destroy();
      board?.destroy();
    },
  };
}
