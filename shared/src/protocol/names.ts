// Message names and limits: plain constants, apart from the zod schemas so a client can import them
// without pulling zod into its first load.

/** Message names (client → server). */
export const MSG = {
  orders: "orders",
  chat: "chat",
  takeSeat: "takeSeat",
  leaveSeat: "leaveSeat",
  setDoctrine: "setDoctrine",
  ready: "ready",
  reclaim: "reclaim",
  propose: "propose",
  vote: "vote",
  poll: "poll",
  hostSettings: "host:settings",
  hostSeat: "host:seat",
  hostStart: "host:start",
  hostPause: "host:pause",
  hostResume: "host:resume",
  hostExtend: "host:extend",
  hostEndPhase: "host:endPhase",
  hostKick: "host:kick",
  hostEndMatch: "host:endMatch",
  hostInject: "host:inject",
  hostMove: "host:move",
  hostTeamBot: "host:teamBot",
} as const;

/** Message names (server → client); payloads in ServerMessages (server-messages.ts). */
export const SMSG = {
  error: "error",
  report: "report",
  chat: "chat",
  token: "token",
  proposals: "proposals",
  ended: "ended",
} as const;

export const MAX_CHAT = 280;
export const MAX_MESSAGE_BYTES = 8 * 1024;
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
