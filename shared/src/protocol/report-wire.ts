// The `report` message on the wire: round reports and public history rows as arrays, not objects with named fields,
// and nothing the client can derive (an entry's usual concept, a news item's concept, the seat of a public entry).
// docs/PROTOCOL.md §4 describes the form; `encodeReportMsg` and `decodeReportMsg` are inverse (a test checks it).
import { EVENT_BY_ID } from "../content/events.js";
import { reportFor } from "../rules/context.js";
import type { EndInfo, NewsItem, ReportEntry, RoundReport } from "../rules/types.js";
import type { PublicHistoryRow } from "../rules/view-types.js";
import type { ReportMsg } from "./server-messages.js";

type Args = NonNullable<ReportEntry["args"]>;

/**
 * An entry (`key`: its index in REPORT_KEYS, or the key itself when not listed there): `[key]`, `[key, args]`, `[key, args | 0, seat]` (a private note of that seat) or
 * `[key, args | 0, seat | null, concept]` (a concept other than the key's usual one). Anything else (rules-1 prose,
 * no key) goes as the `ReportEntry` object itself.
 */
export type EntryWire = [key: number | string, args?: Args | 0, seat?: number | null, concept?: string] | ReportEntry;
/** A news item: its card id (the concept is the card's), or the `NewsItem` itself when that does not hold. */
export type NewsWire = string | NewsItem;
/** A report: `[round, news, entries]`, plus `end` when the round ended the match. */
export type ReportWire = [round: number, news: NewsWire[], entries: EntryWire[], end?: EndInfo];
/**
 * A public history row, field by field: `[round, labs, rogueEstimate, will, theory, interp, aug, regime, policies,
 * events, incidents]` where `labs` is `[seat, declaredCap, seat, declaredCap, …]` and `events` is 0 when they are the
 * card ids of the news of the report of the same round in the same message.
 */
export type RowWire = [
  round: number,
  labs: number[],
  rogueEstimate: number,
  will: number,
  theory: number,
  interp: number,
  aug: number,
  regime: number,
  policies: PublicHistoryRow["policies"],
  events: string[] | 0,
  incidents: number,
];
/** The `report` message: `[replace (1 | 0), reports, history]`. */
export type ReportMsgWire = [replace: 0 | 1, reports: ReportWire[], history: RowWire[]];

/**
 * The report keys with the concept each usually carries (from the engine's own calls). On the wire a key listed here
 * is its index in this list, and an entry whose concept is the usual one does not send it. A key missing here travels
 * as its string, and an entry with another concept sends it: this list only ever changes the size of a report, never
 * what the client reads. Append only (an index must not change while clients of an older build may be connected).
 */
export const REPORT_KEYS: readonly (readonly [key: string, concept: string])[] = [
  ["adoptAlignment", "publication"],
  ["advised", "policy"],
  ["alignmentWork", "validation"],
  ["audit", "audit"],
  ["auditFlaws", "interpretability"],
  ["auditMoratorium", "moratorium"],
  ["augmentationAdvance", "augmentation"],
  ["augmentationComplete", "augmentation"],
  ["augmentationDirect", "drift"],
  ["augmentationEpigenetic", "augmentation"],
  ["augmentationIllegal", "augmentation"],
  ["breakthrough", "breakthrough"],
  ["buildOnPublished", "publication"],
  ["campaign", "politicalWill"],
  ["catastropheLab", "catastrophe"],
  ["catastropheRogue", "catastrophe"],
  ["consulting", "consulting"],
  ["defenseBegin", "defense"],
  ["defenseComplete", "defense"],
  ["defenseDeceptive", "deceptiveAlignment"],
  ["defenseDeployed", "defense"],
  ["deploy", "economicCriterion"],
  ["enact", "policy"],
  ["enactBlocked", "lobbying"],
  ["endDrifted", "drift"],
  ["endHandoff", "handoff"],
  ["endPause", "pause"],
  ["endPrecarious", "precarious"],
  ["enforcementRaids", "enforcement"],
  ["frontierTestIncident", "incident"],
  ["grantApplication", "grant"],
  ["grantMade", "grant"],
  ["grantReceived", "grant"],
  ["interpretabilityAdvance", "interpretability"],
  ["interpretabilityMax", "interpretability"],
  ["interpretabilityNeeds", "interpretability"],
  ["leakCatchUp", "leak"],
  ["leakFresh", "leak"],
  ["leakHeld", "leak"],
  ["leakRumour", "leak"],
  ["lobbyAgainst", "lobbying"],
  ["lobbyCools", "lobbying"],
  ["marketSaturated", "economicCriterion"],
  ["minimalRiskFound", "minimalRiskTest"],
  ["minimalRiskNothing", "minimalRiskTest"],
  ["paradigmMine", "paradigmShift"],
  ["paradigmShift", "paradigmShift"],
  ["productIncident", "incident"],
  ["publishAlignment", "publication"],
  ["publishCapability", "publication"],
  ["publishTheory", "theory"],
  ["regimeComplete", "regime"],
  ["regimeExtend", "regime"],
  ["regimeLapse", "regime"],
  ["regimeStalled", "regime"],
  ["repeal", "policy"],
  ["rogueCompounding", "rogueCompounding"],
  ["security", "security"],
  ["securityFine", "security"],
  ["theoryApplications", "gracefulDegradation"],
  ["theoryFund", "theory"],
  ["theoryMilestone", "theoryMilestone"],
  ["theoryWork", "theory"],
  ["treatyFailed", "policy"],
  ["treatyProposed", "policy"],
  ["validationCertain", "hiddenFlaw"],
  ["validationClean", "hiddenFlaw"],
  ["validationFlaws", "hiddenFlaw"],
  ["validationPass", "validation"],
];

