// The classroom mode without sockets: placing students, names, proposals and votes, the poll and its effect.
import { describe, expect, it } from "vitest";
import { MSG, createMatch, opinionWillEffect, recordSetup, resolveRound, type SeatOrders } from "@metastrategy/shared";
import { ClassroomMode } from "../../src/modes/classroom/mode.js";
import { advance, newMatch } from "./fake.js";

const TIMERS = { news: 1, deliberation: 1, orders: 600, report: 1 };
const NONE: SeatOrders = { actions: [] };

async function classWith(students: number) {
  const h = await newMatch({
    mode: "classroom",
    seed: 11,
    seats: [{ role: "lab" }, { role: "regulator" }],
    teamSize: 2,
    timers: TIMERS,
  });
  await h.match.join("t", {}); // the teacher (creator): host, no seat
  const ids: string[] = [];
  for (let i = 0; i < students; i++) {
    const o = h.match.authorize({ name: `  Student ${i}  ` });
    await h.match.join(`s${i}`, o);
    ids.push(`s${i}`);
  }
  return { h, ids, cls: (h.match.mode as ClassroomMode).cls };
}

describe("classroom", () => {
  it("places students in the smallest team, then as observers; names are required and unique", async () => {
    const { h, cls } = await classWith(5);
    expect(h.match.session.get("t")).toMatchObject({ host: true, seat: null, student: null });
    expect(cls.data.students.map((s) => s.seat)).toEqual([0, 1, 0, 1, null]);
    expect(h.match.meta.seats.map((s) => s.kind)).toEqual(["human", "human"]);
    expect(h.match.session.get("s0")!.name).toBe("Student 0");
    expect(() => h.match.authorize({ name: "   " })).toThrow(/Type your name/);
    expect(() => h.match.authorize({ name: "student 1" })).toThrow(/already taken/);
    // A student's token brings the same student back.
    const tok = h.out.last("s0", "token")!.seatToken!;
    const again = await h.match.join("s0b", h.match.authorize({ seatToken: tok }));
    expect(again.student).toBe(h.match.session.get("s0")!.student);
    expect(h.out.last("s4", "proposals")!.me).toMatchObject({ seat: null });
  });

  it("a team's orders are its most-voted proposal; moving a student drops the vote", async () => {
    const { h, cls } = await classWith(5);
    await h.send("s0", MSG.takeSeat, { seat: 1 });
    expect(h.out.codes("s0")).toEqual(["classroom_only"]);
    await h.send("t", MSG.hostStart);
    await advance(h, 2000);
    expect(h.match.phase).toBe("orders");
    await h.send("s0", MSG.propose, { orders: NONE });
    await h.send("s2", MSG.propose, { orders: { actions: [{ kind: "security" }] } });
    const [p0, p2] = cls.team(0)!.proposals;
    expect(h.match.pending[0]).toEqual(NONE); // tie: the earliest
    await h.send("s4", MSG.propose, { orders: NONE });
    await h.send("s4", MSG.vote, { proposal: p0.id });
    expect(h.out.codes("s4")).toEqual(["observer", "observer"]);
    await h.send("s1", MSG.vote, { proposal: p2.id });
    expect(h.out.codes("s1")).toEqual(["no_such_proposal"]);
    await h.send("s0", MSG.vote, { proposal: p2.id });
    expect(h.match.pending[0]).toEqual({ actions: [{ kind: "security" }] });
    expect(h.out.state.state.seats[0].submitted).toBe(true);
    await h.send("t", MSG.hostMove, { student: cls.data.students[2].id, seat: -1 });
    expect(cls.data.students[2].seat).toBeNull();
    expect(p2.votes).toEqual(["s1".replace("s1", cls.data.students[0].id)]);
    // The class views go out together a moment later, once the save that holds the votes is stored.
    h.out.sent = [];
    h.clock.advance(40);
    expect(h.out.to("t", "proposals")).toHaveLength(0);
    await h.match.persist.flush();
    expect(h.out.to("t", "proposals")).toHaveLength(1);
    expect(JSON.stringify((await h.store.getMatch(h.match.code))!.meta.classroom!.current)).toBe(
      JSON.stringify(cls.data.current),
    );
    expect(h.out.last("t", "proposals")!.teams[0].members.map((m) => m.name)).toEqual(["Student 0"]);
  });

  it("the observers' poll becomes the round's opinion and moves will by the engine's own threshold", async () => {
    const { h, cls } = await classWith(7); // 4 in teams, 3 observers
    await h.send("t", MSG.hostStart);
    await advance(h, 2000);
    const observers = cls
      .observers()
      .map((s) => [...h.match.session.members.values()].find((m) => m.student === s.id)!.id);
    expect(observers).toHaveLength(3);
    await h.send(observers[0], MSG.poll, { opinion: 1 });
    await h.send(observers[1], MSG.poll, { opinion: 1 });
    await h.send(observers[2], MSG.poll, { opinion: 0 });
    await h.send("s0", MSG.poll, { opinion: 1 });
    expect(h.out.codes("s0")).toEqual(["not_student"]);
    const will = h.match.game!.world.will;
    await h.send("t", MSG.hostEndPhase);
    await h.match.settled();
    const result = cls.data.rounds[0].result!;
    expect(result).toMatchObject({ for: 2, unsure: 1, against: 0, opinion: 0.667 });
    expect(result.effect).toBe(opinionWillEffect(result.opinion));
    expect(h.match.record!.extrasByRound![0]).toEqual({ opinion: 0.667 });
    // The engine applies it: the same round without the poll ends with will lower by the effect.
    const rec = h.match.record!;
    const start = createMatch(recordSetup(rec));
    const withPoll = resolveRound(start, rec.ordersByRound[0], rec.extrasByRound![0]).state.world.will;
    const without = resolveRound(start, rec.ordersByRound[0], null).state.world.will;
    expect(withPoll).toBe(h.match.game!.world.will);
    expect(withPoll - without).toBe(result.effect);
    expect(will).toBeGreaterThanOrEqual(0);
  });

  it("a team given to a bot: its students may not propose, its orders come from the bot", async () => {
    const { h } = await classWith(4);
    await h.send("t", MSG.hostStart);
    await advance(h, 2000);
    await h.send("t", MSG.hostTeamBot, { seat: 1, bot: true });
    expect(h.match.meta.seats[1].kind).toBe("bot");
    await h.send("s1", MSG.propose, { orders: NONE });
    expect(h.out.codes("s1")).toEqual(["team_is_bot"]);
    await h.send("t", MSG.hostInject, { card: "no-such-card" });
    expect(h.out.codes("t")).toEqual(["no_such_card"]);
  });

  it("a bot-played team states its intent to the whole class when the deliberation opens, stored first", async () => {
    const { h, cls } = await classWith(5); // seat 0: two students, seat 1: two students, one observer
    await h.send("t", MSG.hostStart);
    await h.send("t", MSG.hostTeamBot, { seat: 1, bot: true });
    expect(h.match.phase).toBe("news");
    expect(h.out.to("s0", "chat")).toEqual([]);
    await advance(h, 1000);
    expect(h.match.phase).toBe("deliberation");
    await h.match.persist.flush();
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
    const line = h.out.to("s0", "chat");
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({ seat: 1, from: h.match.meta.seats[1].name });
    expect(line[0].text.length).toBeGreaterThan(0);
    // Everyone hears it: the other team, the bot's own former team, the observer and the teacher.
    for (const id of ["s1", "s4", "t"]) expect(h.out.to(id, "chat")).toEqual(line);
    expect(cls.data.chat).toEqual([{ ...line[0], scope: "all" }]);
    expect((await h.store.getMatch(h.match.code))!.meta.classroom!.chat).toEqual(cls.data.chat);
    // A student who comes back later gets it in the backlog.
    expect(h.match.mode.chatBacklog(h.match.session.get("s2")!)).toEqual(line);
  });
});
