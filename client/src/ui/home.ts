// Home: play solo in two clicks, create or join a match with friends, public matches, how to play.
import {
  DIFFICULTIES,
  DOCTRINES,
  ROLES,
  ROLE_DEFS,
  SCENARIOS,
  SCENARIO_IDS,
  DOCTRINE_DEFS,
  type Difficulty,
  type Doctrine,
  type Role,
  type CreateOptions,
} from "@metastrategy/shared";
import { playedMatches } from "../net/session";
import type { Net, PublicMatch } from "../net/types";
import { h, render, seedInput, seedOf } from "./dom";
import { doctrineName, levelName, scenarioName } from "./format";
import type { Screen } from "./screen";

const NAME_KEY = "metastrategy.name";
const SOLO_KEY = "metastrategy.soloPlayed";

/** A first solo match is a calm table: easy bots, and the page says so. */
export function firstSolo(): boolean {
  return localStorage.getItem(SOLO_KEY) !== "1" && playedMatches().length === 0;
}

export function playerName(): string {
  return localStorage.getItem(NAME_KEY) || "Player";
}

const ROLE_ICON: Record<Role, string> = { lab: "▣", regulator: "⚖", researcher: "✎" };

export function homeScreen(net: Net, opts: { joinCode?: string; error?: string | null }): Screen {
  let role: Role = "lab";
  let busy = false;
  let status = opts.error ?? "";
  const root = h("main", { id: "main", class: "home", tabindex: "-1" });

  const nameInput = h("input", {
    id: "name",
    type: "text",
    maxlength: "24",
    autocomplete: "nickname",
    value: playerName(),
    on: { change: () => localStorage.setItem(NAME_KEY, nameInput.value.trim() || "Player") },
  });
  const codeInput = h("input", {
    id: "join-code",
    type: "text",
    maxlength: "8",
    autocapitalize: "characters",
    spellcheck: "false",
    inputmode: "text",
    placeholder: "e.g. K7QX",
    size: 9,
    value: opts.joinCode ?? "",
    "aria-describedby": "join-help",
  });
  const doctrineSel = h(
    "select",
    { id: "solo-doctrine" },
    h("option", { value: "" }, "Let the game pick"),
    DOCTRINES.map((d) => h("option", { value: d }, doctrineName(d))),
  );
  const scenarioSel = h(
    "select",
    { id: "solo-scenario" },
    SCENARIO_IDS.map((id) => h("option", { value: id }, scenarioName(id))),
  );
  const roundsInput = h("input", {
    id: "solo-rounds",
    type: "number",
    min: "1",
    max: "30",
    placeholder: "scenario default",
    inputmode: "numeric",
  });
  const ordersInput = h("input", {
    id: "solo-orders-seconds",
    type: "number",
    min: "5",
    max: "1800",
    value: "90",
    inputmode: "numeric",
  });
  const seedEl = seedInput("solo-seed", "solo-seed-help");
  const calm = firstSolo();
  const diffSel = h(
    "select",
    { id: "solo-difficulty", on: { change: () => drawCalm() } },
    DIFFICULTIES.map((d) => h("option", { value: d, selected: d === (calm ? "easy" : "normal") }, levelName(d))),
  );
  const calmNote = h("p", { class: "small calm-note", id: "calm-note" });
  function drawCalm(): void {
    const d = diffSel.value;
    calmNote.textContent =
      calm && d === "easy"
        ? "Your first match is a calm table: the bots play easy, so you can learn the rules before the race gets rough. Change it under More options."
        : `The bots play ${levelName(d, true).toLowerCase()}.`;
  }
  drawCalm();
  const publicBox = h("input", { id: "create-public", type: "checkbox" });
  const statusEl = h("p", { class: "status", role: "status" }, status);
  const roleButtons = h("div", { class: "role-pick", role: "radiogroup", "aria-label": "Your role" });
  const publicList = h("div", { class: "public-list" }, h("p", { class: "muted" }, "Looking for public matches…"));

  function setStatus(text: string): void {
    status = text;
    statusEl.textContent = text;
  }

  function drawRoles(): void {
    render(
      roleButtons,
      ROLES.map((r, i) =>
        h(
          "button",
          {
            type: "button",
            role: "radio",
            class: "role-card",
            id: `role-${r}`,
            "aria-checked": String(r === role),
            tabindex: r === role ? "0" : "-1",
            on: {
              click: () => {
                role = r;
                drawRoles();
                (document.getElementById(`role-${r}`) as HTMLElement | null)?.focus();
              },
              keydown: (e: Event) => {
                const k = (e as KeyboardEvent).key;
                const d = k === "ArrowRight" || k === "ArrowDown" ? 1 : k === "ArrowLeft" || k === "ArrowUp" ? -1 : 0;
                if (!d) return;
                e.preventDefault();
                role = ROLES[(i + d + ROLES.length) % ROLES.length];
                drawRoles();
                (document.getElementById(`role-${role}`) as HTMLElement | null)?.focus();
              },
            },
          },
          h("span", { class: "role-icon", "aria-hidden": "true" }, ROLE_ICON[r]),
          h("strong", null, ROLE_DEFS[r].name),
          h("span", { class: "role-blurb" }, ROLE_DEFS[r].blurb),
        ),
      ),
    );
  }

  async function go(fn: () => Promise<void>, what: string): Promise<void> {
    if (busy) return;
    busy = true;
    root.setAttribute("aria-busy", "true");
    setStatus(`${what}…`);
    try {
      await fn();
    } catch (e) {
      setStatus(errorText(e));
    } finally {
      busy = false;
      root.removeAttribute("aria-busy");
    }
  }

  function soloOptions(): CreateOptions {
    const scenario = scenarioSel.value;
    const table = SCENARIOS[scenario].table.slice();
    // Put the player's role first; every other seat is a bot.
    const i = table.indexOf(role);
    if (i >= 0) table.splice(i, 1);
    const doctrine = (doctrineSel.value || undefined) as Doctrine | undefined;
    const difficulty = diffSel.value as Difficulty;
    const rounds = roundsInput.value ? Number(roundsInput.value) : undefined;
    const orders = Number(ordersInput.value) || 90;
    return {
      mode: "solo",
      scenario,
      public: false,
      rounds,
      seats: [{ role, bot: false, difficulty, doctrine }, ...table.map((r) => ({ role: r, bot: true, difficulty }))],
      timers: { news: 3, deliberation: 0, orders: Math.max(5, Math.min(1800, orders)), report: 0 },
      ...seedOf(seedEl),
    };
  }

  function startSolo(): void {
    localStorage.setItem(SOLO_KEY, "1");
    void go(() => net.create(soloOptions(), nameOf()), "Starting your solo match");
  }

  function nameOf(): string {
    const n = nameInput.value.trim() || "Player";
    localStorage.setItem(NAME_KEY, n);
    return n;
  }

  function create(): void {
    void go(
      () =>
        net.create(
          { mode: "online", scenario: "baseline", public: publicBox.checked, name: `${nameOf()}'s match` },
          nameOf(),
        ),
      "Creating the match",
    );
  }

  function join(code = codeInput.value): void {
    const c = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{4,8}$/.test(c)) {
      setStatus("Type the join code your friend shared (letters and digits).");
      codeInput.focus();
      return;
    }
    void go(() => net.joinByCode(c, nameOf()), `Joining ${c}`);
  }

  async function loadPublic(): Promise<void> {
    let list: PublicMatch[] = [];
    try {
      list = await net.listPublic();
    } catch {
      render(publicList, h("p", { class: "muted" }, "Public matches could not be loaded."));
      return;
    }
    if (list.length === 0) {
      render(
        publicList,
        h("p", { class: "muted" }, "No public match is waiting right now. Create one and tick “List it publicly”."),
      );
      return;
    }
    render(
      publicList,
      h(
        "ul",
        { class: "matches" },
        list.map((m) =>
          h(
            "li",
            null,
            h("span", { class: "m-name" }, m.name || m.code),
            h(
              "span",
              { class: "muted" },
              ` ${scenarioName(m.scenario)} · ${m.humans} player${m.humans === 1 ? "" : "s"} · ${m.openSeats} open seat${m.openSeats === 1 ? "" : "s"} · ${m.phase === "lobby" ? "in lobby" : `round ${m.round}`}`,
            ),
            h(
              "button",
              { type: "button", class: "btn", on: { click: () => join(m.code) } },
              "Join ",
              h("span", { class: "sr-only" }, m.name || m.code),
            ),
          ),
        ),
      ),
    );
  }

  drawRoles();
  root.append(
    h(
      "header",
      { class: "hero" },
      h("h1", null, "Metastrategy"),
      h(
        "p",
        { class: "tagline" },
        "Labs race, regulators legislate, researchers think. Can the world get transformative AI aligned in time?",
      ),
    ),
    statusEl,
    h(
      "form",
      {
        class: "panel join-strip",
        "aria-labelledby": "join-h",
        on: {
          submit: (e: Event) => {
            e.preventDefault();
            join();
          },
        },
      },
      h("h2", { id: "join-h" }, "Join a match"),
      h(
        "div",
        { class: "join-fields" },
        h("span", { class: "field" }, h("label", { for: "name" }, "Your name"), nameInput),
        h("span", { class: "field" }, h("label", { for: "join-code" }, "Join code"), codeInput),
        h("button", { type: "submit", class: "btn primary", id: "join-btn" }, "Join"),
      ),
      h(
        "p",
        { id: "join-help", class: "muted small" },
        "The host sees the code in their lobby, or sends you a link. You sit down at a free seat at once; in the lobby you can move or just watch.",
      ),
    ),
    h(
      "section",
      { class: "panel solo", "aria-labelledby": "solo-h" },
      h("h2", { id: "solo-h" }, "Play solo"),
      h("p", null, "Pick a role; bots take every other seat. A match lasts about 20 minutes."),
      roleButtons,
      h(
        "button",
        { type: "button", class: "btn primary big", id: "start-solo", on: { click: startSolo } },
        "Start solo match",
      ),
      calmNote,
      h(
        "details",
        { class: "more" },
        h("summary", null, "More options"),
        h(
          "div",
          { class: "form-grid" },
          h("label", { for: "solo-doctrine" }, "Metastrategy"),
          doctrineSel,
          h("label", { for: "solo-scenario" }, "Scenario"),
          scenarioSel,
          h("label", { for: "solo-difficulty" }, "Bots"),
          diffSel,
          h("label", { for: "solo-rounds" }, "Rounds"),
          roundsInput,
          h("label", { for: "solo-orders-seconds" }, "Seconds for orders"),
          ordersInput,
          h("label", { for: "solo-seed" }, "World seed"),
          seedEl,
        ),
        h(
          "p",
          { class: "small muted", id: "solo-seed-help" },
          "The same seed deals the same world: type the seed shown in a replay to play that world again.",
        ),
      ),
    ),
    h(
      "section",
      { class: "panel friends", "aria-labelledby": "friends-h" },
      h("h2", { id: "friends-h" }, "Play with friends"),
      h("p", { class: "muted small" }, "Create a match, then share its code or link. Your name is the one above."),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          { type: "button", class: "btn primary", id: "create-match", on: { click: create } },
          "Create match",
        ),
        h("label", { class: "check" }, publicBox, " List it publicly"),
      ),
      h(
        "p",
        { class: "row" },
        h("a", { class: "btn", id: "host-class", href: "#class" }, "Host a class"),
        h("a", { class: "btn ghost", href: "#facilitator" }, "Facilitator guide"),
      ),
    ),
    h(
      "section",
      { class: "panel public", "aria-labelledby": "public-h" },
      h(
        "div",
        { class: "row spread" },
        h("h2", { id: "public-h" }, "Public matches"),
        h("button", { type: "button", class: "btn ghost", on: { click: () => void loadPublic() } }, "Refresh"),
      ),
      publicList,
    ),
    h(
      "section",
      { class: "panel learn", "aria-labelledby": "learn-h" },
      h("h2", { id: "learn-h" }, "New here?"),
      h(
        "p",
        null,
        "Every seat shares one world. If any lab or the rogue actors build an unaligned transformative AI, everyone scores zero. Among survivors, the best play wins.",
      ),
      h(
        "ul",
        { class: "doctrine-mini" },
        DOCTRINES.map((d) => h("li", null, h("strong", null, DOCTRINE_DEFS[d].name), ": ", DOCTRINE_DEFS[d].plan)),
      ),
      h(
        "p",
        { class: "row" },
        h("a", { class: "btn", href: "#howto" }, "How to play"),
        h("a", { class: "btn ghost", href: "#replays" }, "Watch a replay"),
      ),
    ),
  );
  void loadPublic();
  if (opts.joinCode) queueMicrotask(() => document.getElementById("join-btn")?.focus());
  return { el: root, destroy() {} };
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return "Something went wrong.";
}