const KEY_INDEX = new Map<string, number>(REPORT_KEYS.map(([k], i) => [k, i]));
const usualConcept = (key: string): string | undefined => {
  const i = KEY_INDEX.get(key);
  return i === undefined ? undefined : REPORT_KEYS[i][1];
};

/**
 * Report args' names, for the round's report in the state: there an entry's args travel as a flat list
 * `[name, value, name, value, …]` where a name listed here is its index (any other name travels as itself). Append
 * only, like REPORT_KEYS. The `report` message keeps args as objects.
 */
export const ARG_KEYS: readonly string[] = [
  "name",
  "cap",
  "amount",
  "aligned",
  "gain",
  "mode",
  "held",
  "theory",
  "policy",
  "seized",
  "points",
  "fast",
  "max",
  "power",
  "aug",
  "sec",
  "d",
  "before",
  "prod",
  "to",
  "target",
  "n",
  "interp",
  "k",
  "doctrine",
  "will",
  "up",
  "loss",
  "fine",
  "next",
  "regime",
  "paying",
  "need",
  "unenforced",
  "reason",
  "progress",
];
const ARG_INDEX = new Map<string, number>(ARG_KEYS.map((k, i) => [k, i]));
type ArgsWire = (number | string | boolean)[];

function encodeArgs(a: Args): ArgsWire {
  const w: ArgsWire = [];
  for (const k in a) w.push(ARG_INDEX.get(k) ?? k, a[k]);
  return w;
}

function decodeArgs(w: ArgsWire): Args {
  const a: Args = {};
  for (let i = 0; i + 1 < w.length; i += 2) {
    const k = w[i];
    a[typeof k === "number" ? (ARG_KEYS[k] ?? String(k)) : String(k)] = w[i + 1];
  }
  return a;
}

function encodeEntry(e: ReportEntry, flatArgs = false): EntryWire {
  const plain =
    typeof e.key === "string" &&
    e.text === undefined &&
    Object.keys(e).every((k) => k === "seat" || k === "concept" || k === "key" || k === "args");
  if (!plain) return e;
  const args = e.args && flatArgs ? (encodeArgs(e.args) as unknown as Args) : e.args;
  const seat = e.seat ?? null;
  const key = KEY_INDEX.get(e.key!) ?? e.key!;
  if (e.concept !== usualConcept(e.key!)) return [key, args ?? 0, seat, e.concept];
  if (seat !== null) return [key, args ?? 0, seat];
  return args ? [key, args] : [key];
}

function decodeEntry(w: EntryWire): ReportEntry {
  if (!Array.isArray(w)) return w;
  const [k, args, seat, concept] = w;
  const key = typeof k === "number" ? (REPORT_KEYS[k]?.[0] ?? "") : k;
  const e: ReportEntry = { seat: seat ?? null, concept: concept ?? usualConcept(key) ?? "", key };
  if (Array.isArray(args)) e.args = decodeArgs(args as unknown as ArgsWire);
  else if (args && typeof args === "object") e.args = args;
  return e;
}

function encodeNews(n: NewsItem): NewsWire {
  const plain = Object.keys(n).every((k) => k === "card" || k === "concept");
  return plain && EVENT_BY_ID.get(n.card)?.concept === n.concept ? n.card : n;
}

function decodeNews(w: NewsWire): NewsItem {
  return typeof w === "string" ? { card: w, concept: EVENT_BY_ID.get(w)?.concept ?? "" } : w;
}

export function encodeReport(r: RoundReport, flatArgs = false): ReportWire {
  const w: ReportWire = [r.round, r.news.map(encodeNews), r.entries.map((e) => encodeEntry(e, flatArgs))];
  if (r.end) w.push(r.end);
  return w;
}

