// Lobby: seats (role, doctrine, human or bot and difficulty, ready), the join code and share link, host settings.
import {
  DIFFICULTIES,
  DOCTRINES,
  ROLES,
  SCENARIO_IDS,
  SCENARIOS,
  type ClientSnapshot,
  type Difficulty,
  type Doctrine,
  type LobbySeat,
  type Role,
} from "@metastrategy/shared";
import type { Net } from "../net/types";
import { getState, subscribe } from "../store";
import { chatPanel } from "./chat";
import { h, numberField, render } from "./dom";
import { doctrineName, levelName, roleName, scenarioName } from "./format";
import type { Screen } from "./screen";

export function shareLink(code: string): string {
  return `${location.origin}/?join=${encodeURIComponent(code)}`;
}

export function lobbyScreen(net: Net): Screen {
  const root = h("main", { id: "main", class: "lobby", tabindex: "-1" });
  const head = h("section", { class: "panel code-panel", "aria-labelledby": "code-h" });
  const seatsEl = h("section", { class: "panel seats", "aria-labelledby": "seats-h" });
  const hostEl = h("section", { class: "panel host", "aria-labelledby": "host-h" });
  const chat = chatPanel(net);
  const copyStatus = h("span", { role: "status", class: "muted small" });
  let lastKey = "";

  function draw(snap: ClientSnapshot): void {
    const key = JSON.stringify([snap.info, snap.mySeat, snap.isHost]);
    if (key === lastKey) return;
    lastKey = key;
    const { info } = snap;
    const link = shareLink(info.code);
    render(
      head,
      h("h1", { id: "code-h" }, info.name || "Match lobby"),
      h(
        "p",
        { class: "muted" },
        `${scenarioName(info.scenario)} · ${info.rounds} rounds · ${info.mode === "solo" ? "solo" : info.public ? "public" : "private"}`,
      ),
      h(
        "div",
        { class: "join-code" },
        h("span", { class: "label" }, "Join code"),
        h("strong", { class: "code", id: "lobby-code" }, info.code),
      ),
      h(
        "div",
        { class: "share" },
        h("label", { for: "share-link" }, "Share link"),
        h(
          "div",
          { class: "row" },
          h("input", {
            id: "share-link",
            type: "text",
            readonly: true,
            value: link,
            on: { focus: (e: Event) => (e.target as HTMLInputElement).select() },
          }),
          h(
            "button",
            {
              type: "button",
              class: "btn",
              id: "copy-link",
              on: {
                click: async () => {
                  try {
                    await navigator.clipboard.writeText(link);
                    copyStatus.textContent = "Link copied.";
                  } catch {
                    copyStatus.textContent = "Select the link and copy it.";
                  }
                },
              },
            },
            "Copy",
          ),
        ),
        copyStatus,
      ),
      snap.isHost
        ? h(
            "div",
            { class: "row start-row" },
            h(
              "button",
              { type: "button", class: "btn primary big", id: "start-match", on: { click: () => net.hostStart() } },
              "Start match",
            ),
            h("span", { class: "muted small" }, "Open seats are played by bots. Humans who are not ready still play."),
          )
        : h(
            "p",
            { class: "muted", id: "lobby-wait" },
            snap.mySeat !== null
              ? `You sit at seat ${snap.mySeat + 1} as ${roleName(snap.info.seats[snap.mySeat].role)}. Waiting for the host to start the match.`
              : "You are watching. Take an open seat below to play; the host starts the match.",
          ),
    );
    drawSeats(snap);
    drawHost(snap);
  }

  function drawSeats(snap: ClientSnapshot): void {
    const mine = snap.mySeat;
    const me = mine !== null ? snap.info.seats[mine] : null;
    render(
      seatsEl,
      h("h2", { id: "seats-h" }, "Seats"),
      h(
        "ul",
        { class: "seat-list" },
        snap.info.seats.map((seat) => seatRow(snap, seat)),
      ),
      mine === null
        ? h("p", { class: "muted" }, "Take an open seat to play, or stay to watch.")
        : h(
            "div",
            { class: "row" },
            h("label", { for: "my-doctrine" }, "Your metastrategy"),
            h(
              "select",
              {
                id: "my-doctrine",
                on: { change: (e: Event) => net.setDoctrine((e.target as HTMLSelectElement).value as Doctrine) },
              },
              DOCTRINES.map((d) => h("option", { value: d, selected: me?.doctrine === d }, doctrineName(d))),
            ),
            h(
              "button",
              {
                type: "button",
                class: me?.ready ? "btn" : "btn primary",
                id: "ready-btn",
                "aria-pressed": String(!!me?.ready),
                on: { click: () => net.ready(!me?.ready) },
              },
              me?.ready ? "Ready ✓ (click to undo)" : "I'm ready",
            ),
            h("button", { type: "button", class: "btn ghost", on: { click: () => net.leaveSeat() } }, "Leave seat"),
          ),
    );
  }

  function seatRow(snap: ClientSnapshot, seat: LobbySeat): HTMLElement {
    const mine = snap.mySeat === seat.index;
    const who =
      seat.kind === "human"
        ? seat.name + (seat.connected ? "" : " (away)")
        : seat.kind === "bot"
          ? `Bot · ${levelName(seat.difficulty, true).toLowerCase()}`
          : `Open (a ${levelName(seat.difficulty, true).toLowerCase()} bot plays it if nobody takes it)`;
    const host = snap.isHost;
    return h(
      "li",
      { class: `seat${mine ? " mine" : ""}`, "data-seat": seat.index },
      h("span", { class: "seat-no" }, `#${seat.index + 1}`),
      h("span", { class: "seat-role" }, roleName(seat.role)),
      h("span", { class: "seat-doc" }, doctrineName(seat.doctrine)),
      h("span", { class: "seat-who" }, who, mine ? h("strong", null, " (you)") : null),
      h(
        "span",
        {
          class: `seat-ready ${seat.ready || seat.kind === "bot" ? "yes" : "no"}`,
          "aria-label": seat.kind === "bot" || seat.ready ? "ready" : "not ready",
        },
        seat.kind === "bot" || seat.ready ? "✓ ready" : "… waiting",
      ),
      seat.kind === "open"
        ? h(
            "button",
            { type: "button", class: "btn", on: { click: () => net.takeSeat(seat.index) } },
            snap.mySeat === null ? "Take seat " : "Move here ",
            h("span", { class: "sr-only" }, `${seat.index + 1}`),
          )
        : null,
      host && !mine ? hostSeatControls(seat) : null,
    );
  }

  function hostSeatControls(seat: LobbySeat): HTMLElement {
    const id = `seat-${seat.index}`;
    return h(
      "span",
      { class: "host-seat" },
      h("label", { class: "sr-only", for: `${id}-role` }, `Role of seat ${seat.index + 1}`),
      h(
        "select",
        {
          id: `${id}-role`,
          on: {
            change: (e: Event) =>
              net.hostSeat({
                seat: seat.index,
                bot: seat.kind === "bot",
                role: (e.target as HTMLSelectElement).value as Role,
              }),
          },
        },
        ROLES.map((r) => h("option", { value: r, selected: r === seat.role }, roleName(r))),
      ),
      seat.kind !== "human"
        ? h(
            "button",
            {
              type: "button",
              class: "btn small",
              on: { click: () => net.hostSeat({ seat: seat.index, bot: seat.kind !== "bot" }) },
            },
            seat.kind === "bot" ? "Open for a human" : "Give to a bot",
          )
        : h("button", { type: "button", class: "btn small", on: { click: () => net.hostKick(seat.index) } }, "Kick"),
      seat.kind !== "human" ? botLevel(seat) : null,
      h(
        "button",
        {
          type: "button",
          class: "btn small ghost",
          "aria-label": `Remove seat ${seat.index + 1}`,
          on: { click: () => net.hostSeat({ seat: seat.index, bot: true, remove: true }) },
        },
        "Remove",
      ),
    );
  }

  /** The level of the bot that plays this seat (an open seat gets its bot at the start). */
  function botLevel(seat: LobbySeat): HTMLElement[] {
    const id = `seat-${seat.index}-diff`;
    return [
      h("label", { class: "sr-only", for: id }, `Bot level of seat ${seat.index + 1}`),
      h(
        "select",
        {
          id,
          class: "bot-level",
          on: {
            change: (e: Event) =>
              net.hostSeat({
                seat: seat.index,
                bot: seat.kind === "bot",
                difficulty: (e.target as HTMLSelectElement).value as Difficulty,
              }),
          },
        },
        DIFFICULTIES.map((d) =>
          h("option", { value: d, selected: d === seat.difficulty }, `Bot: ${levelName(d, true).toLowerCase()}`),
        ),
      ),
    ];
  }

  function drawHost(snap: ClientSnapshot): void {
    if (!snap.isHost) {
      render(
        hostEl,
        h("h2", { id: "host-h" }, "Match settings"),
        h(
          "ul",
          null,
          h("li", null, `Scenario: ${scenarioName(snap.info.scenario)}`),
          h("li", null, `${snap.info.rounds} rounds`),
          h(
            "li",
            null,
            `Talk ${snap.info.timers.deliberation} s · orders ${snap.info.timers.orders} s · report ${snap.info.timers.report} s`,
          ),
        ),
        h("p", { class: "muted small" }, SCENARIOS[snap.info.scenario]?.blurb ?? ""),
      );
      return;
    }
    const t = snap.info.timers;
    const seatCount = snap.info.seats.length;
    render(
      hostEl,
      h("h2", { id: "host-h" }, "Host settings"),
      h(
        "div",
        { class: "form-grid" },
        h("label", { for: "host-scenario" }, "Scenario"),
        h(
          "select",
          {
            id: "host-scenario",
            on: { change: (e: Event) => net.hostSettings({ scenario: (e.target as HTMLSelectElement).value }) },
          },
          SCENARIO_IDS.map((id) => h("option", { value: id, selected: id === snap.info.scenario }, SCENARIOS[id].name)),
        ),
        numberField("host-rounds", "Rounds", snap.info.rounds, 1, 30, (n) => net.hostSettings({ rounds: n })),
        numberField("host-t-delib", "Talk (s)", t.deliberation, 0, 1800, (n) =>
          net.hostSettings({ timers: { deliberation: n } }),
        ),
        numberField("host-t-orders", "Orders (s)", t.orders, 5, 1800, (n) =>
          net.hostSettings({ timers: { orders: n } }),
        ),
        numberField("host-t-report", "Report (s)", t.report, 0, 600, (n) =>
          net.hostSettings({ timers: { report: n } }),
        ),
        h("label", { for: "host-public" }, "Public"),
        h("input", {
          id: "host-public",
          type: "checkbox",
          checked: snap.info.public,
          on: { change: (e: Event) => net.hostSettings({ public: (e.target as HTMLInputElement).checked }) },
        }),
      ),
      h("p", { class: "muted small" }, SCENARIOS[snap.info.scenario]?.blurb ?? ""),
      seatCount < 8
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
                  on: { click: () => net.hostSeat({ seat: seatCount, bot: true, role: r }) },
                },
                `+ ${roleName(r)}`,
              ),
            ),
          )
        : null,
    );
  }

  root.append(
    head,
    h("div", { class: "lobby-grid" }, seatsEl, hostEl, chat.el),
    h(
      "p",
      null,
      h("button", { type: "button", class: "btn ghost", on: { click: () => void net.leave() } }, "Leave match"),
    ),
  );
  const unsub = subscribe((st) => {
    if (st.snap) draw(st.snap);
  });
  const snap = getState().snap;
  if (snap) draw(snap);
  return {
    el: root,
    destroy() {
      unsub();
      chat.destroy();
    },
  };
}
