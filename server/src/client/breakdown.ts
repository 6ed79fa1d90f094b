// Where a client's bytes go, by message (load generator `--breakdown`): every frame a colyseus.js room receives is
// kept with its kind (a message name, or the schema fields a state patch touched), then replayed through the server's
// permessage-deflate settings to estimate what each kind costs on the wire.
import zlib from "node:zlib";

/** The server's deflate settings (server.ts): window, level, memory and the size below which a frame goes as is. */
export interface DeflateModel {
  windowBits: number;
  level: number;
  memLevel: number;
  compressFrom: number;
  compressChatFrom: number;
}

export interface Frame {
  /** What the frame carries: `patch`, `msg:<name>`, `state`, `join`... */
  kind: string;
  data: Uint8Array;
  /** For patches: the bytes of each field's values (estimated from the decoded changes). */
  parts?: Map<string, number>;
}

const PROTOCOL: Record<number, string> = {
  10: "join",
  11: "error",
  12: "leave",
  13: "msg",
  14: "state",
  15: "patch",
  16: "msg-schema",
  17: "msg-bytes",
};

/** The kind of a raw Colyseus frame (ROOM_DATA frames by their message name). */
export function frameKind(buf: Uint8Array): string {
  const code = buf[0];
  const kind = PROTOCOL[code] ?? `code${code}`;
  if (code !== 13 && code !== 17) return kind;
  const b = buf[1];
  if (b >= 0xa0 && b <= 0xbf) {
    const n = b & 0x1f;
    return `msg:${new TextDecoder().decode(buf.subarray(2, 2 + n))}`;
  }
  return `msg:#${b}`;
}

/** Deflate cost of a sequence of frames as one server connection sends them (context kept across frames). */
export async function wireSizes(frames: Frame[], m: DeflateModel): Promise<number[]> {
  const d = zlib.createDeflateRaw({ windowBits: m.windowBits, level: m.level, memLevel: m.memLevel });
  let got = 0;
  d.on("data", (c: Buffer) => (got += c.length));
  const out: number[] = [];
  for (const f of frames) {
    const n = f.data.byteLength;
    const chat = f.kind === "msg:chat";
    const compress = n >= m.compressFrom || (chat && n >= m.compressChatFrom);
    let payload = n;
    if (compress) {
      got = 0;
      d.write(Buffer.from(f.data));
      await new Promise<void>((r) => d.flush(zlib.Z_SYNC_FLUSH, () => r()));
      payload = got - 4; // the sync flush's trailer is not sent
    }
    out.push(payload + (payload < 126 ? 2 : payload < 65536 ? 4 : 10)); // WebSocket frame header (server: no mask)
  }
  d.close();
  return out;
}

/** Sums bytes by kind; a patch's bytes are split over its parts (the rest is `patch:overhead`). */
export function addUp(frames: Frame[], sizes: number[] | null, into: Map<string, { dec: number; wire: number }>): void {
  frames.forEach((f, i) => {
    const wire = sizes ? sizes[i] : 0;
    const n = f.data.byteLength;
    const add = (k: string, dec: number, w: number) => {
      const e = into.get(k) ?? { dec: 0, wire: 0 };
      e.dec += dec;
      e.wire += w;
      into.set(k, e);
    };
    if (f.kind === "patch" && f.parts && f.parts.size > 0) {
      let used = 0;
      for (const [k, b] of f.parts) {
        const share = Math.min(b, n - used);
        used += share;
        add(`patch:${k}`, share, (wire * share) / n);
      }
      add("patch:overhead", n - used, (wire * (n - used)) / n);
    } else add(f.kind, n, wire);
    add("(frames)", 0, 0);
    into.get("(frames)")!.dec += 1;
    const kind = f.kind === "patch" ? `patch ${patchRole(f.parts)}` : f.kind;
    add(`(frames) ${kind}`, 0, 0);
    into.get(`(frames) ${kind}`)!.dec += 1;
  });
}

/**
 * What a patch brings, by the fields it touched: a round's `results` (its report), a new `phase` (with its deadline),
 * a `submission` (a seat's submitted flag or orders echo, nothing else of the above), or `other` (presence, lobby...).
 */
export function patchRole(parts: Map<string, number> | undefined): string {
  if (!parts) return "other";
  if (parts.has("root.report")) return "results";
  if (parts.has("root.phase")) return "phase";
  if (parts.has("seats.submitted") || parts.has("secret.orders")) return "submission";
  return "other";
}

const utf8 = (s: string) => Buffer.byteLength(s);

/** Estimated bytes of each decoded change of a patch, by the field (of the synced room state) it belongs to. */
export function patchParts(state: any, changes: any[]): Map<string, number> {
  const parts = new Map<string, number>();
  const mes = new Set<unknown>();
  const secrets = new Set<unknown>();
  state?.secrets?.forEach((s: any) => {
    secrets.add(s);
    mes.add(s.me);
  });
  const seatSet = new Set<unknown>();
  state?.seats?.forEach((s: unknown) => seatSet.add(s));
  for (const c of changes) {
    const ref = c.ref;
    let k: string;
    if (ref === state) k = `root.${String(c.field)}`;
    else if (ref === state?.pub) k = `pub.op${c.op}`;
    else if (mes.has(ref)) k = "secret.me";
    else if (secrets.has(ref)) k = `secret.${String(c.field)}`;
    else if (ref === state?.secrets) k = "secrets";
    else if (seatSet.has(ref)) k = `seats.${String(c.field)}`;
    else if (ref === state?.seats) k = "seats";
    else if (ref === state?.timers) k = "timers";
    else k = "other";
    const v = c.value;
    let b = 2; // operation and field index
    if (typeof v === "string") b += utf8(v) + 1;
    else if (typeof v === "number") b += 2;
    else if (typeof v === "boolean") b += 1;
    if (c.dynamicIndex !== undefined && typeof c.dynamicIndex === "string" && c.op === 128)
      b += utf8(c.dynamicIndex) + 1;
    parts.set(k, (parts.get(k) ?? 0) + b);
  }
  return parts;
}
