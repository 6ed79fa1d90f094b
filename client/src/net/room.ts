// The only module that talks to colyseus.js: joins rooms, turns room state and messages into ClientSnapshots.
import { Client, type Room } from "colyseus.js";
import {
  ReportLog,
  SnapshotReader,
  onServerMessage,
  type ChatLine,
  type ClientMessages,
  type MessageName,
  type ClientSnapshot,
  type CreateOptions,
  type EndedMsg,
  type MatchRecord,
  type RoomStateLike,
  type SeatOrders,
  type ServerMessages,
} from "@metastrategy/shared";
import { getState, setState } from "../store";
import { MSG, SMSG } from "@metastrategy/shared";
import { clearSession, loadSession, playedMatches, rememberPlayed, saveSession } from "./session";
import type { FinishedMatch, Net, PublicMatch } from "./types";

const CONSENTED = 4000;

/** Extra listeners attached to every joined room (classroom mode listens to its own messages). */
export const roomHooks: ((room: Room) => void)[] = [];

function endpoint(): string {
  const configured = import.meta.env.VITE_SERVER_URL as string | undefined;
  if (configured) return configured;
  // `npm run dev`: Vite serves the page, the game server listens on its own port.
  if (import.meta.env.MODE === "development")
    return `ws://${location.hostname}:${import.meta.env.VITE_SERVER_PORT ?? 2567}`;
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}

let client: Client | null = null;
function colyseus(): Client {
  return (client ??= new Client(endpoint()));
}

class MatchConnection {
  room: Room | null = null;
  seat: number | null = null;
  isHost = false;
  /** Reports and history: the backlog from `report` messages, each new round from the patch that brings it. */
  private log = new ReportLog();
  chat: ChatLine[] = [];
  ended: EndedMsg | null = null;
  name = "Player";
  private leaving = false;
  private reader = new SnapshotReader();
  private pendingStart = false;

  attach(room: Room, name: string, opts: { autoStart?: boolean } = {}): void {
    this.room = room;
    this.name = name;
    this.leaving = false;
    this.pendingStart = !!opts.autoStart;
    saveSession({ code: room.roomId, reconnectionToken: room.reconnectionToken, name });
    const on = <K extends keyof ServerMessages>(type: K, fn: (m: ServerMessages[K]) => void) =>
      onServerMessage(room, type, fn);
    on(SMSG.token, (t) => {
      this.seat = t.seat;
      this.isHost = t.isHost;
      saveSession({
        code: t.code,
        seatToken: t.seatToken,
        hostToken: t.hostToken,
        reconnectionToken: room.reconnectionToken,
      });
      if (this.pendingStart && t.isHost) {
        this.pendingStart = false;
        room.send(MSG.hostStart, {});
      }
      this.publish();
    });
    on(SMSG.report, (m) => {
      this.log.message(m);
      this.publish();
    });
    on(SMSG.chat, (c) => {
      this.chat = [...this.chat.slice(-199), c];
      this.publish();
    });
    on(SMSG.ended, (m) => {
      this.ended = m;
      if (m.view) {
        const end = m.view.end;
        const score = end && this.seat !== null ? (m.view.scores?.[this.seat] ?? null) : null;
        rememberPlayed({
          code: room.roomId,
          name: String((room.state as { name?: string })?.name || room.roomId),
          scenario: m.view.scenario,
          ending: end?.ending ?? null,
          endedAt: Date.now(),
          score,
        });
      }
      this.publish();
    });
    on(SMSG.error, (e) => setState({ error: e.reason }));
    room.onMessage(SMSG.proposals, () => {});
    for (const hook of roomHooks) hook(room);
    room.onMessage("*", () => {});
    room.onStateChange(() => {
      this.log.state(room.state as RoomStateLike, this.seat);
      this.publish();
    });
    room.onLeave((code) => {
      if (this.room !== room) return;
      this.room = null;
      if (this.leaving || code === CONSENTED) {
        setState({ connection: "closed" });
        return;
      }
      setState({ connection: "reconnecting" });
      void this.recover();
    });
    room.onError((_code, message) => setState({ error: message ?? "Connection error." }));
    setState({ connection: "open", error: null });
    this.publish();
  }

  private async recover(): Promise<void> {
    for (let attempt = 0; attempt < 6; attempt++) {
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      try {
        if (await resumeFromSession(this)) return;
      } catch {
        /* try again */
      }
    }
    setState({ connection: "closed", error: "Lost the connection to the match." });
  }

  snapshot(): ClientSnapshot | null {
    const room = this.room;
    if (!room || !room.state) return null;
    const st = room.state as RoomStateLike;
    const snap = this.reader.snapshot(st, {
      code: room.roomId,
      seat: this.seat,
      isHost: this.isHost,
      history: this.log.history,
      reports: this.log.reports,
      chat: this.chat,
      ended: this.ended,
    });
    this.myOrders = snap && snap.info.phase !== "ended" ? this.reader.orders(st, this.seat) : null;
    return snap;
  }

  myOrders: SeatOrders | null = null;

  publish(): void {
    const snap = this.snapshot();
    if (snap) setState({ snap, myOrders: this.myOrders });
  }

  send<K extends MessageName>(type: K, payload: ClientMessages[K]): void {
    if (!this.room) {
      setState({ error: "Not connected to a match." });
      return;
    }
    this.room.send(type, payload);
  }

  async leave(): Promise<void> {
    this.leaving = true;
    const r = this.room;
    this.room = null;
    clearSession();
    this.reset();
    setState({ snap: null, connection: "idle", sentRound: null });
    if (r) await r.leave(true).catch(() => 0);
  }

