// What the UI asks of the network: plain data and intents, never colyseus objects.
import type { ClientMessages, CreateOptions, Doctrine, MatchRecord, SeatOrders } from "@metastrategy/shared";

export interface PublicMatch {
  roomId: string;
  code: string;
  name: string;
  scenario: string;
  phase: string;
  round: number;
  seats: number;
  humans: number;
  openSeats: number;
}

export interface FinishedMatch {
  id: string;
  name: string;
  scenario: string;
  ending: string | null;
  endedAt: number;
  score: number | null;
}

export interface Intents {
  orders(orders: SeatOrders): void;
  chat(text: string): void;
  takeSeat(seat: number): void;
  leaveSeat(): void;
  setDoctrine(doctrine: Doctrine): void;
  ready(ready: boolean): void;
  /** Payload types inferred from the server's own zod schemas (shared/protocol/messages.ts). */
  hostSettings(s: ClientMessages["host:settings"]): void;
  hostSeat(s: ClientMessages["host:seat"]): void;
  hostStart(): void;
  hostPause(): void;
  hostResume(): void;
  hostExtend(seconds: number): void;
  hostEndPhase(): void;
  hostKick(seat: number): void;
  hostEndMatch(): void;
}

export interface Net extends Intents {
  create(options: CreateOptions, name: string): Promise<void>;
  joinByCode(code: string, name: string, spectator?: boolean): Promise<void>;
  /** Rejoins the match this tab was in (after a reload); false when there is none. */
  resume(): Promise<boolean>;
  leave(): Promise<void>;
  listPublic(): Promise<PublicMatch[]>;
  listFinished(): Promise<FinishedMatch[]>;
  record(id: string): Promise<MatchRecord>;
  /** The id of the current match for its record and replay, once known. */
  matchId(): string | null;
}
