// permessage-deflate without the stream machinery: the server compresses each outgoing message synchronously on the
// connection's own deflate context (same settings, same context takeover, same bytes on the wire as `ws` would send).
// `ws` compresses through a zlib stream: two thread-pool round trips, stream buffering and callbacks per message, which
// made compression ~1.6 ms of the server's CPU per resolved round (load: 5.1 ms per round with it, 3.5 ms without);
// synchronously it is ~10-15 µs a message. Only the server side is replaced (ws clients in the same process keep
// theirs). Uses zlib's handle (`writeSync`, `_writeState`), as Node's own synchronous zlib calls do.
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

/** Compresses `chunk` on `d`'s context and flushes (Z_SYNC_FLUSH): the bytes up to and with the 00 00 ff ff tail. */
export function deflateFlushSync(d: SyncDeflater, chunk: Buffer): Buffer {
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
    parts.push(Buffer.from(SCRATCH.subarray(0, have)));
    total += have;
    inOff += inLen - inLeft;
    inLen = inLeft;
    if (outLeft !== 0) break; // the output did not fill the buffer: everything is in and flushed
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
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
    const bits = pmd.params?.server_max_window_bits;
    d = make(typeof bits === "number" ? bits : zlib.constants.Z_DEFAULT_WINDOWBITS) as SyncDeflater;
    pmd[key] = d;
  }
  return d;
}

const SYNC = Symbol("syncDeflate");
let installed = false;

/** Replaces ws's server-side compression by the synchronous one (idempotent). */
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
    const d = syncContext(this, SYNC, (windowBits) =>
      zlib.createDeflateRaw({ ...this._options?.zlibDeflateOptions, windowBits, chunkSize: 1024 }),
    );
    let out: Buffer;
    try {
      out = deflateFlushSync(d, data);
    } catch (e) {
      cb(e as Error);
      return;
    }
    if (fin) {
      out = out.subarray(0, out.length - 4);
      if (this.params?.server_no_context_takeover) d.reset();
    }
    cb(null, out);
  };
  closeOnCleanup(proto, SYNC, cleanup);
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
