// permessage-deflate for the load generator's own clients without the stream machinery: each incoming compressed message
// is inflated synchronously on the connection's own context (same bytes out as `ws` would give). `ws` inflates through
// a zlib stream on the libuv thread pool (4 threads shared by every client of the process): at hundreds of clients,
// inflating was a quarter of the load generator's main thread (CPU profile, 300 matches) and every report waited its
// turn in the pool queue before the latency it measures was taken. Only client-side contexts are replaced; the callback
// still comes after the current call returns (a microtask), as the receiver expects of a decompression.
import { createRequire } from "node:module";
import zlib from "node:zlib";
import { closeOnCleanup, deflateFlushSync, syncContext } from "../deflate-sync.js";

// The `ws` colyseus.js loads in Node.
const require = createRequire(createRequire(import.meta.url).resolve("colyseus.js"));

const TRAILER = Buffer.from([0x00, 0x00, 0xff, 0xff]);
const SYNC = Symbol("syncInflate");
let installed = false;

/** Replaces ws's client-side decompression by a synchronous one (idempotent). */
export function installSyncInflate(): void {
  if (installed) return;
  installed = true;
  const proto = (require("ws") as { PerMessageDeflate: { prototype: Record<string, any> } }).PerMessageDeflate
    .prototype;
  const decompress = proto.decompress;
  const cleanup = proto.cleanup;
  proto.decompress = function (this: any, data: Buffer, fin: boolean, cb: (err: Error | null, out?: Buffer) => void) {
    if (this._isServer) return decompress.call(this, data, fin, cb);
    const d = syncContext(this, SYNC, (windowBits) =>
      zlib.createInflateRaw({ ...this._options?.zlibInflateOptions, windowBits }),
    );
    let out: Buffer;
    try {
      out = deflateFlushSync(d, fin ? Buffer.concat([data, TRAILER]) : data);
      if (fin && this.params?.server_no_context_takeover) d.reset();
    } catch (e) {
      queueMicrotask(() => cb(e as Error));
      return;
    }
    queueMicrotask(() => cb(null, out));
  };
  closeOnCleanup(proto, SYNC, cleanup);
}
