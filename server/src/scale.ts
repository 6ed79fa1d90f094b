// Scale-out: Redis presence and room listing shared by several processes, and restoring matches whose process died.
// Each unfinished match in the shared store has an owner (the Colyseus processId), a lease the owner renews and an
// epoch that every takeover moves on. A process that finds an expired lease whose owner does not answer a health check
// claims the match at its epoch and recreates its room under the same code from the record (clients rejoin with their
// seat tokens). The old owner, if it was only stalled, is fenced: the store refuses its writes under the old epoch,
// and its room stops serving as soon as it finds out (a refused write, or its next renewal); its clients are closed
// with MOVED_CLOSE_CODE and rejoin the new owner by code. While its lease has lapsed by its own clock, a process does
// not touch a match's room listing in Redis (which would point joins back at it).
import { matchMaker, type MatchMakerDriver, type Presence } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import type { ServerContext } from "./context.js";
import { liveRooms } from "./rooms/MatchRoom.js";
import { restoreHere } from "./rooms/restore.js";
import type { LeaseStore } from "./store/types.js";

/** WebSocket close code for the clients of a room whose match another process now serves: rejoin by code. */
export const MOVED_CLOSE_CODE = 4100;

type ListingGuard = (roomId: string) => boolean;

/** Room listings that a fenced (or lapsed) process leaves alone: the same code is listed by the new owner. */
class GuardedRedisDriver extends RedisDriver {
  constructor(
    url: string,
    private mayList: ListingGuard,
  ) {
    super(url);
  }

  override createInstance(initialValues: Record<string, unknown> = {}) {
    const listing = super.createInstance(initialValues);
    const save = listing.save.bind(listing);
    const remove = listing.remove.bind(listing);
    listing.save = () => (this.mayList(listing.roomId) ? save() : Promise.resolve());
    listing.remove = () => (this.mayList(listing.roomId) ? remove() : Promise.resolve(0));
    return listing;
  }
}

export function redisParts(
  url: string | null,
  leases?: LeaseStore,
): { presence?: Presence; driver?: MatchMakerDriver } {
  if (!url) return {};
  const driver = leases
    ? new GuardedRedisDriver(url, (roomId) => !["lost", "lapsed"].includes(leases.standing(roomId)))
    : new RedisDriver(url);
  return { presence: new RedisPresence(url), driver };
}

/** Whether a process is alive: gone at once if nothing listens on its Redis channel (its connection closed: killed), else it must answer. */
async function processAlive(owner: string): Promise<boolean> {
  const presence = matchMaker.presence as Presence & { channels?: (pattern: string) => Promise<string[]> };
  if (presence.channels) {
    const listening = await presence.channels(`p:${owner}`).catch(() => null);
    if (listening && listening.length === 0) {
      await matchMaker.stats.excludeProcess(owner).catch(() => {});
      return false;
    }
  }
  return matchMaker.healthCheckProcessId(owner);
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
  const roomOf = (code: string) => [...liveRooms].find((r) => r.code === code);

  // Fenced: another process holds the match now. Stop serving it here, writing nothing, listing nothing.
  const fenced = (code: string, reason: string) => {
    const room = roomOf(code);
    if (!room || room.fenced) return;
    ctx.log.warn(
      { event: "match.fenced", code, reason },
      "match taken over by another process: room stops serving here",
    );
    room.stopServing(MOVED_CLOSE_CODE);
  };
  leases.onFenced(fenced);

  const sweep = async () => {
    const { lost, regained } = await leases.renew(codes());
    for (const code of lost) fenced(code, "renewal refused");
    // Held again after a lapse (a slow renewal, nobody took over): list the room again, a health check may have dropped it.
    for (const code of regained)
      await roomOf(code)
        ?.listing?.save()
        .catch(() => {});
    const orphans = await leases.orphans();
    if (orphans.length === 0) return;
    const live = new Set(codes());
    const byOwner = new Map<string | null, { code: string; epoch: number }[]>();
    for (const o of orphans) {
      if (live.has(o.code) || matchMaker.getLocalRoomById(o.code)) continue; // still here (or still disposing)
      const list = byOwner.get(o.owner) ?? [];
      list.push({ code: o.code, epoch: o.epoch });
      byOwner.set(o.owner, list);
    }
    for (const [owner, list] of byOwner) {
      if (stopped) return;
      if (owner && owner !== me) {
        // A live owner keeps its matches even if it was late renewing; a dead one's room listings are dropped.
        if (await processAlive(owner)) continue;
        await matchMaker.driver.cleanup?.(owner);
      }
      for (const { code, epoch } of list) {
        if (stopped) return;
        if (!(await leases.claim(code, owner, epoch))) continue;
        if (await restoreHere(ctx, code))
          ctx.log.info(
            { event: "match.taken_over", code, from: owner, epoch: epoch + 1 },
            "orphaned match restored here",
          );
      }
    }
  };

  const tick = () =>
    (running ??= sweep()
      .catch((e) =>
        ctx.log.error({ event: "lease.error", err: e instanceof Error ? e.message : String(e) }, "lease sweep failed"),
      )
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
