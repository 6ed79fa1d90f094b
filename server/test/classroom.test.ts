// Classroom mode: a teacher and 30 students (colyseus.js) through a whole session, and a class that survives a restart.
import type { ChildProcess } from "node:child_process";
import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG, replay, type ClassroomView, type MatchRecord, type SeatOrders } from "@metastrategy/shared";
import { Follower, create, getJson, humanOrders, join as joinRoom, tempDir, testServer } from "./helpers.js";
import { freePort, killChild, spawnGameServer } from "./infra.js";

/** Joins and waits for the class view too (it follows the token message). */
async function join(url: string, code: string, options: Record<string, unknown> = {}): Promise<Follower> {
  const f = await joinRoom(url, code, options);
  await f.until(() => !!f.classroom, T, "class view");
  return f;
}

const T = 15_000; // generous waits: other suites may load the machine
const TIMERS = { news: 1, deliberation: 50, orders: 1800, report: 1 }; // × 0.01: deliberation 0.5 s, orders 18 s (votes end it early)
const SEED = 1717;
const OPEN = ["news", "deliberation", "orders"];
const drop = (f: Follower) => (f.room as any).connection.transport.ws.close();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Cv = ClassroomView;
const team = (f: Follower) => f.classroom?.team ?? null;

/** Waits until this student's view shows round `round` with orders open. */
function inRound(f: Follower, round: number): Promise<void> {
  return f.until(
    () =>
      f.round === round &&
      OPEN.includes(f.phase) &&
      f.classroom?.round === round &&
      (f.seat === null || f.seatView()?.round === round),
    10_000,
    `round ${round} open`,
  );
}

/**
 * One team's round: a proposes, b proposes second, c and d vote. "majority": c and d back b (3 votes to 1);
 * "tie": c backs a, d backs b (2 to 2: the earliest, a's, wins). Every member sees the proposals and votes live.
 */
async function teamRound(
  members: Follower[],
  round: number,
  mode: "majority" | "tie",
): Promise<{ chosen: SeatOrders; all: SeatOrders[] }> {
  const [a, b, c, d] = members;
  for (const m of members) await inRound(m, round);
  const v = a.seatView()!;
  const A = humanOrders(v, SEED);
  const B = humanOrders(v, SEED + 1);
  a.room.send(MSG.propose, { orders: A });
  await b.until(() => team(b)?.proposals.length === 1, T, "b sees a's proposal");
  b.room.send(MSG.propose, { orders: B });
  await Promise.all([c, d].map((m) => m.until(() => team(m)?.proposals.length === 2, T, "two proposals")));
  const [pa, pb] = team(c)!.proposals;
  expect(pa.orders).toEqual(A);
  expect(pb.orders).toEqual(B);
  expect(pa.votes).toEqual([a.classroom!.me!.id]); // proposing is voting
  c.room.send(MSG.vote, { proposal: mode === "majority" ? pb.id : pa.id });
  // Live: every member sees c's vote before d votes (d's vote may end the phase).
  await Promise.all(
    members.map((m) =>
      m.until(() => team(m)!.proposals.reduce((n, p) => n + p.votes.length, 0) === 3, T, "c's vote seen"),
    ),
  );
  d.room.send(MSG.vote, { proposal: pb.id });
  return { chosen: mode === "majority" ? B : A, all: [A, B] };
}

