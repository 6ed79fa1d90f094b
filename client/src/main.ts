// Entry: routes between home, lobby, match, replay and how-to; keeps the timer ticking; restores a seat after reload.
import "./styles.css";
import { createNet } from "./net/room";
import { loadSession } from "./net/session";
import { getState, setState, subscribe } from "./store";
import { alertText } from "./ui/announce";
import { clear, h } from "./ui/dom";
import { clock, secondsLeft } from "./ui/format";
import { homeScreen } from "./ui/home";
import { howtoScreen } from "./ui/howto";
import { lobbyScreen } from "./ui/lobby";
import { matchScreen } from "./ui/match";
import type { Screen } from "./ui/screen";
import { classroomKey } from "./classroom/hook";

const net = createNet();
const app = document.getElementById("app")!;
const banner = h("div", { class: "conn-banner", role: "status" });
const toast = h("div", { class: "toast", role: "alert" });
document.body.prepend(banner);
document.body.append(toast);

let current: { key: string; screen: Screen } | null = null;
let booting = loadSession() !== null;
const joinCode = new URLSearchParams(location.search).get("join")?.toUpperCase() ?? undefined;

function screenKey(): string {
  const hash = location.hash;
  const cls = classroomKey(hash, booting, getState().snap);
  if (cls) return cls;
  if (hash.startsWith("#howto")) return `howto:${hash.slice(7)}`;
  if (hash.startsWith("#replay/")) return `replay:${decodeURIComponent(hash.slice(8))}`;
  if (hash === "#replays") return "replays";
  if (booting) return "boot";
  const snap = getState().snap;
  if (snap) return snap.info.phase === "lobby" ? "lobby" : "match";
  return "home";
}

function mount(screen: Screen, key: string): void {
  current?.screen.destroy();
  clear(app);
  app.append(screen.el);
  app.removeAttribute("aria-busy");
  current = { key, screen };
  if (key !== "boot") (screen.el.querySelector("h1") as HTMLElement | null)?.setAttribute("tabindex", "-1");
}

function route(force = false): void {
  const key = screenKey();
  if (!force && current?.key === key) return;
  if (key === "boot") {
    mount(
      { el: h("main", { id: "main" }, h("p", { class: "muted boot" }, "Reconnecting to your match…")), destroy() {} },
      key,
    );
    return;
  }
  if (key.startsWith("howto:")) {
    mount(howtoScreen(key.slice(6) || undefined), key);
    window.scrollTo(0, 0);
    return;
  }
  if (key === "replays" || key.startsWith("replay:")) {
    const pending = key;
    void import("./ui/replay").then((m) => {
      if (screenKey() !== pending) return;
      mount(pending === "replays" ? m.replaysScreen(net) : m.replayScreen(net, pending.slice(7)), pending);
    });
    return;
  }
  if (key.startsWith("class:")) {
    const pending = key;
    void import("./classroom/screens").then((m) => {
      if (screenKey() !== pending) return;
      mount(m.classroomScreen(pending.slice(6), net), pending);
      window.scrollTo(0, 0);
    });
    return;
  }
  const prevKey = current?.key;
  if (key === "lobby") mount(lobbyScreen(net), key);
  else if (key === "match") mount(matchScreen(net), key);
  else mount(homeScreen(net, { joinCode, error: getState().error }), key);
  if (prevKey && prevKey !== "boot")
    (document.getElementById("main") as HTMLElement | null)?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

window.addEventListener("hashchange", () => route());
subscribe((st, prev) => {
  if (
    !!st.snap !== !!prev.snap ||
    (st.snap?.info.phase === "lobby") !== (prev.snap?.info.phase === "lobby") ||
    st.snap?.isHost !== prev.snap?.isHost ||
    st.snap?.info.mode !== prev.snap?.info.mode
  )
    route();
  if (st.error && st.error !== prev.error) {
    toast.textContent = st.error;
    toast.classList.add("shown");
    alertText(st.error);
    window.setTimeout(() => {
      if (getState().error === st.error) setState({ error: null });
    }, 6000);
  } else if (!st.error) toast.classList.remove("shown");
  if (st.connection !== prev.connection) {
    banner.textContent =
      st.connection === "reconnecting" ? "Reconnecting…" : st.connection === "closed" && st.snap ? "Disconnected." : "";
    banner.classList.toggle("shown", banner.textContent !== "");
  }
  if (st.snap && prev.snap && st.snap.view?.round !== prev.snap.view?.round) setState({ sentRound: null });
});

// The clocks: update every element that shows a deadline, without redrawing anything else.
window.setInterval(() => {
  const info = getState().snap?.info;
  // Paused: the time that will be left on resuming, marked; nothing at all for a phase with no time left (a report of 0 s).
  const txt = !info
    ? ""
    : info.paused
      ? info.remaining > 0
        ? clock(info.remaining)
        : ""
      : info.deadline > 0
        ? clock(secondsLeft(info.deadline))
        : "";
  const low = !!info && !info.paused && info.deadline > 0 && secondsLeft(info.deadline) <= 10;
  for (const el of document.querySelectorAll<HTMLElement>("[data-timer], [data-deadline-for]")) {
    if (el.textContent !== txt) el.textContent = txt;
    el.classList.toggle("low", low);
  }
}, 250);

if (__TEST_BRIDGE__) (window as unknown as { __ms: unknown }).__ms = { getState, net };

async function boot(): Promise<void> {
  route();
  const ok = await net.resume().catch(() => false);
  booting = false;
  if (!ok && joinCode) setState({ error: null });
  route(true);
}
void boot();
