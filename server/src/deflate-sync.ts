// permessage-deflate without the stream machinery. `ws` compresses through a zlib stream per connection: two
// thread-pool round trips, stream buffering and callbacks per message (~1.6 ms of the server's CPU per resolved round:
// load 5.1 ms per round with it, 3.5 ms without), and a zlib context per connection. Here the server compresses each
// outgoing message synchronously (~10-15 µs) on ONE deflate context shared by every connection, which stands in for
// each connection's own context by replaying that connection's history first:
// - with context takeover (the default) the client's inflater keeps a window of the last 2^windowBits bytes it
//   inflated, and a message may refer back into it. The server keeps the same bytes per connection (4 KB at our
//   12 bits), resets the shared context, compresses them and throws that output away (it ends on a byte boundary
//   after the sync flush), then compresses the message: its back references point into bytes the client holds.
//   Consecutive messages to the same connection skip the replay.
// - Memory: Chromium's zlib (Node's) gives every deflate context a 64 KB hash table whatever memLevel asks, so a
//   context cost ~86 KB (heap snapshot, 300 matches: 600 contexts, 51.9 MB of zlib memory); at 1,000 matches, 2,000
//   of them were ~170 MB of the ~600 MB RSS. A history is 1 KB.
// - CPU: replaying 4 KB on one warm context (~16 µs a message, microbenchmark of 2,000 connections round robin, quiet
//   machine) costs less than compressing on 2,000 cold ones (~21 µs).
// - Bytes: about the same as per-connection contexts with the whole window replayed (the hash holds the same
//   history), ~2% more with the 1 KB kept now (below); without any history
//   (server_no_context_takeover) a client's bytes per round would rise from ~550 to ~910 on the wire.
// - Only the newest 1 KB of that window is kept and replayed (DEFLATE_HISTORY_BYTES; the client's window still holds
//   4 KB, and references into its newest 1 KB are as valid): a round's results resemble the previous round's most,
//   and those are the newest bytes. On 1,728 messages captured from a 100-match load run (~1 KB each, every one to
//   another connection than the one before), replaying 4 KB cost ~80-88 µs of CPU a message on this shared machine,
//   2 KB ~61, 1 KB ~47, none ~24; the output was 450, 452, 458 and 525 B. Paired 500-match load runs: 539 -> 547 and
//   543 -> 553 B per client and round on the wire, 3.93 -> 3.79 and 4.06 -> 3.90 ms of CPU per round.
// Only the server side is replaced (ws clients in the same process keep theirs). Uses zlib's handle (`writeSync`,
// `_writeState`, `reset`), as Node's own synchronous zlib calls do.
import { createRequire } from "node:module";
import zlib from "node:zlib";

// The `ws` the WebSocket transport itself loads (not a direct dependency of the server).
const require = createRequire(createRequire(import.meta.url).resolve("@colyseus/ws-transport"));

interface ZlibHandle {
  writeSync(
    flush: number,
    chunk: Buffer,
    inOff: number,
    inLen: number,
    out: Buffer,
    outOff: number,
    outLen: number,
  ): void;
}
interface SyncDeflater {
  _handle: ZlibHandle | null;
  _writeState: Uint32Array;
  reset(): void;
  close(): void;
}

/** One output buffer for every compression: each runs to its end before another starts. */
const SCRATCH = Buffer.allocUnsafe(64 * 1024);

/** Compresses `chunk` on `d`'s context and flushes (Z_SYNC_FLUSH): the bytes up to and with the 00 00 ff ff tail.
 * With `discard`, only the context's state matters (a history replayed): nothing is copied out, null is returned. */
export function deflateFlushSync(d: SyncDeflater, chunk: Buffer): Buffer;
export function deflateFlushSync(d: SyncDeflater, chunk: Buffer, discard: true): null;
export function deflateFlushSync(d: SyncDeflater, chunk: Buffer, discard = false): Buffer | null {
  const handle = d._handle;
  if (!handle) throw new Error("deflate context closed");
  const state = d._writeState;
  let inOff = 0;
  let inLen = chunk.byteLength;
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    handle.writeSync(zlib.constants.Z_SYNC_FLUSH, chunk, inOff, inLen, SCRATCH, 0, SCRATCH.length);
    const outLeft = state[0];
    const inLeft = state[1];
    const have = SCRATCH.length - outLeft;
    if (!discard) parts.push(Buffer.from(SCRATCH.subarray(0, have)));
    total += have;
    inOff += inLen - inLeft;
    inLen = inLeft;
    if (outLeft !== 0) break; // the output did not fill the buffer: everything is in and flushed
  }
  if (discard) return null;
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
}

/** The last bytes a connection's client inflated (its inflate window), oldest first. */
export interface History {
  buf: Buffer;
  len: number;
}

/** Appends `data` to a history of at most `size` bytes (made on first use). */
export function remember(h: History | undefined, data: Buffer, size: number): History {
  if (!h || h.buf.length !== size) h = { buf: Buffer.allocUnsafe(size), len: 0 };
  if (data.length >= size) {
    data.copy(h.buf, 0, data.length - size);
    h.len = size;
  } else {
    const keep = Math.min(h.len, size - data.length);
    if (keep < h.len) h.buf.copyWithin(0, h.len - keep, h.len);
    data.copy(h.buf, keep);
    h.len = keep + data.length;
  }
  return h;
}

/** A deflate context shared by many connections, and the connection whose stream it holds now (null: none). */
export interface SharedDeflater {
  d: SyncDeflater;
  owner: object | null;
}

