// Recreating a match's room in this process from its stored record: restart recovery, scale-out takeover, and
// rebuilding a room after a failure confined to it.
import { matchMaker } from "@colyseus/core";
import type { ServerContext } from "../context.js";

/** Recreates a stored match's room in this process under its code. */
export async function restoreHere(ctx: ServerContext, code: string): Promise<boolean> {
  const m = await ctx.store.getMatch(code);
  if (!m || (m.status !== "lobby" && m.status !== "running")) return false;
  ctx.restores.set(code, m);
  try {
    await matchMaker.handleCreateRoom("match", { __restore: code });
    return true;
  } catch (e) {
    ctx.log.error(
      { event: "match.restore_failed", code, err: e instanceof Error ? e.message : String(e) },
      "restore failed",
    );
    return false;
  } finally {
    ctx.restores.delete(code);
  }
}

/** At most this many rebuilds of one match per process: a failure that replays with the record stays down. */
const MAX_REBUILDS = 3;
const rebuilds = new Map<string, number>();
const rebuilding = new Set<string>();

/**
 * Disposes a room whose state may be half-updated and recreates it from its record (the last resolved round), under
 * the same code; players rejoin with their seat tokens. Other rooms of the process are untouched.
 */
export async function rebuildRoom(ctx: ServerContext, code: string, dispose: () => Promise<unknown>): Promise<boolean> {
  if (rebuilding.has(code)) return false;
  const n = (rebuilds.get(code) ?? 0) + 1;
  rebuilds.set(code, n);
  rebuilding.add(code);
  try {
    await dispose().catch(() => {});
    if (n > MAX_REBUILDS) {
      ctx.log.error(
        { event: "room.given_up", code, rebuilds: n - 1 },
        "room failed again after rebuilds; left stopped",
      );
      return false;
    }
    const ok = await restoreHere(ctx, code);
    if (ok) ctx.metrics.roomsRebuilt++;
    ctx.log.warn({ event: "room.rebuilt", code, ok }, "room rebuilt from its record");
    return ok;
  } finally {
    rebuilding.delete(code);
  }
}
