// The last-resort policy for errors that escape every room (rooms catch their own: guard.ts, MatchRoom.crashed).
// Log every one; keep serving after a stray error or rejection, since the other matches are fine; exit only on a true
// process fault: out of memory, a broken listening socket, or a burst of errors that says the process is unwell.
import type { Logger } from "pino";
import type { Metrics } from "./http/metrics.js";

/** More than this many escaped errors within the window: the process is unwell; exit so a supervisor restarts it. */
export const ERROR_BURST = 20;
export const ERROR_WINDOW_MS = 60_000;
const FATAL_CODES = new Set(["ERR_OUT_OF_MEMORY", "EADDRINUSE", "EMFILE", "ENFILE", "ERR_WORKER_OUT_OF_MEMORY"]);

export function isProcessFault(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && FATAL_CODES.has(code);
}

export function installProcessPolicy(
  log: Logger,
  metrics: Metrics,
  exit: (code: number) => void = (c) => process.exit(c),
): void {
  const recent: number[] = [];
  const handle = (kind: string) => (err: unknown) => {
    metrics.processErrors++;
    const now = Date.now();
    recent.push(now);
    while (recent.length > 0 && recent[0] < now - ERROR_WINDOW_MS) recent.shift();
    const fatal = isProcessFault(err) || recent.length > ERROR_BURST;
    log.error(
      { event: "process.error", kind, fatal, err: err instanceof Error ? (err.stack ?? err.message) : typeof err },
      "error escaped a room",
    );
    if (fatal) exit(1);
  };
  process.on("uncaughtException", handle("uncaughtException"));
  process.on("unhandledRejection", handle("unhandledRejection"));
}
