// Replay: step through a finished match round by round, rebuilt client-side from its record by the engine.
import {
  createMatch,
  publicView,
  recordSetup,
  reportFor,
  resolveRound,
  type MatchRecord,
  type MatchState,
  type RoundReport,
} from "@metastrategy/shared";
import type { BoardHandle } from "../board/board";
import { boardModel } from "../model";
import type { Net } from "../net/types";
import { announce } from "./announce";
import { debriefView } from "./debrief";
import { h, render } from "./dom";
import { ENDING_NAMES, scenarioName } from "./format";
import { reportView } from "./report";
import type { Screen } from "./screen";
import { boardSummary, textBoard } from "./textboard";

interface Frame {
  state: MatchState;
  report: RoundReport | null;
}

export function framesOf(record: MatchRecord): Frame[] {
  let state = createMatch(recordSetup(record));
  const frames: Frame[] = [{ state, report: null }];
  for (let r = 0; r < record.ordersByRound.length && state.phase !== "ended"; r++) {
    const res = resolveRound(state, record.ordersByRound[r], record.extrasByRound?.[r] ?? null);
    state = res.state;
    frames.push({ state, report: reportFor(res.report, null) });
  }
  return frames;
}

export function replayScreen(net: Net, code: string): Screen {
  const root = h(
    "main",
    { id: "main", class: "replay", tabindex: "-1" },
    h("p", null, h("a", { href: "#replays", class: "btn ghost" }, "← Replays")),
    h("h1", { id: "replay-h" }, `Replay of ${code}`),
    h("p", { class: "muted", role: "status" }, "Loading the match record…"),
  );
  let board: BoardHandle | null = null;
  let destroyed = false;
  let onKey: ((e: KeyboardEvent) => void) | null = null;

  void (async () => {
    let record: MatchRecord;
    try {
      record = await net.record(code);
    } catch (e) {
      render(
        root,
        h("p", null, h("a", { href: "#replays", class: "btn ghost" }, "← Replays")),
        h("h1", null, `Replay of ${code}`),
        h("p", { class: "status", role: "alert" }, e instanceof Error ? e.message : "The record could not be loaded."),
      );
      return;
    }
    if (destroyed) return;
    let frames: Frame[];
    try {
      frames = framesOf(record);
    } catch (e) {
      render(
        root,
        h("h1", null, `Replay of ${code}`),
        h("p", { role: "alert" }, `This record cannot be replayed here: ${e instanceof Error ? e.message : e}`),
      );
      return;
    }
    let k = 0;
    const last = frames.length - 1;
    const boardWrap = h("div", {
      class: "board-wrap",
      role: "img",
      "aria-roledescription": "game board",
      "aria-describedby": "replay-text",
      id: "replay-board",
    });
    const textEl = h("section", { class: "text-board-wrap shown", id: "replay-text", "aria-label": "Board as text" });
    const reportEl = h("div", { class: "replay-report" });
    const slider = h("input", {
      type: "range",
      id: "replay-slider",
      min: "0",
      max: String(last),
      value: "0",
      "aria-label": "Round",
      on: { input: () => go(Number(slider.value)) },
    });
    const label = h("span", { class: "replay-pos", "aria-live": "polite" });
    const btn = (id: string, text: string, fn: () => void) =>
      h("button", { type: "button", class: "btn", id, on: { click: fn } }, text);
    const controls = h(
      "div",
      { class: "replay-controls row", role: "group", "aria-label": "Replay controls" },
      btn("replay-first", "« Start", () => go(0)),
      btn("replay-prev", "◀ Previous", () => go(k - 1)),
      slider,
      label,
      btn("replay-next", "Next ▶", () => go(k + 1)),
      btn("replay-last", "End »", () => go(last)),
    );
    const endEl = h("div", { class: "replay-end" });
    const final = frames[last].state;
    render(
      root,
      h("p", null, h("a", { href: "#replays", class: "btn ghost" }, "← Replays")),
      h("h1", { id: "replay-h" }, `Replay of ${code}`),
      h(
        "p",
        { class: "muted" },
        `${scenarioName(record.scenario)} · ${record.seats.length} seats · ${frames.length - 1} rounds played · seed ${record.seed}`,
        final.end ? ` · ${ENDING_NAMES[final.end.ending]}` : "",
      ),
      controls,
      h(
        "div",
        { class: "match-grid" },
        h("section", { class: "board-area", "aria-label": "Board" }, boardWrap, textEl),
        h("aside", { class: "side" }, reportEl),
      ),
      endEl,
    );

    function go(n: number): void {
      k = Math.max(0, Math.min(last, n));
      slider.value = String(k);
      const f = frames[k];
      const view = publicView(f.state);
      // Before the end, hide what the record reveals only at the end.
      const shown = k === last ? view : { ...view, reveal: null };
      label.textContent = k === 0 ? "Start of the match" : `After round ${k} of ${last}`;
      const model = boardModel(shown, f.report, null);
      boardWrap.setAttribute("aria-label", boardSummary(model));
      render(textEl, textBoard(model));
      board?.update(model);
      render(
        reportEl,
        f.report
          ? reportView(f.report, null, { open: true })
          : h(
              "section",
              { class: "panel" },
              h("h2", null, "Before round 1"),
              h("p", null, "Step forward to see each round's news and what happened."),
            ),
      );
      render(endEl, k === last ? debriefView(view, null, {}) : null);
      announce(label.textContent ?? "");
    }

    onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement)?.tagName === "INPUT") return;
      if (e.key === "ArrowRight") go(k + 1);
      else if (e.key === "ArrowLeft") go(k - 1);
    };
    window.addEventListener("keydown", onKey);
    go(0);
    const { mountBoard } = await import("../board/board");
    if (destroyed) return;
    board = mountBoard(boardWrap);
    boardWrap.dataset.ready = "1";
    go(k);
  })();

  return {
    el: root,
    destroy() {
      destroyed = true;
      board?.destroy();
      if (onKey) window.removeEventListener("keydown", onKey);
    },
  };
}

