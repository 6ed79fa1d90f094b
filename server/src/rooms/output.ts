// MatchOutput over a Colyseus room: messages to clients by session id, StateView for seats' private parts, the listing.
import { ClientState, Protocol, getMessageBytes, updateLobby, type Client, type Room } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { encodeServerMessage, type ServerMessageName, type ServerMessages } from "@metastrategy/shared";
import type { Listing, MatchOutput } from "../match/output.js";
import type { SeatSecret } from "../sync/schema.js";
import type { SchemaSync } from "../sync/state.js";

/**
 * Changes within this window share one patch (a round's results never wait for it: they leave at once, with every
 * change still pending). 40 ms rather than 10: the orders phase's changes (a seat submitted, its echo, the phases of a
 * new round) reach the other seats in fewer frames, each a socket write (load: ~4.3 frames a client and round at 10 ms).
 */
export const PATCH_COALESCE_MS = 40;
/**
 * While a round resolves, changes wait for its results (at most this long): the last submission's tick and the
 * `resolution` phase go out in the patch of the results instead of one patch ahead of it. On a busy server a round's
 * resolution outlasts PATCH_COALESCE_MS (bots yield a turn, the round's commit waits for its batch), and that patch was
 * one more frame to every client (load, 1,000 matches: ~3.5 frames a client and round instead of ~3.1).
 */
export const RESOLUTION_HOLD_MS = 500;

export class RoomOutput implements MatchOutput {
  /** The seat each client holds, and its private part once the match has one. */
  private shown = new Map<string, { seat: number; secret: SeatSecret | undefined }>();
  private listingKey = "";
  private isPrivate = false;
  private unlisted: Listing | null = null;

  private patchDue: NodeJS.Timeout | null = null;
  /** When the armed patch leaves (performance.now() ms). */
  private patchAt = 0;
  /** How long the changes being written may wait (longer inside `unhurried`). */
  private patience = PATCH_COALESCE_MS;
  /** A round is resolving: the next patch waits for its results (flush) or RESOLUTION_HOLD_MS. */
  private held = false;
  /** Messages that leave right after the next patch (a round's reports after its results), already encoded. */
  private afterPatch: [Client, Uint8Array][] = [];
  /** One encoding per payload object within a turn: members of a seat share the same bytes (a payload changed and
   * sent again in a later turn is encoded again). */
  private packed = new WeakMap<object, Uint8Array>();
  private packedTurn = false;

  constructor(
    private room: Room,
    readonly state: SchemaSync,
    private onFailure: (where: string, err: unknown, rebuild: boolean) => void,
  ) {
    state.onWrite = () => this.patchSoon(this.patience);
  }

  /**
   * Patches go out when something changed, within PATCH_COALESCE_MS, instead of on a fixed interval: an idle room
   * costs nothing (a 50 ms interval cost every room 20 patch checks a second, most of a busy server's CPU).
   */
  patchSoon(delay = PATCH_COALESCE_MS): void {
    const ms = this.held ? RESOLUTION_HOLD_MS : delay;
    const at = performance.now() + ms;
    if (this.patchDue) {
      if (this.patchAt <= at) return; // leaves soon enough
      clearTimeout(this.patchDue); // a change that may not wait as long as the ones pending
    }
    this.patchAt = at;
    this.patchDue = setTimeout(() => {
      this.patchDue = null;
      this.held = false;
      try {
        this.patchNow();
      } catch (e) {
        this.failed("patch", e, true);
      }
    }, ms);
  }

  /** The changes `write` makes may wait up to `ms` (unless a change that may not wait is pending or comes). */
  unhurried(ms: number, write: () => void): void {
    const outer = this.patience;
    this.patience = Math.max(ms, PATCH_COALESCE_MS);
    try {
      write();
    } finally {
      this.patience = outer;
    }
  }

  /** A patch already due waits too. */
  hold(): void {
    if (this.held) return;
    this.held = true;
    this.rearm();
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    this.rearm();
  }

  private rearm(): void {
    if (!this.patchDue) return;
    clearTimeout(this.patchDue);
    this.patchDue = null;
    this.patchSoon();
  }

