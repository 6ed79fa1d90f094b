// The first-match guide: a few steps that point at the board and the panels as the player goes.
import type { ClientSnapshot } from "@metastrategy/shared";
import type { Rect } from "../board/layout";
import { announce } from "./announce";
import { h } from "./dom";

const DONE = "metastrategy.guideDone";

interface Step {
  region?: string;
  element?: string;
  title: string;
  text: string;
}

const STEPS: Step[] = [
  {
    region: "labs",
    title: "The labs",
    text: "Each column is an AI lab, marked by a shape. The outlined bar is its capability; the green bar inside is its aligned level. The gap between the two is what can go wrong.",
  },
  {
    region: "lines",
    title: "Two lines to fear",
    text: "Above the dashed orange danger line, a misaligned system may cause a catastrophe each round. Reaching the red TAI line while misaligned ends the world for everyone.",
  },
  {
    region: "rogue",
    title: "Rogue actors and leaks",
    text: "Irresponsible actors (✖) grow every round and feed on leaked know-how. The circle above them is the leak intel. You only see an estimate of them, within one point.",
  },
  {
    region: "card",
    title: "The news",
    text: "Each round starts with an event card that shifts the world: a leak, a hearing, a surprise in theory.",
  },
  {
    region: "tracks",
    title: "The world's tracks",
    text: "Theory (squares are milestones), interpretability, human augmentation, political will and the monitoring regime. Policies in force are listed below them. The regime grows one step a round at most and slips back in any round nobody enforces it or will falls short. The small notes under a track say what holds it back: economic lock-in under political will, the law augmentation needs, the will the regime needs.",
  },
  {
    element: "#orders",
    title: "Your orders",
    text: "You have three action points a round. Each action shows its cost and what it does; greyed ones say why not, and some can be taken only once a round. Add actions, then Submit orders before the timer ends.",
  },
  {
    element: "#reports",
    title: "What happened",
    text: "After each round the report tells you what happened in words. Open a concept name to learn what it means. The guide will point out a few more things as they happen. Good luck!",
  },
];

/** Hints shown once each, later in the guided match, when the thing they explain first happens. */
export const HINTS: Record<string, Step> = {
  report: {
    element: ".latest",
    title: "Your first round, resolved",
    text: "Here is the round in brief; the full report sits under the board. Private notes (“Only you”) are yours alone.",
  },
  leak: {
    region: "rogue",
    title: "That was a leak",
    text: "Know-how escaped to the pool. Rogue actors feed on it and grow faster the next round. Security and export controls slow this down.",
  },
  danger: {
    region: "lines",
    title: "Past the danger line",
    text: "A lab is above the dashed line. Each round it now risks a catastrophe in proportion to how far its capability runs ahead of its alignment.",
  },
  paradigm: {
    region: "labs",
    title: "A paradigm shift",
    text: "A big jump in capability: alignment work done on the old design stops applying, so aligned levels fall behind.",
  },
};

let guiding = false;
let clockNote = "";
const watchers = new Set<(open: boolean) => void>();

/** What the guide says about the clock: paused in solo, running online. */
export function setClockNote(text: string): void {
  clockNote = text;
}

/** Called with true when the step-by-step guide opens and false when it closes. */
export function onGuide(fn: (open: boolean) => void): () => void {
  watchers.add(fn);
  return () => watchers.delete(fn);
}
const shownHints = new Set<string>();

/** Shows a hint once, in a match whose guide ran, when nothing else is on screen. */
export function hint(id: keyof typeof HINTS, regions: () => Record<string, Rect>, board: HTMLElement): void {
  if (!guiding || active || shownHints.has(id)) return;
  shownHints.add(id);
  run([HINTS[id]], regions, board, false);
}

export function guideWanted(snap: ClientSnapshot): boolean {
  return snap.info.mode === "solo" && snap.info.phase !== "ended" && localStorage.getItem(DONE) !== "1";
}

let active: HTMLElement | null = null;

export function startGuide(regions: () => Record<string, Rect>, board: HTMLElement, force = false): void {
  if (active) return;
  if (!force && localStorage.getItem(DONE) === "1") return;
  guiding = true;
  run(STEPS, regions, board, true);
}

