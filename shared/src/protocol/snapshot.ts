// What a client holds at any moment: plain data the client's net layer builds from the room.
// The server fills it through Colyseus schema (public) + StateView (the seat's own part) and messages.
import type { Difficulty, Doctrine, Role, RoundReport } from "../rules/types.js";
import type { PublicView, SeatView } from "../rules/view-types.js";
import type { LegalOrders } from "../rules/legal.js";
import type { Timers } from "./messages.js";

export const ROOM_PHASES = ["lobby", "news", "deliberation", "orders", "resolution", "report", "ended"] as const;
export type RoomPhase = (typeof ROOM_PHASES)[number];

export interface LobbySeat {
  index: number;
  role: Role;
  doctrine: Doctrine;
  /** open: nobody yet (a bot at start); human: a player holds it; bot: a bot holds it. */
  kind: "open" | "human" | "bot";
  name: string;
  difficulty: Difficulty;
  connected: boolean;
  ready: boolean;
  /** Orders are in for the current round (never what they are). */
  submitted: boolean;
}

export interface MatchInfo {
  code: string;
  mode: "online" | "solo" | "classroom";
  scenario: string;
  rounds: number;
  public: boolean;
  name: string;
  timers: Timers;
  phase: RoomPhase;
  /** Epoch ms when the current phase ends (0 when no timer runs). */
  deadline: number;
  paused: boolean;
  /** Seconds left when paused. */
  remaining: number;
  round: number;
  seats: LobbySeat[];
  spectators: number;
}

export interface ChatLine {
  from: string;
  /** The sender's seat, or null (host, spectator). */
  seat: number | null;
  text: string;
  at: number;
}

export interface ClientSnapshot {
  info: MatchInfo;
  /** The seat this client holds, or null (spectator, host without seat, lobby before taking a seat). */
  mySeat: number | null;
  isHost: boolean;
  /** The seat view when seated, else the public view. Null in the lobby. */
  view: SeatView | PublicView | null;
  legal: LegalOrders | null;
  reports: RoundReport[];
  chat: ChatLine[];
}
