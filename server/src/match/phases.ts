// The phase machine: lobby → (news → deliberation → orders → resolution → report)* → ended, timed on an injected clock.
import type { RoomPhase } from "@metastrategy/shared";
import type { Clock } from "./clock.js";
import { PhaseTimer } from "./timer.js";

export const TIMED: readonly RoomPhase[] = ["news", "deliberation", "orders", "report"];
export const ORDERS_OPEN: readonly RoomPhase[] = ["news", "deliberation", "orders"];

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
    if (TIMED.includes(phase)) {
      this.timer.start(this.hooks.durationMs(phase), () => {
        if (seq === this.seq) this.hooks.timedOut(phase);
      });
    }
    this.hooks.entered(phase);
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
