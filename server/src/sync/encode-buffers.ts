// One pair of schema encode buffers for every room of the process instead of a pair per room. Colyseus gives each
// room's serializer a patch buffer and a full-state buffer of Encoder.BUFFER_SIZE (64 KB here: server.ts), kept for the
// room's life, and its cached handshake keeps a third alive (a view into the reflection encoder's whole buffer): ~190 KB
// of ArrayBuffers a room (1,000 matches: `external` 214 MB of a 605 MB RSS). Every encode is synchronous and its bytes
// are copied before the next one (server.ts sends a copy of every frame; the full state is encoded again for each
// join), so rooms can share the buffers; a room whose state outgrows them gets a larger one of its own (the encoder's
// own growth path).
import { Protocol, SchemaSerializer } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";

let installed = false;

export function shareEncodeBuffers(): void {
  if (installed) return;
  installed = true;
  const patch = Buffer.allocUnsafe(Encoder.BUFFER_SIZE);
  const full = Buffer.allocUnsafe(Encoder.BUFFER_SIZE);
  type Serializer = {
    encoder: { sharedBuffer: Buffer };
    fullEncodeBuffer: Buffer;
    needFullEncode: boolean;
    handshakeCache?: Buffer;
  };
  const proto = SchemaSerializer.prototype as unknown as {
    reset(state: unknown): void;
    getFullState(client: unknown): Buffer;
    handshake(): Buffer | undefined;
  };
  const reset = proto.reset;
  proto.reset = function (this: Serializer, state: unknown) {
    reset.call(this, state);
    this.encoder.sharedBuffer = patch;
    this.fullEncodeBuffer = full;
    full[0] = Protocol.ROOM_STATE;
  };
  const getFullState = proto.getFullState;
  proto.getFullState = function (this: Serializer, client: unknown) {
    this.needFullEncode = true; // its cached encoding lay in the shared buffer: another room may have written over it
    return getFullState.call(this, client);
  };
  const handshake = proto.handshake;
  proto.handshake = function (this: Serializer) {
    if (!this.handshakeCache) {
      const h = handshake.call(this);
      if (h) this.handshakeCache = Buffer.from(h); // a copy: the view kept the reflection encoder's whole buffer alive
    }
    return this.handshakeCache;
  };
}
