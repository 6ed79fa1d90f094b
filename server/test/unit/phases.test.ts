// The phase machine on a fake clock: timed phases, early end, pause/resume/extend, resolution and the end.
import { describe, expect, it } from "vitest";
import { MSG, reportFor } from "@metastrategy/shared";
import { advance, newMatch } from "./fake.js";

const TIMERS = { news: 5, deliberation: 10, orders: 30, report: 5 };
const SEATS = [{ role: "lab" }, { role: "regulator", bot: true }, { role: "lab", bot: true }];

async function started() {
  const h = await newMatch({ seed: 3, seats: SEATS, timers: TIMERS, rounds: 3 });
  await h.match.join("a", {});
  await h.send("a", MSG.hostStart);
  return h;
}

describe("phases", () => {
  it("run news → deliberation → orders on their timers, and show the deadline", async () => {
    const h = await started();
    const st = h.out.state.state;
    expect(h.match.phase).toBe("news");
    expect(st.phase).toBe("news");
    expect(st.deadline).toBe(h.clock.now() + 5000);
    await advance(h, 4999);
    expect(h.match.phase).toBe("news");
    await advance(h, 1);
    expect(h.match.phase).toBe("deliberation");
    await advance(h, 10_000);
    expect(h.match.phase).toBe("orders");
    expect(st.round).toBe(1);
  });

  it("end a zero-second news and deliberation in the turn they begin: the orders open at once", async () => {
    const h = await newMatch({ seed: 3, seats: SEATS, timers: { ...TIMERS, news: 0, deliberation: 0 }, rounds: 3 });
    await h.match.join("a", {});
    await h.send("a", MSG.hostStart);
    const st = h.out.state.state;
    expect(h.match.phase).toBe("orders");
    expect(st.phase).toBe("orders");
    expect(st.deadline).toBe(h.clock.now() + 30_000);
    expect(h.clock.pending).toBe(1); // the orders timer only
    await h.send("a", MSG.orders, { actions: [] });
    await h.match.settled();
    h.clock.flush();
    expect(h.match.phase).toBe("report");
    await advance(h, 5000);
    expect(h.match.phase).toBe("orders");
    expect(h.match.game!.round).toBe(2);
  });

  it("end the orders early once the only human has submitted; the report goes to the seat", async () => {
    const h = await started();
    await advance(h, 15_000);
    expect(h.match.phase).toBe("orders");
    await h.send("a", MSG.orders, { actions: [] });
    expect(h.out.state.state.seats[0].submitted).toBe(true);
    await h.match.settled();
    h.clock.flush();
    expect(h.match.phase).toBe("report");
    expect(h.match.game!.round).toBe(2);
    // The round's report travels in the state patch of its results, not in a message.
    expect(h.out.to("a", "report").filter((r) => !r.replace)).toEqual([]);
    expect(h.out.roundReport(0)).toEqual(reportFor(h.match.reports[0], 0));
    expect(h.out.roundReport(0)!.round).toBe(1);
    await advance(h, 5000);
    expect(h.match.phase).toBe("news");
    expect(h.out.state.state.seats[0].submitted).toBe(false);
  });

  it("let bots fill a seat whose player does not submit when the orders time out", async () => {
    const h = await started();
    await advance(h, 15_000 + 29_999);
    expect(h.match.phase).toBe("orders");
    await advance(h, 1);
    expect(h.match.phase).toBe("report");
    expect(h.match.record!.ordersByRound).toHaveLength(1);
    expect(h.match.record!.ordersByRound[0]).toHaveLength(3);
  });

  it("pause freezes the timer and resume continues with the time that was left; extend adds time", async () => {
    const h = await started();
    await advance(h, 2000);
    await h.send("a", MSG.hostPause);
    const st = h.out.state.state;
    expect(st.paused).toBe(true);
    expect(st.remaining).toBe(3);
    await advance(h, 60_000);
    expect(h.match.phase).toBe("news");
    await h.send("a", MSG.hostPause);
    expect(h.out.codes("a")).toEqual(["already_paused"]);
    await h.send("a", MSG.hostResume);
    expect(st.paused).toBe(false);
    expect(st.deadline).toBe(h.clock.now() + 3000);
    await h.send("a", MSG.hostExtend, { seconds: 10 });
    expect(st.deadline).toBe(h.clock.now() + 13_000);
    await advance(h, 12_999);
    expect(h.match.phase).toBe("news");
    await advance(h, 1);
    expect(h.match.phase).toBe("deliberation");
  });

  it("end phase now, then play to the end: ended, the record whole, the room may go", async () => {
    const h = await started();
    for (let i = 0; i < 50 && !h.match.ended; i++) {
      if (h.match.phase === "orders") await h.send("a", MSG.orders, { actions: [] });
      else await h.send("a", MSG.hostEndPhase);
      await h.match.settled();
      h.clock.flush();
    }
    expect(h.match.ended).toBe(true);
    expect(h.out.state.state.phase).toBe("ended");
    expect(h.match.record!.ordersByRound.length).toBe(h.match.reports.length);
    expect(h.match.reports.length).toBeGreaterThan(0);
    expect(h.out.to("a", "ended")).toHaveLength(1);
    expect(h.out.kept).toBe(false);
    const stored = await h.store.getMatch(h.match.code);
    expect(stored!.status).toBe("finished");
    expect(stored!.record!.ordersByRound).toEqual(h.match.record!.ordersByRound);
    await h.send("a", MSG.hostEndPhase);
    expect(h.out.codes("a").at(-1)).toBe("no_timer");
  });
});
