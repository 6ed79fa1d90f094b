// Online and solo matches: one player per seat, taken in the lobby or by the creator; a dropped player's seat waits.
import {
  MSG,
  refusal,
  type ChatLine,
  type JoinOptions,
  type MessageName,
  type Refusal,
  type RoomPhase,
  type SeatOrders,
} from "@metastrategy/shared";
import { BotDeals } from "../match/bot-deals.js";
import { botIntentLines } from "../match/bots.js";
import { addChat } from "../match/commands.js";
import type { Match } from "../match/match.js";
import type { Mode, Outcome } from "../match/mode.js";
import type { Member } from "../match/session.js";

const CLASSROOM_ONLY = new Set<MessageName>([
  MSG.propose,
  MSG.vote,
  MSG.poll,
  MSG.hostInject,
  MSG.hostMove,
  MSG.hostTeamBot,
]);

export class OnlineMode implements Mode {
  /** Side payments bots offer, answer and keep at this table (see match/bot-deals.ts). */
  private deals = new BotDeals();

  constructor(private match: Match) {}

  handles(): boolean {
    return false;
  }

  handle(): Outcome {
    return refusal("not_in_mode");
  }

  refuses(name: MessageName): Refusal | null {
    return CLASSROOM_ONLY.has(name) ? refusal("not_in_mode") : null;
  }

  authorize(): JoinOptions | null {
    return null;
  }

  unplayedName(): string {
    return "";
  }

  /** A seat token takes its seat back; the creator takes the first open seat. */
  join(m: Member, o: JoinOptions, creator: boolean): void {
    const { session, meta } = this.match;
    let seat: number | null = null;
    if (o.seatToken && !o.spectator) {
      const idx = session.seatOfToken(o.seatToken);
      if (idx >= 0) seat = idx;
    }
    // The creator sits down at once; so does a joiner by code who asks for it (client UX, issue 11).
    if (seat === null && (creator || o.autoSeat) && !o.spectator && !meta.started) {
      const idx = meta.seats.findIndex((s) => s.kind === "open");
      if (idx >= 0) {
        session.claimOpen(idx, m.name);
        seat = idx;
      }
    }
    if (seat !== null) this.match.seat(m, seat, false);
  }

  chatBacklog(): ChatLine[] {
    return this.match.chatLog;
  }

  welcome(): void {}

  /** The last player of a human seat who dropped (not left) keeps it for the reconnection window. */
  leave(m: Member, consented: boolean): boolean {
    const match = this.match;
    const seat = m.seat;
    match.session.remove(m);
    match.afterSeatsChanged();
    if (seat === null || match.meta.seats[seat]?.kind !== "human" || match.session.present(seat) > 0) return false;
    if (!consented && !match.ended && match.deps.config.reconnectSeconds > 0) {
      match.session.waiting.add(seat);
      match.session.hold(m);
      return true;
    }
    this.gone(seat, consented);
    return false;
  }

  rejoined(m: Member): void {
    const match = this.match;
    if (m.seat !== null) match.session.waiting.delete(m.seat);
    // The seat may have been kicked, reopened or renumbered meanwhile: follow the token.
    const idx = match.session.seatOfToken(m.token, "human");
    m.seat = null;
    if (idx >= 0) match.seat(m, idx, false);
    match.sendToken(m);
    match.welcome(m);
    match.deps.log.info({ event: "player.reconnected", code: match.code, seat: m.seat }, "player reconnected");
    match.afterSeatsChanged();
  }

  dropped(m: Member): void {
    if (m.seat === null) return;
    this.match.session.waiting.delete(m.seat);
    this.gone(m.seat, false);
  }

  /** Gone for now: in the lobby the seat opens; in play its bot holds it until the token comes back. */
  private gone(seat: number, consented: boolean): void {
    const match = this.match;
    if (!match.meta.started && match.meta.seats[seat]?.kind === "human" && match.session.present(seat) === 0)
      match.session.open(seat);
    match.deps.log.info({ event: "player.left", code: match.code, seat, consented }, "player left");
    match.afterSeatsChanged();
    match.checkEarlyEnd();
  }

  seatToken(m: Member): string | null {
    return m.seat !== null ? (this.match.meta.seats[m.seat]?.token ?? null) : null;
  }

  chat(m: Member, line: ChatLine): Promise<Outcome> {
    return addChat(this.match, [line]).then((ok) => {
      if (!ok) return refusal("not_saved", "Your message could not be saved: try again.");
      // A line may offer a bot a side payment, or take a bot's offer: the bot answers in the chat.
      const match = this.match;
      const replies = match.game ? this.deals.hear(match.game, match.meta.seats, m.seat, line.text) : [];
      if (replies.length > 0) {
        const at = match.clock.now();
        void addChat(
          match,
          replies.map((l) => ({ from: l.from, seat: l.seat, text: l.text, at })),
        );
      }
      return undefined;
    });
  }

  botDeals(orders: SeatOrders[]): SeatOrders[] {
    return this.match.game ? this.deals.apply(this.match.game, this.match.meta.seats, orders) : orders;
  }

  everyoneDecided(): boolean {
    if (this.match.phases.timer.paused) return false; // paused means nothing moves (solo pauses while its guide is open)
    return this.match.everyHumanSubmitted();
  }

  roundStarted(): void {}

  /** Bots say what they mean to do, one line each, when the deliberation opens with a human at the table. */
  phaseEntered(phase: RoomPhase): void {
    const match = this.match;
    if (phase !== "deliberation" || !match.game || match.phaseMs(phase) === 0) return;
    const lines = [...botIntentLines(match.game, match.meta.seats), ...this.deals.offers(match.game, match.meta.seats)];
    if (lines.length === 0) return;
    const at = match.clock.now();
    void addChat(
      match,
      lines.map((l) => ({ from: l.from, seat: l.seat, text: l.text, at })),
    ); // stored before anyone sees it
  }

  roundExtras(): null {
    return null;
  }

  changed(): void {}

  settings(): Outcome {
    return refusal("not_in_mode", "Team size applies to classes only.");
  }

  seatsChanged(): void {}

  dispose(): void {}
}
