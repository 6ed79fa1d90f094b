// WebSocket pings spread over the ping interval. Colyseus's transport pings every client in one timer callback: at
// 2,000 clients, 2,000 socket writes in one turn every interval (and their pongs together soon after), a stall that
// every round in flight waits behind. Here the clients are split into slices, one slice pinged per tick: each client
// is still pinged once per interval and closed after `maxRetries` pings without a pong, as before.
// A client the server has heard from since its last tick (a message, a pong: its socket read bytes) is alive without
// asking: it is not pinged that interval (a ping is a socket write and its pong a read; a player gives orders every
// round, so most pings of a running match are saved). A client that sends nothing is pinged every other interval at
// least (its pong is heard), and one that stops answering is closed after `maxRetries` unanswered pings, as before.
import { WebSocketTransport } from "@colyseus/ws-transport";

export interface Pingable {
  pingCount: number;
  ping(cb: () => void): void;
  terminate(): void;
  /** The TCP socket (ws' `_socket`): what it has read so far tells whether the client was heard from. */
  _socket?: { bytesRead: number } | null;
}

const noop = () => {};
const sliceOf = new WeakMap<Pingable, number>();
/** Bytes each client's socket had read at its last tick. */
const readAt = new WeakMap<Pingable, number>();

/** One tick of the spread pings: the clients of this tick's slice are pinged (or closed when they stopped answering). */
export class SpreadPings {
  private tickNo = 0;
  private assigned = 0;

  constructor(
    readonly slices: number,
    private maxRetries: number,
  ) {}

  tick(clients: Iterable<Pingable>): void {
    const slice = this.tickNo++ % this.slices;
    for (const c of clients) {
      let s = sliceOf.get(c);
      if (s === undefined) sliceOf.set(c, (s = this.assigned++ % this.slices));
      if (s !== slice) continue;
      const read = c._socket?.bytesRead;
      if (read !== undefined) {
        const before = readAt.get(c);
        readAt.set(c, read);
        if (before !== undefined && read !== before) {
          c.pingCount = 0; // heard from since its last tick: alive
          continue;
        }
      }
      if (c.pingCount >= this.maxRetries) {
        c.terminate();
        continue;
      }
      c.pingCount++;
      c.ping(noop);
    }
  }
}

/** Ticks per ping interval (each client is pinged on one of them). */
export const PING_SLICES = 10;

let installed = false;

/** Replaces the transport's all-at-once pings by spread ones (idempotent; before the server listens). */
export function spreadPings(): void {
  if (installed) return;
  installed = true;
  const proto = WebSocketTransport.prototype as unknown as {
    autoTerminateUnresponsiveClients(interval: number, maxRetries: number): void;
  };
  proto.autoTerminateUnresponsiveClients = function (
    this: { pingInterval: NodeJS.Timeout; wss: { clients: Set<Pingable> } },
    interval: number,
    maxRetries: number,
  ) {
    const pings = new SpreadPings(PING_SLICES, maxRetries);
    // The transport clears `pingInterval` when its server closes.
    this.pingInterval = setInterval(() => pings.tick(this.wss.clients), Math.max(1, interval / PING_SLICES));
  };
}
