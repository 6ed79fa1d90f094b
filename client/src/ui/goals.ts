// "Your goals": the seat's doctrine (bonuses and objectives), its prestige so far by source, and what the
// score would be if the match ended now. Every number comes from the view; nothing is read back from report text.
import {
  DOCTRINE_DEFS,
  MARKET_PRODUCTS,
  MAX,
  WORLD_VALUE,
  labRolePoints,
  regulatorRolePoints,
  type PublicView,
  type SeatView,
} from "@metastrategy/shared";
import { h } from "./dom";
import { doctrineName, fmt, roleName } from "./format";

/** Prestige sources in the words of the game (the engine's keys on the left). */
export const SOURCE_NAMES: Record<string, string> = {
  objectives: "Doctrine objectives",
  publication: "Publications",
  reputation: "Reputation (theory, augmentation)",
  legitimacy: "Legitimacy (policies, enforcement, regime)",
  defense: "AI defense built",
  revenue: "Products on the market",
  marketLead: "Market lead",
  events: "News events",
  incidents: "Incidents",
  fines: "Fines",
  switch: "Switching metastrategy",
};

export function sourceName(k: string): string {
  return SOURCE_NAMES[k] ?? k;
}

/** The world value if time ran out now with no catastrophe: a complete regime holding the frontier below TAI is a
 * long pause, anything else a precarious world. A lab's true capability may be above what it declared. */
export function worldValueNow(v: PublicView | SeatView): { value: number; ending: "pause" | "precarious" } {
  const mine = "me" in v ? (v.me.lab?.cap ?? 0) : 0;
  const frontier = Math.max(mine, ...v.seats.map((s) => s.lab?.declaredCap ?? 0));
  const pause = v.world.regime >= MAX.regime && frontier < v.taiThreshold;
  return pause
    ? { value: WORLD_VALUE.pause, ending: "pause" }
    : { value: WORLD_VALUE.precarious, ending: "precarious" };
}

/** Role points a seat would be given at the end if the match ended now (products and market lead; policies and regime). */
export function rolePointsNow(v: SeatView): number {
  const me = v.me;
  if (me.lab) {
    const lead = Math.max(...v.seats.map((s) => (s.id === me.id ? me.lab!.cap : (s.lab?.declaredCap ?? -1))));
    const market = v.seats.reduce((n, s) => n + (s.lab ? Math.min(s.lab.prod, MARKET_PRODUCTS) : 0), 0);
    return labRolePoints(me.lab.prod, market, me.lab.cap >= lead);
  }
  if (me.role === "regulator") return regulatorRolePoints(v.world.policies.length, v.world.regime);
  return 0;
}

export function goalsCard(v: SeatView): HTMLElement {
  const me = v.me;
  const d = DOCTRINE_DEFS[me.doctrine];
  const sources = Object.entries(me.prestigeBy ?? {})
    .filter(([, n]) => n !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const W = worldValueNow(v);
  const role = rolePointsNow(v);
  const total = W.value + me.prestige + role;
  return h(
    "section",
    { class: "panel goals", id: "goals", "aria-labelledby": "goals-h" },
    h("h2", { id: "goals-h" }, "Your goals"),
    h("p", { class: "small" }, h("strong", null, `${roleName(me.role)} · ${doctrineName(me.doctrine)}. `), d.plan),
    h(
      "dl",
      { class: "goal-list" },
      h("dt", null, "Objectives (prestige)"),
      h("dd", null, d.objectives),
      h("dt", null, "Your doctrine's bonuses"),
      h("dd", null, d.passive),
    ),
    h("h3", null, `Prestige so far: ${fmt(me.prestige)}`),
    sources.length
      ? h(
          "ul",
          { class: "sources" },
          sources.map(([k, n]) =>
            h("li", null, h("span", null, sourceName(k)), h("strong", null, n > 0 ? `+${fmt(n)}` : fmt(n))),
          ),
        )
      : h("p", { class: "muted small" }, "None yet: objectives, publications and policies earn it."),
    h("h3", null, "If the match ended now"),
    h(
      "ul",
      { class: "sources now" },
      h(
        "li",
        null,
        h("span", null, `World value (${W.ending === "pause" ? "a long pause" : "a precarious world"})`),
        h("strong", null, String(W.value)),
      ),
      h("li", null, h("span", null, "Your prestige"), h("strong", null, `+${fmt(me.prestige)}`)),
      h(
        "li",
        null,
        h(
          "span",
          null,
          me.lab
            ? "Role points (products, market lead)"
            : me.role === "regulator"
              ? "Role points (policies, regime)"
              : "Role points",
        ),
        h("strong", null, `+${fmt(role)}`),
      ),
      h("li", { class: "total" }, h("span", null, "Your score"), h("strong", { id: "score-now" }, fmt(total))),
    ),
    h(
      "p",
      { class: "muted small" },
      "If the world ends in catastrophe, every score is 0. A secure future is worth 100, an augmented handoff 90.",
    ),
  );
}
