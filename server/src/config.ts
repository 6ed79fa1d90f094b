// Process configuration from the environment, read once (PORT, HOST, DATA_DIR, TIMER_SCALE, RECONNECT_SECONDS, CLIENT_DIST,
// LOG_LEVEL, REDIS_URL, DATABASE_URL, PUBLIC_ADDRESS, LEASE_SECONDS, SWEEP_SECONDS, WS_COMPRESSION).
import path from "node:path";

export interface Config {
  port: number;
  /** Listen address (HOST): e.g. 127.0.0.1 for this machine only; unset = every interface. */
  host: string | undefined;
  dataDir: string;
  /** Multiplies every phase duration (tests use e.g. 0.01). */
  timerScale: number;
  /** How long a dropped client keeps its reconnection (seconds). */
  reconnectSeconds: number;
  clientDist: string;
  logLevel: string;
  /** Redis for presence and the room listing shared by several processes (scale-out); null = one embedded process. */
  redisUrl: string | null;
  /** PostgreSQL for match records shared by every process; null = SQLite in dataDir. */
  databaseUrl: string | null;
  /** host[:port][/path] by which clients reach this very process (scale-out), or null. */
  publicAddress: string | null;
  /**
   * Shared store: a match whose owner has not renewed its lease for this long may be restored by another process
   * (default 6 s: with a 1 s sweep, a match is served again ~6-8 s after its process dies).
   */
  leaseSeconds: number;
  /** Shared store: how often leases are renewed and orphaned matches looked for (default 1 s; keep it well under the lease). */
  sweepSeconds: number;
  /** permessage-deflate on the WebSocket (WS_COMPRESSION=0 turns it off). */
  wsCompression: boolean;
  /** Seconds between WebSocket pings (WS_PING_SECONDS, default 10; 0 turns the check off); 3 unanswered: closed. */
  pingSeconds: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const num = (v: string | undefined, d: number) =>
    v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : d;
  const root = path.resolve(import.meta.dirname, "../..");
  return {
    port: num(env.PORT, 2567),
    host: env.HOST || undefined,
    dataDir: env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(root, "data"),
    timerScale: num(env.TIMER_SCALE, 1),
    reconnectSeconds: num(env.RECONNECT_SECONDS, 120),
    clientDist: env.CLIENT_DIST ? path.resolve(env.CLIENT_DIST) : path.join(root, "client", "dist"),
    logLevel: env.LOG_LEVEL ?? "info",
    redisUrl: env.REDIS_URL || null,
    databaseUrl: env.DATABASE_URL || null,
    publicAddress: env.PUBLIC_ADDRESS || null,
    leaseSeconds: num(env.LEASE_SECONDS, 6),
    sweepSeconds: num(env.SWEEP_SECONDS, 1),
    wsCompression: env.WS_COMPRESSION !== "0",
    pingSeconds: num(env.WS_PING_SECONDS, 10),
  };
}
