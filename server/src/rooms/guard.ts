// The one gate every client frame of every room passes through before any handler sees it.
// Colyseus 0.16 dispatches a frame by a name the client chooses: "*" reaches the catch-all with the payload where the
// name should be, "__no_message_handler" reaches its own fallback (which interpolates the payload into a string), and
// a decode failure closes the socket. Here a frame is decoded once, under a try, and only a known string name with a
// bounded payload reaches its handler; everything else is answered with an `error` message and changes nothing.
import { Protocol, type Client, type Room } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import { unpack } from "@colyseus/msgpackr";
import { MAX_MESSAGE_BYTES, SMSG, type RefusalCode } from "@metastrategy/shared";

/** Deepest payload accepted (our deepest real message, orders with a deal, nests 5 levels). */
export const MAX_PAYLOAD_DEPTH = 16;
/** Most values (objects, arrays, leaves) in one payload. */
export const MAX_PAYLOAD_NODES = 4096;
/** Names of room-internal handlers a client must never address. */
const RESERVED = new Set(["*", "__no_message_handler"]);
const LEAVING = 2; // ClientState.LEAVING in @colyseus/core 0.16

/** What the gate answers: a code from the one table of refusal codes (shared/protocol/refusals.ts). */
export type GateRefusal = { reason: string; message?: string; code: GateCode };
export type GateCode = Extract<
  RefusalCode,
  "too_large" | "undecodable" | "unknown_message" | "binary" | "too_deep" | "internal"
>;

/** A printable, bounded version of a client-supplied name (never calls the value's own toString). */
export function safeName(name: unknown): string {
  if (typeof name === "string") return name.length > 40 ? `${name.slice(0, 40)}…` : name;
  if (typeof name === "number" && Number.isFinite(name)) return String(name);
  return `(${typeof name})`;
}

/** True when `value` nests at most `maxDepth` levels and holds at most `maxNodes` values; walks iteratively. */
export function withinLimits(value: unknown, maxDepth = MAX_PAYLOAD_DEPTH, maxNodes = MAX_PAYLOAD_NODES): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > maxNodes) return false;
    if (v === null || typeof v !== "object") continue;
    if (depth >= maxDepth) return false;
    if (ArrayBuffer.isView(v)) continue;
    const children = Array.isArray(v) ? v : Object.values(v as object);
    for (const c of children) stack.push([c, depth + 1]);
  }
  return true;
}

export type Frame =
  | { kind: "pass" }
  | { kind: "ignore" }
  | { kind: "refuse"; refusal: GateRefusal }
  | { kind: "message"; name: string; payload: unknown };

/** Decodes one client frame without trusting anything in it. `known` says which names this room handles. */
export function readFrame(buffer: Uint8Array | undefined, known: (name: string) => boolean): Frame {
  if (!buffer || buffer.byteLength === 0) return { kind: "ignore" };
  const code = buffer[0];
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_DATA_BYTES) return { kind: "pass" };
  if (buffer.byteLength > MAX_MESSAGE_BYTES) {
    return refusal("too_large", `Message too large (${buffer.byteLength} bytes; at most ${MAX_MESSAGE_BYTES}).`);
  }
  let name: unknown;
  const it = { offset: 1 };
  try {
    name = decode.stringCheck(buffer as Buffer, it)
      ? decode.string(buffer as Buffer, it)
      : decode.number(buffer as Buffer, it);
  } catch {
    return refusal("undecodable", "Message could not be decoded.");
  }
  if (typeof name !== "string" || RESERVED.has(name) || !known(name)) {
    return refusal(
      "unknown_message",
      `Unknown message "${safeName(name)}".`,
      typeof name === "string" ? safeName(name) : undefined,
    );
  }
  if (code === Protocol.ROOM_DATA_BYTES) return refusal("binary", "Binary messages are not accepted.", name);
  let payload: unknown;
  try {
    payload = buffer.byteLength > it.offset ? unpack(buffer.subarray(it.offset)) : undefined;
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message))
      return refusal("too_deep", "Message nests too deeply.", name);
    return refusal("undecodable", "Message payload could not be decoded.", name);
  }
  if (!withinLimits(payload)) return refusal("too_deep", "Message nests too deeply or holds too many values.", name);
  return { kind: "message", name, payload };
}

function refusal(code: GateCode, reason: string, message?: string): Frame {
  return { kind: "refuse", refusal: message === undefined ? { reason, code } : { reason, message, code } };
}

type Handlers = Record<string, { callback: (client: Client, payload: unknown) => unknown } | undefined>;

/**
 * Runs a frame through the gate: known messages go to their handler (whose throw is caught and answered), the rest
 * is refused, join/leave frames go to Colyseus. `onError` logs a handler's failure.
 */
export function gateFrame(
  room: Room,
  client: Client,
  buffer: Uint8Array,
  passThrough: () => void,
  onError: (err: unknown, name: string) => void,
): void {
  if ((client.state as number) === LEAVING) return;
  const handlers = (room as unknown as { onMessageHandlers: Handlers }).onMessageHandlers;
  const frame = readFrame(buffer, (n) => Object.prototype.hasOwnProperty.call(handlers, n));
  if (frame.kind === "ignore") return;
  if (frame.kind === "pass") return passThrough();
  if (frame.kind === "refuse") return void client.send(SMSG.error, frame.refusal);
  const failed = (e: unknown) => {
    onError(e, frame.name);
    client.send(SMSG.error, { reason: "Internal error.", message: frame.name, code: "internal" });
  };
  try {
    const out = handlers[frame.name]!.callback(client, frame.payload);
    if (out && typeof (out as Promise<unknown>).catch === "function") (out as Promise<unknown>).catch(failed);
  } catch (e) {
    failed(e);
  }
}
