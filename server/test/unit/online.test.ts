// Online table behaviours merged from main into the split: bots say their intent when the deliberation opens (stored
// before anyone sees it, on the one chat path), a paused match does not end its orders early, and a fenced match
// (another process holds it) shows nothing more.
import { describe, expect, it } from "vitest";
import { MSG } from "@metastrategy/shared";
import { FencedError } from "../../src/store/types.js";
import { advance, newMatch, type Harness } from "./fake.js";

const SEATS = [{ role: "lab" }, { role: "regulator", bot: true }, { role: "lab", bot: true }];

async function started(timers: Record<string, number>): Promise<Harness> {
  const h = await newMatch({ seed: 7, seats: SEATS, timers, rounds: 3 });
  await h.match.join("a", { name: "Ann" });
  await h.send("a", MSG.hostStart);
  await advance(h, 0); // zero-length phases pass at once
  return h;
}

/** Lets queued store writes and the awaits behind them run (no wall-clock wait). */
async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
}

describe("bots that talk (online)", () => {
  it("each bot seat says one line when the deliberation opens; stored, then broadcast; kept as the backlog", async () => {
    const h = await started({ news: 5, deliberation: 10, orders: 30, report: 5 });
    expect(h.out.to("a", "chat")).toEqual([]);
    await advance(h, 5000);
    expect(h.match.phase).toBe("deliberation");
    await turns();
    const lines = h.out.to("a", "chat");
    expect(lines.map((l) => l.seat)).toEqual([1, 2]);
    for (const l of lines) expect(l.from).toBe(h.match.meta.seats[l.seat!].name);
    const stored = await h.store.getMatch(h.match.code);
    expect(stored!.meta.chat).toEqual(lines);
    expect(h.match.chatLog).toBe(h.match.meta.chat); // one array: every meta save stores it
    // A newcomer is greeted with the same lines.
    await h.match.join("w", { spectator: true });
    expect(h.out.sent.filter((s) => s.to === "w" && s.type === "chat").map((s) => s.payload)).toEqual(lines);
  });

  it("nothing is said when the deliberation is skipped (timer 0)", async () => {
    const h = await started({ news: 5, deliberation: 0, orders: 30, report: 5 });
    await advance(h, 5000);
    await turns();
    expect(h.match.phase).toBe("orders");
    expect(h.out.to("a", "chat")).toEqual([]);
  });

  it("a line whose save fails is not shown: neither a bot's nor a player's (refused not_saved)", async () => {
    const h = await started({ news: 5, deliberation: 10, orders: 30, report: 5 });
    h.store.saveMeta = () => Promise.reject(new Error("disk full"));
    await advance(h, 5000);
    await turns();
    expect(h.match.phase).toBe("deliberation");
    expect(h.out.to("a", "chat")).toEqual([]);
    await h.send("a", MSG.chat, { text: "hello" });
    await turns();
    expect(h.out.to("a", "chat")).toEqual([]);
    expect(h.out.codes("a")).toEqual(["not_saved"]);
  });
});

describe("paused orders (online)", () => {
  it("orders given while paused wait for the resume", async () => {
    const h = await started({ news: 0, deliberation: 0, orders: 600, report: 5 });
    expect(h.match.phase).toBe("orders");
    await h.send("a", MSG.hostPause);
    await h.send("a", MSG.orders, { actions: [] });
    await h.match.settled();
    h.clock.flush();
    expect(h.match.phase).toBe("orders");
    await h.send("a", MSG.hostResume);
    await h.match.settled();
    h.clock.flush();
    expect(h.match.phase).toBe("report");
  });
});

describe("fencing", () => {
  it("a round whose write is refused as fenced is not shown, and a fenced match neither saves, leaves nor abandons", async () => {
    const h = await started({ news: 0, deliberation: 0, orders: 600, report: 5 });
    expect(h.match.phase).toBe("orders");
    h.store.appendRound = (code) => Promise.reject(new FencedError(code, "taken over"));
    await h.send("a", MSG.orders, { actions: [] });
    await h.match.settled();
    h.clock.flush();
    expect(h.out.to("a", "report").filter((r) => !r.replace)).toEqual([]);
    expect(h.match.game!.round).toBe(1);
    h.match.fence();
    expect(h.match.fenced).toBe(true);
    expect(h.match.persist.unsaved).toBe(false);
    await advance(h, 3_600_000); // no timer of the fenced match runs
    expect(h.match.game!.round).toBe(1);
    expect(h.match.leave("a", false)).toBe(false); // seats and tokens stay as stored for the new owner
    let finished = 0;
    h.store.finishMatch = async () => void finished++;
    await h.match.dispose();
    expect(finished).toBe(0);
  });

  it("a lobby fenced before the start is not marked abandoned by its old owner", async () => {
    const h = await newMatch({ seed: 8, seats: SEATS });
    await h.match.join("a", {});
    h.match.fence();
    let finished = 0;
    h.store.finishMatch = async () => void finished++;
    await h.match.dispose();
    expect(finished).toBe(0);
  });
});
