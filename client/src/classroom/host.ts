// "Host a class": the teacher chooses the scenario, rounds, phase timers, the seats and the team size, then gets a join code.
import { SCENARIOS, SCENARIO_IDS, type CreateOptions, type Role } from "@metastrategy/shared";
import type { Net } from "../net/types";
import { h, seedInput, seedOf } from "../ui/dom";
import { errorText, playerName } from "../ui/home";
import type { Screen } from "../ui/screen";

/** Phase timers for a 45-minute lesson: eight rounds of about three and a half minutes. */
export const CLASS_TIMERS = { news: 15, deliberation: 60, orders: 90, report: 20 };

export function newClassScreen(net: Net): Screen {
  const root = h("main", { id: "main", class: "class-new", tabindex: "-1" });
  const status = h("p", { class: "status", role: "status" });
  const num = (id: string, value: number, min: number, max: number) =>
    h("input", { id, type: "number", min: String(min), max: String(max), value: String(value), inputmode: "numeric" });
  const teacher = h("input", {
    id: "class-teacher-name",
    type: "text",
    maxlength: "24",
    value: playerName() === "Player" ? "" : playerName(),
    autocomplete: "name",
  });
  const className = h("input", {
    id: "class-name",
    type: "text",
    maxlength: "40",
    placeholder: "e.g. Year 11 ethics, Tuesday",
  });
  const scenario = h(
    "select",
    { id: "new-scenario" },
    SCENARIO_IDS.map((id) =>
      h(
        "option",
        { value: id, selected: id === "classroom" },
        `${SCENARIOS[id].name} (${SCENARIOS[id].params.rounds} rounds)`,
      ),
    ),
  );
  const rounds = h("input", {
    id: "new-rounds",
    type: "number",
    min: "1",
    max: "30",
    placeholder: "scenario default",
    inputmode: "numeric",
  });
  const seed = seedInput("new-seed", "new-seed-help");
  const teamSize = num("new-team-size", 4, 1, 12);
  const labs = num("new-labs", 3, 1, 4);
  const regs = num("new-regulators", 1, 0, 2);
  const res = num("new-researchers", 2, 0, 3);
  const tNews = num("new-t-news", CLASS_TIMERS.news, 0, 600);
  const tDelib = num("new-t-delib", CLASS_TIMERS.deliberation, 0, 1800);
  const tOrders = num("new-t-orders", CLASS_TIMERS.orders, 5, 1800);
  const tReport = num("new-t-report", CLASS_TIMERS.report, 0, 600);
  let busy = false;

  async function create(): Promise<void> {
    if (busy) return;
    const name = teacher.value.trim() || "Teacher";
    const n = (el: HTMLInputElement, d: number) =>
      Number.isFinite(Number(el.value)) && el.value !== "" ? Math.round(Number(el.value)) : d;
    const seat = (role: Role) => ({ role, bot: false, difficulty: "normal" as const });
    const seats = [
      ...Array.from({ length: n(labs, 3) }, () => seat("lab")),
      ...Array.from({ length: n(regs, 1) }, () => seat("regulator")),
      ...Array.from({ length: n(res, 2) }, () => seat("researcher")),
    ];
    const options: CreateOptions = {
      mode: "classroom",
      scenario: scenario.value,
      public: false,
      seats,
      teamSize: n(teamSize, 4),
      timers: {
        news: n(tNews, CLASS_TIMERS.news),
        deliberation: n(tDelib, CLASS_TIMERS.deliberation),
        orders: n(tOrders, CLASS_TIMERS.orders),
        report: n(tReport, CLASS_TIMERS.report),
      },
      ...(rounds.value ? { rounds: n(rounds, 8) } : {}),
      ...(className.value.trim() ? { name: className.value.trim() } : {}),
      ...seedOf(seed),
    };
    busy = true;
    status.textContent = "Creating the class…";
    try {
      localStorage.setItem("metastrategy.name", name);
      await net.create(options, name);
      history.replaceState(null, "", "/");
    } catch (e) {
      status.textContent = errorText(e);
    } finally {
      busy = false;
    }
  }

  root.append(
    h("h1", null, "Host a class"),
    h(
      "p",
      { class: "lead" },
      "You run the session from this screen; your students play in teams on their phones, and a projector shows the shared board. You hold no seat. ",
      h("a", { href: "#facilitator" }, "Read the facilitator guide"),
      " for a 45- or 90-minute lesson plan.",
    ),
    h(
      "form",
      {
        class: "panel",
        on: {
          submit: (e: Event) => {
            e.preventDefault();
            void create();
          },
        },
      },
      h(
        "div",
        { class: "form-grid" },
        h("label", { for: "class-teacher-name" }, "Your name"),
        teacher,
        h("label", { for: "class-name" }, "Class name"),
        className,
        h("label", { for: "new-scenario" }, "Scenario"),
        scenario,
        h("label", { for: "new-rounds" }, "Rounds"),
        rounds,
        h("label", { for: "new-seed" }, "World seed"),
        seed,
      ),
      h(
        "p",
        { class: "small muted", id: "new-seed-help" },
        "Leave it empty for a fresh world. The same seed deals the same world: give two class sections the seed a replay shows, and they face the same events.",
      ),
      h(
        "fieldset",
        { class: "plain" },
        h("legend", null, "Team seats (each is a team of students)"),
        h(
          "div",
          { class: "form-grid" },
          h("label", { for: "new-labs" }, "AI labs (1–4)"),
          labs,
          h("label", { for: "new-regulators" }, "Regulators (0–2)"),
          regs,
          h("label", { for: "new-researchers" }, "Researchers (0–3)"),
          res,
          h("label", { for: "new-team-size" }, "Students per team"),
          teamSize,
        ),
        h(
          "p",
          { class: "small muted" },
          "With 6 seats of 4, a class of 30 has 24 players and 6 observers who vote in a public-opinion poll.",
        ),
      ),
      h(
        "fieldset",
        { class: "plain" },
        h("legend", null, "Phase timers (seconds)"),
        h(
          "div",
          { class: "form-grid" },
          h("label", { for: "new-t-news" }, "News"),
          tNews,
          h("label", { for: "new-t-delib" }, "Team talk"),
          tDelib,
          h("label", { for: "new-t-orders" }, "Proposals and votes"),
          tOrders,
          h("label", { for: "new-t-report" }, "Report"),
          tReport,
        ),
      ),
      h(
        "div",
        { class: "row" },
        h("button", { type: "submit", class: "btn primary big", id: "create-class" }, "Create the class"),
        h("a", { class: "btn ghost", href: "#" }, "Back"),
      ),
    ),
    status,
  );
  return { el: root, destroy() {} };
}
