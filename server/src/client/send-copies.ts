// colyseus.js in Node hands `ws` a view of its reusable send buffer; with permessage-deflate, `ws` reads it later, after
// the next send may have overwritten it, so fast sends over ~1 KB could leave corrupted. Every headless client (the
// terminal player, the load generator, the soak test, the tests) imports this once: each send goes out as a copy.
import { Room } from "colyseus.js";

const proto = Room.prototype as unknown as { connect: (...args: unknown[]) => unknown; __sendsCopies?: boolean };
if (!proto.__sendsCopies) {
  const connect = proto.connect;
  proto.connect = function (this: unknown, ...args: unknown[]) {
    const out = connect.apply(this, args);
    // The 3rd argument is the room instance the connection belongs to (colyseus.js 0.16 reuses it on devMode restarts).
    const room = ((args[2] as object | undefined) ?? this) as { connection: { send(d: Uint8Array | number[]): void } };
    const conn = room.connection;
    const send = conn.send.bind(conn);
    conn.send = (d) => send(d instanceof Uint8Array ? Uint8Array.from(d) : d);
    return out;
  };
  proto.__sendsCopies = true;
}
