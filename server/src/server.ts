// Builds and starts the whole server: HTTP app, Colyseus rooms, store, restart recovery.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { LobbyRoom, Server, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { Encoder } from "@colyseus/schema";
import { configFromEnv, type Config } from "./config.js";
import { setContext, type ServerContext } from "./context.js";
import { buildApp } from "./http/routes.js";
import { Metrics } from "./http/metrics.js";
import { makeLogger } from "./log.js";
import { closeBotWorker } from "./rooms/bots.js";
import { MatchRoom } from "./rooms/MatchRoom.js";
import { SqliteStore } from "./store/sqlite.js";
import type { MatchStore } from "./store/types.js";

export interface RunningServer {
  port: number;
  ctx: ServerContext;
  /** Stops accepting, disconnects rooms (unfinished matches stay restorable), closes the store. */
  close(): Promise<void>;
}

// Eight seats' private parts (legal orders ~2.5 KB each) exceed the default 8 KB encode buffer.
Encoder.BUFFER_SIZE = 64 * 1024;

export async function startServer(overrides: Partial<Config> = {}, store?: MatchStore): Promise<RunningServer> {
  const config = { ...configFromEnv(), ...overrides };
  const log = makeLogger(config.logLevel);
  const ctx: ServerContext = {
    store: store ?? SqliteStore.inDir(config.dataDir),
    log,
    config,
    metrics: new Metrics(),
    restores: new Map(),
    shuttingDown: false,
  };
  setContext(ctx);

  const app = buildApp(ctx);
  const httpServer = http.createServer(app);
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: 64 * 1024 }),
    gracefullyShutdown: false,
    greet: false,
  });
  gameServer.define("lobby", LobbyRoom);
  gameServer.define("match", MatchRoom).enableRealtimeListing();
  await gameServer.listen(config.port);
  const port = (httpServer.address() as AddressInfo).port;

  // Restart recovery: every unfinished match comes back under its code.
  const unfinished = await ctx.store.unfinished();
  for (const m of unfinished) {
    ctx.restores.set(m.code, m);
    try {
      await matchMaker.createRoom("match", { __restore: m.code });
    } catch (e) {
      ctx.restores.delete(m.code);
      log.error({ event: "match.restore_failed", code: m.code, err: e instanceof Error ? e.message : String(e) }, "restore failed");
    }
  }
  log.info({ event: "server.started", port, dataDir: config.dataDir, restored: unfinished.length, timerScale: config.timerScale }, "server started");

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      ctx.shuttingDown = true;
      await gameServer.gracefullyShutdown(false).catch(() => {});
      await closeBotWorker();
      await ctx.store.close();
      httpServer.close();
      log.info({ event: "server.stopped" }, "server stopped");
    })());
  return { port, ctx, close };
}
