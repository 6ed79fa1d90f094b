// Small pieces shared by the classroom screens: team titles, orders in words, the phase line, the poll choices.
import {
  DOCTRINE_DEFS,
  type ClassTeam,
  type ClientSnapshot,
  type Doctrine,
  type PublicView,
  type SeatOrders,
  type SeatView,
} from "@metastrategy/shared";
import { h } from "../ui/dom";
import { PHASE_NAMES, doctrineName, seatName } from "../ui/format";
import { describeAction } from "../ui/orders";

export const POLL_CHOICES: { value: -1 | 0 | 1; id: string; label: string; hint: string }[] = [
  { value: -1, id: "poll-against", label: "Let AI work go on", hint: "political will −1 if most agree" },
  { value: 0, id: "poll-unsure", label: "Not sure", hint: "no effect" },
  { value: 1, id: "poll-for", label: "Call for caution", hint: "political will +1 if most agree" },
];

export function teamTitle(t: Pick<ClassTeam, "seat" | "name">): string {
  return `Team ${t.seat + 1} · ${t.name}`;
}

export function doctrineOf(view: PublicView | null, seat: number): string {
  const d = view?.seats[seat]?.doctrine as Doctrine | undefined;
  return d ? DOCTRINE_DEFS[d].name : "";
}

/** A proposal's orders in words, one line per action. */
export function ordersText(o: SeatOrders, v: PublicView | SeatView | null): string[] {
  if (o.switchDoctrine) return [`Switch metastrategy to ${doctrineName(o.switchDoctrine)} (no actions this round)`];
  const out = o.actions.map((a) => describeAction(a, v as SeatView | null));
  for (const t of o.transfers ?? []) out.push(`Pay ${seatName(v, t.to)} ${t.amount} fund${t.amount === 1 ? "" : "s"}`);
  return out.length ? out : ["Pass (no actions)"];
}

/** Round, phase and the live timer (main.ts keeps every [data-timer] up to date). */
export function phaseLine(snap: ClientSnapshot, big = false): HTMLElement {
  const info = snap.info;
  return h(
    "p",
    { class: `class-phase${big ? " big" : ""}` },
    info.phase === "lobby"
      ? h("span", null, "Waiting for the teacher to start")
      : [
          h(
            "span",
            { class: "round" },
            info.phase === "ended" ? "The end" : `Round ${Math.max(1, info.round)} of ${info.rounds}`,
          ),
          h(
            "span",
            { class: `phase phase-${info.phase}` },
            PHASE_NAMES[info.phase] ?? info.phase,
            info.paused ? " (paused)" : "",
          ),
          info.phase !== "ended"
            ? h("span", {
                class: "timer big-timer",
                "data-timer": "1",
                role: "timer",
                "aria-label": "Time left in this phase",
              })
            : null,
        ],
  );
}

export function joinLink(code: string): string {
  return `${location.origin}/?join=${encodeURIComponent(code)}`;
}

export function projectorLink(code: string): string {
  return `${location.origin}/projector?code=${encodeURIComponent(code)}`;
}
