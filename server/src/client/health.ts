// The load tools' view of a server they started (npm run load, npm run load:floor): its /healthz as JSON.
import type { ChildProcess } from "node:child_process";

/** The server's /healthz (with `?reset=1` when `reset`), or null while it does not answer. */
export async function fetchHealth<T>(base: string, reset = false): Promise<T | null> {
  try {
    const r = await fetch(`${base}/healthz${reset ? "?reset=1" : ""}`);
    return r.ok ? ((await r.json()) as T) : null;
  } catch {
    return null;
  }
}

/** Polls /healthz every 100 ms until it answers; throws if `child` exits first or after 30 s. */
export async function awaitHealth<T>(base: string, child: ChildProcess, what = "the server"): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const h = await fetchHealth<T>(base);
    if (h) return h;
    if (child.exitCode !== null) throw new Error(`${what} exited`);
    if (Date.now() - t0 > 30_000) throw new Error(`${what} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
