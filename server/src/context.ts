// What every room of this process shares: the store, the logger, the configuration and metrics.
import type { Config } from "./config.js";
import type { Logger } from "./log.js";
import type { Metrics } from "./http/metrics.js";
import type { MatchStore, StoredMatch } from "./store/types.js";

export interface ServerContext {
  store: MatchStore;
  log: Logger;
  config: Config;
  metrics: Metrics;
  /** Stored matches waiting for their room to be recreated (restart recovery). */
  restores: Map<string, StoredMatch>;
  shuttingDown: boolean;
}

let current: ServerContext | null = null;

export function setContext(ctx: ServerContext): void {
  current = ctx;
}

export function getContext(): ServerContext {
  if (!current) throw new Error("Server context not set");
  return current;
}
