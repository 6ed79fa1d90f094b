// What one member may know of the class: names and presence for all, its team's proposals, votes and polls for the teacher.
import type { ClassroomView } from "@metastrategy/shared";
import type { Match } from "../../match/match.js";
import { botName } from "../../match/names.js";
import type { Member } from "../../match/session.js";
import type { Classroom } from "./classroom.js";

export function classView(match: Match, cls: Classroom, m: Member, online: Set<string>): ClassroomView {
  const host = m.host;
  const round = match.game?.round ?? 0;
  const open = !!match.game && !match.ended && match.phases.ordersOpen;
  const cur = cls.data.current;
  const teams = match.meta.seats.map((s, i) => {
    const members = cls.teamOf(i).map((st) => ({
      id: st.id,
      name: st.name,
      connected: online.has(st.id),
      ...(host ? { voted: cls.myVote(st) !== null } : {}),
    }));
    const t = { seat: i, role: s.role, name: s.name || botName(s.role, i), bot: s.kind === "bot", members };
    if (!host) return t;
    return { ...t, proposals: cls.team(i)?.proposals.length ?? 0, leadingVotes: cls.leading(i)?.votes.length ?? 0 };
  });
  const observers = cls.observers().map((st) => ({
    id: st.id,
    name: st.name,
    connected: online.has(st.id),
    ...(host ? { voted: cur?.poll[st.id] !== undefined } : {}),
  }));
  const st = cls.byId(m.student);
  const teamSeat = st?.seat ?? null;
  return {
    round,
    teamSize: cls.data.teamSize,
    me: st ? { id: st.id, name: st.name, seat: st.seat } : null,
    teams,
    observers,
    poll: { round: cur?.round ?? round, open: open && !!cur, ...cls.tally() },
    polls: cls.data.rounds.flatMap((r) => (r.result ? [r.result] : [])),
    injected: cls.data.rounds.flatMap((r) => (r.inject ? [{ round: r.round + 1, card: r.inject }] : [])),
    myPoll: st && st.seat === null ? (cur?.poll[st.id] ?? null) : null,
    team:
      st && teamSeat !== null
        ? {
            seat: teamSeat,
            proposals: cls.proposalsView(teamSeat),
            myVote: cls.myVote(st),
            bot: match.meta.seats[teamSeat]?.kind === "bot",
          }
        : null,
    host: host
      ? { inject: cls.data.inject, injectRound: cls.data.inject && match.game ? match.game.round + 1 : null }
      : null,
  };
}
