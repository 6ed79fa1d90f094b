// Hostile input: the one-message crashes of issue 13 as fixed cases, then a seeded protocol fuzzer over every kind of
// client and phase. After each case the server is alive, the sender got an `error` and is still connected, and the
// room's state, record, session and chat are byte-for-byte what they were. FUZZ_RUNS raises the cases per group.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { Client, type Room } from "colyseus.js";
import { Packr } from "@colyseus/msgpackr";
import { MSG } from "@metastrategy/shared";
import { liveRooms } from "../src/rooms/MatchRoom.js";
import { create, join, testServer, type Follower } from "./helpers.js";

/** Plain msgpack, as colyseus.js sends it (no shared record structures). */
const packr = new Packr({ useRecords: false });
const pack = (v: unknown) => Uint8Array.from(packr.pack(v)); // a copy: pack returns a view of its reused buffer
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const ROOM_DATA = 13;
const ROOM_DATA_BYTES = 17;
const T = 10_000;

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  // Real timers (scale 1) and long phases: nothing moves on its own while the fuzzer compares snapshots.
  srv = await testServer({ timerScale: 1, reconnectSeconds: 60 });
});
afterAll(async () => {
  await srv.close();
});

// ---------------------------------------------------------------- frames

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};
/** A room frame as colyseus.js would build it, with any name (string or number) and raw payload bytes. */
const frame = (name: unknown, payload: Uint8Array = new Uint8Array(), code = ROOM_DATA) =>
  concat(Uint8Array.of(code), pack(name), payload);
/** `depth` nested one-element arrays around nil: msgpackr would overflow its own stack packing this. */
const deepArray = (depth: number) => concat(new Uint8Array(depth).fill(0x91), Uint8Array.of(0xc0));
/** `depth` nested one-entry maps {"a": …}. */
const deepMap = (depth: number) => {
  const one = Uint8Array.of(0x81, 0xa1, 0x61);
  const out = new Uint8Array(depth * 3 + 1);
  for (let i = 0; i < depth; i++) out.set(one, i * 3);
  out[depth * 3] = 0xc0;
  return out;
};

interface Peer {
  room: Room<any>;
  errors: { reason: string; message?: string; code?: string }[];
  until(test: () => boolean, ms?: number, what?: string): Promise<void>;
}

function peerOf(f: Follower): Peer {
  return f;
}

async function lobbyPeer(): Promise<Peer> {
  const room = await new Client(srv.url).joinOrCreate("lobby");
  const errors: Peer["errors"] = [];
  const waiters: (() => void)[] = [];
  room.onMessage("error", (m: Peer["errors"][number]) => {
    errors.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  room.onMessage("*", () => {});
  return {
    room,
    errors,
    until: (test, ms = T, what = "condition") =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
        const check = () => (test() ? (clearTimeout(timer), resolve()) : waiters.push(check));
        check();
      }),
  };
}

/** Sends raw bytes (a copy: colyseus.js in Node must not hand ws a reused buffer) and waits for the refusal. */
async function refusedRaw(p: Peer, bytes: Uint8Array): Promise<{ reason: string; message?: string; code?: string }> {
  const n = p.errors.length;
  (p.room as any).connection.send(Buffer.from(bytes));
  await p.until(() => p.errors.length > n, T, "an error answer");
  expect(p.room.connection.isOpen).toBe(true);
  return p.errors[n];
}

/** Everything a match room keeps that a message could change. */
function snapshot(code: string): string {
  const room = [...liveRooms].find((r) => r.code === code);
  expect(room, `room ${code} is live`).toBeTruthy();
  const m = room!.match;
  return JSON.stringify({
    state: room!.state.toJSON(),
    record: m.record,
    meta: m.meta,
    pending: m.pending,
    chat: m.chatLog,
    reports: m.reports.length,
    ended: m.ended,
  });
}

async function alive(): Promise<void> {
  const r = await fetch(`${srv.http}/healthz`);
  expect(r.status).toBe(200);
}

// ---------------------------------------------------------------- the reported crashes

