// The classroom's persisted data (kept in the match meta): students, teams on seats, proposals, votes, polls, chat.
import type { ChatLine, PollChoice, PollResult, SeatOrders } from "@metastrategy/shared";

export interface StudentMeta {
  id: string;
  name: string;
  /** Secret: rejoins this student (sent to the student as its `seatToken`). */
  token: string;
  /** Team seat, or null for an observer. */
  seat: number | null;
}

export interface ProposalMeta {
  id: number;
  by: string;
  at: number;
  orders: SeatOrders;
  /** Student ids. */
  votes: string[];
}

export interface TeamRound {
  seat: number;
  proposals: ProposalMeta[];
  /** The proposal that became the team's orders (null: none, a bot played). */
  chosen: number | null;
  bot: boolean;
}

export interface RoundSession {
  round: number;
  teams: TeamRound[];
  /** Observer answers: student id → choice. */
  poll: Record<string, PollChoice>;
  result: PollResult | null;
  /** The card queued while this round ran (it shows in the next round's news). */
  inject: string | null;
}

export type ChatScope = "all" | "observers" | number;
export interface ChatRecord extends ChatLine {
  scope: ChatScope;
}

export interface ClassroomMeta {
  teamSize: number;
  students: StudentMeta[];
  nextStudent: number;
  nextProposal: number;
  /** Card queued by the teacher for the next news. */
  inject: string | null;
  current: RoundSession | null;
  rounds: RoundSession[];
  chat: ChatRecord[];
}

export function freshClassroom(teamSize: number): ClassroomMeta {
  return { teamSize, students: [], nextStudent: 1, nextProposal: 1, inject: null, current: null, rounds: [], chat: [] };
}
