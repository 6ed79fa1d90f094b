// Nothing a client saw confirmed is lost: a class under a burst of proposals, votes, poll answers and chat, and the
// server killed with SIGKILL in the middle of it. After the restart every student's vote, proposal and poll answer is
// the last one it saw confirmed or one it sent later, every chat line anyone saw is back, and no proposal id seen
// before the kill is given to a new proposal. Also: a move drops the student's vote and poll answer of the round.
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { MSG, type ClassroomView } from "@metastrategy/shared";
import { Follower, create, join as joinRoom, tempDir, testServer } from "./helpers.js";
import { freePort, killChild, spawnGameServer } from "./infra.js";

const T = 15_000;
// × 0.01 in spawned servers: the burst runs in an 18 s deliberation (no early end before the orders phase).
const TIMERS = { news: 1, deliberation: 1800, orders: 1800, report: 1 };
const OPEN = ["news", "deliberation", "orders"];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) await killChild(c);
});

async function join(url: string, code: string, options: Record<string, unknown>): Promise<Follower> {
  const f = await joinRoom(url, code, options);
  await f.until(() => !!f.classroom, T, "class view");
  return f;
}
const cv = (f: Follower): ClassroomView => f.classroom!;
const waitOpen = (f: Follower, round: number) =>
  f.until(() => f.round === round && OPEN.includes(f.phase) && f.classroom?.round === round, T, `round ${round} open`);

/** One student's planned actions, each with the value its class view shows once it is stored. */
type Step = { send: () => void; shown: (v: ClassroomView) => boolean; value: string };

describe("durability under kill -9", () => {
  it("keeps every confirmed vote, proposal, poll answer and chat line; never reuses a proposal id", async () => {
    const port = await freePort();
    const dataDir = tempDir("ms-durable-");
    const url = `ws://127.0.0.1:${port}`;
    let server = await spawnGameServer(port, dataDir, children);
    const teacher = await create(url, {
      mode: "classroom",
      seed: 77,
      teamSize: 3,
      timers: TIMERS,
      seats: [{ role: "lab" }, { role: "regulator" }],
      player: { name: "Teacher" },
    });
    const code = teacher.token!.code;
    const hostToken = teacher.token!.hostToken!;
    const kids: Follower[] = [];
    for (let i = 0; i < 9; i++) kids.push(await join(url, code, { name: `Kid ${i + 1}` }));
    const members = kids.filter((k) => k.classroom!.me!.seat !== null);
    const observers = kids.filter((k) => k.classroom!.me!.seat === null);
    expect(members).toHaveLength(6);
    expect(observers).toHaveLength(3);
    teacher.room.send(MSG.hostStart, {});
    for (const k of kids) await waitOpen(k, 1);

    // Every member proposes a pass first (proposing is voting), confirmed: the team's proposals are the vote targets.
    for (const k of members) {
      k.room.send(MSG.propose, { orders: { actions: [] } });
      await k.until(() => cv(k).team!.proposals.some((p) => p.by === cv(k).me!.id), T, "own proposal shown");
    }
    for (const k of members) await k.until(() => cv(k).team!.proposals.length === 3, T, "three proposals per team");
    const idsBefore = new Set(members.flatMap((k) => cv(k).team!.proposals.map((p) => p.id)));

    // The burst: members switch their vote to the two other proposals in turn; observers answer -1, 0, +1; everyone
    // chats. Each student sends its next step once it saw the previous one confirmed; the kill lands mid-burst.
    const plans = new Map<Follower, Step[]>();
    for (const k of members) {
      const mine = cv(k).team!.proposals.find((p) => p.by === cv(k).me!.id)!.id;
      const others = cv(k)
        .team!.proposals.map((p) => p.id)
        .filter((id) => id !== mine);
      plans.set(k, [
        { send: () => {}, shown: (v) => v.team?.myVote === mine, value: `vote ${mine}` },
        ...others.map((id) => ({
          send: () => k.room.send(MSG.vote, { proposal: id }),
          shown: (v: ClassroomView) => v.team?.myVote === id,
          value: `vote ${id}`,
        })),
      ]);
    }
    for (const k of observers) {
      plans.set(
        k,
        ([-1, 0, 1] as const).map((o) => ({
          send: () => k.room.send(MSG.poll, { opinion: o }),
          shown: (v: ClassroomView) => v.myPoll === o,
          value: `poll ${o}`,
        })),
      );
    }
    const confirmed = new Map<Follower, number>(kids.map((k) => [k, 0]));
    const sentUpTo = new Map<Follower, number>(kids.map((k) => [k, 0]));
    const chatSeen = new Set<string>();
    for (const k of [teacher, ...kids]) k.room.onMessage("chat", (l: { text: string }) => chatSeen.add(l.text));
    let total = 0;
    const drive = (k: Follower) => {
      const steps = plans.get(k)!;
      const tick = () => {
        const i = sentUpTo.get(k)!;
        if (
          k.classroom &&
          steps[confirmed.get(k)!] &&
          confirmed.get(k)! < steps.length - 1 &&
          steps[confirmed.get(k)! + 1].shown(k.classroom)
        ) {
          confirmed.set(k, confirmed.get(k)! + 1);
          total++;
        }
        if (confirmed.get(k) === i && i + 1 < steps.length) {
          sentUpTo.set(k, i + 1);
          steps[i + 1].send();
          k.room.send(MSG.chat, { text: `${k.classroom!.me!.name} step ${i + 1}` });
        }
      };
      k.room.onMessage("proposals", tick);
      tick();
    };
    const killed = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (total >= 8) {
          clearInterval(check);
          resolve();
        }
      }, 1);
    });
    kids.forEach(drive);
    await killed;
    await killChild(server, "SIGKILL");
    const lastSeen = new Map(kids.map((k) => [k, confirmed.get(k)!]));
    const lastSent = new Map(kids.map((k) => [k, sentUpTo.get(k)!]));
    expect([...lastSeen.values()].some((n) => n > 0)).toBe(true);
    const linesSeen = new Set(chatSeen);

    server = await spawnGameServer(port, dataDir, children);
    const t2 = await join(url, code, { hostToken });
    for (const k of kids) {
      const back = await join(url, code, { seatToken: k.token!.seatToken! });
      const steps = plans.get(k)!;
      const v = cv(back);
      // The state after the restart is the last confirmed step or a later one this student sent, never an earlier one.
      const now = steps.findIndex((s) => s.shown(v));
      expect(
        now,
        `${k.classroom!.me!.name}: ${steps.map((s) => s.value).join(", ")}; seen ${lastSeen.get(k)}, now ${now}`,
      ).toBeGreaterThanOrEqual(lastSeen.get(k)!);
      expect(now).toBeLessThanOrEqual(lastSent.get(k)!);
      if (back.classroom!.me!.seat !== null) expect(v.team!.proposals).toHaveLength(3);
      await back.room.leave();
    }
    // Every chat line someone saw is in the backlog after the restart.
    const chatBack = new Set<string>();
    const listener = await joinRoom(url, code, { hostToken });
    listener.room.onMessage("chat", (l: { text: string }) => chatBack.add(l.text));
    await listener.until(() => listener.chat.length >= linesSeen.size, T, "chat backlog");
    for (const line of linesSeen) expect(listener.chat.map((c) => c.text)).toContain(line);
    // A new proposal gets a fresh id.
    const k0 = await join(url, code, { seatToken: members[0].token!.seatToken! });
    k0.room.send(MSG.propose, { orders: { actions: [{ kind: "security" }] } });
    await k0.until(() => cv(k0).team!.proposals.length === 4, T, "a fourth proposal");
    const fresh = cv(k0).team!.proposals.find((p) => !idsBefore.has(p.id));
    expect(fresh).toBeTruthy();
    expect(cv(k0).team!.proposals.filter((p) => idsBefore.has(p.id))).toHaveLength(3);
    await Promise.all([t2, listener, k0].map((f) => f.room.leave().catch(() => {})));
    await killChild(server, "SIGTERM");
  }, 120_000);
});

