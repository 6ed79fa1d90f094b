// HTTP: health, metrics, record export, quick match, and the built client with SPA fallback.
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import express, { type Express, type Request, type Response } from "express";
import { matchMaker } from "@colyseus/core";
import { resolveRound, createMatch, recordSetup, type MatchRecord } from "@metastrategy/shared";
import type { ServerContext } from "../context.js";
import { liveRooms } from "../rooms/MatchRoom.js";
import { isCode } from "../match/codes.js";
import { mainThreadCpuMicros } from "../cpu.js";
import { sessionCsv, sessionExport, type SessionExport } from "./session.js";

export function counts() {
  let clients = 0;
  for (const r of liveRooms) clients += r.clients.length;
  return { rooms: liveRooms.size, clients };
}

const FALLBACK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Metastrategy</title></head>
<body><main><h1>Metastrategy</h1><p>The game server is running. The web client has not been built yet (<code>npm run build -w client</code>).</p></main></body></html>`;

export function buildApp(ctx: ServerContext): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "16kb" }));

  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  app.get("/healthz", (req, res) => {
    const cpu = process.cpuUsage();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    res.json({
      ok: true,
      ...counts(),
      uptime: Math.round(process.uptime()),
      // For load runs and operators: this process, its memory, the CPU time it has used so far (µs), and how late its
      // event loop ran since the last `?reset=1`.
      processId: matchMaker.processId,
      pid: process.pid,
      rss: process.memoryUsage.rss(),
      cpuMicros: cpu.user + cpu.system,
      mainThreadCpuMicros: mainThreadCpuMicros(),
      roundsResolved: ctx.metrics.roundsResolved,
      loopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      turnaroundMs: ctx.metrics.turnaroundMs(req.query.reset !== undefined),
    });
    if (req.query.reset !== undefined) loop.reset();
  });

  app.get("/metrics", (_req, res) => {
    res.type("text/plain; version=0.0.4").send(ctx.metrics.render(counts()));
  });

  const access = async (req: Request, res: Response): Promise<MatchRecord | null> => {
    const code = String(req.params.id ?? "").toUpperCase();
    if (!isCode(code)) {
      res.status(404).json({ error: "No such match." });
      return null;
    }
    const m = await ctx.store.getMatch(code);
    if (!m || !m.record) {
      res.status(404).json({ error: "No such match." });
      return null;
    }
    const token = (req.query.hostToken as string | undefined) ?? req.get("x-host-token");
    const done = m.status === "finished" || m.status === "aborted";
    // Mid-match the record would let its reader replay every secret, so only a host without a seat (a classroom's
    // teacher, a facilitator) may have it; a host who plays a seat waits for the end like everyone else.
    if (!done && !(token === m.meta.hostToken && m.meta.hostPlays === false)) {
      res.status(403).json({
        error: "The record is available once the match has ended (before that, only to a host who holds no seat).",
      });
      return null;
    }
    return m.record;
  };

  app.get("/api/matches/:id/record", async (req, res) => {
    const record = await access(req, res);
    if (record) res.json(record);
  });

  app.get("/api/matches/:id/export.csv", async (req, res) => {
    const record = await access(req, res);
    if (!record) return;
    res
      .type("text/csv")
      .set("Content-Disposition", `attachment; filename="${String(req.params.id).toUpperCase()}.csv"`)
      .send(recordCsv(record));
  });

  // The classroom session (teams, proposals, votes, polls, chat): the teacher's host token, always.
  const session = async (req: Request, res: Response): Promise<SessionExport | null> => {
    const code = String(req.params.id ?? "").toUpperCase();
    const token = (req.query.hostToken as string | undefined) ?? req.get("x-host-token");
    const live = isCode(code) ? [...liveRooms].find((r) => r.roomId === code) : undefined;
    const data = live ? live.sessionData() : isCode(code) ? await ctx.store.getMatch(code) : null;
    if (!data) {
      res.status(404).json({ error: "No such match." });
      return null;
    }
    if (!token || token !== data.meta.hostToken) {
      res.status(403).json({ error: "The session export needs the teacher's host token." });
      return null;
    }
    const over = data.status === "finished" || data.status === "aborted";
    if (!over && data.status !== "lobby" && data.meta.hostPlays !== false) {
      res.status(403).json({
        error:
          "The session export is available once the match has ended (before that, only to a host who holds no seat).",
      });
      return null;
    }
    return sessionExport(code, data.meta, data.record, data.status, data.result);
  };

  app.get("/api/matches/:id/session.json", async (req, res) => {
    const x = await session(req, res);
    if (x) res.set("Content-Disposition", `attachment; filename="${x.code}-session.json"`).json(x);
  });

  app.get("/api/matches/:id/session.csv", async (req, res) => {
    const x = await session(req, res);
    if (x)
      res
        .type("text/csv")
        .set("Content-Disposition", `attachment; filename="${x.code}-session.csv"`)
        .send(sessionCsv(x));
  });

  app.get("/api/matches", async (_req, res) => {
    const rooms = await matchMaker.query({ name: "match", private: false });
    res.json(rooms.map((r) => ({ code: r.roomId, clients: r.clients, ...(r.metadata ?? {}) })));
  });

  app.post("/api/quickmatch", async (req, res) => {
    try {
      const scenario = typeof req.body?.scenario === "string" ? req.body.scenario : undefined;
      const rooms = await matchMaker.query({ name: "match", private: false });
      const free = rooms.find(
        (r) =>
          r.metadata?.phase === "lobby" &&
          (r.metadata?.open ?? 0) > 0 &&
          (!scenario || r.metadata?.scenario === scenario),
      );
      if (free) return res.json({ code: free.roomId });
      const room = await matchMaker.createRoom("match", { public: true, ...(scenario ? { scenario } : {}) });
      res.json({ code: room.roomId });
    } catch (e) {
      res.status(400).json({ error: e instanceof Error ? e.message : String(e) });
    }
  });

  // The built client, with SPA fallback (/projector?code=…, /?join=CODE).
  const dist = ctx.config.clientDist;
  const index = path.join(dist, "index.html");
  if (fs.existsSync(dist)) app.use(express.static(dist, { index: false, maxAge: "1h" }));
  app.get(/^\/(?!api\/|matchmake\/|healthz|metrics).*/, (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(index);
    else res.type("html").send(FALLBACK_PAGE);
  });
  // Last: an error never shows a stack trace or a server path, whatever NODE_ENV says.
  app.use(
    (
      err: { status?: number; statusCode?: number; expose?: boolean; message?: string },
      _req: Request,
      res: Response,
      _next: express.NextFunction,
    ) => {
      const status = err.status ?? err.statusCode ?? 500;
      if (status >= 500) ctx.log.error({ event: "http.error", err: err.message }, "request failed");
      if (res.headersSent) return;
      res
        .status(status)
        .json({ error: status < 500 && err.expose ? err.message : status < 500 ? "Bad request." : "Internal error." });
    },
  );
  return app;
}

const csvCell = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v ?? "");
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One line per round × seat: the orders given and the seat's figures after the round. */
export function recordCsv(record: MatchRecord): string {
  const head = [
    "round",
    "seat",
    "name",
    "role",
    "doctrine",
    "action1",
    "action2",
    "action3",
    "switch",
    "transfers",
    "funds",
    "influence",
    "prestige",
    "frontier",
    "rogue",
    "will",
    "theory",
    "ending",
  ];
  const lines = [head.join(",")];
  let state = createMatch(recordSetup(record));
  for (let r = 0; r < record.ordersByRound.length && state.phase !== "ended"; r++) {
    const orders = record.ordersByRound[r];
    const round = state.round;
    state = resolveRound(state, orders, record.extrasByRound?.[r] ?? null).state;
    const h = state.history.at(-1);
    state.seats.forEach((s, i) => {
      const o = orders[i] ?? { actions: [] };
      const acts = o.actions.map((a) => JSON.stringify(a));
      lines.push(
        [
          round,
          i,
          s.name,
          s.role,
          s.doctrine,
          acts[0] ?? "",
          acts[1] ?? "",
          acts[2] ?? "",
          o.switchDoctrine ?? "",
          o.transfers?.length ? JSON.stringify(o.transfers) : "",
          s.funds,
          s.influence,
          s.prestige,
          h?.frontier ?? "",
          h?.rogue ?? "",
          h?.will ?? "",
          h?.theory ?? "",
          state.end?.ending ?? "",
        ]
          .map(csvCell)
          .join(","),
      );
    });
  }
  return lines.join("\n") + "\n";
}
