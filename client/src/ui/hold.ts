// Solo matches stop the clock while the player reads a guide, a hint or a dialog; online matches never do (others wait).
import type { Net } from "../net/types";
import { getState, subscribe } from "../store";

let holders = 0;
let pausedByUs = false;
let net: Net | null = null;
let unsub: (() => void) | null = null;

/** Whether this client may stop the clock for its reading: a solo match it hosts, while the match runs. */
export function soloClock(): boolean {
  const snap = getState().snap;
  return !!snap && snap.info.mode === "solo" && snap.isHost;
}

function tryPause(): void {
  const snap = getState().snap;
  if (!net || holders === 0 || pausedByUs || !soloClock() || !snap) return;
  const phase = snap.info.phase;
  if (phase === "lobby" || phase === "ended" || snap.info.paused) return;
  pausedByUs = true;
  net.hostPause();
}

/** Binds the holds to the match screen's connection; returns the unbinding. */
export function bindHolds(n: Net): () => void {
  net = n;
  unsub?.();
  // A guide opened just before the match started pauses as soon as there is a clock to stop.
  unsub = subscribe(() => tryPause());
  return () => {
    unsub?.();
    unsub = null;
    net = null;
    holders = 0;
    pausedByUs = false;
  };
}

/** Holds the clock (solo only) until the returned release is called. */
export function holdClock(): () => void {
  holders++;
  tryPause();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    holders = Math.max(0, holders - 1);
    if (holders > 0 || !pausedByUs) return;
    pausedByUs = false;
    if (getState().snap?.info.paused) net?.hostResume();
  };
}

/** A confirm() that stops the solo clock while it is open. */
export function confirmHeld(text: string): boolean {
  const release = holdClock();
  try {
    return confirm(text);
  } finally {
    release();
  }
}
