// Orders: the seat's action points, every action with its cost and effect, only legal choices enabled.
import {
  ACTION_POINTS,
  DOCTRINES,
  POLICY_DEFS,
  SWITCH_PRESTIGE,
  actionCost,
  checkAction,
  checkOrders,
  theoryWork,
  type Action,
  type ActionKind,
  type ActionOption,
  type ClientSnapshot,
  type Doctrine,
  type PolicyId,
  type SeatView,
} from "@metastrategy/shared";
import type { Net } from "../net/types";
import { getState, setState, subscribe } from "../store";
import { conceptLink } from "./concept";
import { h, render } from "./dom";
import { doctrineName, plural, seatName } from "./format";
import type { Screen } from "./screen";

interface Choice {
  target?: number;
  policy?: PolicyId | "";
  publish?: boolean;
  mode?: "careful" | "fast";
  route?: "epigenetic" | "direct";
  amount?: number;
  defy?: boolean;
}

interface Draft {
  round: number;
  actions: Action[];
  switchTo: Doctrine | null;
  choices: Partial<Record<ActionKind, Choice>>;
  transfers: { to: number; amount: number }[];
}

let draft: Draft = { round: -1, actions: [], switchTo: null, choices: {}, transfers: [] };

export const ORDER_PHASES = new Set(["news", "deliberation", "orders"]);

export function costText(c: { funds: number; influence: number }): string {
  const parts: string[] = [];
  if (c.funds) parts.push(`${c.funds} fund${c.funds === 1 ? "" : "s"}`);
  if (c.influence) parts.push(`${c.influence} influence`);
  return parts.length ? parts.join(" + ") : "free";
}

export function describeAction(a: Action, v: SeatView | null): string {
  const name = (i: number) => seatName(v, i);
  switch (a.kind) {
    case "capability":
      return `Capability research${a.publish ? ", published" : ", kept secret"}${a.defy ? " (defying the moratorium)" : ""}`;
    case "alignment":
      return `Alignment research${a.publish ? ", published" : ""}`;
    case "theory":
      return `Theory (${a.mode})${a.publish ? ", published" : ""}`;
    case "augmentation":
      return `Augmentation (${a.route} route)`;
    case "enact":
      return `Enact ${POLICY_DEFS[a.policy].name}`;
    case "repeal":
      return `Repeal ${POLICY_DEFS[a.policy].name}`;
    case "lobby":
      return a.policy ? `Lobby against ${POLICY_DEFS[a.policy].name}` : "Lobby: political will −1";
    case "audit":
      return `Audit ${name(a.target)}`;
    case "consult":
      return `Consult for ${name(a.target)}`;
    case "advise":
      return `Advise ${name(a.target)}`;
    case "grant":
      return `Grant ${a.amount} fund${a.amount === 1 ? "" : "s"} to ${name(a.target)}`;
    default:
      return (
        (
          {
            validate: "Validate",
            minimalRiskTest: "Minimal-risk test",
            security: "Security",
            deploy: "Deploy product",
            buildDefense: "Build AI defense",
            enforce: "Enforce",
            campaign: "Campaign",
            buildRegime: "Build monitoring regime",
            interpretability: "Interpretability",
            publishTheory: "Publish theory",
            applyGrant: "Apply for a grant",
          } as Record<string, string>
        )[a.kind] ?? a.kind
      );
  }
}

function actionOf(opt: ActionOption, c: Choice, v: SeatView): Action {
  const kind = opt.kind;
  switch (kind) {
    case "capability":
      return { kind, publish: !!c.publish, ...(v.world.policies.includes("moratorium") ? { defy: !!c.defy } : {}) };
    case "alignment":
      return { kind, publish: !!c.publish };
    case "theory":
      return { kind, mode: c.mode ?? "careful", publish: !!c.publish };
    case "augmentation":
      return { kind, route: c.route ?? "epigenetic" };
    case "enact":
    case "repeal":
      return { kind, policy: (c.policy || firstPolicy(opt)) as PolicyId };
    case "lobby":
      return c.policy ? { kind, policy: c.policy } : { kind };
    case "audit":
    case "consult":
    case "advise":
      return { kind, target: c.target ?? opt.targets?.[0] ?? 0 };
    case "grant":
      return { kind, target: c.target ?? opt.targets?.[0] ?? 0, amount: Math.max(1, Math.floor(c.amount ?? 1)) };
    default:
      return { kind } as Action;
  }
}

