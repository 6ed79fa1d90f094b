// Structured logs: one JSON line per event worth an operator's eyes.
import pino from "pino";

export type Logger = pino.Logger;

export function makeLogger(level: string): Logger {
  return pino({ level, base: { svc: "metastrategy" } });
}
