// Process configuration from the environment, read once.
import path from "node:path";

export interface Config {
  port: number;
  dataDir: string;
  /** Multiplies every phase duration (tests use e.g. 0.01). */
  timerScale: number;
  /** How long a dropped client keeps its reconnection (seconds). */
  reconnectSeconds: number;
  clientDist: string;
  logLevel: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const num = (v: string | undefined, d: number) => (v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : d);
  const root = path.resolve(import.meta.dirname, "../..");
  return {
    port: num(env.PORT, 2567),
    dataDir: env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(root, "data"),
    timerScale: num(env.TIMER_SCALE, 1),
    reconnectSeconds: num(env.RECONNECT_SECONDS, 120),
    clientDist: env.CLIENT_DIST ? path.resolve(env.CLIENT_DIST) : path.join(root, "client", "dist"),
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