describe("classroom session", () => {
  let srv: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    srv = await testServer({ reconnectSeconds: 5 });
  });
  afterAll(async () => {
    await srv.close();
  });

  it("30 students: teams, proposals and votes, polls, pause, an injected card, reconnection, a bot team and the export", async () => {
    const teacher = await create(srv.url, {
      mode: "classroom",
      scenario: "classroom",
      rounds: 3,
      timers: TIMERS,
      seed: SEED,
      teamSize: 4,
      player: { name: "Ms Rivera" },
    });
    const code = teacher.token!.code;
    const hostToken = teacher.token!.hostToken!;
    expect(teacher.token!.isHost).toBe(true);
    expect(teacher.token!.seat).toBeNull();

    // Names: blank or missing names are refused; so is a duplicate (whatever its case).
    await expect(join(srv.url, code, { name: "   " })).rejects.toThrow(/Type your name/);
    await expect(join(srv.url, code, {})).rejects.toThrow(/Type your name/);
    const students: Follower[] = [];
    for (let i = 0; i < 30; i++)
      students.push(await join(srv.url, code, { name: `Student ${String(i + 1).padStart(2, "0")}` }));
    await expect(join(srv.url, code, { name: "student 01" })).rejects.toThrow(/already taken/);

    // Balanced: 6 seats × 4 students, the other 6 observe. Student i sits at seat i mod 6.
    await teacher.until(
      () =>
        teacher.classroom?.teams.every((t) => t.members.length === 4) === true &&
        teacher.classroom.observers.length === 6,
      T,
      "balanced teams",
    );
    students.forEach((s, i) => expect(s.token!.seat).toBe(i < 24 ? i % 6 : null));
    expect(students.every((s) => typeof s.token!.seatToken === "string")).toBe(true);
    expect(teacher.state.seats.map((s: any) => s.kind)).toEqual(Array(6).fill("human"));

    // The teacher moves an observer into a team and back.
    const obs0 = students[24];
    teacher.room.send(MSG.hostMove, { student: obs0.classroom!.me!.id, seat: 2 });
    await obs0.until(() => obs0.token?.seat === 2 && obs0.classroom?.me?.seat === 2, T, "moved to seat 2");
    teacher.room.send(MSG.hostMove, { student: obs0.classroom!.me!.id, seat: -1 });
    await obs0.until(() => obs0.token?.seat === null && obs0.classroom?.me?.seat === null, T, "back to observers");

    const projector = await join(srv.url, code, { spectator: true });
    const teams = () => [0, 1, 2, 3, 4, 5].map((s) => [0, 1, 2, 3].map((k) => students[s + 6 * k]));
    const observers = students.slice(24);

    teacher.room.send(MSG.hostStart, {});
    const expected: SeatOrders[][] = [[], [], []];

    // ---- Round 1: observers poll (5 for caution, 1 against), the teacher injects a card, chat stays in the team.
    await Promise.all(observers.map((o) => inRound(o, 1)));
    observers.forEach((o, i) => o.room.send(MSG.poll, { opinion: i === 0 ? -1 : 1 }));
    await teacher
      .until(() => teacher.classroom?.poll.for === 5 && teacher.classroom.poll.against === 1, T, "poll tally")
      .catch((e) => {
        throw new Error(
          `${e}: ${JSON.stringify(teacher.classroom?.poll)} ${JSON.stringify(observers.map((o) => o.errors))}`,
        );
      });
    await observers[3].until(
      () => observers[3].classroom?.myPoll === 1 && observers[3].classroom.poll.for === 5,
      T,
      "observer sees the tally",
    );
    expect(team(observers[0])).toBeNull();
    teacher.room.send(MSG.hostInject, { card: "whistleblower" });
    await teacher.until(
      () => teacher.classroom?.host?.inject === "whistleblower" && teacher.classroom.host.injectRound === 2,
      T,
      "card queued",
    );

    const [t0] = teams();
    t0[0].room.send(MSG.chat, { text: "Let us keep the research secret" });
    await t0[1].until(() => t0[1].chat.some((l) => /keep the research secret/.test(l.text)), T, "team chat");
    teacher.room.send(MSG.chat, { text: "Two minutes, everyone" });
    await Promise.all(
      [observers[0], projector, t0[1]].map((f) =>
        f.until(() => f.chat.some((l) => /Two minutes/.test(l.text)), T, "teacher's line"),
      ),
    );
    expect(observers[0].chat.some((l) => /research secret/.test(l.text))).toBe(false);
    expect(projector.chat.some((l) => /research secret/.test(l.text))).toBe(false);
    expect(teacher.chat.some((l) => /research secret/.test(l.text))).toBe(true);

    // The teacher sees who voted: only the proposer of team 0 so far.
    const r1 = teams().map((m) => teamRound(m, 1, "majority"));
    await teacher.until(
      () => (teacher.classroom?.teams[0].members.filter((m) => m.voted).length ?? 0) >= 1,
      T,
      "teacher sees votes",
    );
    expect(teacher.classroom!.teams[0].members.every((m) => m.connected)).toBe(true);
    (await Promise.all(r1)).forEach((r, seat) => (expected[0][seat] = r.chosen));
    await teacher.until(() => teacher.reports.length === 1, 2 * T, "round 1 resolved");
    expect(teacher.reports[0].entries.some((e) => e.key === "opinion" && e.args?.up === true)).toBe(true);

    // ---- Round 2: the injected card leads the news; pause freezes the timer; ties go to the earliest proposal.
    await teacher.until(
      () => teacher.round === 2 && ["deliberation", "orders"].includes(teacher.phase),
      2 * T,
      "round 2 deliberation",
    );
    teacher.room.send(MSG.hostPause, {});
    await teacher.until(() => teacher.state.paused === true, T, "paused");
    const pausedIn = teacher.phase;
    expect(teacher.state.deadline).toBe(0);
    expect(teacher.state.remaining).toBeGreaterThan(0);
    expect(projector.publicView()!.news[0].card).toBe("whistleblower");
    // Every team votes while paused: even then the phase may not end before the teacher resumes.
    const r2 = teams().map((m) => teamRound(m, 2, "tie"));
    await teacher.until(
      () => teacher.classroom!.teams.every((t) => t.members.every((m) => m.voted)),
      2 * T,
      "all voted while paused",
    );
    await sleep(1000); // twice the deliberation's length: nothing may move while paused (an absence cannot be awaited)
    expect(teacher.phase).toBe(pausedIn);
    expect(teacher.reports).toHaveLength(1);
    expect(teacher.state.paused).toBe(true);
    teacher.room.send(MSG.hostResume, {});
    (await Promise.all(r2)).forEach((r, seat) => (expected[1][seat] = r.chosen));
    await teacher.until(() => teacher.reports.length === 2, 2 * T, "round 2 resolved");

    // ---- Round 3: a bot replaces team 5; a dropped student reconnects, another comes back by token, to the same team.
    await teacher.until(() => teacher.round === 3, 2 * T, "round 3");
    teacher.room.send(MSG.hostTeamBot, { seat: 5, bot: true });
    await teacher.until(() => teacher.state.seats[5].kind === "bot", T, "team 5 given to a bot");
    const t5 = teams()[5];
    await inRound(t5[0], 3);
    t5[0].room.send(MSG.propose, { orders: { actions: [] } });
    await t5[0].until(() => t5[0].errors.some((e) => e.code === "team_is_bot"), T, "refused");

    const dropped = students[6]; // seat 0
    const reconnectionToken = dropped.room.reconnectionToken;
    drop(dropped);
    const away = (id: string) =>
      teacher.until(
        () => teacher.classroom!.teams.some((t) => t.members.some((m) => m.id === id && !m.connected)),
        T,
        "student away",
      );
    await away(dropped.classroom!.me!.id);
    students[6] = new Follower(await new Client(srv.url).reconnect(reconnectionToken));
    await students[6].until(
      () => students[6].token?.seat === 0 && students[6].classroom?.team?.seat === 0,
      T,
      "reconnected to team 0",
    );
    const reloaded = students[7]; // seat 1
    const seatToken = reloaded.token!.seatToken!;
    drop(reloaded);
    await away(reloaded.classroom!.me!.id);
    students[7] = await join(srv.url, code, { seatToken });
    await students[7].until(
      () => students[7].token?.seat === 1 && students[7].classroom?.me?.name === "Student 08",
      T,
      "back in team 1 by token",
    );

    const r3 = teams()
      .slice(0, 5)
      .map((m) => teamRound(m, 3, "majority"));
    (await Promise.all(r3)).forEach((r, seat) => (expected[2][seat] = r.chosen));
    await teacher.until(() => !!teacher.ended, 3 * T, "end");

    // ---- The record and the export.
    const record = (await getJson(`${srv.http}/api/matches/${code}/record?hostToken=${hostToken}`)).body as MatchRecord;
    expect(record.ordersByRound).toHaveLength(3);
    for (let r = 0; r < 3; r++)
      for (let seat = 0; seat < (r === 2 ? 5 : 6); seat++)
        expect(record.ordersByRound[r][seat]).toEqual(expected[r][seat]);
    expect(record.extrasByRound![0]).toEqual({ opinion: 0.667, inject: "whistleblower" });
    expect(replay(record).state.end).toEqual(teacher.ended!.view!.end);

    expect((await getJson(`${srv.http}/api/matches/${code}/session.json`)).status).toBe(403);
    const session = (await getJson(`${srv.http}/api/matches/${code}/session.json?hostToken=${hostToken}`)).body;
    expect(session.record).toEqual(record);
    expect(session.teams.map((t: any) => t.members.length)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(session.observers).toHaveLength(6);
    expect(session.rounds).toHaveLength(3);
    for (let r = 0; r < 3; r++) {
      for (let seat = 0; seat < 6; seat++) {
        const t = session.rounds[r].teams[seat];
        expect(t.orders).toEqual(record.ordersByRound[r][seat]);
        if (r === 2 && seat === 5) {
          expect(t.source).toBe("bot");
          continue;
        }
        expect(t.source).toBe("team");
        expect(t.proposals).toHaveLength(2);
        const chosen = t.proposals.find((p: any) => p.chosen);
        expect(chosen.orders).toEqual(record.ordersByRound[r][seat]);
        expect(chosen.votes).toHaveLength(r === 1 ? 2 : 3);
        if (r === 1) expect(chosen.id).toBe(Math.min(...t.proposals.map((p: any) => p.id))); // tie: the earliest
      }
    }
    expect(session.rounds[0].poll).toEqual({ against: 1, unsure: 0, for: 5, opinion: 0.667, effect: 1 });
    expect(session.rounds[0].inject).toMatchObject({ card: "whistleblower", appearsInRound: 2 });
    expect(session.rounds[1].poll).toEqual({ against: 0, unsure: 0, for: 0, opinion: null, effect: 0 });
    expect(session.chat.map((c: any) => [c.from, c.to])).toEqual([
      ["Student 01", "AI lab 1"],
      ["Ms Rivera", "everyone"],
      // The team handed to a bot states its intent to the whole class when the next deliberation opens.
      ["Researcher 6", "everyone"],
    ]);

    const csv = await (await fetch(`${srv.http}/api/matches/${code}/session.csv?hostToken=${hostToken}`)).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("round,kind,seat,team,who,detail,votes,voters,chosen");
    expect(lines.filter((l) => /^\d+,proposal,/.test(l))).toHaveLength(2 * 6 + 2 * 6 + 2 * 5);
    expect(lines.filter((l) => /^\d+,orders,/.test(l))).toHaveLength(18);
    expect(lines.filter((l) => /,yes$/.test(l)).length).toBe(17);
    expect(lines.some((l) => /^1,poll,.*for 5/.test(l))).toBe(true);
    expect(lines.some((l) => /^1,inject,.*whistleblower/.test(l))).toBe(true);

    // The projector never received anything private.
    const pv: Cv = projector.classroom!;
    expect(pv.team).toBeNull();
    expect(pv.host).toBeNull();
    expect(pv.teams.every((t) => t.members.every((m) => m.voted === undefined) && t.proposals === undefined)).toBe(
      true,
    );
    expect(projector.state.secrets?.size ?? 0).toBe(0);

    await Promise.all([teacher, projector, ...students].map((f) => f.room.leave().catch(() => {})));
  });
});