describe("the one-message crashes", () => {
  it("a spectator's '*', '__no_message_handler' and deep frames are refused; the server keeps serving", async () => {
    const host = await create(srv.url, { seed: 3, seats: [{ role: "lab" }, { role: "regulator", bot: true }] });
    const spy = await join(srv.url, host.token!.code, { name: "Spy", spectator: true });
    const before = snapshot(host.token!.code);
    const hostile = pack({ toString: 1, valueOf: 2 });
    expect((await refusedRaw(spy, frame("*", hostile))).code).toBe("unknown_message");
    expect((await refusedRaw(spy, frame("__no_message_handler", hostile))).code).toBe("unknown_message");
    expect((await refusedRaw(spy, frame("*", deepArray(5000)))).code).toBe("unknown_message");
    expect((await refusedRaw(spy, frame(MSG.chat, deepArray(5000)))).code).toBe("too_deep");
    expect((await refusedRaw(spy, frame(MSG.chat, deepArray(40)))).code).toBe("too_deep");
    expect((await refusedRaw(spy, frame(MSG.orders, deepMap(2000)))).code).toBe("too_deep");
    expect((await refusedRaw(spy, frame(MSG.chat, hostile, ROOM_DATA_BYTES))).code).toBe("binary");
    expect((await refusedRaw(spy, frame(MSG.chat, Uint8Array.of(0xda, 0xff)))).code).toBe("undecodable");
    expect(["undecodable", "unknown_message"]).toContain((await refusedRaw(spy, Uint8Array.of(ROOM_DATA, 0xc1))).code);
    expect((await refusedRaw(spy, frame(12345, hostile))).code).toBe("unknown_message");
    expect((await refusedRaw(spy, frame("__proto__", hostile))).reason).toMatch(/Unknown message "__proto__"/);
    expect((await refusedRaw(spy, frame(MSG.chat, hostile))).reason).toMatch(/^Invalid chat/);
    expect(snapshot(host.token!.code)).toBe(before);
    await alive();
    // The honest players carry on.
    spy.room.send(MSG.chat, { text: "still here" });
    await host.until(() => host.chat.some((c) => c.text === "still here"), T, "chat after the attack");
    await Promise.all([spy.room.leave(), host.room.leave()]);
  });

  it("the public lobby room refuses the same frames and a hostile filter", async () => {
    const p = await lobbyPeer();
    const hostile = pack({ toString: 1 });
    expect((await refusedRaw(p, frame("*", hostile))).code).toBe("unknown_message");
    expect((await refusedRaw(p, frame("__no_message_handler", hostile))).code).toBe("unknown_message");
    expect((await refusedRaw(p, frame("__no_message_handler", deepArray(5000)))).code).toBe("unknown_message");
    expect((await refusedRaw(p, frame("filter", deepArray(5000)))).code).toBe("too_deep");
    expect((await refusedRaw(p, frame("filter", pack({ metadata: { toString: { x: 1 } } })))).reason).toMatch(
      /Invalid filter/,
    );
    await alive();
    await p.room.leave();
  });
});

describe("node clients", () => {
  it("send copies: back-to-back compressed messages arrive whole and in order", async () => {
    const host = await create(srv.url, { seed: 5, seats: [{ role: "lab" }, { role: "lab" }] });
    const n0 = host.errors.length;
    const kinds = [MSG.chat, MSG.orders, MSG.vote] as const;
    for (let i = 0; i < 60; i++) {
      // Over 1 KB each, of different lengths: ws compresses them later, in a queue.
      host.room.send(MSG.chat, { text: "a".repeat(1500 + i) });
      host.room.send(MSG.orders, { actions: "b".repeat(2500 - i) });
      host.room.send(MSG.vote, { proposal: "c".repeat(1100 + 3 * i) });
    }
    await host.until(() => host.errors.length >= n0 + 180, T, "180 answers");
    const names = host.errors.slice(n0).map((e) => e.message);
    expect(names).toEqual(Array.from({ length: 180 }, (_, i) => kinds[i % 3]));
    await host.room.leave();
  });
});

// ---------------------------------------------------------------- the fuzzer

const HOSTILE_KEYS = ["toString", "valueOf", "__proto__", "constructor", "hasOwnProperty", "then", "length"];
const leaf = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER + 2, -0),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 300, maxLength: 3000 }),
  fc.boolean(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 64 }),
);
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_KEYS)), tie("v"), { maxKeys: 4 }),
  ),
})).v;
/** A payload no schema accepts: every object carries a hostile key (all our schemas are strict); no null or {}. */
const hostileObject = fc
  .tuple(
    fc.constantFrom(...HOSTILE_KEYS.filter((k) => k !== "__proto__")),
    value,
    fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 }),
  )
  .map(([k, v, rest]) => ({ ...rest, [k]: v }));
const payloadBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  hostileObject.map((o) => pack(o)),
  fc
    .oneof(
      fc.integer(),
      fc.double(),
      fc.string({ minLength: 1, maxLength: 2000 }),
      fc.boolean(),
      fc.array(value, { minLength: 1, maxLength: 5 }),
      fc.uint8Array({ minLength: 1, maxLength: 512 }),
    )
    .map((v) => pack(v)),
  fc.integer({ min: 17, max: 20_000 }).map(deepArray),
  fc.integer({ min: 17, max: 2_000 }).map(deepMap),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => concat(Uint8Array.of(0xdb, 0xff, 0xff), b)), // a str32 cut short
);
const KNOWN = Object.values(MSG) as string[];
const nameArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...KNOWN),
  fc.constantFrom(
    "*",
    "__no_message_handler",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "",
    "filter",
    "host:",
    "HOST:START",
  ),
  fc.string({ maxLength: 60 }),
  fc.integer({ min: -1000, max: 1000 }),
);

/** One fuzz group: `runs` hostile frames from one client; each refused, nothing changed, server alive. */
async function fuzz(p: Peer, code: string | null, seed: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(nameArb, payloadBytes, fc.boolean(), async (name, payload, asBytes) => {
      const before = code ? snapshot(code) : "";
      const answer = await refusedRaw(p, frame(name, payload, asBytes ? ROOM_DATA_BYTES : ROOM_DATA));
      expect(typeof answer.reason).toBe("string");
      if (code) expect(snapshot(code)).toBe(before);
    }),
    { seed, numRuns: RUNS, endOnFailure: true },
  );
  await alive();
}

describe("protocol fuzzer", () => {
  it("online match: host seat, seat holder, spectator and unseated joiner, in lobby, play and after the end", async () => {
    const timers = { news: 600, deliberation: 1800, orders: 1800, report: 600 };
    const host = await create(srv.url, {
      seed: 11,
      seats: [{ role: "lab" }, { role: "regulator" }, { role: "researcher", bot: true }],
      timers,
    });
    const code = host.token!.code;
    const player = await join(srv.url, code, { name: "Player" });
    if (player.token!.seat === null) player.room.send(MSG.takeSeat, { seat: 1 });
    await player.until(() => player.token?.seat === 1, T, "the player seated");
    const spectator = await join(srv.url, code, { name: "Watcher", spectator: true });
    const joiner = await join(srv.url, code, { name: "Late" });
    expect(player.token!.seat).not.toBeNull();
    expect(joiner.token!.seat).toBeNull();
    const peers = [host, player, spectator, joiner].map(peerOf);
    let seed = 100;
    for (const p of peers) await fuzz(p, code, seed++);
    host.room.send(MSG.hostStart, {});
    await host.until(
      () => host.phase === "news" || host.phase === "deliberation" || host.phase === "orders",
      T,
      "the match running",
    );
    for (const p of peers) await fuzz(p, code, seed++);
    host.room.send(MSG.hostEndMatch, {});
    await host.until(() => !!host.ended, T, "the end");
    for (const p of peers) await fuzz(p, code, seed++);
    await Promise.all([host, player, spectator, joiner].map((f) => f.room.leave()));
  });

  it("classroom: teacher, team student and observer, in lobby and in play", async () => {
    const timers = { news: 600, deliberation: 1800, orders: 1800, report: 600 };
    const teacher = await create(srv.url, {
      mode: "classroom",
      seed: 12,
      teamSize: 1,
      seats: [{ role: "lab" }, { role: "regulator" }],
      timers,
    });
    const code = teacher.token!.code;
    const s1 = await join(srv.url, code, { name: "Ana" });
    const s2 = await join(srv.url, code, { name: "Ben" });
    const observer = await join(srv.url, code, { name: "Cy" });
    await observer.until(() => !!observer.classroom, T, "class view");
    const peers = [teacher, s1, observer].map(peerOf);
    let seed = 200;
    for (const p of peers) await fuzz(p, code, seed++);
    teacher.room.send(MSG.hostStart, {});
    await teacher.until(() => teacher.phase !== "lobby", T, "the class running");
    for (const p of peers) await fuzz(p, code, seed++);
    await Promise.all([teacher, s1, s2, observer].map((f) => f.room.leave()));
  });

  it("the public lobby room", async () => {
    const p = await lobbyPeer();
    await fuzz(p, null, 300);
    await p.room.leave();
  });
});
