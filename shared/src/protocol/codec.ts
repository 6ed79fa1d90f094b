// Server → client messages as they travel: the server encodes each payload here, every client (browser, headless
// follower, load generator) decodes it here. Most payloads travel as they are; `report` travels compact
// (report-wire.ts). docs/PROTOCOL.md §4 describes each form.
import type { ClassroomView } from "./classroom.js";
import { decodeReportMsg, encodeReportMsg, type ReportMsgWire } from "./report-wire.js";
import type { EndedMsg, ErrorMsg, ServerMessageName, ServerMessages, TokenMsg } from "./server-messages.js";
import type { ChatLine } from "./snapshot.js";

/** What each server message carries on the wire (msgpack). */
export interface ServerWire {
  error: ErrorMsg;
  report: ReportMsgWire;
  chat: ChatLine;
  token: TokenMsg;
  proposals: ClassroomView;
  ended: EndedMsg;
}

export function encodeServerMessage<K extends ServerMessageName>(type: K, payload: ServerMessages[K]): ServerWire[K] {
  if (type === "report") return encodeReportMsg(payload as ServerMessages["report"]) as ServerWire[K];
  return payload as unknown as ServerWire[K];
}

export function decodeServerMessage<K extends ServerMessageName>(type: K, wire: ServerWire[K]): ServerMessages[K] {
  if (type === "report") return decodeReportMsg(wire as ServerWire["report"]) as ServerMessages[K];
  return wire as unknown as ServerMessages[K];
}

/** A room as colyseus.js gives it (only what registering a handler needs). */
export interface MessageSource {
  onMessage(type: string, cb: (m: any) => void): unknown;
}

/** Registers a handler for a server message: it receives the decoded payload. */
export function onServerMessage<K extends ServerMessageName>(
  room: MessageSource,
  type: K,
  fn: (m: ServerMessages[K]) => void,
): void {
  room.onMessage(type, (w: ServerWire[K]) => fn(decodeServerMessage(type, w)));
}
