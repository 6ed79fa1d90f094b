// WebSocket compression (on by default in production): matches play out unchanged, and the wire carries much less
// than the decoded patches and messages. Several matches at once interleave Colyseus' shared encode buffers, which
// compressed sends must not read after they were reused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG, replay, type MatchRecord } from "@metastrategy/shared";
import { startServer, type RunningServer } from "../src/server.js";
import { FAST, autoPlay, bytesOf, create, getJson, join, offlineMatch, tempDir, type Follower } from "./helpers.js";

let srv: RunningServer;
let url = "";
let http = "";
beforeAll(async () => {
  srv = await startServer({
    port: 0,
    dataDir: tempDir(),
    timerScale: 0.01,
    reconnectSeconds: 5,
    logLevel: "silent",
    clientDist: "/nonexistent",
    wsCompression: true,
  });
  url = `ws://127.0.0.1:${srv.port}`;
  http = `http://127.0.0.1:${srv.port}`;
});
afterAll(async () => {
  await srv.close();
});

const wireBytes = (f: Follower): number => (f.room as any).connection.transport.ws._socket.bytesRead;
const decodedBytes = (f: Follower): number => bytesOf(f.room).reduce((n, c) => n + c.byteLength, 0);

async function play(seed: number) {
  const seats = [
    { role: "lab" },
    { role: "regulator" },
    { role: "lab", bot: true },
    { role: "lab", bot: true },
    { role: "researcher", bot: true },
    { role: "researcher", bot: true },
  ];
  const a = await create(url, { seed, seats, timers: FAST, player: { name: "A" } });
  const code = a.token!.code;
  const b = await join(url, code, { name: "B" });
  expect((b.room as any).connection.transport.ws.extensions).toMatch(/permessage-deflate/);
  b.room.send(MSG.takeSeat, { seat: 1 });
  await b.until(() => b.token!.seat === 1, 5000, "seat 1");
  const plays = [autoPlay(a, seed), autoPlay(b, seed)];
  a.room.send(MSG.hostStart, {});
  for (const f of [a, b]) await f.until(() => !!f.ended, 20_000, "end");
  plays.forEach((p) => p.stop());
  const record = (await getJson(`${http}/api/matches/${code}/record`)).body as MatchRecord;
  const off = offlineMatch(record, new Set([0, 1]));
  expect(record.ordersByRound).toEqual(off.orders);
  expect(replay(record).state).toEqual(off.state);
  for (const f of [a, b]) {
    expect(f.errors).toEqual([]);
    expect(f.reports.length).toBe(record.ordersByRound.length);
    expect(wireBytes(f)).toBeLessThan(decodedBytes(f) / 2);
  }
  await a.room.leave();
  await b.room.leave();
}

describe("WebSocket compression", () => {
  it("six matches at once play to the same end as offline, with under half the bytes on the wire", async () => {
    // Seeds whose matches last (random human orders lose some worlds in round 2: too little to compress).
    await Promise.all([47, 49, 51, 52, 64, 66].map(play));
  });
});
