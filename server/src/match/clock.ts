// Time as a dependency: the real clock in the server, a fake one in tests (no sleeps, no timed unit tests).

export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; the handle cancels it. */
  after(ms: number, fn: () => void): unknown;
  cancel(handle: unknown): void;
  /** Calls `fn` once the current event-loop turn is over (after pending I/O). */
  defer(fn: () => void): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref?.();
    return t;
  },
  cancel: (h) => clearTimeout(h as NodeJS.Timeout),
  defer: (fn) => void setImmediate(fn),
};

/** A clock moved by hand: `advance(ms)` fires what falls due in order, `flush()` runs deferred calls. */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private deferred: (() => void)[] = [];

  constructor(start = 1_700_000_000_000) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  after(ms: number, fn: () => void): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }

  cancel(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  defer(fn: () => void): void {
    this.deferred.push(fn);
  }

  /** Runs deferred calls (and those they defer) until none is left. */
  flush(): void {
    for (let guard = 0; this.deferred.length && guard < 10_000; guard++) this.deferred.shift()!();
  }

  advance(ms: number): void {
    const end = this.t + ms;
    this.flush();
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | null = null;
      for (const e of this.timers)
        if (e[1].at <= end && (!next || e[1].at < next[1].at || (e[1].at === next[1].at && e[0] < next[0]))) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
      this.flush();
    }
    this.t = end;
  }

  get pending(): number {
    return this.timers.size;
  }
}

/** The same clock, with every callback's throw handed to `onError` instead of the process. */
export function guardedClock(clock: Clock, onError: (err: unknown) => void): Clock {
  const guard = (fn: () => void) => () => {
    try {
      fn();
    } catch (e) {
      onError(e);
    }
  };
  return {
    now: () => clock.now(),
    after: (ms, fn) => clock.after(ms, guard(fn)),
    cancel: (h) => clock.cancel(h),
    defer: (fn) => clock.defer(guard(fn)),
  };
}
