// The orders echo on the wire (a seat secret's `orders`): JSON of a compact form of SeatOrders. Action kinds travel as
// their index in ORDER_KINDS and the few field names as one character (ORDER_FIELDS); docs/PROTOCOL.md §2.
import type { Action, SeatOrders } from "../rules/types.js";

/** Action kinds by index on the wire. Append only; a kind missing here travels as its string. */
export const ORDER_KINDS = [
  "capability",
  "alignment",
  "validate",
  "minimalRiskTest",
  "security",
  "deploy",
  "lobby",
  "buildDefense",
  "enact",
  "repeal",
  "audit",
  "enforce",
  "campaign",
  "grant",
  "buildRegime",
  "theory",
  "interpretability",
  "augmentation",
  "consult",
  "publishTheory",
  "advise",
  "applyGrant",
] as const;

/** An action's other fields, each as one character. Append only; a field missing here travels as its name. */
export const ORDER_FIELDS: Readonly<Record<string, string>> = {
  publish: "p",
  defy: "d",
  policy: "o",
  target: "t",
  amount: "n",
  mode: "m",
  route: "r",
};

const KIND_INDEX = new Map<string, number>(ORDER_KINDS.map((k, i) => [k, i]));
const FIELD_OF = new Map<string, string>(Object.entries(ORDER_FIELDS).map(([k, v]) => [v, k]));

/**
 * `{ a: [[kind], [kind, fields]…], s?: switchDoctrine, t?: [[to, amount]…] }` as JSON, where `kind` is the index in
 * ORDER_KINDS (or the kind's name) and `fields` the action's other fields with ORDER_FIELDS names.
 */
export function encodeOrders(o: SeatOrders): string {
  const a = o.actions.map((x) => {
    const { kind, ...rest } = x as { kind: string } & Record<string, unknown>;
    const k = KIND_INDEX.get(kind) ?? kind;
    const keys = Object.keys(rest).filter((f) => rest[f] !== undefined);
    if (keys.length === 0) return [k];
    const f: Record<string, unknown> = {};
    for (const key of keys) f[ORDER_FIELDS[key] ?? key] = rest[key];
    return [k, f];
  });
  const w: { a: unknown[]; s?: string; t?: number[][] } = { a };
  if (o.switchDoctrine !== undefined) w.s = o.switchDoctrine;
  if (o.transfers !== undefined) w.t = o.transfers.map((t) => [t.to, t.amount]);
  return JSON.stringify(w);
}

export function decodeOrders(s: string): SeatOrders {
  const w = JSON.parse(s) as { a?: [number | string, Record<string, unknown>?][]; s?: string; t?: number[][] };
  const actions = (w.a ?? []).map(([k, f]) => {
    const x: Record<string, unknown> = { kind: typeof k === "number" ? (ORDER_KINDS[k] ?? String(k)) : k };
    if (f) for (const key of Object.keys(f)) x[FIELD_OF.get(key) ?? key] = f[key];
    return x as unknown as Action;
  });
  const o: SeatOrders = { actions };
  if (w.s !== undefined) o.switchDoctrine = w.s as SeatOrders["switchDoctrine"];
  if (w.t !== undefined) o.transfers = w.t.map(([to, amount]) => ({ to, amount }));
  return o;
}
