// Classroom sessions: students, teams on seats, proposals and votes, the observers' opinion poll, injected cards.
// Plain data kept in the room meta (persisted with the match record); the room sequences, this module decides nothing of the rules.
import {
  MAX_STUDENT_NAME, type ChatLine, type ClassProposal, type PollChoice, type PollResult, type RoundExtras, type SeatOrders,
} from "@metastrategy/shared";
import { cleanChat } from "./chat.js";
import { newToken } from "./codes.js";
import type { SeatMeta } from "./meta.js";

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

export const MAX_PROPOSALS_PER_STUDENT = 3;
export const MAX_PROPOSALS_PER_TEAM = 12;
export const MAX_CHAT_KEPT = 5000;

export function freshClassroom(teamSize: number): ClassroomMeta {
  return { teamSize, students: [], nextStudent: 1, nextProposal: 1, inject: null, current: null, rounds: [], chat: [] };
}

/** A display name: plain text, length-limited; null when blank. */
/** Longest match name (the create options allow 40 characters). */
export const MAX_MATCH_NAME = 40;

/** A name shown to others, cleaned like chat and cut to `max` characters; null when nothing is left. */
export function cleanName(name: unknown, max = MAX_STUDENT_NAME): string | null {
  if (typeof name !== "string") return null;
  const t = cleanChat(name)?.slice(0, max).trim();
  return t ? t : null;
}

const key = (name: string) => name.toLocaleLowerCase().replace(/\s+/g, " ");

export class Classroom {
  constructor(public data: ClassroomMeta) {}

  byToken(token: string | undefined): StudentMeta | null {
    return (token && this.data.students.find((s) => s.token === token)) || null;
  }

  byId(id: string | null | undefined): StudentMeta | null {
    return (id && this.data.students.find((s) => s.id === id)) || null;
  }

  nameTaken(name: string): boolean {
    const k = key(name);
    return this.data.students.some((s) => key(s.name) === k);
  }

  addStudent(name: string): StudentMeta {
    let n = name;
    for (let i = 2; this.nameTaken(n); i++) n = `${name.slice(0, MAX_STUDENT_NAME - 3)} ${i}`;
    const s: StudentMeta = { id: `s${this.data.nextStudent++}`, name: n, token: newToken(), seat: null };
    this.data.students.push(s);
    return s;
  }

  removeStudent(id: string): void {
    this.unvote(id);
    this.data.students = this.data.students.filter((s) => s.id !== id);
  }

  teamOf(seat: number): StudentMeta[] {
    return this.data.students.filter((s) => s.seat === seat);
  }

  observers(): StudentMeta[] {
    return this.data.students.filter((s) => s.seat === null);
  }

  /** The seat a newcomer goes to: the smallest team played by students with room left (ties: the lowest seat); null = observer. */
  placeFor(seats: SeatMeta[]): number | null {
    let best: number | null = null;
    let bestSize = Infinity;
    seats.forEach((s, i) => {
      if (s.kind === "bot") return;
      const size = this.teamOf(i).length;
      if (size < this.data.teamSize && size < bestSize) {
        best = i;
        bestSize = size;
      }
    });
    return best;
  }

  // ------------------------------------------------------------ rounds

  /** Opens the session of a round (kept as it was when restored mid-round). */
  startRound(round: number, seats: SeatMeta[]): RoundSession {
    const cur = this.data.current;
    if (cur && cur.round === round) return cur;
    this.data.current = { round, teams: seats.map((s, i) => ({ seat: i, proposals: [], chosen: null, bot: s.kind === "bot" })), poll: {}, result: null, inject: null };
    return this.data.current;
  }

  team(seat: number): TeamRound | null {
    return this.data.current?.teams[seat] ?? null;
  }

  /** Most votes; ties: the earliest proposal. */
  leading(seat: number): ProposalMeta | null {
    const t = this.team(seat);
    if (!t || t.proposals.length === 0) return null;
    let best = t.proposals[0];
    for (const p of t.proposals) if (p.votes.length > best.votes.length) best = p;
    return best;
  }

