// Refusals: every `error` the server sends carries a stable `code` (snake_case) (tests and clients branch on it) beside the sentence
// a player reads. The sentence may add detail (an engine reason, a limit); the code never changes meaning.

export const REFUSALS = {
  invalid: "The message is malformed.",
  unknown_message: "Unknown message.",
  too_large: "Message too large.",
  not_host: "Only the host may do that.",
  not_in_mode: "Not available in this mode.",
  classroom_only: "In a class, this is done another way.",
  not_seated: "You hold no seat.",
  spectator: "Spectators do not take seats.",
  no_such_seat: "No such seat.",
  seat_taken: "That seat is not free.",
  not_human: "No player holds that seat.",
  wrong_token: "Wrong seat or token.",
  started: "The match has started.",
  not_started: "The match has not started.",
  ended: "The match has ended.",
  orders_closed: "Orders are not open now.",
  illegal_orders: "Those orders are not possible now.",
  bad_setup: "That setup is not possible.",
  rate_limited: "You are sending messages too fast.",
  empty_chat: "Empty message.",
  not_paused: "Not paused.",
  already_paused: "Already paused.",
  no_timer: "No timer runs now.",
  last_round: "This is the last round: there is no next news.",
  no_such_card: "No such event card.",
  no_such_student: "No such student.",
  not_student: "Only students may do that.",
  observer: "Observers answer the opinion poll; team members propose orders.",
  team_is_bot: "A bot plays that team now.",
  limit: "A limit was reached.",
  no_such_proposal: "No such proposal in your team this round.",
  poll_closed: "The poll is closed now.",
  undecodable: "Message could not be decoded.",
  binary: "Binary messages are not accepted.",
  too_deep: "Message nests too deeply.",
  not_saved: "That could not be saved: try again.",
  seeded: "A match whose world seed its host chose is never listed publicly: the host could foresee its world.",
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
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as Refusal).code === "string" &&
    typeof (x as Refusal).reason === "string"
  );
}
