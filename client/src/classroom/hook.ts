// Classroom mode, the part loaded with the app: which classroom screen to show, and the class view from the room.
// The screens themselves load lazily (./screens).
import type { ClassroomView, ClientSnapshot } from "@metastrategy/shared";
import { roomHooks } from "../net/room";

interface RoomLike {
  onMessage(type: string, cb: (m: any) => void): unknown;
  send(type: string, payload?: unknown): void;
}

let room: RoomLike | null = null;
let view: ClassroomView | null = null;
const listeners = new Set<() => void>();

roomHooks.push((r: RoomLike) => {
  room = r;
  view = null;
  r.onMessage("proposals", (v: ClassroomView) => {
    if (room !== r) return;
    view = v;
    for (const l of [...listeners]) l();
  });
});

/** The latest class view of this client (teams, its team's proposals, polls; the teacher's extras). */
export function classView(): ClassroomView | null {
  return view;
}

export function onClassView(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Sends a classroom message (names: shared MSG; see names.ts). */
export function classSend(type: string, payload: unknown = {}): void {
  room?.send(type, payload);
}

/** The classroom screen for this moment, or null for the app's other screens. */
export function classroomKey(hash: string, booting: boolean, snap: ClientSnapshot | null): string | null {
  if (location.pathname.replace(/\/+$/, "") === "/projector") return "class:projector";
  if (hash.startsWith("#howto") || hash.startsWith("#replay")) return null;
  if (hash === "#facilitator") return "class:guide";
  if (!booting && snap?.info.mode === "classroom") return snap.isHost ? "class:teacher" : "class:student";
  if (hash === "#class") return "class:new";
  return null;
}
