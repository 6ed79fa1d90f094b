// What differs by mode (online/solo, classroom), as an object the match is given at creation instead of branches.
import type {
  ChatLine,
  JoinOptions,
  MessageName,
  ParsedMessage,
  Refusal,
  Role,
  RoomPhase,
  RoundExtras,
  SeatOrders,
} from "@metastrategy/shared";
import type { Member } from "./session.js";

export type Outcome = Refusal | void;

export interface Mode {
  /** Messages only this mode answers (already parsed and authorized). */
  handles(name: MessageName): boolean;
  handle(m: Member, msg: ParsedMessage): Outcome | Promise<Outcome>;
  /** Messages that parse but make no sense in this mode. */
  refuses(name: MessageName): Refusal | null;
  /** Join checks beyond the schema (`player`: the creator's own options); may clean the name; throws a short Error. */
  authorize(raw: Record<string, unknown>, parsed: JoinOptions | null, player: boolean): JoinOptions | null;
  /** The name a seat shows while no player holds it ("" online, the team's label in a class). */
  unplayedName(role: Role, seat: number): string;
  /** Places a new member (a seat or none); `creator`: the first member of the match. */
  join(m: Member, o: JoinOptions, creator: boolean): void | Promise<void>;
  /** Chat lines a new member gets. */
  chatBacklog(m: Member): ChatLine[];
  /** After the join or a reconnection: anything else the member needs. */
  welcome(m: Member): void;
  /** The member's client left: true holds it for a reconnection (rejoined/dropped follow). */
  leave(m: Member, consented: boolean): boolean;
  rejoined(m: Member): void;
  dropped(m: Member): void;
  /** The token a member rejoins with. */
  seatToken(m: Member): string | null;
  /** A chat line: stored before anyone sees it. */
  chat(m: Member, line: ChatLine): Outcome | Promise<Outcome>;
  /** Orders end early once everyone who decides has decided. */
  everyoneDecided(): boolean;
  roundStarted(): void;
  /** A phase began (online: bots say what they mean to do when the deliberation opens). */
  phaseEntered(phase: RoomPhase): void;
  /** Closes the round: its non-seat inputs (a class's poll, an injected card). */
  roundExtras(): RoundExtras | null;
  /** The round's orders once bots filled theirs (online: bots keep the side payments they agreed in the chat). */
  botDeals?(orders: SeatOrders[]): SeatOrders[];
  /** Something the mode shows changed (phase, round, seats). */
  changed(): void;
  /** Host settings the mode owns (team size). */
  settings(p: { teamSize?: number }): Outcome;
  /** Seats were added, removed (`removed`) or given to bots in the lobby. */
  seatsChanged(removed: number | null): void;
  dispose(): void;
}
