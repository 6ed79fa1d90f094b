// The server's synchronous permessage-deflate: each message, compressed on a context kept across messages (or on one
// context shared by every connection, each connection's history replayed), inflates back to itself on one inflate
// context (as a browser keeps it), large messages included.
import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deflateFlushSync, deflateFor, remember, type History, type SharedDeflater } from "../../src/deflate-sync.js";

describe("synchronous deflate", () => {
  it("round-trips a sequence of messages with context takeover, ending each with the sync-flush tail", async () => {
    const d = zlib.createDeflateRaw({ windowBits: 12, level: 3, memLevel: 3, chunkSize: 1024 }) as any;
    const inflate = zlib.createInflateRaw({ windowBits: 12 });
    const out: Buffer[] = [];
    inflate.on("data", (b: Buffer) => out.push(b));
    const sizes = [1, 50, 199, 400, 1500, 70_000, 300, 130_000, 20];
    let compressed = 0;
    let plain = 0;
    for (const [i, n] of sizes.entries()) {
      const text = Buffer.from(
        Array.from({ length: n }, (_, k) => String.fromCharCode(97 + ((k * 7 + i) % 13) + (k % 97 === 0 ? 1 : 0))).join(
          "",
        ),
      );
      const c = deflateFlushSync(d, text);
      expect(c.subarray(-4).toString("hex")).toBe("0000ffff");
      const body = c.subarray(0, c.length - 4); // what travels
      compressed += body.length;
      plain += n;
      out.length = 0;
      inflate.write(Buffer.concat([body, Buffer.from([0, 0, 0xff, 0xff])]));
      await new Promise<void>((r) => inflate.flush(zlib.constants.Z_SYNC_FLUSH, () => r()));
      expect(Buffer.concat(out).equals(text), `message ${i} (${n} bytes)`).toBe(true);
    }
    expect(compressed).toBeLessThan(plain / 4);
    d.close();
  });
});

describe("one deflate context shared by many connections", () => {
  const TRAILER = Buffer.from([0, 0, 0xff, 0xff]);
  const OPTIONS = { windowBits: 12, level: 1, memLevel: 3, chunkSize: 1024 };
  // Messages like the server's: short JSON-ish lines that repeat each other's words, so that back references into
  // earlier messages (the client's window) carry most of the saving.
  const message = (conn: number, k: number, size: number) => {
    let s = "";
    for (let i = 0; s.length < size; i++) s += `{"seat":${(conn + i) % 7},"cap":${(k * 3 + i) % 13},"phase":"orders"},`;
    return Buffer.from(s.slice(0, size));
  };

  it("inflates back on each client's own context whatever the interleaving, at the bytes of per-connection contexts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ conn: fc.integer({ min: 0, max: 4 }), size: fc.integer({ min: 1, max: 6000 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        (sends) => {
          const shared: SharedDeflater = { d: zlib.createDeflateRaw(OPTIONS) as any, owner: null };
          const owners = [0, 1, 2, 3, 4].map(() => ({}));
          const histories: (History | undefined)[] = [];
          const inflaters = owners.map(() => zlib.createInflateRaw({ windowBits: 12 }) as any);
          const own = owners.map(() => zlib.createDeflateRaw(OPTIONS) as any);
          let sharedBytes = 0;
          let ownBytes = 0;
          for (const [k, { conn, size }] of sends.entries()) {
            const data = message(conn, k, size);
            const out = deflateFor(shared, owners[conn], histories[conn], data);
            histories[conn] = remember(histories[conn], data, 4096);
            expect(out.subarray(-4).equals(TRAILER)).toBe(true);
            const body = out.subarray(0, out.length - 4);
            const back = deflateFlushSync(inflaters[conn], Buffer.concat([body, TRAILER]));
            expect(back.equals(data), `send ${k} to connection ${conn} (${size} bytes)`).toBe(true);
            sharedBytes += body.length;
            ownBytes += deflateFlushSync(own[conn], data).length - 4;
          }
          // The replayed history is worth what the connection's own context held (within a few per cent).
          expect(sharedBytes).toBeLessThanOrEqual(ownBytes * 1.05 + 8);
          for (const z of [shared.d, ...inflaters, ...own]) z.close();
        },
      ),
      { seed: 12, numRuns: 60 },
    );
  });

  it("inflates back when only the newest part of the window is kept and replayed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 512, 1024, 2048),
        fc.array(fc.record({ conn: fc.integer({ min: 0, max: 3 }), size: fc.integer({ min: 1, max: 3000 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (keep, sends) => {
          const shared: SharedDeflater = { d: zlib.createDeflateRaw(OPTIONS) as any, owner: null };
          const owners = [0, 1, 2, 3].map(() => ({}));
          const histories: (History | undefined)[] = [];
          const inflaters = owners.map(() => zlib.createInflateRaw({ windowBits: 12 }) as any);
          for (const [k, { conn, size }] of sends.entries()) {
            const data = message(conn, k, size);
            const out = deflateFor(shared, owners[conn], histories[conn], data);
            histories[conn] = remember(histories[conn], data, keep);
            const back = deflateFlushSync(inflaters[conn], Buffer.concat([out.subarray(0, out.length - 4), TRAILER]));
            expect(back.equals(data), `send ${k} to connection ${conn} (${size} bytes, ${keep} kept)`).toBe(true);
          }
          for (const z of [shared.d, ...inflaters]) z.close();
        },
      ),
      { seed: 13, numRuns: 60 },
    );
  });

  it("needs the history: without it the same messages cost far more bytes", () => {
    const shared: SharedDeflater = { d: zlib.createDeflateRaw(OPTIONS) as any, owner: null };
    const a = {};
    const b = {};
    let withHistory = 0;
    let without = 0;
    let h: History | undefined;
    for (let k = 0; k < 30; k++) {
      const data = message(0, k, 300);
      withHistory += deflateFor(shared, a, h, data).length;
      h = remember(h, data, 4096);
      deflateFor(shared, b, undefined, message(1, k, 50)); // another connection in between: the replay is needed
      without += deflateFor(shared, a, null, data).length;
      shared.owner = null;
    }
    expect(withHistory).toBeLessThan(without * 0.6);
    shared.d.close();
  });

  it("keeps the last bytes of what was sent, oldest first", () => {
    let h = remember(undefined, Buffer.from("abc"), 8);
    h = remember(h, Buffer.from("defgh"), 8);
    expect(h.buf.subarray(0, h.len).toString()).toBe("abcdefgh");
    h = remember(h, Buffer.from("ij"), 8);
    expect(h.buf.subarray(0, h.len).toString()).toBe("cdefghij");
    h = remember(h, Buffer.from("0123456789"), 8);
    expect(h.buf.subarray(0, h.len).toString()).toBe("23456789");
  });
});
