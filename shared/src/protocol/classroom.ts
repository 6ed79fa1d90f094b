// Classroom mode: what the server tells each client about teams, proposals, votes and the opinion poll
// (server message `proposals`). One payload type; fields a client may not see are null or left out.
import type { Role, SeatOrders } from "../rules/types.js";

/** Default most students per team seat; students beyond seats × teamSize become observers. */
export const DEFAULT_TEAM_SIZE = 4;
export const MAX_STUDENT_NAME = 24;

export type PollChoice = -1 | 0 | 1;

export interface ClassMember {
  id: string;
  name: string;
  connected: boolean;
  /** Host only: voted for a proposal this round (team members) or answered the poll (observers). */
  voted?: boolean;
}

export interface ClassTeam {
  seat: number;
  role: Role;
  /** The seat's name in the game ("AI lab 1"). */
  name: string;
  /** A bot plays this team (empty at the start, or replaced by the teacher). */
  bot: boolean;
  members: ClassMember[];
  /** Host only: proposals this round and the votes of the leading one. */
  proposals?: number;
  leadingVotes?: number;
}

export interface ClassProposal {
  id: number;
  by: string;
  byName: string;
  /** Epoch ms. */
  at: number;
  orders: SeatOrders;
  /** Student ids who vote for it. */
  votes: string[];
  /** The proposal that would be the team's orders if the phase ended now (most votes, ties: earliest). */
  leading: boolean;
}

export interface PollTally {
  round: number;
  /** Accepting answers now (news, deliberation, orders). */
  open: boolean;
  /** -1: let AI work go on; 0: not sure; +1: call for caution. */
  against: number;
  unsure: number;
  for: number;
}

export interface PollResult {
  round: number;
  against: number;
  unsure: number;
  for: number;
  /** Mean answer fed to the engine (null when nobody answered). */
  opinion: number | null;
  /** Political will moved by: -1, 0 or +1. */
  effect: number;
}

export interface ClassroomView {
  round: number;
  teamSize: number;
  /** This client as a student (null: the teacher or a projector). */
  me: { id: string; name: string; seat: number | null } | null;
  teams: ClassTeam[];
  observers: ClassMember[];
  poll: PollTally;
  /** Results of past rounds' polls (public). */
  polls: PollResult[];
  /** Cards the teacher injected that have reached the news (public once drawn): the round whose news showed each. */
  injected: { round: number; card: string }[];
  /** This observer's answer this round. */
  myPoll: PollChoice | null;
  /** Team members only: the team's proposals this round. */
  team: { seat: number; proposals: ClassProposal[]; myVote: number | null; bot: boolean } | null;
  /** Teacher only. */
  host: { inject: string | null; injectRound: number | null } | null;
}