  /**
   * The patch, then the messages waiting for it. Each client's socket is corked meanwhile: its patch and its messages
   * leave in one write (uncompressed frames are written at once; compressed ones after their deflate job).
   */
  private patchNow(): void {
    const corked: { uncork(): void }[] = [];
    for (const c of this.room.clients) {
      const sock = (c as unknown as { ref?: { _socket?: { cork(): void; uncork(): void } } }).ref?._socket;
      if (sock) {
        sock.cork();
        corked.push(sock);
      }
    }
    try {
      this.room.broadcastPatch();
      const queue = this.afterPatch;
      this.afterPatch = [];
      for (const [client, bytes] of queue) client.enqueueRaw(bytes);
    } finally {
      for (const s of corked) s.uncork();
    }
  }

  dispose(): void {
    this.held = false;
    if (this.patchDue) clearTimeout(this.patchDue);
    this.patchDue = null;
    this.afterPatch = [];
  }

  /** The frame of a message: encoded for the wire (shared/protocol/codec.ts) and packed once per payload object. */
  private bytes<K extends ServerMessageName>(type: K, payload: ServerMessages[K]): Uint8Array {
    const key = payload as unknown as object;
    let b = this.packed.get(key);
    if (!b) {
      b = getMessageBytes.raw(Protocol.ROOM_DATA, type, encodeServerMessage(type, payload));
      this.packed.set(key, b);
      if (!this.packedTurn) {
        this.packedTurn = true;
        queueMicrotask(() => {
          this.packed = new WeakMap();
          this.packedTurn = false;
        });
      }
    }
    return b;
  }

  send<K extends ServerMessageName>(to: string, type: K, payload: ServerMessages[K], afterPatch = false): void {
    const client = this.room.clients.getById(to);
    if (!client) return;
    const bytes = this.bytes(type, payload);
    if (afterPatch) {
      this.afterPatch.push([client, bytes]);
      this.patchSoon();
    } else client.enqueueRaw(bytes);
  }

  broadcast<K extends ServerMessageName>(type: K, payload: ServerMessages[K], afterPatch = false): void {
    const bytes = this.bytes(type, payload);
    for (const client of this.room.clients) {
      if (afterPatch) this.afterPatch.push([client, bytes]);
      else client.enqueueRaw(bytes);
    }
    if (afterPatch) this.patchSoon();
  }

  hasState(to: string): boolean {
    return this.room.clients.getById(to)?.state === ClientState.JOINED;
  }

  showSeat(to: string, seat: number | null): void {
    const client = this.room.clients.getById(to);
    if (!client) return;
    client.view ??= new StateView();
    const prev = this.shown.get(to);
    if (prev && prev.seat === seat && prev.secret) return;
    if (prev) {
      if (prev.secret) client.view.remove(prev.secret);
      this.state.unwatch(prev.seat);
      this.shown.delete(to);
    }
    this.patchSoon(); // view changes go out with the next patch
    if (seat === null) return;
    const secret = this.state.watch(seat); // undefined before the start: nothing private yet (the start shows it)
    this.shown.set(to, { seat, secret });
    if (secret) client.view.add(secret);
  }

  /** A client left, or (re)connected with a fresh StateView: it holds nothing private now. */
  forget(id: string): void {
    const prev = this.shown.get(id);
    if (prev) this.state.unwatch(prev.seat);
    this.shown.delete(id);
  }

  listing(entry: Listing): void {
    if (this.isPrivate && this.listingKey !== "") {
      this.unlisted = entry;
      return;
    }
    const key = JSON.stringify(entry);
    if (key === this.listingKey) return;
    this.listingKey = key;
    // setMetadata alone does not reach the lobby's real-time listing.
    this.room
      .setMetadata(entry)
      .then(() => updateLobby(this.room))
      .catch((e) => this.failed("listing", e, false));
  }

  setPrivate(isPrivate: boolean): void {
    this.isPrivate = isPrivate;
    this.room.setPrivate(isPrivate).catch((e) => this.failed("listing", e, false));
    if (!isPrivate && this.unlisted) {
      const entry = this.unlisted;
      this.unlisted = null;
      this.listing(entry);
    }
  }

  keepAlive(keep: boolean): void {
    this.room.autoDispose = !keep;
  }

  flush(): void {
    this.held = false;
    if (this.patchDue) clearTimeout(this.patchDue);
    this.patchDue = null;
    this.patchNow();
  }

  failed(where: string, err: unknown, rebuild: boolean): void {
    this.onFailure(where, err, rebuild);
  }

  named(code: string): void {
    this.room.roomId = code;
    this.state.code = code;
  }
}
