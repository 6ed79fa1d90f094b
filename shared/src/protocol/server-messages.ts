// Server → client messages: one map from name to payload. The server sends only through it and every client
// (browser, headless follower, load generator) reads through it.
import type { RoundReport } from "../rules/types.js";
import type { PublicHistoryRow, PublicView } from "../rules/view-types.js";
import type { ClassroomView } from "./classroom.js";
import type { SMSG } from "./names.js";
import type { RefusalCode } from "./refusals.js";
import type { ChatLine } from "./snapshot.js";

export interface TokenMsg {
  code: string;
  sessionId: string;
  seat: number | null;
  /** The seat's (or the student's) secret token: rejoin with it. */
  seatToken: string | null;
  hostToken: string | null;
  isHost: boolean;
  spectator: boolean;
}

export interface ReportMsg {
  /** true: the whole backlog (on join, seat change); false: this round's report to append. */
  replace: boolean;
  reports: RoundReport[];
  history: PublicHistoryRow[];
}

export interface EndedMsg {
  aborted: boolean;
  /** The full public view with every hidden value (null when the match never started). */
  view: PublicView | null;
}

export interface ErrorMsg {
  code: RefusalCode;
  reason: string;
  /** The name of the refused message. */
  message: string;
}

export interface ServerMessages {
  error: ErrorMsg;
  report: ReportMsg;
  chat: ChatLine;
  token: TokenMsg;
  proposals: ClassroomView;
  ended: EndedMsg;
}

export type ServerMessageName = keyof ServerMessages;

/** Every server message name has a payload type here, and every payload type a name. */
export type ServerMessageNamesMatch = [ServerMessageName, (typeof SMSG)[keyof typeof SMSG]] extends [
  (typeof SMSG)[keyof typeof SMSG],
  ServerMessageName,
]
  ? true
  : never;
const _namesMatch: ServerMessageNamesMatch = true;
void _namesMatch;
