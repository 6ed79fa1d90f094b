// Who is in the match: members (one per connected client), which seat each holds, seats waiting for a player to
// come back, and the seats' and host's tokens. No sockets here: a member is known by its session id.
import type { JoinOptions } from "@metastrategy/shared";
import { RateLimit } from "./chat.js";
import { newToken } from "./codes.js";
import type { RoomMeta, SeatMeta } from "./meta.js";

export interface Member {
  /** The client's session id (kept across a reconnection). */
  id: string;
  name: string;
  seat: number | null;
  host: boolean;
  spectator: boolean;
  chat: RateLimit;
  /** The seat token of the seat held (to find it again after a reconnection). */
  token: string | null;
  /** Classroom: the student this client is (null: teacher, projector, spectator). */
  student: string | null;
}

export class Session {
  /** Connected members in join order. */
  readonly members = new Map<string, Member>();
  /** Members whose client dropped and may come back (reconnection window). */
  private held = new Map<string, Member>();
  /** Session ids per seat (a seat may have several members: classroom teams). */
  private bySeat: Set<string>[];
  /** Human seats whose player dropped and may still come back: they hold up the early end of orders. */
  readonly waiting = new Set<number>();
  hostClaimed = false;

  constructor(public meta: RoomMeta) {
    this.bySeat = meta.seats.map(() => new Set());
  }

  get seats(): SeatMeta[] {
    return this.meta.seats;
  }

  get(id: string): Member | undefined {
    return this.members.get(id);
  }

  /** A new member: the first one is the host (the creator); a host token makes another. */
  add(id: string, o: JoinOptions, fallbackName: string): Member {
    const creator = !this.hostClaimed;
    if (creator) this.hostClaimed = true;
    const host = creator || (!!o.hostToken && o.hostToken === this.meta.hostToken);
    const m: Member = {
      id,
      name: o.name ?? fallbackName,
      seat: null,
      host,
      spectator: !!o.spectator,
      chat: new RateLimit(),
      token: null,
      student: null,
    };
    this.members.set(id, m);
    return m;
  }

  /** The member's client left: it no longer counts as present on its seat (`m.seat` still says which it held). */
  remove(m: Member): void {
    this.members.delete(m.id);
    if (m.seat !== null) this.bySeat[m.seat]?.delete(m.id);
  }

  /** Keeps a member who left for its reconnection window. */
  hold(m: Member): void {
    this.held.set(m.id, m);
  }

  /** A held member is back (the mode seats it again by its token). */
  restore(id: string): Member | null {
    const m = this.held.get(id);
    if (!m) return null;
    this.held.delete(id);
    this.members.set(id, m);
    return m;
  }

  heldMember(id: string): Member | null {
    return this.held.get(id) ?? null;
  }

  drop(id: string): void {
    this.held.delete(id);
  }

  seatOfToken(token: string | null | undefined, kind?: SeatMeta["kind"]): number {
    if (!token) return -1;
    return this.meta.seats.findIndex((s) => s.token !== null && s.token === token && (!kind || s.kind === kind));
  }

  /** Makes the member one of the seat's. */
  sit(m: Member, seat: number): void {
    if (m.seat !== null && m.seat !== seat) this.bySeat[m.seat]?.delete(m.id);
    m.seat = seat;
    m.spectator = false;
    m.token = this.meta.seats[seat].token;
    this.bySeat[seat].add(m.id);
    this.waiting.delete(seat);
  }

  /** Takes the member off its seat (it stays, seatless). */
  stand(m: Member): number | null {
    const seat = m.seat;
    if (seat === null) return null;
    this.bySeat[seat]?.delete(m.id);
    m.seat = null;
    return seat;
  }

  present(seat: number): number {
    return this.bySeat[seat]?.size ?? 0;
  }

  membersOf(seat: number): Member[] {
    const out: Member[] = [];
    for (const id of this.bySeat[seat] ?? []) {
      const m = this.members.get(id);
      if (m) out.push(m);
    }
    return out;
  }

  /** Connected members without a seat. */
  spectators(): number {
    let n = 0;
    for (const m of this.members.values()) if (m.seat === null) n++;
    return n;
  }

  claimOpen(seat: number, name: string): void {
    Object.assign(this.meta.seats[seat], { kind: "human", name, token: newToken(), ready: false });
  }

  open(seat: number): void {
    Object.assign(this.meta.seats[seat], { kind: "open", token: null, ready: false, name: "" });
  }

  addSeat(s: SeatMeta): void {
    this.meta.seats.push(s);
    this.bySeat.push(new Set());
  }

  /** Removes a seat (nobody on it); members of later seats move down one. */
  removeSeat(seat: number): Member[] {
    this.meta.seats.splice(seat, 1);
    this.bySeat.splice(seat, 1);
    const moved: Member[] = [];
    for (const m of [...this.members.values(), ...this.held.values()]) {
      if (m.seat !== null && m.seat > seat) {
        m.seat -= 1;
        moved.push(m);
      }
    }
    return moved;
  }

  /** Whether the host holds a seat now. */
  hostSeated(): boolean {
    for (const m of this.members.values()) if (m.host && m.seat !== null) return true;
    return false;
  }
}
