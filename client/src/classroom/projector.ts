// The projector: the board and the public report large, the timer, the join code, the teams by name, the poll.
// It joins as a spectator, so it only ever holds the public view.
import { entryText, type ClientSnapshot } from "@metastrategy/shared";
import type { BoardHandle } from "../board/board";
import { boardModel } from "../model";
import type { Net } from "../net/types";
import { getState, lastReport, subscribe } from "../store";
import { h, render } from "../ui/dom";
import { errorText } from "../ui/home";
import { newsCard } from "../ui/report";
import type { Screen } from "../ui/screen";
import { textBoard } from "../ui/textboard";
import { joinLink, phaseLine, teamTitle } from "./common";
import { classDebrief } from "./debrief";
import { classView, onClassView } from "./hook";

let joining = false;

export function projectorScreen(net: Net): Screen {
  const code = (new URLSearchParams(location.search).get("code") ?? "").toUpperCase();
  const root = h("main", { id: "main", class: "projector", tabindex: "-1" });
  const bar = h("header", { class: "proj-bar" });
  const boardWrap = h("div", { class: "proj-board", id: "proj-board", role: "img", "aria-label": "Game board" });
  const textEl = h("div", { class: "proj-text" });
  const side = h("aside", { class: "proj-side" });
  const debriefEl = h("div", { class: "proj-debrief" });
  const status = h("p", { class: "status", role: "status" });
  root.append(bar, status, debriefEl, h("div", { class: "proj-grid" }, h("div", null, boardWrap, textEl), side));
  let board: BoardHandle | null = null;
  let destroyed = false;
  let lastKey = "";
  let ended = false;

  function ensureJoined(): void {
    const st = getState();
    if (!code) {
      status.textContent = "Open this page as /projector?code=ABC234 (the class's join code).";
      return;
    }
    if (st.snap?.info.code === code || joining || st.connection === "connecting" || st.connection === "reconnecting")
      return;
    joining = true;
    status.textContent = `Connecting to class ${code}…`;
    net
      .joinByCode(code, "Projector", true)
      .then(() => {
        status.textContent = "";
      })
      .catch((e) => {
        status.textContent = errorText(e);
      })
      .finally(() => {
        joining = false;
      });
  }

  void import("../board/board")
    .then(({ mountBoard }) => {
      if (destroyed) return;
      try {
        board = mountBoard(boardWrap);
        boardWrap.dataset.ready = "1";
        lastKey = "";
        draw();
      } catch {
        boardWrap.hidden = true;
      }
    })
    .catch(() => {
      boardWrap.hidden = true;
    });

  function draw(): void {
    const snap = getState().snap;
    ensureJoined();
    if (!snap || snap.info.code !== code) return;
    const cv = classView();
    const key = JSON.stringify([
      snap.info,
      cv,
      snap.reports.length,
      snap.view?.round,
      snap.view?.news,
      !!snap.view?.reveal,
    ]);
    if (key === lastKey) return;
    lastKey = key;
    drawBar(snap);
    const view = snap.view;
    if (view) {
      const model = boardModel(view, lastReport(snap), null);
      board?.update(model);
      boardWrap.setAttribute("aria-label", `Game board, round ${view.round}`);
      render(textEl, board ? null : textBoard(model));
    }
    const r = lastReport(snap);
    const pub = r ? r.entries.filter((e) => e.seat === null) : [];
    render(
      side,
      view && !view.end && view.news.length
        ? h("section", { class: "proj-news" }, newsCard({ news: view.news }, "h3"))
        : null,
      r
        ? h(
            "section",
            { class: "proj-report", "aria-labelledby": "proj-report-h" },
            h("h2", { id: "proj-report-h" }, `What happened in round ${r.round}`),
            pub.length
              ? h(
                  "ul",
                  { class: "entries" },
                  pub.slice(0, 8).map((e) => h("li", null, entryText(e))),
                )
              : h("p", { class: "muted" }, "A quiet round."),
          )
        : null,
      cv
        ? h(
            "section",
            { class: "proj-teams", "aria-labelledby": "proj-teams-h" },
            h("h2", { id: "proj-teams-h" }, "Teams"),
            h(
              "ul",
              null,
              cv.teams.map((t) =>
                h(
                  "li",
                  null,
                  h("strong", null, teamTitle(t)),
                  ": ",
                  t.bot ? "a bot" : t.members.map((m) => m.name).join(", ") || "nobody yet",
                  snap.info.seats[t.seat]?.submitted && snap.info.phase !== "lobby"
                    ? h("span", { class: "badge" }, "has a plan")
                    : null,
                ),
              ),
            ),
            cv.observers.length
              ? h(
                  "p",
                  null,
                  h("strong", null, "Public: "),
                  `${cv.observers.length} observer${cv.observers.length === 1 ? "" : "s"}`,
                  snap.info.phase !== "lobby"
                    ? ` · poll: ${cv.poll.for} caution, ${cv.poll.unsure} unsure, ${cv.poll.against} go on`
                    : "",
                )
              : null,
          )
        : null,
    );
    if (!ended && snap.info.phase === "ended" && view?.reveal) {
      ended = true;
      render(debriefEl, classDebrief(view, cv, null));
    }
  }

  function drawBar(snap: ClientSnapshot): void {
    render(
      bar,
      h("h1", null, snap.info.name || "Class"),
      phaseLine(snap, true),
      h(
        "p",
        { class: "proj-join" },
        "Join: ",
        h("strong", { id: "proj-code" }, snap.info.code),
        h("span", { class: "muted" }, ` at ${joinLink(snap.info.code).replace(/\?.*$/, "")}`),
      ),
    );
  }

  const unsub = subscribe(() => draw());
  const unsubC = onClassView(() => draw());
  draw();
  return {
    el: root,
    destroy() {
      destroyed = true;
      unsub();
      unsubC();
      board?.destroy();
    },
  };
}
