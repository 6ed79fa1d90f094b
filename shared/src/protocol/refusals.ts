// Refusals: every `error` the server sends carries a stable `code` (tests and clients branch on it) beside the sentence
// a player reads. The sentence may add detail (an engine reason, a limit); the code never changes meaning.

export const REFUSALS = {
  invalid: "The message is malformed.",
  unknownMessage: "Unknown message.",
  tooLarge: "Message too large.",
  notHost: "Only the host may do that.",
  notInMode: "Not available in this mode.",
  classroomOnly: "In a class, this is done another way.",
  notSeated: "You hold no seat.",
  spectator: "Spectators do not take seats.",
  noSuchSeat: "No such seat.",
  seatTaken: "That seat is not free.",
  notHuman: "No player holds that seat.",
  wrongToken: "Wrong seat or token.",
  started: "The match has started.",
  notStarted: "The match has not started.",
  ended: "The match has ended.",
  ordersClosed: "Orders are not open now.",
  illegalOrders: "Those orders are not possible now.",
  badSetup: "That setup is not possible.",
  rateLimited: "You are sending messages too fast.",
  emptyChat: "Empty message.",
  notPaused: "Not paused.",
  alreadyPaused: "Already paused.",
  noTimer: "No timer runs now.",
  lastRound: "This is the last round: there is no next news.",
  noSuchCard: "No such event card.",
  noSuchStudent: "No such student.",
  notStudent: "Only students may do that.",
  observer: "Observers answer the opinion poll; team members propose orders.",
  teamIsBot: "A bot plays that team now.",
  limit: "A limit was reached.",
  noSuchProposal: "No such proposal in your team this round.",
  pollClosed: "The poll is closed now.",
  internal: "Internal error.",
} as const;

export type RefusalCode = keyof typeof REFUSALS;

/** A refused message: what the handler answers instead of acting. */
export interface Refusal {
  code: RefusalCode;
  reason: string;
}

/** A refusal with the default sentence, or a more precise one. */
export function refusal(code: RefusalCode, reason: string = REFUSALS[code]): Refusal {
  return { code, reason };
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === "object" && x !== null && typeof (x as Refusal).code === "string" && typeof (x as Refusal).reason === "string";
}
