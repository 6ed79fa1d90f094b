// The phase machine: lobby → (news → deliberation → orders → resolution → report)* → ended, timed on an injected clock.
import type { RoomPhase } from "@metastrategy/shared";
import type { Clock } from "./clock.js";
import { PhaseTimer } from "./timer.js";

export const TIMED: readonly RoomPhase[] = ["news", "deliberation", "orders", "report"];
export const ORDERS_OPEN: readonly RoomPhase[] = ["news", "deliberation", "orders"];
/**
 * Phases that, set to zero seconds, end in the same turn they begin instead of on a zero-delay timer. No one acts in
 * them (they only show something, for a time); the state written on the way is overwritten before the next patch
 * either way, but a timer each let a busy server send a patch between them (one more frame to every client).
 */
const SKIPPABLE: readonly RoomPhase[] = ["news", "deliberation"];

export interface PhaseHooks {
  durationMs(phase: RoomPhase): number;
  /** A phase began (its timer, if any, runs). */
  entered(phase: RoomPhase): void;
  /** A timed phase ran out (or was ended early). */
  timedOut(phase: RoomPhase): void;
}

export class Phases {
  phase: RoomPhase = "lobby";
  /** Bumped at every phase change: callbacks of an older phase do nothing. */
  seq = 0;
  readonly timer: PhaseTimer;

  constructor(
    private clock: Clock,
    private hooks: PhaseHooks,
  ) {
    this.timer = new PhaseTimer(clock);
  }

  enter(phase: RoomPhase): void {
    const seq = ++this.seq;
    this.phase = phase;
    this.timer.clear();
    const ms = TIMED.includes(phase) ? this.hooks.durationMs(phase) : -1;
    if (ms >= 0) {
      this.timer.start(ms, () => {
        if (seq === this.seq) this.hooks.timedOut(phase);
      });
    }
    this.hooks.entered(phase);
    // A zero-second phase ends now rather than on a zero-delay timer (a paused timer holds it, as before).
    if (ms === 0 && SKIPPABLE.includes(phase) && seq === this.seq && !this.timer.paused) this.timer.fire();
  }

  /** The match is over: no timer, no callback of an earlier phase. */
  end(): void {
    this.seq++;
    this.timer.clear();
    this.phase = "ended";
  }

  get ordersOpen(): boolean {
    return ORDERS_OPEN.includes(this.phase);
  }

  get timed(): boolean {
    return TIMED.includes(this.phase) && this.timer.running;
  }

  /** Ends the orders phase once this turn is over, unless the phase moved meanwhile. */
  endOrdersSoon(): void {
    const seq = this.seq;
    this.clock.defer(() => {
      if (seq === this.seq && this.phase === "orders") this.timer.fire();
    });
  }
}
