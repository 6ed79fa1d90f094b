// The match room: a Colyseus adapter. It routes joins, leaves, reconnections and messages into the match session
// (match/), which answers through RoomOutput; it decides nothing itself.
import { Room, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { MAX_MESSAGE_BYTES, MSG, SMSG, refusal, type JoinOptions } from "@metastrategy/shared";
import { getContext, type ServerContext } from "../context.js";
import { realClock } from "../match/clock.js";
import { Match, type MatchDeps } from "../match/match.js";
import { modeFor } from "../modes/index.js";
import type { MatchRoomState } from "../sync/schema.js";
import { SchemaSync } from "../sync/state.js";
import { RoomOutput } from "./output.js";

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
    this.ctx = getContext();
    this.setPatchRate(50);
    this.maxClients = 200; // seats, classroom teams, projectors and spectators
    const sync = new SchemaSync("");
    this.state = sync.state;
    this.out = new RoomOutput(this, sync);
    const ctx = this.ctx;
    const deps: MatchDeps = { store: ctx.store, log: ctx.log, metrics: ctx.metrics, config: ctx.config, clock: realClock, shuttingDown: () => ctx.shuttingDown };
    const restoreCode = typeof options?.__restore === "string" ? options.__restore : null;
    const stored = restoreCode ? ctx.restores.get(restoreCode) : undefined;
    if (stored) {
      ctx.restores.delete(stored.code);
      this.match = Match.restore(stored, deps, this.out, modeFor);
      if (!(stored.record && stored.meta.started)) this.resetAutoDisposeTimeout(Math.max(15, ctx.config.reconnectSeconds));
    } else {
      this.match = await Match.create(options, deps, this.out, modeFor);
    }
    for (const name of Object.values(MSG)) this.onMessage(name, (client, payload) => void this.match.handle(client.sessionId, name, payload));
    // Names nobody registered. Colyseus passes the payload as the type for the name "*": never stringify it unchecked.
    this.onMessage("*", (client, type) => {
      const name = typeof type === "string" ? type.slice(0, 64) : "?";
      client.send(SMSG.error, { ...refusal("unknownMessage", `Unknown message "${name}".`), message: name });
    });
    liveRooms.add(this);
  }

  /** Join options are checked here: an error thrown in onAuth reaches the client whole, before any seat is reserved. */
  override onAuth(_client: Client, options: Record<string, unknown>): JoinOptions {
    return this.match.authorize(options);
  }

  override onJoin(client: Client, _options: unknown, auth?: JoinOptions): void {
    client.view = new StateView();
    this.out.forget(client.sessionId);
    this.match.join(client.sessionId, auth ?? {});
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    this.out.forget(client.sessionId);
    if (!this.match.leave(client.sessionId, consented)) return;
    try {
      const back = await this.allowReconnection(client, this.ctx.config.reconnectSeconds);
      back.view = new StateView();
      this.match.rejoined(back.sessionId);
    } catch {
      this.match.dropped(client.sessionId);
    }
  }

  override async onDispose(): Promise<void> {
    liveRooms.delete(this);
    if (this.match) await this.match.dispose();
  }

  /** Refuses oversized messages before decoding them; the client stays connected. */
  protected override _onMessage(client: any, buffer: Buffer): void {
    if (buffer && buffer.byteLength > MAX_MESSAGE_BYTES) {
      client.send(SMSG.error, { ...refusal("tooLarge", `Message too large (${buffer.byteLength} bytes; at most ${MAX_MESSAGE_BYTES}).`), message: "" });
      return;
    }
    super._onMessage(client, buffer);
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
