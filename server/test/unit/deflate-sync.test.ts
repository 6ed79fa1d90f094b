// The server's synchronous permessage-deflate: each message, compressed on a context kept across messages, inflates
// back to itself on one inflate context (as a browser keeps it), large messages included.
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { deflateFlushSync } from "../../src/deflate-sync.js";

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