// ---------------------------------------------------------------- restart

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) await killChild(c);
});

describe("classroom restart", () => {
  it("a server restart mid-class resumes the session with the same teams, proposals and votes", async () => {
    const port = await freePort();
    const dataDir = tempDir("ms-class-restart-");
    const url = `ws://127.0.0.1:${port}`;
    let server = await spawnGameServer(port, dataDir, children);
    const teacher = await create(url, {
      mode: "classroom",
      rounds: 2,
      timers: { news: 1, deliberation: 1, orders: 1800, report: 1 },
      seed: 5,
      teamSize: 1,
      player: { name: "Teacher" },
    });
    const code = teacher.token!.code;
    const hostToken = teacher.token!.hostToken!;
    const kids: Follower[] = [];
    for (let i = 0; i < 7; i++) kids.push(await join(url, code, { name: `Kid ${i + 1}` }));
    expect(kids.map((k) => k.token!.seat)).toEqual([0, 1, 2, 3, 4, 5, null]);
    const tokens = kids.map((k) => k.token!.seatToken!);
    teacher.room.send(MSG.hostStart, {});
    await inRound(kids[0], 1);
    const mine = humanOrders(kids[0].seatView()!, 5);
    kids[0].room.send(MSG.propose, { orders: mine });
    await kids[0].until(() => team(kids[0])?.proposals.length === 1, T, "proposal in");
    kids[6].room.send(MSG.poll, { opinion: 1 });
    await teacher.until(
      () => teacher.classroom?.poll.for === 1 && teacher.classroom.teams[0].members[0].voted === true,
      T,
      "teacher sees vote and poll",
    );

    await killChild(server, "SIGTERM");
    server = await spawnGameServer(port, dataDir, children);

    const t2 = await join(url, code, { hostToken, name: "Teacher" });
    expect(t2.token!.isHost).toBe(true);
    const back: Follower[] = [];
    for (const token of tokens) back.push(await join(url, code, { seatToken: token }));
    expect(back.map((k) => k.token!.seat)).toEqual([0, 1, 2, 3, 4, 5, null]);
    expect(back.map((k) => k.classroom?.me?.name ?? "")).toEqual(kids.map((_, i) => `Kid ${i + 1}`));
    await back[0].until(
      () => team(back[0])?.proposals.length === 1 && team(back[0])!.myVote !== null,
      T,
      "proposal survived",
    );
    expect(team(back[0])!.proposals[0].orders).toEqual(mine);
    await t2.until(() => t2.classroom?.poll.for === 1, T, "poll survived");

    // Finish: every team member proposes a pass from round 1 on (seat 0 keeps its proposal in round 1).
    const played = new Set<string>();
    for (const k of back.slice(0, 6)) {
      const tick = () => {
        const v = k.seatView();
        const key = `${k.round}`;
        if (
          !v ||
          !OPEN.includes(k.phase) ||
          v.round !== k.round ||
          k.classroom?.round !== k.round ||
          played.has(`${k.seat}:${key}`)
        )
          return;
        if (team(k)?.myVote !== null && team(k)?.myVote !== undefined) return;
        played.add(`${k.seat}:${key}`);
        k.room.send(MSG.propose, { orders: { actions: [] } });
      };
      k.room.onStateChange(tick);
      k.room.onMessage("proposals", tick);
      tick();
    }
    await t2.until(() => !!t2.ended, 3 * T, "end");
    const record = (await getJson(`http://127.0.0.1:${port}/api/matches/${code}/record?hostToken=${hostToken}`))
      .body as MatchRecord;
    expect(record.ordersByRound).toHaveLength(2);
    expect(record.ordersByRound[0][0]).toEqual(mine);
    expect(record.extrasByRound![0]).toEqual({ opinion: 1 });
    await Promise.all([t2, ...back].map((f) => f.room.leave().catch(() => {})));
    await killChild(server, "SIGTERM");
  });
});