export function replaysScreen(net: Net): Screen {
  const list = h("div", null, h("p", { class: "muted" }, "Loading…"));
  const input = h("input", {
    id: "replay-code",
    type: "text",
    maxlength: "8",
    autocapitalize: "characters",
    spellcheck: "false",
  });
  const root = h(
    "main",
    { id: "main", class: "replays", tabindex: "-1" },
    h("p", null, h("a", { href: "#", class: "btn ghost" }, "← Home")),
    h("h1", null, "Replays"),
    h(
      "section",
      { class: "panel" },
      h(
        "form",
        {
          on: {
            submit: (e: Event) => {
              e.preventDefault();
              const c = input.value.trim().toUpperCase();
              if (c) location.hash = `#replay/${c}`;
            },
          },
        },
        h("label", { for: "replay-code" }, "Code of a finished match"),
        h("div", { class: "row" }, input, h("button", { type: "submit", class: "btn" }, "Watch")),
      ),
    ),
    h("section", { class: "panel" }, h("h2", null, "Matches you played"), list),
  );
  void net.listFinished().then((rows) =>
    render(
      list,
      rows.length === 0
        ? h("p", { class: "muted" }, "Finished matches you play appear here.")
        : h(
            "ul",
            { class: "matches" },
            rows.map((m) =>
              h(
                "li",
                null,
                h(
                  "span",
                  null,
                  h("strong", null, m.name || m.id),
                  ` · ${scenarioName(m.scenario)} · ${m.ending ? (ENDING_NAMES[m.ending as keyof typeof ENDING_NAMES] ?? m.ending) : "stopped by the host"}`,
                  m.score !== null && m.score !== undefined ? ` · your score ${m.score}` : "",
                  h(
                    "span",
                    { class: "muted small" },
                    ` · ${new Date(m.endedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}`,
                  ),
                ),
                h("a", { class: "btn", href: `#replay/${m.id}` }, "Watch"),
              ),
            ),
          ),
    ),
  );
  return { el: root, destroy() {} };
}
