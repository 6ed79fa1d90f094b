// The match room: a Colyseus adapter. It routes joins, leaves, reconnections and messages into the match session
// (match/), which answers through RoomOutput; it keeps failures in the room and decides nothing of the game itself.
import { Room, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { MSG, type JoinOptions } from "@metastrategy/shared";
import { getContext, type ServerContext } from "../context.js";
import { realClock } from "../match/clock.js";
import { Match, type MatchDeps } from "../match/match.js";
import { handleMessage } from "../match/router.js";
import { modeFor } from "../modes/index.js";
import type { MatchRoomState } from "../sync/schema.js";
import { SchemaSync } from "../sync/state.js";
import { gateFrame, safeName } from "./guard.js";
import { RoomOutput } from "./output.js";
import { rebuildRoom } from "./restore.js";

/** Live match rooms of this process (health, metrics, leases). */
export const liveRooms = new Set<MatchRoom>();

export class MatchRoom extends Room<MatchRoomState> {
  private ctx!: ServerContext;
  private out!: RoomOutput;
  match!: Match;

  get code(): string {
    return this.roomId;
  }

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    const ctx = (this.ctx = getContext());
    this.setPatchRate(0); // no polling: RoomOutput sends a patch when the match writes the state
    this.maxClients = 200; // seats, classroom teams, projectors and spectators
    const sync = new SchemaSync("");
    this.state = sync.state;
    this.out = new RoomOutput(this, sync, (where, err, rebuild) => this.crashed(where, err, rebuild));
    const deps: MatchDeps = {
      store: ctx.store,
      log: ctx.log,
      metrics: ctx.metrics,
      config: ctx.config,
      clock: realClock,
      shuttingDown: () => ctx.shuttingDown,
    };
    const restoreCode = typeof options?.__restore === "string" ? options.__restore : null;
    const stored = restoreCode ? ctx.restores.get(restoreCode) : undefined;
    if (stored) {
      ctx.restores.delete(stored.code);
      this.match = Match.restore(stored, deps, this.out, modeFor);
      if (!(stored.record && stored.meta.started))
        this.resetAutoDisposeTimeout(Math.max(15, ctx.config.reconnectSeconds));
    } else {
      this.match = await Match.create(options, deps, this.out, modeFor);
    }
    // Only these names pass the gate (guard.ts); the match parses and answers each.
    for (const name of Object.values(MSG))
      this.onMessage(name, (client, payload) => handleMessage(this.match, client.sessionId, name, payload));
    liveRooms.add(this);
  }

  /** Join options are checked here: an error thrown in onAuth reaches the client whole, before any seat is reserved. */
  override onAuth(_client: Client, options: Record<string, unknown>): JoinOptions {
    return this.match.authorize(options);
  }

  override async onJoin(client: Client, _options: unknown, auth?: JoinOptions): Promise<void> {
    client.view = new StateView();
    this.out.forget(client.sessionId);
    await this.match.join(client.sessionId, auth ?? {});
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    this.out.forget(client.sessionId);
    if (!this.match.leave(client.sessionId, consented)) return;
    let back: Client;
    try {
      back = await this.allowReconnection(client, this.ctx.config.reconnectSeconds);
    } catch {
      this.match.dropped(client.sessionId);
      return;
    }
    back.view = new StateView();
    this.match.rejoined(back.sessionId);
  }

  override async onDispose(): Promise<void> {
    liveRooms.delete(this);
    this.out?.dispose();
    if (this.match) await this.match.dispose();
  }

  /** Another process took this match over (scale.ts): stop serving it, writing nothing; clients are closed with
   * `closeCode` and rejoin the new owner. */
  stopServing(closeCode: number): void {
    if (!this.match || this.match.fenced) return;
    this.match.fence();
    const close = () => void this.disconnect(closeCode).catch(() => {});
    try {
      close();
    } catch {
      setTimeout(close, 0); // still inside onCreate
    }
  }

  get fenced(): boolean {
    return !!this.match?.fenced;
  }

  /** Every frame passes the gate (guard.ts): only known names with bounded payloads reach a handler. */
  protected override _onMessage(client: any, buffer: Buffer): void {
    gateFrame(
      this,
      client,
      buffer,
      () => super._onMessage(client, buffer),
      (e, name) => this.crashed(`message ${name}`, e, false),
    );
  }

  /**
   * Colyseus calls this for a throw in onCreate, onAuth, onJoin, onLeave, onDispose, its clock or a message handler.
   * onCreate/onAuth/onJoin throws are rethrown to the joining client (a refused join changes nothing: log only);
   * a throw in onLeave or a clock callback may leave the room half-updated: rebuild it from its record.
   */
  override onUncaughtException(err: Error, methodName: string): void {
    if (methodName === "onAuth" || methodName === "onCreate" || methodName === "onJoin") {
      this.ctx?.log.warn(
        { event: "room.join_refused", code: this.roomId, where: methodName, err: err.message },
        "join refused",
      );
      return;
    }
    this.crashed(
      methodName,
      err,
      methodName === "onLeave" || methodName === "setTimeout" || methodName === "setInterval",
    );
  }

  /**
   * A failure confined to this room. A message handler's throw was already answered and changed nothing we keep;
   * anything else may have left the room half-updated: it is rebuilt from its record (the last resolved round).
   */
  private crashed(where: string, err: unknown, rebuild: boolean): void {
    this.ctx?.log.error(
      {
        event: "room.error",
        code: this.code,
        where,
        err: err instanceof Error ? (err.stack ?? err.message) : safeName(err),
      },
      "room failed",
    );
    if (this.ctx) this.ctx.metrics.roomErrors++;
    if (rebuild && this.ctx && !this.ctx.shuttingDown && !this.fenced)
      void rebuildRoom(this.ctx, this.code, () => this.disconnect());
  }

  /** Everything the session export needs (live). */
  sessionData() {
    return this.match.sessionData();
  }

  /** For health and tests. */
  get summary() {
    return this.match.summary(this.clients.length);
  }
}