function run(steps: Step[], regions: () => Record<string, Rect>, board: HTMLElement, markDone: boolean): void {
  const STEPS = steps;
  let i = 0;
  const box = h("div", { class: "guide-box", "aria-hidden": "true" });
  const title = h("h2", { id: "guide-title" });
  const text = h("p", { id: "guide-text" });
  const count = h("span", { class: "muted small" });
  const back = h("button", { type: "button", class: "btn small", on: { click: () => show(i - 1) } }, "Back");
  const next = h(
    "button",
    {
      type: "button",
      class: "btn small primary",
      id: "guide-next",
      on: { click: () => (i + 1 < STEPS.length ? show(i + 1) : close()) },
    },
    "Next",
  );
  const dialog = h(
    "div",
    {
      class: "guide",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "guide-title",
      "aria-describedby": "guide-text",
      on: {
        keydown: (e: Event) => {
          if ((e as KeyboardEvent).key === "Escape") {
            if (markDone && i + 1 < STEPS.length) guiding = false;
            close();
          }
        },
      },
    },
    title,
    text,
    clockNote && markDone ? h("p", { class: "guide-clock small", id: "guide-clock" }, clockNote) : null,
    h(
      "div",
      { class: "row spread" },
      count,
      h(
        "span",
        { class: "row" },
        back,
        next,
        markDone
          ? h(
              "button",
              {
                type: "button",
                class: "btn small ghost",
                id: "guide-skip",
                on: {
                  click: () => {
                    guiding = false;
                    close();
                  },
                },
              },
              "Skip guide",
            )
          : null,
      ),
    ),
  );
  const wrap = h("div", { class: `guide-layer${markDone ? "" : " hint"}` }, box, dialog);
  active = wrap;
  document.body.append(wrap);
  // The step-by-step guide holds the solo clock; a hint is a small note in a corner and never stops the game.
  if (markDone) for (const w of [...watchers]) w(true);
  const onMove = () => place();
  window.addEventListener("resize", onMove);
  window.addEventListener("scroll", onMove, { passive: true });

  function target(): { x: number; y: number; w: number; h: number } | null {
    const st = STEPS[i];
    if (st.element) {
      const el = document.querySelector(st.element);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: Math.min(r.height, window.innerHeight * 0.6) };
    }
    const reg = regions()[st.region ?? ""];
    if (!reg) return null;
    const b = board.getBoundingClientRect();
    return { x: b.left + reg.x, y: b.top + reg.y, w: reg.w, h: reg.h };
  }

  function place(): void {
    const t = target();
    if (!t) {
      box.style.display = "none";
      return;
    }
    box.style.display = "block";
    Object.assign(box.style, {
      left: `${t.x - 6}px`,
      top: `${t.y - 6}px`,
      width: `${t.w + 12}px`,
      height: `${t.h + 12}px`,
    });
    if (!markDone) return; // hints sit in a corner (CSS) so they never cover the orders
    // Put the dialog below the target when there is room, else above, else at the bottom.
    const dh = dialog.offsetHeight || 160;
    let top = t.y + t.h + 14;
    if (top + dh > window.innerHeight) top = t.y - dh - 14;
    if (top < 8) top = window.innerHeight - dh - 8;
    // The target may be scrolled away (a phone puts the board below the orders): the dialog itself stays on screen.
    top = Math.max(8, Math.min(window.innerHeight - dh - 8, top));
    const left = Math.max(8, Math.min(window.innerWidth - dialog.offsetWidth - 8, t.x));
    Object.assign(dialog.style, { top: `${top}px`, left: `${left}px` });
  }

  function show(k: number): void {
    i = Math.max(0, Math.min(STEPS.length - 1, k));
    const st = STEPS[i];
    title.textContent = st.title;
    text.textContent = st.text;
    count.textContent = `${i + 1} of ${STEPS.length}`;
    back.disabled = i === 0;
    back.hidden = STEPS.length === 1;
    next.textContent = i + 1 < STEPS.length ? "Next" : STEPS.length === 1 ? "Got it" : "Done";
    count.textContent = STEPS.length === 1 ? "Guide" : count.textContent;
    const el = st.element ? document.querySelector(st.element) : board;
    if (markDone) el?.scrollIntoView({ block: "nearest", behavior: "instant" as ScrollBehavior });
    requestAnimationFrame(place);
    // The step-by-step guide takes focus; a later hint only speaks, so it never pulls focus mid-play.
    if (markDone) next.focus();
    else announce(`Hint: ${st.title}. ${st.text}`);
  }

  function close(): void {
    if (markDone) localStorage.setItem(DONE, "1");
    window.removeEventListener("resize", onMove);
    window.removeEventListener("scroll", onMove);
    wrap.remove();
    active = null;
    if (markDone) for (const w of [...watchers]) w(false);
    if (markDone) document.getElementById("submit-orders")?.focus?.();
  }

  show(0);
}

export function closeGuide(): void {
  active?.querySelector<HTMLButtonElement>("#guide-skip")?.click();
}