function firstPolicy(opt: ActionOption): PolicyId | "" {
  return opt.policies?.find((p) => p.legal)?.policy ?? opt.policies?.[0]?.policy ?? "";
}

function spent(v: SeatView, actions: Action[]): { funds: number; influence: number } {
  const ctx = { doctrine: v.me.doctrine, policies: v.world.policies, mods: v.mods };
  return actions.reduce(
    (acc, a) => {
      const c = actionCost(ctx, a);
      return { funds: acc.funds + c.funds, influence: acc.influence + c.influence };
    },
    { funds: 0, influence: 0 },
  );
}

/** Words of the panel (a classroom team member proposes rather than orders). */
export interface OrdersLabels {
  title: string;
  submit: string;
  update: string;
  sent: string;
}
const ORDERS_LABELS: OrdersLabels = {
  title: "Orders",
  submit: "Submit orders",
  update: "Update orders",
  sent: "✓ Orders sent. You may change them until the timer ends.",
};

export function ordersPanel(net: Net, labels: Partial<OrdersLabels> = {}): Screen {
  const L = { ...ORDERS_LABELS, ...labels };
  const el = h("section", { class: "panel orders", id: "orders", "aria-labelledby": "orders-h" });
  let lastKey = "";

  function draw(force = false): void {
    const st = getState();
    const snap = st.snap;
    const key = JSON.stringify([snap?.legal, snap?.view?.round, snap?.info.phase, snap?.mySeat, st.sentRound, draft]);
    if (!force && key === lastKey) return;
    lastKey = key;
    if (!snap || snap.mySeat === null || !snap.view || !("me" in snap.view)) {
      render(
        el,
        h("h2", { id: "orders-h" }, "Orders"),
        h("p", { class: "muted" }, "You are watching: spectators give no orders."),
      );
      return;
    }
    const v = snap.view as SeatView;
    if (draft.round !== v.round) {
      // After a reload the server still holds what this seat sent: start from it.
      // (Only while orders are open: during the report the held orders are the previous round's.)
      const held = ORDER_PHASES.has(snap.info.phase) && snap.info.seats[snap.mySeat]?.submitted ? st.myOrders : null;
      draft = {
        round: v.round,
        actions: held?.actions.slice() ?? [],
        switchTo: held?.switchDoctrine ?? null,
        choices: {},
        transfers: held?.transfers?.slice() ?? [],
      };
    }
    const legal = snap.legal;
    const open = ORDER_PHASES.has(snap.info.phase) && v.phase !== "ended" && !!legal;
    // Between rounds (report, resolution) the view is already on the next round, whose orders are not open yet:
    // nothing has been sent for it, whatever the last round's flags still say.
    const sent =
      ORDER_PHASES.has(snap.info.phase) && (st.sentRound === v.round || !!snap.info.seats[snap.mySeat]?.submitted);
    const used = spent(v, draft.actions);
    used.funds += draft.transfers.reduce((a, t) => a + t.amount, 0);
    const fundsLeft = v.me.funds - used.funds;
    const inflLeft = v.me.influence - used.influence;
    const apLeft = (legal?.actionPoints ?? ACTION_POINTS) - draft.actions.length;
    const whole = checkOrders(v, ordersOf());

    const planned = h(
      "div",
      { class: "planned", "aria-labelledby": "planned-h" },
      h("h3", { id: "planned-h" }, "Your orders for round ", String(v.round)),
      h(
        "p",
        { class: "budget", id: "budget" },
        h(
          "span",
          { class: "ap", "aria-label": `${apLeft} of ${ACTION_POINTS} action points left` },
          Array.from({ length: ACTION_POINTS }, (_, i) =>
            h(
              "span",
              { class: `pip${i < draft.actions.length ? " used" : ""}`, "aria-hidden": "true" },
              i < draft.actions.length ? "●" : "○",
            ),
          ),
          ` ${apLeft} action point${apLeft === 1 ? "" : "s"} left`,
        ),
        ` · Funds ${fundsLeft}/${v.me.funds}`,
        v.me.role === "regulator" || v.me.influence > 0 ? ` · Influence ${inflLeft}/${v.me.influence}` : "",
      ),
      draft.switchTo
        ? h(
            "p",
            { class: "switch-note" },
            `Switching to ${doctrineName(draft.switchTo)} (costs this round's actions and ${SWITCH_PRESTIGE} prestige at the end). `,
            h(
              "button",
              {
                type: "button",
                class: "btn small",
                on: {
                  click: () => {
                    draft.switchTo = null;
                    draw(true);
                  },
                },
              },
              "Cancel switch",
            ),
          )
        : draft.actions.length === 0
          ? h("p", { class: "muted" }, "No actions yet: add up to three below. Submitting none passes the round.")
          : h(
              "ol",
              { class: "planned-list" },
              draft.actions.map((a, i) =>
                h(
                  "li",
                  null,
                  h(
                    "span",
                    null,
                    describeAction(a, v),
                    " — ",
                    costText(actionCost({ doctrine: v.me.doctrine, policies: v.world.policies, mods: v.mods }, a)),
                  ),
                  open
                    ? h(
                        "button",
                        {
                          type: "button",
                          class: "btn small ghost",
                          id: `remove-${i}`,
                          "aria-label": `Remove ${describeAction(a, v)}`,
                          on: {
                            click: () => {
                              draft.actions.splice(i, 1);
                              draw(true);
                              focusSoon("submit-orders");
                            },
                          },
                        },
                        "Remove",
                      )
                    : null,
                ),
              ),
            ),
      draft.transfers.length
        ? h(
            "ul",
            { class: "planned-list transfers" },
            draft.transfers.map((t, i) =>
              h(
                "li",
                null,
                h(
                  "span",
                  null,
                  `Pay ${seatName(v, t.to)} ${t.amount} fund${t.amount === 1 ? "" : "s"} (no action point)`,
                ),
                open
                  ? h(
                      "button",
                      {
                        type: "button",
                        class: "btn small ghost",
                        id: `remove-transfer-${i}`,
                        on: {
                          click: () => {
                            draft.transfers.splice(i, 1);
                            draw(true);
                            focusSoon("submit-orders");
                          },
                        },
                      },
                      "Remove",
                      h("span", { class: "sr-only" }, ` payment to ${seatName(v, t.to)}`),
                    )
                  : null,
              ),
            ),
          )
        : null,
      !whole.ok ? h("p", { class: "reason", role: "status" }, whole.reason) : null,
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            type: "submit",
            class: `btn ${sent ? "" : "primary"} big`,
            id: "submit-orders",
            disabled: !open || !whole.ok,
          },
          sent ? L.update : draft.actions.length === 0 && !draft.switchTo ? `${L.submit} (pass)` : L.submit,
        ),
        h("span", { class: "timer", "data-deadline-for": "orders", "aria-hidden": "true" }),
      ),
      sent ? h("p", { class: "sent", role: "status", id: "orders-sent" }, L.sent) : null,
    );

    const options = legal ? legal.options : [];
    const list = h(
      "ul",
      { class: "options", "aria-label": "Actions you can take" },
      options.map((opt) => optionCard(opt, v, open, apLeft, fundsLeft, inflLeft)),
    );

    const switchSel = h(
      "select",
      { id: "switch-doctrine" },
      DOCTRINES.filter((d) => d !== v.me.doctrine).map((d) => h("option", { value: d }, doctrineName(d))),
    );
    const canSwitch = open && !!legal?.canSwitch && !draft.switchTo;

    render(
      el,
      h("h2", { id: "orders-h" }, L.title),
      h(
        "form",
        {
          on: {
            submit: (e: Event) => {
              e.preventDefault();
              submit(v);
            },
          },
        },
        planned,
      ),
      !open
        ? h(
            "p",
            { class: "muted", id: "orders-closed" },
            v.phase === "ended"
              ? "The match has ended."
              : snap.info.phase === "report" || snap.info.phase === "resolution"
                ? `Orders for round ${v.round} open after its news.`
                : "Orders open after the news.",
          )
        : null,
      list,
      transfersBox(v, open, fundsLeft),
      h(
        "details",
        { class: "switch" },
        h("summary", null, "Switch metastrategy (once per match)"),
        h(
          "p",
          { class: "small" },
          `You hold ${doctrineName(v.me.doctrine)}. Switching costs all of this round's actions and ${SWITCH_PRESTIGE} prestige at the end.`,
        ),
        legal?.canSwitch === false ? h("p", { class: "reason" }, "You have already switched once.") : null,
        h(
          "div",
          { class: "row" },
          h("label", { for: "switch-doctrine" }, "New metastrategy"),
          switchSel,
          h(
            "button",
            {
              type: "button",
              class: "btn",
              disabled: !canSwitch,
              on: {
                click: () => {
                  draft.switchTo = switchSel.value as Doctrine;
                  draft.actions = [];
                  draw(true);
                  focusSoon("submit-orders");
                },
              },
            },
            "Switch",
          ),
        ),
      ),
    );
  }

  function optionCard(
    opt: ActionOption,
    v: SeatView,
    open: boolean,
    apLeft: number,
    fundsLeft: number,
    inflLeft: number,
  ): HTMLElement {
    const c: Choice = (draft.choices[opt.kind] ??= {});
    const action = actionOf(opt, c, v);
    const cost = actionCost({ doctrine: v.me.doctrine, policies: v.world.policies, mods: v.mods }, action);
    let reason = opt.legal ? "" : (opt.reason ?? "Not possible now.");
    if (!reason) {
      const chk = checkAction(v, action);
      if (!chk.ok) reason = chk.reason;
    }
    if (!reason && draft.switchTo) reason = "You are switching metastrategy this round.";
    if (!reason && apLeft <= 0) reason = "No action points left.";
    if (!reason && cost.funds > fundsLeft)
      reason = `Needs ${plural(cost.funds, "fund")}; ${fundsLeft} left after your other orders.`;
    if (!reason && cost.influence > inflLeft)
      reason = `Needs ${cost.influence} influence; ${inflLeft} left after your other orders.`;
    if (
      !reason &&
      (action.kind === "enact" || action.kind === "repeal") &&
      draft.actions.some((a) => a.kind === action.kind && a.policy === action.policy)
    )
      reason = "That policy is already in your orders.";
    if (!reason && !open) reason = "Orders are closed.";
    const id = `opt-${opt.kind}`;
    const controls: HTMLElement[] = [];
    const ctl = (k: keyof Choice, node: HTMLElement) => {
      controls.push(node);
      return k;
    };
    if (opt.targets && opt.targets.length > 0) {
      ctl(
        "target",
        h(
          "label",
          { class: "ctl" },
          "Target ",
          h(
            "select",
            {
              id: `${id}-target`,
              on: {
                change: (e: Event) => {
                  c.target = Number((e.target as HTMLSelectElement).value);
                  draw(true);
                },
              },
            },
            opt.targets.map((t) =>
              h("option", { value: String(t), selected: t === (c.target ?? opt.targets![0]) }, seatName(v, t)),
            ),
          ),
        ),
      );
    }
    if (opt.kind === "grant") {
      ctl(
        "amount",
        h(
          "label",
          { class: "ctl" },
          "Funds ",
          h("input", {
            id: `${id}-amount`,
            type: "number",
            min: "1",
            max: String(Math.max(1, v.me.funds)),
            value: String(c.amount ?? 1),
            inputmode: "numeric",
            on: {
              change: (e: Event) => {
                c.amount = Number((e.target as HTMLInputElement).value) || 1;
                draw(true);
              },
            },
          }),
        ),
      );
    }
    if (opt.policies) {
      const pols =
        opt.kind === "repeal" ? opt.policies.filter((p) => v.world.policies.includes(p.policy)) : opt.policies;
      const current = opt.kind === "lobby" ? (c.policy ?? "") : c.policy || firstPolicy(opt);
      if (pols.length > 0 || opt.kind === "lobby")
        ctl(
          "policy",
          h(
            "label",
            { class: "ctl" },
            opt.kind === "lobby" ? "Aim " : "Policy ",
            h(
              "select",
              {
                id: `${id}-policy`,
                on: {
                  change: (e: Event) => {
                    c.policy = (e.target as HTMLSelectElement).value as PolicyId | "";
                    draw(true);
                  },
                },
              },
              opt.kind === "lobby"
                ? h("option", { value: "", selected: current === "" }, "Lower political will by 1")
                : null,
              pols.map((p) =>
                h(
                  "option",
                  { value: p.policy, selected: p.policy === current },
                  opt.kind === "lobby"
                    ? `Block ${POLICY_DEFS[p.policy].name}`
                    : `${POLICY_DEFS[p.policy].name} (${p.cost} influence, will ${POLICY_DEFS[p.policy].will})${p.legal ? "" : " — not now"}`,
                ),
              ),
            ),
          ),
        );
      const sel = opt.policies.find((p) => p.policy === current);
      if (sel && opt.kind !== "lobby")
        controls.push(
          h("p", { class: "small" }, POLICY_DEFS[sel.policy].effect, sel.legal ? "" : ` Not now: ${sel.reason}`),
        );
    }
    if (opt.kind === "theory") {
      // What one action adds now (the engine's number: careful +0.5, +0.75 conservative, fast +1; half past theory 6).
      const known = v.world.theory + (v.me.researcher?.theoryPrivate ?? 0);
      ctl(
        "mode",
        radioPair(
          `${id}-mode`,
          "Mode",
          [
            ["careful", `Careful (+${theoryWork(v.me.doctrine, "careful", known)})`],
            ["fast", `Fast (+${theoryWork(v.me.doctrine, "fast", known)}, leaks later)`],
          ],
          c.mode ?? "careful",
          (x) => {
            c.mode = x as Choice["mode"];
            draw(true);
          },
        ),
      );
    }
    if (opt.kind === "augmentation") {
      ctl(
        "route",
        radioPair(
          `${id}-route`,
          "Route",
          [
            ["epigenetic", "Epigenetic (+0.5, safe)"],
            ["direct", "Direct (+1, hidden drift)"],
          ],
          c.route ?? "epigenetic",
          (x) => {
            c.route = x as Choice["route"];
            draw(true);
          },
        ),
      );
    }
    if (opt.publishable) {
      ctl(
        "publish",
        h(
          "label",
          { class: "check ctl" },
          h("input", {
            type: "checkbox",
            id: `${id}-publish`,
            checked: !!c.publish,
            on: {
              change: (e: Event) => {
                c.publish = (e.target as HTMLInputElement).checked;
                draw(true);
              },
            },
          }),
          opt.kind === "capability"
            ? " Publish (prestige +2; the gain goes to the leak pool)"
            : opt.kind === "theory"
              ? " Publish at once (world theory; prestige)"
              : " Publish (labs behind you catch up)",
        ),
      );
    }
    if (opt.kind === "capability" && v.world.policies.includes("moratorium")) {
      ctl(
        "defy",
        h(
          "label",
          { class: "check ctl" },
          h("input", {
            type: "checkbox",
            id: `${id}-defy`,
            checked: !!c.defy,
            on: {
              change: (e: Event) => {
                c.defy = (e.target as HTMLInputElement).checked;
                draw(true);
              },
            },
          }),
          " Defy the moratorium (an audit would catch you)",
        ),
      );
    }
    const reasonId = `${id}-why`;
    return h(
      "li",
      { class: `opt${reason ? " off" : ""}`, "data-kind": opt.kind },
      h(
        "div",
        { class: "opt-head" },
        h("strong", { id: `${id}-label` }, opt.label),
        h("span", { class: "cost" }, "1 AP + ", costText(cost)),
      ),
      h("p", { class: "does" }, opt.does),
      controls.length ? h("div", { class: "ctls" }, controls) : null,
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            type: "button",
            class: "btn add",
            id: `${id}-add`,
            disabled: !!reason,
            "aria-describedby": reason ? reasonId : undefined,
            on: {
              click: () => {
                draft.actions.push(actionOf(opt, c, v));
                draw(true);
                focusSoon(`${id}-add`, "submit-orders");
              },
            },
          },
          "Add ",
          h("span", { class: "sr-only" }, opt.label),
        ),
        conceptLink(opt.concept),
      ),
      reason ? h("p", { class: "reason", id: reasonId }, reason) : null,
    );
  }

  function transfersBox(v: SeatView, open: boolean, fundsLeft: number): HTMLElement {
    const others = v.seats.filter((x) => x.id !== v.seat);
    const to = h(
      "select",
      { id: "transfer-to" },
      others.map((x) => h("option", { value: String(x.id) }, x.name)),
    );
    const amount = h("input", {
      id: "transfer-amount",
      type: "number",
      min: "1",
      max: String(Math.max(1, fundsLeft)),
      value: "1",
      inputmode: "numeric",
    });
    const can = open && fundsLeft >= 1 && others.length > 0;
    return h(
      "details",
      { class: "switch transfers-box" },
      h("summary", null, "Pay another seat (deals)"),
      h("p", { class: "small" }, "Side payments keep deals made in the chat. They cost funds but no action point."),
      h(
        "div",
        { class: "row" },
        h("label", { for: "transfer-to" }, "To"),
        to,
        h("label", { for: "transfer-amount" }, "Funds"),
        amount,
        h(
          "button",
          {
            type: "button",
            class: "btn",
            id: "transfer-add",
            disabled: !can,
            on: {
              click: () => {
                const n = Math.floor(Number(amount.value));
                if (!(n >= 1) || n > fundsLeft) {
                  setState({ error: `You can pay 1 to ${fundsLeft} funds.` });
                  return;
                }
                draft.transfers.push({ to: Number(to.value), amount: n });
                draw(true);
                focusSoon("submit-orders");
              },
            },
          },
          "Add payment",
        ),
      ),
      !can && open ? h("p", { class: "reason" }, "No funds left to pay with.") : null,
    );
  }

  function ordersOf() {
    if (draft.switchTo) return { actions: [], switchDoctrine: draft.switchTo };
    return draft.transfers.length
      ? { actions: draft.actions.slice(), transfers: draft.transfers.slice() }
      : { actions: draft.actions.slice() };
  }

  function submit(v: SeatView): void {
    const orders = ordersOf();
    const chk = checkOrders(v, orders);
    if (!chk.ok) {
      setState({ error: chk.reason });
      return;
    }
    net.orders(orders);
    setState({ sentRound: v.round });
  }

  const unsub = subscribe(() => draw());
  draw();
  return { el, destroy: unsub };
}

function radioPair(
  name: string,
  legend: string,
  items: [string, string][],
  value: string,
  set: (v: string) => void,
): HTMLElement {
  return h(
    "fieldset",
    { class: "ctl radios" },
    h("legend", null, legend),
    items.map(([val, label]) =>
      h(
        "label",
        { class: "check" },
        h("input", {
          type: "radio",
          name,
          id: `${name}-${val}`,
          value: val,
          checked: val === value,
          on: { change: () => set(val) },
        }),
        ` ${label}`,
      ),
    ),
  );
}

function focusSoon(...ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLButtonElement | null;
      if (el && !el.disabled) {
        el.focus();
        return;
      }
    }
  });
}