  propose(student: StudentMeta, orders: SeatOrders, now: number): ProposalMeta | string {
    const t = student.seat !== null ? this.team(student.seat) : null;
    if (!t) return "Observers vote in the opinion poll; only team members propose orders.";
    if (t.proposals.filter((p) => p.by === student.id).length >= MAX_PROPOSALS_PER_STUDENT) return `At most ${MAX_PROPOSALS_PER_STUDENT} proposals each per round: vote for one instead.`;
    if (t.proposals.length >= MAX_PROPOSALS_PER_TEAM) return "Your team has enough proposals this round: vote for one.";
    this.unvote(student.id);
    const p: ProposalMeta = { id: this.data.nextProposal++, by: student.id, at: now, orders, votes: [student.id] };
    t.proposals.push(p);
    return p;
  }

  vote(student: StudentMeta, proposal: number): string | void {
    const t = student.seat !== null ? this.team(student.seat) : null;
    if (!t) return "Only team members vote on proposals.";
    const p = t.proposals.find((x) => x.id === proposal);
    if (!p) return "No such proposal in your team this round.";
    this.unvote(student.id);
    p.votes.push(student.id);
  }

  /** Removes a student's vote from every proposal of the current round. */
  /** Forgets this round's vote and poll answer of a student (it moved between a team and the observers). */
  dropRoundAnswers(id: string): void {
    this.unvote(id);
    if (this.data.current) delete this.data.current.poll[id];
  }

  unvote(id: string): void {
    for (const t of this.data.current?.teams ?? []) for (const p of t.proposals) p.votes = p.votes.filter((v) => v !== id);
  }

  myVote(student: StudentMeta): number | null {
    const t = student.seat !== null ? this.team(student.seat) : null;
    return t?.proposals.find((p) => p.votes.includes(student.id))?.id ?? null;
  }

  answerPoll(student: StudentMeta, choice: PollChoice): string | void {
    if (student.seat !== null) return "The opinion poll is for observers; your team votes on proposals.";
    if (!this.data.current) return "The poll is closed now.";
    this.data.current.poll[student.id] = choice;
  }

  tally(): { against: number; unsure: number; for: number } {
    const t = { against: 0, unsure: 0, for: 0 };
    for (const v of Object.values(this.data.current?.poll ?? {})) {
      if (v < 0) t.against++;
      else if (v > 0) t.for++;
      else t.unsure++;
    }
    return t;
  }

  /** Closes the round: the chosen proposals, the poll result and the queued card become the round's extras. */
  closeRound(seats: SeatMeta[]): RoundExtras | null {
    const cur = this.data.current;
    if (!cur) return null;
    for (const t of cur.teams) {
      t.bot = seats[t.seat]?.kind === "bot";
      t.chosen = t.bot ? null : this.leading(t.seat)?.id ?? null;
    }
    const tally = this.tally();
    const n = tally.against + tally.unsure + tally.for;
    const opinion = n > 0 ? Math.round(((tally.for - tally.against) / n) * 1000) / 1000 : null;
    const effect = opinion === null ? 0 : opinion >= 0.5 ? 1 : opinion <= -0.5 ? -1 : 0;
    cur.result = { round: cur.round, ...tally, opinion, effect };
    cur.inject = this.data.inject;
    this.data.inject = null;
    this.data.rounds.push(cur);
    this.data.current = null;
    const extras: RoundExtras = {};
    if (opinion !== null && opinion !== 0) extras.opinion = opinion;
    if (cur.inject) extras.inject = cur.inject;
    return Object.keys(extras).length ? extras : null;
  }

  proposalsView(seat: number): ClassProposal[] {
    const t = this.team(seat);
    if (!t) return [];
    const lead = this.leading(seat);
    return t.proposals.map((p) => ({
      id: p.id, by: p.by, byName: this.byId(p.by)?.name ?? "?", at: p.at, orders: p.orders, votes: p.votes.slice(), leading: p === lead,
    }));
  }

  addChat(line: ChatRecord): void {
    this.data.chat.push(line);
    if (this.data.chat.length > MAX_CHAT_KEPT) this.data.chat.shift();
  }
}
