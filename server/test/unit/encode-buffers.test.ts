// Shared encode buffers: a room's full state, asked again with nothing changed, is encoded again (its earlier encoding
// lay in the buffer every room writes into) and decodes to that room's state, not to the last room's.
import { describe, expect, it } from "vitest";
import { Decoder } from "@colyseus/schema";
import { SchemaSerializer } from "@colyseus/core";
import { shareEncodeBuffers } from "../../src/sync/encode-buffers.js";
import { MatchRoomState } from "../../src/sync/schema.js";

function room(code: string, name: string) {
  const state = new MatchRoomState();
  state.code = code;
  state.name = name;
  state.phase = "lobby";
  const s = new SchemaSerializer<MatchRoomState>();
  s.reset(state);
  return s;
}

function decoded(bytes: Uint8Array): { code: string; name: string } {
  const d = new Decoder(new MatchRoomState());
  d.decode(bytes.subarray(1) as Buffer);
  return { code: d.state.code, name: d.state.name };
}

describe("shared encode buffers", () => {
  it("a room's cached full state is never another room's", () => {
    shareEncodeBuffers();
    const a = room("AAAAAA", "first");
    const b = room("BBBBBB", "second table");
    expect(decoded(a.getFullState(undefined as never))).toEqual({ code: "AAAAAA", name: "first" });
    a.applyPatches([]); // no client: its changes are discarded, and its full state would be served from its cache
    expect(decoded(b.getFullState(undefined as never))).toEqual({ code: "BBBBBB", name: "second table" });
    expect(decoded(a.getFullState(undefined as never))).toEqual({ code: "AAAAAA", name: "first" });
  });
});