describe("moves", () => {
  it("moving an observer who answered the poll into a team drops the answer; a member moved out loses its vote", async () => {
    const srv = await testServer({ timerScale: 1 });
    try {
      const timers = { news: 1, deliberation: 1, orders: 1800, report: 1 };
      const teacher = await create(srv.url, {
        mode: "classroom",
        seed: 78,
        teamSize: 1,
        timers,
        seats: [{ role: "lab" }, { role: "regulator" }],
        player: { name: "T" },
      });
      const code = teacher.token!.code;
      const a = await join(srv.url, code, { name: "A" });
      const b = await join(srv.url, code, { name: "B" });
      const o = await join(srv.url, code, { name: "O" });
      expect(cv(o).me!.seat).toBeNull();
      teacher.room.send(MSG.hostStart, {});
      await teacher.until(() => teacher.phase !== "lobby" && OPEN.includes(teacher.phase), T, "started");
      await o.until(() => cv(o).poll.open, T, "poll open");
      o.room.send(MSG.poll, { opinion: 1 });
      await teacher.until(() => cv(teacher).poll.for === 1, T, "poll answer counted");
      a.room.send(MSG.propose, { orders: { actions: [] } });
      await a.until(() => cv(a).team?.myVote !== null && cv(a).team?.myVote !== undefined, T, "a's vote");
      // O moves into A's team (teamSize 1 is only for placement; the teacher may place more), A to the observers.
      teacher.room.send(MSG.hostMove, { student: cv(o).me!.id, seat: 0 });
      await teacher.until(() => cv(teacher).poll.for === 0, T, "the moved observer's answer dropped");
      await o.until(() => cv(o).me!.seat === 0 && cv(o).myPoll === null, T, "o in the team, no poll answer");
      teacher.room.send(MSG.hostMove, { student: cv(a).me!.id, seat: -1 });
      await a.until(() => cv(a).me!.seat === null, T, "a among the observers");
      await teacher.until(
        () => !cv(teacher).teams[0].members.some((m) => m.name === "A"),
        T,
        "the teacher sees A moved",
      );
      expect(cv(teacher).teams[0].leadingVotes ?? 0).toBe(0);
      await Promise.all([teacher, a, b, o].map((f) => f.room.leave()));
    } finally {
      await srv.close();
    }
  });
});
