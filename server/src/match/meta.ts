// What the room keeps about a match besides the engine record: settings, seats and their tokens.
import type { ChatLine, Difficulty, Doctrine, Role, Timers } from "@metastrategy/shared";
import type { ClassroomMeta } from "../modes/classroom/data.js";

export type Mode = "online" | "solo" | "classroom";
export type SeatKind = "open" | "human" | "bot";

export interface Settings {
  mode: Mode;
  scenario: string;
  /** Rounds chosen explicitly, or null for the scenario's own. */
  rounds: number | null;
  timers: Timers;
  public: boolean;
  name: string;
  seed: number;
  /** The creator chose the seed (solo practice, a class, a world replayed): it could foresee the world, so the match is
   * never listed publicly. Absent in metas stored before this existed (then the seed was the server's). */
  seedChosen?: boolean;
}

export interface SeatMeta {
  role: Role;
  doctrine: Doctrine;
  kind: SeatKind;
  /** The player's name for human seats; the bot's label otherwise. */
  name: string;
  difficulty: Difficulty;
  ready: boolean;
  /** Secret seat token of the human who holds (or held) the seat; null when none. */
  token: string | null;
}

export interface RoomMeta {
  settings: Settings;
  seats: SeatMeta[];
  hostToken: string;
  started: boolean;
  /**
   * Whether the host has held a seat at any time since the start (set at the start, never cleared): such a host sees
   * no more than its seat until the end. Only a host who never played may read the record or export mid-match.
   */
  hostPlays?: boolean;
  /** Online chat, the last lines (stored before they are shown, so a restart keeps them). */
  chat?: ChatLine[];
  /** Classroom mode: students, teams, proposals, votes, polls and chat of the session (persisted with the meta). */
  classroom?: ClassroomMeta;
}