export function decodeReport(w: ReportWire): RoundReport {
  return { round: w[0], news: (w[1] ?? []).map(decodeNews), entries: (w[2] ?? []).map(decodeEntry), end: w[3] ?? null };
}

export function encodeRow(h: PublicHistoryRow, news?: NewsItem[]): RowWire {
  // Every field by name: a field added to PublicHistoryRow fails to compile here until the wire carries it.
  const { round, labs, rogueEstimate, will, theory, interp, aug, regime, policies, events, incidents, ...rest } = h;
  const none: Record<string, never> = rest;
  void none;
  const l: number[] = [];
  for (const x of labs) l.push(x.seat, x.declaredCap);
  const same = !!news && news.length === events.length && news.every((n, i) => n.card === events[i]);
  return [round, l, rogueEstimate, will, theory, interp, aug, regime, policies, same ? 0 : events, incidents];
}

export function decodeRow(w: RowWire, news?: NewsItem[]): PublicHistoryRow {
  const [round, l, rogueEstimate, will, theory, interp, aug, regime, policies, ev, incidents] = w;
  const events = ev === 0 ? (news ?? []).map((n) => n.card) : ev;
  const labs: PublicHistoryRow["labs"] = [];
  for (let i = 0; i + 1 < l.length; i += 2) labs.push({ seat: l[i], declaredCap: l[i + 1] });
  return { round, labs, rogueEstimate, will, theory, interp, aug, regime, policies, events, incidents };
}

export function encodeReportMsg(m: ReportMsg): ReportMsgWire {
  const news = new Map(m.reports.map((r) => [r.round, r.news]));
  return [
    m.replace ? 1 : 0,
    m.reports.map((r) => encodeReport(r)),
    m.history.map((h) => encodeRow(h, news.get(h.round))),
  ];
}

export function decodeReportMsg(w: ReportMsgWire): ReportMsg {
  const reports = (w[1] ?? []).map(decodeReport);
  const news = new Map(reports.map((r) => [r.round, r.news]));
  return { replace: w[0] === 1, reports, history: (w[2] ?? []).map((h) => decodeRow(h, news.get(h[0]))) };
}

// ---- A round's report inside the state patch (docs/PROTOCOL.md §2, "The round's report in the state"): the room's
// `report` field holds the newest round's public report and history row, each seat's secret `notes` its private
// entries of that round, so a round's results, report and notes reach a client in one frame.

/** The room's `report` field: `[report, row | 0]`, the public entries only, args as flat lists (ARG_KEYS); JSON, ""
 * before the first round. */
export type RoundStateWire = [report: ReportWire, row: RowWire | 0];
/**
 * A seat secret's `notes` field: `[round, [index, entry, index, entry, …]]` where each entry is a private note of the
 * seat and `index` its place among the entries the seat reads (`reportFor(report, seat)`), JSON.
 */
export type NotesWire = [round: number, notes: (number | EntryWire)[]];

/** The room's `report` field for a round: its public entries (`reportFor(report, null)`) and public history row. */
export function encodeRoundState(report: RoundReport, row: PublicHistoryRow | undefined): string {
  const w: RoundStateWire = [encodeReport(reportFor(report, null), true), row ? encodeRow(row, report.news) : 0];
  return JSON.stringify(w);
}

/** A seat's `notes` field for a round: its private entries, each with its place among the entries it reads. */
export function encodeNotes(report: RoundReport, seat: number): string {
  const notes: (number | EntryWire)[] = [];
  const read = reportFor(report, seat).entries;
  for (let at = 0; at < read.length; at++) if (read[at].seat === seat) notes.push(at, encodeEntry(read[at], true));
  const w: NotesWire = [report.round, notes];
  return JSON.stringify(w);
}

/** The room's `report` field back: the public report and row (null when empty or unreadable). */
export function decodeRoundState(s: string): { report: RoundReport; row: PublicHistoryRow | null } | null {
  if (!s) return null;
  try {
    const [rw, hw] = JSON.parse(s) as RoundStateWire;
    const report = decodeReport(rw);
    return { report, row: hw ? decodeRow(hw, report.news) : null };
  } catch {
    return null;
  }
}

/** A public report with a seat's notes put back in their places (the notes of another round change nothing). */
export function withNotes(report: RoundReport, notes: string): RoundReport {
  if (!notes) return report;
  let w: NotesWire;
  try {
    w = JSON.parse(notes) as NotesWire;
  } catch {
    return report;
  }
  if (!Array.isArray(w) || w[0] !== report.round || !Array.isArray(w[1]) || w[1].length === 0) return report;
  const entries = report.entries.slice();
  for (let i = 0; i + 1 < w[1].length; i += 2) {
    const at = w[1][i] as number;
    entries.splice(Math.min(at, entries.length), 0, decodeEntry(w[1][i + 1] as EntryWire));
  }
  return { ...report, entries };
}
