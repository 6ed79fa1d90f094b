// Builds and starts the whole server: HTTP app, Colyseus rooms, store, restart recovery.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server, matchMaker } from "@colyseus/core";
import { configFromEnv, type Config } from "./config.js";
import { setContext, type ServerContext } from "./context.js";
import { buildApp } from "./http/routes.js";
import { Metrics } from "./http/metrics.js";
import { makeLogger } from "./log.js";
import { closeBotWorker } from "./match/bots.js";
import { MatchRoom, liveRooms } from "./rooms/MatchRoom.js";
import { SafeLobbyRoom } from "./rooms/lobby.js";
import { keepLeases, redisParts, type LeaseKeeper } from "./scale.js";
import { PostgresStore } from "./store/postgres.js";
import { SqliteStore } from "./store/sqlite.js";
import { wsTransport } from "./transport.js";
import type { MatchStore } from "./store/types.js";

export interface RunningServer {
  port: number;
  ctx: ServerContext;
  /** Stops accepting, disconnects rooms (unfinished matches stay restorable), closes the store. */
  close(): Promise<void>;
}

/** Largest matchmaking request body (join and create options are a few hundred bytes). */
export const MAX_MATCHMAKE_BODY = 16 * 1024;

/**
 * Colyseus reads matchmaking POST bodies whole with no limit: answer 413 and stop reading past MAX_MATCHMAKE_BODY.
 * Runs before Colyseus's own request listener (installed by listen()), which never sees a refused request.
 */
function limitMatchmakeBodies(server: http.Server): void {
  const listeners = server.listeners("request").slice() as ((
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === "POST" && req.url?.includes("/matchmake/")) {
      const refuse = () => {
        if (!res.headersSent) res.writeHead(413, { "Content-Type": "application/json", Connection: "close" });
        res.end(JSON.stringify({ error: `Request body too large (at most ${MAX_MATCHMAKE_BODY} bytes).` }));
        req.removeAllListeners("data");
        req.removeAllListeners("end");
        req.resume();
      };
      if (Number(req.headers["content-length"] ?? 0) > MAX_MATCHMAKE_BODY) return refuse();
      let seen = 0;
      req.on("data", (chunk: Buffer) => {
        seen += chunk.byteLength;
        if (seen > MAX_MATCHMAKE_BODY) refuse();
      });
    }
    for (const l of listeners) l.call(server, req, res);
  });
}

export async function startServer(overrides: Partial<Config> = {}, store?: MatchStore): Promise<RunningServer> {
  const config = { ...configFromEnv(), ...overrides };
  const log = makeLogger(config.logLevel);
  const ctx: ServerContext = {
    store:
      store ??
      (config.databaseUrl ? await PostgresStore.connect(config.databaseUrl) : SqliteStore.inDir(config.dataDir)),
    log,
    config,
    metrics: new Metrics(),
    restores: new Map(),
    shuttingDown: false,
  };
  setContext(ctx);

  const app = buildApp(ctx);
  const httpServer = http.createServer(app);
  // Scale-out (REDIS_URL): presence and room listing in Redis, and this process's own public address so that a
  // client whose seat was reserved through another process connects to the one holding the room.
  const gameServer = new Server({
    transport: wsTransport(httpServer, config),
    gracefullyShutdown: false,
    greet: false,
    ...redisParts(config.redisUrl, ctx.store.leases),
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
  });
  gameServer.define("lobby", SafeLobbyRoom);
  gameServer.define("match", MatchRoom).enableRealtimeListing();
  await gameServer.listen(config.port, config.host);
  limitMatchmakeBodies(httpServer);
  const port = (httpServer.address() as AddressInfo).port;

  // Restart recovery. One process with its own SQLite file: every unfinished match comes back under its code, here.
  // A shared store (PostgreSQL): only matches whose owner's lease expired and who no longer answers, now and then
  // periodically (scale.ts).
  let restored = 0;
  let keeper: LeaseKeeper | null = null;
  const leases = ctx.store.leases;
  if (leases) {
    keeper = keepLeases(ctx, leases);
    await keeper.tick();
    restored = liveRooms.size;
  } else {
    const unfinished = await ctx.store.unfinished();
    for (const m of unfinished) {
      ctx.restores.set(m.code, m);
      try {
        await matchMaker.handleCreateRoom("match", { __restore: m.code });
        restored++;
      } catch (e) {
        log.error(
          { event: "match.restore_failed", code: m.code, err: e instanceof Error ? e.message : String(e) },
          "restore failed",
        );
      } finally {
        ctx.restores.delete(m.code);
      }
    }
  }
  log.info(
    {
      event: "server.started",
      port,
      host: config.host ?? null,
      nodeEnv: process.env.NODE_ENV ?? null,
      processId: matchMaker.processId,
      dataDir: config.databaseUrl ? null : config.dataDir,
      store: config.databaseUrl ? "postgres" : "sqlite",
      redis: !!config.redisUrl,
      publicAddress: config.publicAddress,
      restored,
      timerScale: config.timerScale,
    },
    "server started",
  );

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      ctx.shuttingDown = true;
      const held = [...liveRooms].map((r) => r.code);
      await keeper?.stop();
      await gameServer.gracefullyShutdown(false).catch(() => {});
      if (leases) await leases.release(held).catch(() => {});
      await closeBotWorker();
      await ctx.store.close();
      httpServer.close();
      log.info({ event: "server.stopped" }, "server stopped");
    })());
  return { port, ctx, close };
}