/**
 * Compresses `data` for `owner` on the shared context, as `owner`'s own context with context takeover would: unless
 * the context already holds `owner`'s stream, it is reset and `history` replayed first. Returns the bytes up to and
 * with the sync-flush tail; the caller appends `data` to the history (`remember`). `history` null: no takeover (the
 * context is reset and nobody owns it afterwards).
 */
export function deflateFor(shared: SharedDeflater, owner: object, history: History | null | undefined, data: Buffer) {
  const takeover = history !== null;
  if (shared.owner !== owner || !takeover) {
    shared.owner = null;
    shared.d.reset();
    if (history && history.len > 0) deflateFlushSync(shared.d, history.buf.subarray(0, history.len), true);
  }
  const out = deflateFlushSync(shared.d, data);
  shared.owner = takeover ? owner : null;
  return out;
}

/**
 * The synchronous zlib context a PerMessageDeflate keeps under `key`, made on first use with the window the handshake
 * agreed for the server's side (messages the server compresses and its clients inflate).
 */
export function syncContext(
  pmd: { params?: { server_max_window_bits?: unknown }; [key: symbol]: unknown },
  key: symbol,
  make: (windowBits: number) => unknown,
): SyncDeflater {
  let d = pmd[key] as SyncDeflater | undefined;
  if (!d) {
    d = make(serverWindowBits(pmd)) as SyncDeflater;
    pmd[key] = d;
  }
  return d;
}

/** The window the handshake agreed for the server's side (what the server compresses, its clients inflate). */
function serverWindowBits(pmd: { params?: { server_max_window_bits?: unknown } }): number {
  const bits = pmd.params?.server_max_window_bits;
  return typeof bits === "number" ? bits : zlib.constants.Z_DEFAULT_WINDOWBITS;
}

/**
 * How much of what a connection was sent is kept and replayed before its next message (at most its window). 1 KB of the
 * 4 KB window: ~45% less compression CPU for ~1.7% more bytes (header above). `WS_DEFLATE_HISTORY` overrides it (load
 * experiments; 4096 replays the whole window as before).
 */
export const DEFLATE_HISTORY_BYTES = Number(process.env.WS_DEFLATE_HISTORY) || 1024;
const HISTORY = Symbol("deflateHistory");
const SHARED = Symbol("sharedDeflater");
/** A shared context and how much of each connection's window is kept and replayed on it (its window, at most
 * DEFLATE_HISTORY_BYTES). */
interface SharedContext extends SharedDeflater {
  history: number;
}
/** One shared context per window size and settings (every connection negotiates the same ones in practice). */
const sharedContexts = new Map<string, SharedContext>();
let installed = false;

/** The shared context for a PerMessageDeflate's agreed window and settings. */
function sharedFor(pmd: {
  params?: { server_max_window_bits?: unknown };
  _options?: { zlibDeflateOptions?: object };
}): SharedContext {
  const windowBits = serverWindowBits(pmd);
  const options = { ...pmd._options?.zlibDeflateOptions, windowBits, chunkSize: 1024 };
  const key = JSON.stringify(options);
  let shared = sharedContexts.get(key);
  if (!shared) {
    const history = Math.min(1 << windowBits, DEFLATE_HISTORY_BYTES);
    shared = { d: zlib.createDeflateRaw(options) as unknown as SyncDeflater, owner: null, history };
    sharedContexts.set(key, shared);
  }
  return shared;
}

/** Replaces ws's server-side compression by the synchronous, shared-context one (idempotent). */
export function installSyncDeflate(): void {
  if (installed) return;
  installed = true;
  const PerMessageDeflate = (require("ws") as { PerMessageDeflate: unknown }).PerMessageDeflate as {
    prototype: {
      compress(data: Buffer, fin: boolean, cb: (err: Error | null, out?: Buffer) => void): void;
      cleanup(): void;
    };
  };
  const proto = PerMessageDeflate.prototype;
  const compress = proto.compress;
  const cleanup = proto.cleanup;
  proto.compress = function (this: any, data: Buffer, fin: boolean, cb: (err: Error | null, out?: Buffer) => void) {
    if (!this._isServer) return compress.call(this, data, fin, cb);
    const shared: SharedContext = (this[SHARED] ??= sharedFor(this));
    const takeover = !this.params?.server_no_context_takeover;
    let out: Buffer;
    try {
      out = deflateFor(shared, this, takeover ? this[HISTORY] : null, data);
    } catch (e) {
      shared.owner = null;
      cb(e as Error);
      return;
    }
    // The client inflates every chunk into its window (fragments too), so the history follows every chunk.
    if (takeover) this[HISTORY] = remember(this[HISTORY], data, shared.history);
    if (fin) out = out.subarray(0, out.length - 4);
    cb(null, out);
  };
  proto.cleanup = function (this: any) {
    this[HISTORY] = undefined;
    const shared: SharedDeflater | undefined = this[SHARED];
    if (shared && shared.owner === this) shared.owner = null;
    return cleanup.call(this);
  };
}

/** Wraps ws' PerMessageDeflate cleanup so that it also closes the synchronous zlib context kept under `key`. */
export function closeOnCleanup(proto: Record<string, any>, key: symbol, cleanup: (this: unknown) => unknown): void {
  proto.cleanup = function (this: any) {
    const d: { close(): void } | undefined = this[key];
    if (d) {
      this[key] = undefined;
      d.close();
    }
    return cleanup.call(this);
  };
}