  reset(): void {
    this.seat = null;
    this.isHost = false;
    this.log.reset();
    this.chat = [];
    this.ended = null;
    this.reader.reset();
    this.myOrders = null;
  }
}

async function resumeFromSession(conn: MatchConnection): Promise<boolean> {
  const saved = loadSession();
  if (!saved) return false;
  if (saved.reconnectionToken) {
    try {
      const room = await colyseus().reconnect(saved.reconnectionToken);
      conn.attach(room, saved.name);
      return true;
    } catch {
      /* fall back to the seat token */
    }
  }
  if (saved.seatToken || saved.hostToken) {
    const opts: Record<string, string> = { name: saved.name };
    if (saved.seatToken) opts.seatToken = saved.seatToken;
    if (saved.hostToken) opts.hostToken = saved.hostToken;
    const room = await colyseus().joinById(saved.code, opts);
    conn.reset();
    conn.attach(room, saved.name);
    return true;
  }
  return false;
}

function readable(e: unknown): Error {
  const msg =
    e instanceof Error
      ? e.message
      : typeof e === "object" && e && "message" in e
        ? String((e as { message: unknown }).message)
        : String(e);
  if (/not found/i.test(msg)) return new Error("No match has that code. Check it with your host.");
  if (/Failed to fetch|NetworkError|ECONNREFUSED/i.test(msg)) return new Error("The game server cannot be reached.");
  return new Error(msg || "Could not join.");
}

export function createNet(): Net {
  const conn = new MatchConnection();
  const send =
    <K extends MessageName>(type: K) =>
    (payload: ClientMessages[K]) =>
      conn.send(type, payload);
  const net: Net = {
    async create(options: CreateOptions, name: string) {
      setState({ connection: "connecting" });
      await conn.leave();
      try {
        const room = await colyseus().create("match", { ...options, player: { name } });
        conn.attach(room, name, { autoStart: options.mode === "solo" });
      } catch (e) {
        setState({ connection: "idle" });
        throw readable(e);
      }
    },
    async joinByCode(code: string, name: string, spectator?: boolean) {
      setState({ connection: "connecting" });
      await conn.leave();
      try {
        // A player joining by code sits down at the first free seat at once (the lobby lets them move or watch).
        const room = await colyseus().joinById(
          code.toUpperCase(),
          spectator ? { name, spectator: true } : { name, autoSeat: true },
        );
        conn.attach(room, name);
      } catch (e) {
        setState({ connection: "idle" });
        throw readable(e);
      }
    },
    async resume() {
      if (!loadSession()) return false;
      setState({ connection: "reconnecting" });
      try {
        const ok = await resumeFromSession(conn);
        if (!ok) {
          clearSession();
          setState({ connection: "idle" });
        }
        return ok;
      } catch {
        clearSession();
        setState({ connection: "idle" });
        return false;
      }
    },
    leave: () => conn.leave(),
    async listPublic(): Promise<PublicMatch[]> {
      const res = await fetch("/api/matches");
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const rows = (await res.json()) as Record<string, any>[];
      return rows.map((r) => ({
        roomId: r.code,
        code: r.code,
        name: r.name ?? "",
        scenario: r.scenario ?? "baseline",
        phase: r.phase ?? "lobby",
        round: r.round ?? 0,
        seats: r.seats ?? 0,
        humans: r.humans ?? 0,
        openSeats: r.open ?? 0,
      }));
    },
    async listFinished(): Promise<FinishedMatch[]> {
      return playedMatches().map((m) => ({
        id: m.code,
        name: m.name,
        scenario: m.scenario,
        ending: m.ending,
        endedAt: m.endedAt,
        score: m.score ?? null,
      }));
    },
    async record(id: string): Promise<MatchRecord> {
      const saved = loadSession();
      const q =
        saved && saved.code === id && saved.hostToken ? `?hostToken=${encodeURIComponent(saved.hostToken)}` : "";
      const res = await fetch(`/api/matches/${encodeURIComponent(id)}/record${q}`);
      if (res.status === 404) throw new Error("No finished match has that code.");
      if (res.status === 403) throw new Error("That match has not finished yet.");
      if (!res.ok) throw new Error(`The record could not be loaded (HTTP ${res.status}).`);
      return (await res.json()) as MatchRecord;
    },
    matchId: () => conn.room?.roomId ?? getState().snap?.info.code ?? null,
    orders: send(MSG.orders),
    chat: (text) => conn.send(MSG.chat, { text }),
    takeSeat: (seat) => conn.send(MSG.takeSeat, { seat }),
    leaveSeat: () => conn.send(MSG.leaveSeat, {}),
    setDoctrine: (doctrine) => conn.send(MSG.setDoctrine, { doctrine }),
    ready: (ready) => conn.send(MSG.ready, { ready }),
    hostSettings: send(MSG.hostSettings),
    hostSeat: send(MSG.hostSeat),
    hostStart: () => conn.send(MSG.hostStart, {}),
    hostPause: () => conn.send(MSG.hostPause, {}),
    hostResume: () => conn.send(MSG.hostResume, {}),
    hostExtend: (seconds) => conn.send(MSG.hostExtend, { seconds }),
    hostEndPhase: () => conn.send(MSG.hostEndPhase, {}),
    hostKick: (seat) => conn.send(MSG.hostKick, { seat }),
    hostEndMatch: () => conn.send(MSG.hostEndMatch, {}),
  };
  return net;
}
