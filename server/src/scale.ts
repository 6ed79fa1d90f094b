// Scale-out: Redis presence and room listing shared by several processes, and restoring matches whose process died.
// Each unfinished match in the shared store has an owner (the Colyseus processId) and a lease the owner renews; a
// process that finds an expired lease whose owner does not answer a health check takes the match over and recreates
// its room under the same code from the record (clients rejoin with their seat tokens).
import { matchMaker, type MatchMakerDriver, type Presence } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import type { ServerContext } from "./context.js";
import { liveRooms } from "./rooms/MatchRoom.js";
import { restoreHere } from "./rooms/restore.js";
import type { LeaseStore } from "./store/types.js";

export function redisParts(url: string | null): { presence?: Presence; driver?: MatchMakerDriver } {
  if (!url) return {};
  return { presence: new RedisPresence(url), driver: new RedisDriver(url) };
}

export interface LeaseKeeper {
  /** Renews this process's leases, then takes over orphaned matches. */
  tick(): Promise<void>;
  /** Stops the timer; gives up the leases of `release` (graceful shutdown: another process restores them at once). */
  stop(release?: string[]): Promise<void>;
}

export function keepLeases(ctx: ServerContext, leases: LeaseStore): LeaseKeeper {
  const me = matchMaker.processId;
  leases.setOwner(me, ctx.config.leaseSeconds * 1000);
  let running: Promise<void> | null = null;
  let stopped = false;
  const codes = () => [...liveRooms].map((r) => r.code).filter(Boolean);

  const sweep = async () => {
    await leases.renew(codes());
    const orphans = await leases.orphans();
    if (orphans.length === 0) return;
    const live = new Set(codes());
    const byOwner = new Map<string | null, string[]>();
    for (const o of orphans) {
      if (live.has(o.code)) continue;
      const list = byOwner.get(o.owner) ?? [];
      list.push(o.code);
      byOwner.set(o.owner, list);
    }
    for (const [owner, list] of byOwner) {
      if (stopped) return;
      if (owner && owner !== me) {
        // A live owner keeps its matches even if it was late renewing; a dead one's room listings are dropped.
        if (await matchMaker.healthCheckProcessId(owner)) continue;
        await matchMaker.driver.cleanup?.(owner);
      }
      for (const code of list) {
        if (stopped) return;
        if (!(await leases.claim(code, owner))) continue;
        if (await restoreHere(ctx, code)) ctx.log.info({ event: "match.taken_over", code, from: owner }, "orphaned match restored here");
      }
    }
  };

  const tick = () =>
    (running ??= sweep()
      .catch((e) => ctx.log.error({ event: "lease.error", err: e instanceof Error ? e.message : String(e) }, "lease sweep failed"))
      .finally(() => (running = null)));

  const timer = setInterval(() => void tick(), Math.max(100, ctx.config.sweepSeconds * 1000));
  timer.unref();
  return {
    tick,
    async stop(release?: string[]) {
      stopped = true;
      clearInterval(timer);
      await running;
      if (release?.length) await leases.release(release).catch(() => {});
    },
  };
}
