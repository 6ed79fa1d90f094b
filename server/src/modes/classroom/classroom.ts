// Classroom sessions: students, teams on seats, proposals and votes, the observers' opinion poll, injected cards.
// Plain data (data.ts) kept in the match meta; the rules (the poll's effect on will) come from shared.
import {
  MAX_STUDENT_NAME,
  opinionWillEffect,
  refusal,
  type ClassProposal,
  type Refusal,
  type PollChoice,
  type RoundExtras,
  type SeatOrders,
} from "@metastrategy/shared";
import { newToken } from "../../match/codes.js";
import type { ChatRecord, ClassroomMeta, ProposalMeta, RoundSession, StudentMeta, TeamRound } from "./data.js";

/** What the class needs to know of a seat. */
type SeatKindOf = { kind: string };

export const MAX_PROPOSALS_PER_STUDENT = 3;
export const MAX_PROPOSALS_PER_TEAM = 12;
export const MAX_CHAT_KEPT = 5000;

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
  placeFor(seats: SeatKindOf[]): number | null {
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
  startRound(round: number, seats: SeatKindOf[]): RoundSession {
    const cur = this.data.current;
    if (cur && cur.round === round) return cur;
    this.data.current = {
      round,
      teams: seats.map((s, i) => ({ seat: i, proposals: [], chosen: null, bot: s.kind === "bot" })),
      poll: {},
      result: null,
      inject: null,
    };
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

  propose(student: StudentMeta, orders: SeatOrders, now: number): ProposalMeta | Refusal {
    const t = student.seat !== null ? this.team(student.seat) : null;
    if (!t) return refusal("observer", "Observers vote in the opinion poll; only team members propose orders.");
    if (t.proposals.filter((p) => p.by === student.id).length >= MAX_PROPOSALS_PER_STUDENT)
      return refusal("limit", `At most ${MAX_PROPOSALS_PER_STUDENT} proposals each per round: vote for one instead.`);
    if (t.proposals.length >= MAX_PROPOSALS_PER_TEAM)
      return refusal("limit", "Your team has enough proposals this round: vote for one.");
    this.unvote(student.id);
    const p: ProposalMeta = { id: this.data.nextProposal++, by: student.id, at: now, orders, votes: [student.id] };
    t.proposals.push(p);
    return p;
  }

  vote(student: StudentMeta, proposal: number): Refusal | void {
    const t = student.seat !== null ? this.team(student.seat) : null;
    if (!t) return refusal("observer", "Only team members vote on proposals.");
    const p = t.proposals.find((x) => x.id === proposal);
    if (!p) return refusal("no_such_proposal");
    this.unvote(student.id);
    p.votes.push(student.id);
  }

  /** Forgets this round's vote and poll answer of a student (it moved between a team and the observers). */
  dropRoundAnswers(id: string): void {
    this.unvote(id);
    if (this.data.current) delete this.data.current.poll[id];
  }

  /** Removes a student's vote from every proposal of the current round. */
  unvote(id: string): void {
    for (const t of this.data.current?.teams ?? [])
      for (const p of t.proposals) p.votes = p.votes.filter((v) => v !== id);
  }

  myVote(student: StudentMeta): number | null {
    const t = student.seat !== null ? this.team(student.seat) : null;
    return t?.proposals.find((p) => p.votes.includes(student.id))?.id ?? null;
  }

  answerPoll(student: StudentMeta, choice: PollChoice): Refusal | void {
    if (student.seat !== null)
      return refusal("not_student", "The opinion poll is for observers; your team votes on proposals.");
    if (!this.data.current) return refusal("poll_closed");
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
  closeRound(seats: SeatKindOf[]): RoundExtras | null {
    const cur = this.data.current;
    if (!cur) return null;
    for (const t of cur.teams) {
      t.bot = seats[t.seat]?.kind === "bot";
      t.chosen = t.bot ? null : (this.leading(t.seat)?.id ?? null);
    }
    const tally = this.tally();
    const n = tally.against + tally.unsure + tally.for;
    const opinion = n > 0 ? Math.round(((tally.for - tally.against) / n) * 1000) / 1000 : null;
    const effect = opinionWillEffect(opinion);
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
      id: p.id,
      by: p.by,
      byName: this.byId(p.by)?.name ?? "?",
      at: p.at,
      orders: p.orders,
      votes: p.votes.slice(),
      leading: p === lead,
    }));
  }

  addChat(line: ChatRecord): void {
    this.data.chat.push(line);
    if (this.data.chat.length > MAX_CHAT_KEPT) this.data.chat.shift();
  }
}
