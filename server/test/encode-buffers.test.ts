// Rooms share their schema encode buffers (sync/encode-buffers.ts): concurrent matches each see only their own state,
// and a client joining a running match gets that room's full state even when other rooms encoded since.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG, entriesOf, replay, type MatchRecord } from "@metastrategy/shared";
import { FAST, autoPlay, create, getJson, join, testServer } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

const SEATS = [{ role: "lab" }, { role: "regulator", bot: true }, { role: "researcher", bot: true }];

describe("shared encode buffers", () => {
  it("three concurrent matches each see their own state; a late joiner's full state is its room's", async () => {
    const seeds = [21, 22, 23];
    const hosts = await Promise.all(
      seeds.map((seed) => create(srv.url, { seed, seats: SEATS, timers: FAST, player: { name: "H" } })),
    );
    const plays = hosts.map((h, i) => autoPlay(h, seeds[i]));
    for (const h of hosts) h.room.send(MSG.hostStart, {});
    await hosts[0].until(() => hosts[0].round >= 2, 20_000, "round 2");
    const late = await join(srv.url, hosts[0].token!.code, { spectator: true });
    for (const h of hosts) await h.until(() => !!h.ended, 30_000, "end");
    await late.until(() => !!late.ended, 5000, "late end");
    for (const p of plays) p.stop();

    const pubs = hosts.map((h) => JSON.stringify(entriesOf(h.state.pub).sort()));
    expect(new Set(pubs).size).toBe(3);
    expect(JSON.stringify(entriesOf(late.state.pub).sort())).toBe(pubs[0]);
    expect(late.state.phase).toBe("ended");
    for (const h of hosts) {
      const code = h.token!.code;
      expect(h.state.code).toBe(code);
      const rec = await getJson(`${srv.http}/api/matches/${code}/record`);
      const { state } = replay(rec.body as MatchRecord);
      expect(state.scores).toEqual(h.ended!.view!.scores);
      expect(JSON.stringify(entriesOf(h.state.pub).sort())).not.toBe("[]");
    }
  });
});
