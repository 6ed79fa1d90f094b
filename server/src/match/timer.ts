// One phase timer that can be paused, resumed and extended, on an injected clock.
import { realClock, type Clock } from "./clock.js";

export class PhaseTimer {
  private handle: unknown = null;
  private fn: (() => void) | null = null;
  /** Epoch ms of the end while running, else 0. */
  deadline = 0;
  /** Ms left while paused. */
  remainingMs = 0;
  paused = false;

  constructor(private clock: Clock = realClock) {}

  start(ms: number, fn: () => void): void {
    this.clear();
    this.fn = fn;
    if (this.paused) {
      this.remainingMs = ms;
      return;
    }
    this.arm(ms);
  }

  private arm(ms: number): void {
    this.deadline = this.clock.now() + ms;
    this.handle = this.clock.after(Math.max(0, ms), () => {
      this.handle = null;
      this.deadline = 0;
      const f = this.fn;
      this.fn = null;
      f?.();
    });
  }

  get running(): boolean {
    return this.fn !== null;
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    if (this.handle !== null) {
      this.clock.cancel(this.handle);
      this.handle = null;
      this.remainingMs = Math.max(0, this.deadline - this.clock.now());
      this.deadline = 0;
    }
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.fn) this.arm(this.remainingMs);
    this.remainingMs = 0;
  }

  extend(ms: number): void {
    if (!this.fn) return;
    if (this.paused) this.remainingMs += ms;
    else {
      if (this.handle !== null) this.clock.cancel(this.handle);
      this.arm(Math.max(0, this.deadline - this.clock.now()) + ms);
    }
  }

  /** Fires now (end phase now). */
  fire(): void {
    const f = this.fn;
    this.clear();
    f?.();
  }

  clear(): void {
    if (this.handle !== null) this.clock.cancel(this.handle);
    this.handle = null;
    this.fn = null;
    this.deadline = 0;
    this.remainingMs = 0;
  }
}
