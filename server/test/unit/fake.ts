// A match without sockets: a fake clock, an in-memory SQLite store and an output that records what would be sent.
import {
  decodeRoundState,
  withNotes,
  type RoundReport,
  type ServerMessageName,
  type ServerMessages,
} from "@metastrategy/shared";
import { Metrics } from "../../src/http/metrics.js";
import { makeLogger } from "../../src/log.js";
import { FakeClock } from "../../src/match/clock.js";
import { Match, type MatchDeps } from "../../src/match/match.js";
import type { Listing, MatchOutput } from "../../src/match/output.js";
import { handleMessage } from "../../src/match/router.js";
import { modeFor } from "../../src/modes/index.js";
import { SqliteStore } from "../../src/store/sqlite.js";
import { SchemaSync } from "../../src/sync/state.js";

export interface Sent {
  to: string | "*";
  type: ServerMessageName;
  payload: unknown;
}

export class FakeOutput implements MatchOutput {
  readonly state = new SchemaSync("");
  sent: Sent[] = [];
  shown = new Map<string, number | null>();
  listed: Listing | null = null;
  isPrivate = true;
  kept = false;
  code = "";

  send<K extends ServerMessageName>(to: string, type: K, payload: ServerMessages[K]): void {
    this.sent.push({ to, type, payload });
  }

  broadcast<K extends ServerMessageName>(type: K, payload: ServerMessages[K]): void {
    this.sent.push({ to: "*", type, payload });
  }

  /** Members whose client has not received the room's state yet (as the room: a join not yet completed). */
  joining = new Set<string>();

  hasState(to: string): boolean {
    return !this.joining.has(to);
  }

  /** As the room does: the seat's private part is kept current while someone holds the seat. */
  showSeat(to: string, seat: number | null): void {
    const prev = this.shown.get(to);
    if (prev !== undefined && prev !== null) this.state.unwatch(prev);
    if (seat !== null) this.state.watch(seat);
    this.shown.set(to, seat);
  }

  listing(entry: Listing): void {
    this.listed = entry;
  }

  setPrivate(p: boolean): void {
    this.isPrivate = p;
  }

  keepAlive(k: boolean): void {
    this.kept = k;
  }

  flush(): void {}

  failures: { where: string; err: unknown; rebuild: boolean }[] = [];
  failed(where: string, err: unknown, rebuild: boolean): void {
    this.failures.push({ where, err, rebuild });
  }

  named(code: string): void {
    this.code = code;
    this.state.code = code;
  }

  /** Messages of a type a member got (its own and broadcasts), oldest first. */
  to<K extends ServerMessageName>(id: string, type: K): ServerMessages[K][] {
    return this.sent
      .filter((s) => (s.to === id || s.to === "*") && s.type === type)
      .map((s) => s.payload as ServerMessages[K]);
  }

  last<K extends ServerMessageName>(id: string, type: K): ServerMessages[K] | undefined {
    return this.to(id, type).at(-1);
  }

  /** The newest round's report as the members of a seat (null: everyone else) read it in the synced state. */
  roundReport(seat: number | null): RoundReport | null {
    const d = decodeRoundState(this.state.state.report);
    if (!d) return null;
    return withNotes(d.report, seat === null ? "" : (this.state.existingSecret(seat)?.notes ?? ""));
  }

  /** Refusal codes a member got. */
  codes(id: string): string[] {
    return this.to(id, "error").map((e) => e.code);
  }
}

export interface Harness {
  match: Match;
  out: FakeOutput;
  clock: FakeClock;
  store: SqliteStore;
  deps: MatchDeps;
  /** Sends a message as a member and lets deferred work run. */
  send(id: string, name: string, payload?: unknown): Promise<void>;
}

export async function newMatch(
  options: Record<string, unknown>,
  config: Partial<MatchDeps["config"]> = {},
): Promise<Harness> {
  const clock = new FakeClock();
  const store = new SqliteStore(":memory:", 0);
  const out = new FakeOutput();
  const deps: MatchDeps = {
    store,
    log: makeLogger("silent"),
    metrics: new Metrics(),
    config: { timerScale: 1, reconnectSeconds: 30, ...config },
    clock,
    shuttingDown: () => false,
  };
  const match = await Match.create(options, deps, out, modeFor);
  const send = async (id: string, name: string, payload: unknown = {}) => {
    await handleMessage(match, id, name, payload);
    clock.flush();
  };
  return { match, out, clock, store, deps, send };
}

/** Moves the clock and waits for a resolution it started (bots take an event-loop turn). */
export async function advance(h: Harness, ms: number): Promise<void> {
  h.clock.advance(ms);
  await h.match.settled();
  h.clock.flush();
}
