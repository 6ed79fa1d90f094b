// The whole classroom session for the teacher: record, each team's proposals with their votes, polls, injected cards, chat.
import { EVENT_BY_ID, type MatchRecord, type SeatOrders } from "@metastrategy/shared";
import type { RoomMeta } from "../match/meta.js";
import type { RoundSession } from "../modes/classroom/data.js";

export interface SessionExport {
  code: string;
  name: string;
  scenario: string;
  mode: string;
  status: string;
  exportedAt: string;
  teamSize: number | null;
  teams: { seat: number; role: string; name: string; bot: boolean; members: string[] }[];
  observers: string[];
  record: MatchRecord | null;
  result: unknown;
  rounds: {
    round: number;
    resolved: boolean;
    teams: {
      seat: number;
      name: string;
      /** team: the chosen proposal; bot: a bot played (no proposal, or the team was given to a bot). */
      source: "team" | "bot";
      proposals: { id: number; by: string; at: string; orders: SeatOrders; votes: string[]; chosen: boolean }[];
      /** The orders that were resolved (from the record). */
      orders: SeatOrders | null;
    }[];
    poll: { against: number; unsure: number; for: number; opinion: number | null; effect: number } | null;
    /** Card queued during this round; it shows in the next round's news. */
    inject: { card: string; title: string; appearsInRound: number } | null;
  }[];
  chat: { at: string; from: string; to: string; text: string }[];
}

export function sessionExport(
  code: string,
  meta: RoomMeta,
  record: MatchRecord | null,
  status: string,
  result: unknown,
): SessionExport {
  const cls = meta.classroom;
  const name = (id: string) => cls?.students.find((s) => s.id === id)?.name ?? id;
  const seatName = (i: number) => meta.seats[i]?.name || `Seat ${i + 1}`;
  const sessions: RoundSession[] = cls ? [...cls.rounds, ...(cls.current ? [cls.current] : [])] : [];
  const rounds: SessionExport["rounds"] = [];
  const count = Math.max(
    record?.ordersByRound.length ?? 0,
    sessions.length ? Math.max(...sessions.map((r) => r.round)) : 0,
  );
  for (let round = 1; round <= count; round++) {
    const rs = sessions.find((r) => r.round === round);
    const orders = record?.ordersByRound[round - 1] ?? null;
    rounds.push({
      round,
      resolved: !!orders,
      teams: meta.seats.map((_, i) => {
        const t = rs?.teams[i];
        const chosen = t?.chosen ?? null;
        return {
          seat: i,
          name: seatName(i),
          source: chosen !== null ? "team" : "bot",
          proposals: (t?.proposals ?? []).map((p) => ({
            id: p.id,
            by: name(p.by),
            at: new Date(p.at).toISOString(),
            orders: p.orders,
            votes: p.votes.map(name),
            chosen: p.id === chosen,
          })),
          orders: orders?.[i] ?? null,
        };
      }),
      poll: rs?.result
        ? {
            against: rs.result.against,
            unsure: rs.result.unsure,
            for: rs.result.for,
            opinion: rs.result.opinion,
            effect: rs.result.effect,
          }
        : null,
      inject: rs?.inject
        ? { card: rs.inject, title: EVENT_BY_ID.get(rs.inject)?.title ?? rs.inject, appearsInRound: round + 1 }
        : null,
    });
  }
  return {
    code,
    name: meta.settings.name,
    scenario: meta.settings.scenario,
    mode: meta.settings.mode,
    status,
    exportedAt: new Date().toISOString(),
    teamSize: cls?.teamSize ?? null,
    teams: meta.seats.map((s, i) => ({
      seat: i,
      role: s.role,
      name: seatName(i),
      bot: s.kind === "bot",
      members: (cls?.students ?? []).filter((st) => st.seat === i).map((st) => st.name),
    })),
    observers: (cls?.students ?? []).filter((st) => st.seat === null).map((st) => st.name),
    record,
    result,
    rounds,
    chat: (cls?.chat ?? []).map((l) => ({
      at: new Date(l.at).toISOString(),
      from: l.from,
      to: l.scope === "all" ? "everyone" : l.scope === "observers" ? "observers" : seatName(l.scope),
      text: l.text,
    })),
  };
}

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One line per proposal, per team's resolved orders, per poll, per injected card and per chat line. */
export function sessionCsv(x: SessionExport): string {
  const head = ["round", "kind", "seat", "team", "who", "detail", "votes", "voters", "chosen"];
  const lines = [head.join(",")];
  const row = (...v: unknown[]) => lines.push(v.map(cell).join(","));
  for (const r of x.rounds) {
    for (const t of r.teams) {
      for (const p of t.proposals)
        row(
          r.round,
          "proposal",
          t.seat,
          t.name,
          p.by,
          p.orders,
          p.votes.length,
          p.votes.join("; "),
          p.chosen ? "yes" : "no",
        );
      if (t.orders) row(r.round, "orders", t.seat, t.name, t.source, t.orders, "", "", "");
    }
    if (r.poll)
      row(
        r.round,
        "poll",
        "",
        "",
        "observers",
        `against ${r.poll.against}; unsure ${r.poll.unsure}; for ${r.poll.for}; opinion ${r.poll.opinion ?? "none"}; will ${r.poll.effect > 0 ? "+1" : r.poll.effect < 0 ? "-1" : "0"}`,
        r.poll.against + r.poll.unsure + r.poll.for,
        "",
        "",
      );
    if (r.inject)
      row(
        r.round,
        "inject",
        "",
        "",
        "teacher",
        `${r.inject.card} (${r.inject.title}) in round ${r.inject.appearsInRound}'s news`,
        "",
        "",
        "",
      );
  }
  for (const c of x.chat) row("", "chat", "", c.to, c.from, c.text, "", c.at, "");
  return lines.join("\n") + "\n";
}
