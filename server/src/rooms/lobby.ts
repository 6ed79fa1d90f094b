// Colyseus's built-in lobby room (the live list of public matches) behind the same frame gate as our match rooms:
// it is open to anyone, with no code or token, so its fallback handlers must not be reachable either.
import { LobbyRoom, type Client, type ClientPrivate } from "@colyseus/core";
import { LobbyFilterSchema as FilterSchema, SMSG } from "@metastrategy/shared";
import { getContext } from "../context.js";
import { gateFrame } from "./guard.js";

export class SafeLobbyRoom extends LobbyRoom {
  override async onCreate(options: unknown): Promise<void> {
    await super.onCreate(options);
    const self = this as unknown as { clientOptions: Record<string, { filter?: unknown }> };
    this.onMessage("filter", (client, payload) => {
      const parsed = FilterSchema.safeParse(payload);
      if (!parsed.success)
        return client.send(SMSG.error, { reason: "Invalid filter.", message: "filter", code: "invalid" });
      self.clientOptions[client.sessionId].filter = parsed.data ?? undefined;
      client.send("rooms", this.filterItemsForClient(self.clientOptions[client.sessionId] as never));
    });
  }

  /** Join options may carry a filter too: keep it only when it is one. */
  override onJoin(client: Client, options: unknown): void {
    const filter = (options as { filter?: unknown } | null)?.filter;
    const parsed = filter === undefined ? null : FilterSchema.safeParse(filter);
    super.onJoin(client, parsed?.success && parsed.data ? { filter: parsed.data } : {});
  }

  protected override _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    gateFrame(
      this,
      client,
      buffer,
      () => super._onMessage(client, buffer),
      (err, name) => {
        const ctx = getContext();
        ctx.metrics.roomErrors++;
        ctx.log.error(
          { event: "lobby.error", message: name, err: err instanceof Error ? err.message : "non-error" },
          "lobby handler failed",
        );
      },
    );
  }
}
