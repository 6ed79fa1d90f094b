// A student's phone: their team, the news, the team's proposals with live votes, proposing orders, team chat and reports;
// an observer answers the public-opinion poll. At the end, the class debrief.
import {
  DOCTRINE_DEFS,
  ROLE_DEFS,
  type ClassProposal,
  type ClassroomView,
  type ClientSnapshot,
  type SeatView,
} from "@metastrategy/shared";
import type { Net } from "../net/types";
import { getState, setState, subscribe } from "../store";
import { chatPanel } from "../ui/chat";
import { h, render } from "../ui/dom";
import { doctrineName, fmt, roleName } from "../ui/format";
import { ORDER_PHASES, ordersPanel } from "../ui/orders";
import { newsCard, reportsPanel } from "../ui/report";
import { boardModel } from "../model";
import { lastReport } from "../store";
import { textBoard } from "../ui/textboard";
import type { Screen } from "../ui/screen";
import { POLL_CHOICES, ordersText, phaseLine, teamTitle } from "./common";
import { classDebrief } from "./debrief";
import { classSend, classView, onClassView } from "./hook";
import { MSG } from "@metastrategy/shared";

export function studentScreen(net: Net): Screen {
  const root = h("main", { id: "main", class: "class-student", tabindex: "-1" });
  const top = h("header", { class: "panel student-top" });
  const newsEl = h("div", { class: "student-news" });
  const teamEl = h("section", { class: "panel team-box", "aria-labelledby": "team-h" });
  const pollEl = h("section", { class: "panel poll-box", "aria-labelledby": "poll-h" });
  const worldEl = h("details", { class: "panel world-box" });
  const proposeNet: Net = { ...net, orders: (o) => classSend(MSG.propose, { orders: o }) };
  const orders = ordersPanel(proposeNet, {
    title: "Propose orders",
    submit: "Propose",
    update: "Propose another",
    sent: "✓ Your team has a proposal in. Vote above, or propose another: the one with the most votes becomes the team's orders.",
  });
  const proposeBox = h(
    "details",
    { class: "propose-box", id: "propose-box" },
    h("summary", null, "Make a proposal for your team"),
    orders.el,
  );
  const reportsEl = h("div", { class: "student-reports" });
  const debriefEl = h("div");
  const chat = chatPanel(net);
  root.append(top, debriefEl, newsEl, teamEl, pollEl, proposeBox, worldEl, chat.el, reportsEl);
  let lastKey = "";
  let reportsCount = -1;
  let newsKey = "";
  let ended = false;

  function draw(): void {
    const snap = getState().snap;
    if (!snap) return;
    const cv = classView();
    const key = JSON.stringify([
      snap.info,
      cv,
      snap.view?.round,
      snap.view && "me" in snap.view ? (snap.view as SeatView).me : null,
      !!snap.view?.reveal,
    ]);
    if (key === lastKey) return;
    lastKey = key;
    const me = cv?.me ?? null;
    const team = me && me.seat !== null ? (cv!.teams.find((t) => t.seat === me.seat) ?? null) : null;
    const v = snap.view && "me" in snap.view ? (snap.view as SeatView) : null;
    render(
      top,
      h("h1", { id: "student-team" }, me ? (team ? teamTitle(team) : "Observer") : "Class"),
      me
        ? h(
            "p",
            { class: "muted" },
            `You are ${me.name}.`,
            team
              ? ` Your team: ${team.members.map((m) => m.name).join(", ")}.`
              : " You watch the world and answer the public-opinion poll each round.",
          )
        : null,
      v
        ? h(
            "p",
            { class: "me" },
            h("strong", null, `${roleName(v.me.role)} · ${doctrineName(v.me.doctrine)}`),
            h("span", null, `Funds ${v.me.funds}`),
            v.me.role === "regulator" ? h("span", null, `Influence ${v.me.influence}`) : null,
            h("span", null, `Prestige ${v.me.prestige}`),
            v.me.lab ? h("span", null, `Capability ${fmt(v.me.lab.cap)} · aligned ${fmt(v.me.lab.aligned)}`) : null,
          )
        : null,
      phaseLine(snap),
      snap.info.phase === "lobby" && team ? lobbyBrief(snap, team.seat) : null,
      snap.info.phase === "lobby"
        ? h("p", { class: "muted" }, "The teacher starts the class soon. Meanwhile, say hello in the chat.")
        : null,
      snap.info.phase === "ended"
        ? h(
            "p",
            null,
            h(
              "button",
              { type: "button", class: "btn ghost", id: "leave-class", on: { click: () => void net.leave() } },
              "Leave the class",
            ),
          )
        : null,
    );

    const news = JSON.stringify([snap.view?.news ?? [], !!snap.view?.end, snap.info.phase === "ended"]);
    if (news !== newsKey) {
      newsKey = news;
      render(
        newsEl,
        snap.view && !snap.view.end && snap.info.phase !== "ended" && snap.view.news.length
          ? newsCard({ news: snap.view.news })
          : null,
      );
    }
    drawTeam(snap, cv, v);
    drawPoll(snap, cv);
    worldEl.hidden = !snap.view || snap.info.phase === "ended";
    if (snap.view && !worldEl.hidden) {
      const open = worldEl.open || (!!cv?.me && cv.me.seat === null && !worldEl.dataset.touched);
      render(
        worldEl,
        h("summary", { on: { click: () => (worldEl.dataset.touched = "1") } }, "The world now (the board as text)"),
        textBoard(boardModel(snap.view, lastReport(snap), snap.mySeat)),
      );
      worldEl.open = open;
    }
    const open = ORDER_PHASES.has(snap.info.phase);
    proposeBox.hidden = !team || team.bot || snap.info.phase === "lobby" || snap.info.phase === "ended";
    if (open && !proposeBox.dataset.opened && cv?.team && cv.team.proposals.length === 0) {
      proposeBox.open = true; // nobody has proposed yet: invite this student to start
      proposeBox.dataset.opened = "1";
    }
    if (snap.reports.length !== reportsCount) {
      reportsCount = snap.reports.length;
      render(reportsEl, snap.reports.length ? reportsPanel(snap.reports, snap.mySeat) : null);
    }
    if (!ended && snap.info.phase === "ended" && snap.view?.reveal) {
      ended = true;
      render(debriefEl, classDebrief(snap.view, cv, snap.mySeat));
      proposeBox.hidden = true;
    }
  }

  function lobbyBrief(snap: ClientSnapshot, seat: number): HTMLElement | null {
    const s = snap.info.seats[seat];
    if (!s) return null;
    return h(
      "div",
      { class: "brief" },
      h("p", null, h("strong", null, `Your role: ${ROLE_DEFS[s.role].name}.`), ` ${ROLE_DEFS[s.role].blurb}`),
      h(
        "p",
        null,
        h("strong", null, `Your metastrategy: ${DOCTRINE_DEFS[s.doctrine].name}.`),
        ` ${DOCTRINE_DEFS[s.doctrine].plan}`,
      ),
    );
  }

  function proposalCard(
    p: ClassProposal,
    cv: ClassroomView,
    v: SeatView | null,
    open: boolean,
    mine: number | null,
  ): HTMLElement {
    const names = p.votes.map((id) => cv.teams.flatMap((t) => t.members).find((m) => m.id === id)?.name ?? "?");
    const isMine = mine === p.id;
    return h(
      "li",
      { class: `proposal${p.leading ? " leading" : ""}${isMine ? " my-vote" : ""}`, "data-id": p.id },
      h(
        "div",
        { class: "row spread" },
        h("strong", null, `${p.byName}'s proposal`),
        p.leading ? h("span", { class: "badge" }, "leading") : null,
      ),
      h(
        "ul",
        { class: "p-actions" },
        ordersText(p.orders, v).map((t) => h("li", null, t)),
      ),
      h(
        "div",
        { class: "row spread" },
        h(
          "span",
          { class: "votes" },
          `${p.votes.length} vote${p.votes.length === 1 ? "" : "s"}`,
          names.length ? `: ${names.join(", ")}` : "",
        ),
        h(
          "button",
          {
            type: "button",
            class: `btn ${isMine ? "" : "primary"} vote`,
            id: `vote-${p.id}`,
            disabled: !open || isMine,
            on: { click: () => classSend(MSG.vote, { proposal: p.id }) },
          },
          isMine ? "✓ Your vote" : "Vote for this",
        ),
      ),
    );
  }

  function drawTeam(snap: ClientSnapshot, cv: ClassroomView | null, v: SeatView | null): void {
    const t = cv?.team ?? null;
    teamEl.hidden = !t || snap.info.phase === "lobby" || snap.info.phase === "ended";
    if (!t || !cv) return;
    const open = ORDER_PHASES.has(snap.info.phase) && !t.bot;
    const team = cv.teams.find((x) => x.seat === t.seat);
    render(
      teamEl,
      h("h2", { id: "team-h" }, "Your team's proposals"),
      t.bot
        ? h("p", { class: "reason" }, "The teacher gave your team to a bot for now: watch and discuss.")
        : h(
            "p",
            { class: "small muted" },
            "Anyone may propose; everyone votes. When time runs out, the proposal with the most votes (the earliest if tied) becomes your team's orders.",
          ),
      team
        ? h(
            "p",
            { class: "small" },
            team.members.map((m) =>
              h("span", { class: `chip${m.connected ? "" : " away"}` }, m.connected ? "● " : "○ ", m.name),
            ),
          )
        : null,
      t.proposals.length === 0
        ? h(
            "p",
            { class: "muted", id: "no-proposals" },
            open ? "No proposal yet. Make the first one below." : "No proposals this round.",
          )
        : h(
            "ol",
            { class: "proposals", id: "proposals" },
            t.proposals.map((p) => proposalCard(p, cv, v, open, t.myVote)),
          ),
    );
  }

  function drawPoll(snap: ClientSnapshot, cv: ClassroomView | null): void {
    const observer = !!cv?.me && cv.me.seat === null;
    pollEl.hidden = !observer || snap.info.phase === "lobby" || snap.info.phase === "ended";
    if (pollEl.hidden || !cv) return;
    const p = cv.poll;
    const last = cv.polls.at(-1);
    render(
      pollEl,
      h("h2", { id: "poll-h" }, "Public opinion: what should the world do about AI?"),
      h(
        "p",
        { class: "small muted" },
        "You are the public. If most observers lean one way, political will moves by one.",
      ),
      h(
        "div",
        { class: "poll-choices", role: "group", "aria-label": "Your answer" },
        POLL_CHOICES.map((c) =>
          h(
            "button",
            {
              type: "button",
              class: `btn big ${cv.myPoll === c.value ? "primary" : ""}`,
              id: c.id,
              "aria-pressed": String(cv.myPoll === c.value),
              disabled: !p.open,
              on: {
                click: () => {
                  classSend(MSG.poll, { opinion: c.value });
                  setState({ error: null });
                },
              },
            },
            c.label,
            h("span", { class: "small hint" }, c.hint),
          ),
        ),
      ),
      h(
        "p",
        { class: "small", id: "poll-now" },
        `This round so far: ${p.for} caution · ${p.unsure} unsure · ${p.against} go on.`,
      ),
      last
        ? h(
            "p",
            { class: "small muted" },
            `Last round: ${last.for}/${last.unsure}/${last.against}; political will ${last.effect > 0 ? "rose by 1" : last.effect < 0 ? "fell by 1" : "did not move"}.`,
          )
        : null,
    );
  }

  const unsub = subscribe(() => draw());
  const unsubC = onClassView(() => draw());
  draw();
  return {
    el: root,
    destroy() {
      unsub();
      unsubC();
      orders.destroy();
      chat.destroy();
    },
  };
}
