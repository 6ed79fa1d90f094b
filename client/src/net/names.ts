// Message names and limits of the protocol (shared/src/protocol/messages.ts), copied so that the first
// load does not pull zod (about 26 KB gzip) in with them. test/protocol-names.test.ts keeps them equal.
export const MSG = {
  orders: "orders",
  chat: "chat",
  takeSeat: "takeSeat",
  leaveSeat: "leaveSeat",
  setDoctrine: "setDoctrine",
  ready: "ready",
  reclaim: "reclaim",
  hostSettings: "host:settings",
  hostSeat: "host:seat",
  hostStart: "host:start",
  hostPause: "host:pause",
  hostResume: "host:resume",
  hostExtend: "host:extend",
  hostEndPhase: "host:endPhase",
  hostKick: "host:kick",
  hostEndMatch: "host:endMatch",
} as const;

export const SMSG = {
  error: "error",
  view: "view",
  report: "report",
  chat: "chat",
  legal: "legal",
  token: "token",
  proposals: "proposals",
  ended: "ended",
} as const;

export const MAX_CHAT = 280;
