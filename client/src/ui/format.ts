// Words for the game's ids, and each seat's mark on the board.
import {
  DOCTRINE_DEFS,
  ROLE_DEFS,
  SCENARIOS,
  type Doctrine,
  type Ending,
  type PublicView,
  type Role,
} from "@metastrategy/shared";
import { LAB_STYLES, type SeriesStyle } from "../theme";

export const ENDING_NAMES: Record<Ending, string> = {
  secure: "Secure future",
  handoff: "Augmented handoff",
  pause: "Long pause",
  precarious: "Precarious world",
  catastrophe: "Catastrophe",
  drifted: "Drifted successors",
};

export const ENDING_LINES: Record<Ending, string> = {
  secure: "An aligned AI defense stands guard: the world is secure.",
  handoff: "Augmented humans took over the problem with their values intact.",
  pause: "The monitoring regime holds and nobody crossed the line: a long, safe pause.",
  precarious: "Time ran out with nothing settled. The world lives on, one accident away.",
  catastrophe: "An unaligned system slipped out of control. Everyone lost.",
  drifted: "Augmented successors took over, but their values had drifted away from ours.",
};

export const PHASE_NAMES: Record<string, string> = {
  lobby: "Lobby",
  news: "News",
  deliberation: "Deliberation",
  orders: "Orders",
  resolution: "Resolution",
  report: "Report",
  ended: "Ended",
};

export const roleName = (r: Role): string => ROLE_DEFS[r].name;
export const doctrineName = (d: Doctrine): string => DOCTRINE_DEFS[d].name;
export const scenarioName = (id: string): string => SCENARIOS[id]?.name ?? id;

/** The style of a lab seat: by its order among the labs. */
export function labStyle(view: Pick<PublicView, "seats">, seat: number): SeriesStyle {
  const labs = view.seats.filter((s) => s.role === "lab").map((s) => s.id);
  const i = labs.indexOf(seat);
  return LAB_STYLES[(i < 0 ? 0 : i) % LAB_STYLES.length];
}

export function seatName(view: Pick<PublicView, "seats"> | null, seat: number): string {
  return view?.seats[seat]?.name ?? `Seat ${seat + 1}`;
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function secondsLeft(deadline: number, now = Date.now()): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

export function clock(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = sec % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** A plural that reads: "1 fund", "2 funds", "1.5 points". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

const LEVEL_WORDS: Record<string, string> = {
  easy: "Easy — a calm table",
  normal: "Normal",
  hard: "Hard — plans ahead",
  expert: "Expert — searches every round",
};

/** A bot level's name; the list of levels itself comes from shared (DIFFICULTIES), never from here. */
export function levelName(d: string, short = false): string {
  const word = d.charAt(0).toUpperCase() + d.slice(1);
  return short ? word : (LEVEL_WORDS[d] ?? word);
}
