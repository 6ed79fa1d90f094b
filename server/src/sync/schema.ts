// The Colyseus state: public fields for everyone, one SeatSecret per seat visible only through StateView.
import { schema, type SchemaType } from "@colyseus/schema";

export const TimersState = schema(
  { news: "number", deliberation: "number", orders: "number", report: "number" },
  "Timers",
);
export type TimersState = SchemaType<typeof TimersState>;

export const LobbySeatState = schema(
  {
    index: "uint8",
    role: "string",
    doctrine: "string",
    kind: "string",
    name: "string",
    difficulty: "string",
    connected: "boolean",
    ready: "boolean",
    submitted: "boolean",
  },
  "LobbySeat",
);
export type LobbySeatState = SchemaType<typeof LobbySeatState>;

/** A seat's private part: only the clients holding the seat have it in their StateView. `me` is the seat's own
 * part of its view, flattened (shared/protocol/wire.ts): a round changes a few leaves, not the whole. `notes`: its
 * private report entries of the newest round (report-wire.ts `encodeNotes`). */
export const SeatSecret = schema(
  { seat: "uint8", me: { map: "string" }, orders: "string", notes: "string" },
  "SeatSecret",
);
export type SeatSecret = SchemaType<typeof SeatSecret>;

export const MatchRoomState = schema(
  {
    code: "string",
    mode: "string",
    name: "string",
    scenario: "string",
    rounds: "uint8",
    public: "boolean",
    timers: TimersState,
    phase: "string",
    deadline: "float64",
    paused: "boolean",
    remaining: "number",
    round: "uint8",
    spectators: "uint8",
    seats: [LobbySeatState],
    /** The public view (no history, no reveal), flattened: only the leaves that change are sent. */
    pub: { map: "string" },
    secrets: { map: SeatSecret, view: true },
    /** The newest round's public report and history row (report-wire.ts `encodeRoundState`): a round's results and
     * its report leave in one patch. */
    report: "string",
  },
  "MatchRoomState",
);
export type MatchRoomState = SchemaType<typeof MatchRoomState>;
