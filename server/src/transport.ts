// The WebSocket transport and the process-wide settings it relies on: shared encode buffers, synchronous
// compression, spread pings, sends as copies. Importing this module installs them; the game server (server.ts) and the
// framework's floor (floor.ts) build their transport with wsTransport(), so both measure the same stack, and the floor
// loads none of the game's modules.
import type http from "node:http";
import { WebSocketClient, WebSocketTransport } from "@colyseus/ws-transport";
import { Encoder } from "@colyseus/schema";
import type { Config } from "./config.js";
import { installSyncDeflate } from "./deflate-sync.js";
import { spreadPings } from "./pings.js";
import { shareEncodeBuffers } from "./sync/encode-buffers.js";

// Eight seats' private parts (legal orders ~2.5 KB each) exceed the default 8 KB encode buffer.
Encoder.BUFFER_SIZE = 64 * 1024;
// One pair of encode buffers for every room (sync/encode-buffers.ts).
shareEncodeBuffers();

// WebSocket compression (permessage-deflate, which browsers and colyseus.js offer): the JSON views and reports shrink
// about 4x on the wire. Small windows keep memory at a few tens of KB per connection. Clients compress without
// context takeover, so ws clients in Node (tests, load, terminal) compress only messages over 1 KB: colyseus.js reuses
// its send buffer, which ws would read later when compressing.
const DEFLATE = {
  serverMaxWindowBits: 12,
  clientMaxWindowBits: 12,
  clientNoContextTakeover: true,
  // memLevel 3: the same ratio as 5 on our messages with a quarter of the hash memory. The window is the dial: at
  // 500 matches, 12 bits gave ~960 B/client/round on the wire and 415 MB RSS, 10 bits 1,344 B and 361 MB, and no
  // compression at all 2,370 B, 288 MB and ~1.6 ms less CPU per round (load runs of this wave, README).
  // Level 1 (zlib's fastest: hash chains of 4, not 32): two paired 300-match runs (both servers at once on the shared
  // machine) gave 4.50 / 4.62 ms of CPU per round against 4.86 / 4.94 at level 3, and 546 / 538 B on the wire against
  // 540 / 533. `WS_DEFLATE_LEVEL` overrides it (load experiments), `WS_DEFLATE_MEMLEVEL` the memLevel: 300-match runs
  // gave 574-575 B on the wire at memLevel 1 and 561 B at 2 against 550-553 B at 3, with no CPU difference visible
  // above the machine's noise (compression is ~0.4 ms of a round's CPU: ~1.5 messages a client and round, ~1.3 KB in,
  // ~0.5 KB out, most of their cost zlib's cold per-connection state and per-flush Huffman trees, not the matching).
  zlibDeflateOptions: {
    level: Number(process.env.WS_DEFLATE_LEVEL) || 1,
    memLevel: Number(process.env.WS_DEFLATE_MEMLEVEL) || 3,
  },
  concurrencyLimit: 8,
};
/**
 * Smaller messages (a phase, a flag, a deadline) go uncompressed: deflate would save nothing. 100 bytes, not 200: since
 * compression is synchronous (deflate-sync.ts, ~10-15 µs a message), compressing the orders echoes too costs no CPU
 * visible above the shared machine's noise and saves ~50 B per client and round (300 matches: 540 B on the wire at 100
 * bytes, 592 B at 200; CPU per round 4.3 and 4.1 ms, back to back). `WS_COMPRESS_FROM` overrides it (load experiments).
 */
const COMPRESS_FROM_BYTES = Number(process.env.WS_COMPRESS_FROM) || 100;
/**
 * Except chat lines (bots' intent lines every deliberation, players' talk): plain text that compresses against the
 * words of earlier lines (the server keeps its deflate context), rare enough that their cost does not count. With
 * talking bots, a table's wire bytes were at 0.47-0.50 of its decoded bytes; with chat compressed, ~0.35-0.41.
 */
const COMPRESS_CHAT_FROM_BYTES = 60;
/** A Colyseus ROOM_DATA frame of the message type "chat": 13, msgpack fixstr of length 4, "chat". */
const CHAT_FRAME = [13, 0xa4, 0x63, 0x68, 0x61, 0x74];
const isChat = (d: Uint8Array) => CHAT_FRAME.every((b, i) => d[i] === b);
const compressed = (d: Uint8Array) =>
  d.byteLength >= COMPRESS_FROM_BYTES || (d.byteLength >= COMPRESS_CHAT_FROM_BYTES && isChat(d));

// The server compresses synchronously on each connection's context (deflate-sync.ts): same bytes, a fraction of the CPU.
installSyncDeflate();
// Pings go to a tenth of the clients at a time (pings.ts), not to every client in one turn.
spreadPings();

// Colyseus hands ws views of shared encode buffers, which the next encode overwrites; a socket may keep a write for
// later (RoomOutput corks each socket over a patch and its messages; backpressure), so every send goes out as a copy.
const rawSend = WebSocketClient.prototype.raw;
WebSocketClient.prototype.raw = function (
  this: WebSocketClient,
  data: Uint8Array,
  options?: unknown,
  cb?: (err?: Error) => void,
) {
  const ws = this.ref as unknown as {
    readyState: number;
    _extensions?: Record<string, unknown>;
    send(d: Buffer, o: object, cb?: (err?: Error) => void): void;
  };
  if (!ws || typeof ws.send !== "function") return rawSend.call(this, data, options as never, cb);
  if (ws.readyState !== 1) return; // OPEN
  const deflate = !!ws._extensions?.["permessage-deflate"];
  ws.send(Buffer.from(data), { binary: true, compress: deflate && compressed(data) }, cb);
};

/** The WebSocket transport every game server uses (also the framework floor's, floor.ts). */
export function wsTransport(
  httpServer: http.Server,
  config: Pick<Config, "wsCompression" | "pingSeconds">,
): WebSocketTransport {
  return new WebSocketTransport({
    server: httpServer,
    maxPayload: 64 * 1024,
    perMessageDeflate: config.wsCompression ? DEFLATE : false,
    // Every ping is a write to every socket at once (2,000 clients: 2,000 writes every 3 s by default, a third of a
    // busy server's socket writes) and a saturated machine answers late: a client silent for WS_PING_SECONDS × 3
    // (default 10 × 3 s) is closed. A closed TCP connection is noticed at once anyway (reconnection window: 120 s).
    pingInterval: config.pingSeconds * 1000,
    pingMaxRetries: 3,
  });
}
