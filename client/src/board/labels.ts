// Where every text label of the board goes, as plain boxes: placed so that no two overlap and none leaves the board.
// The Phaser scene draws exactly these; tests check the boxes without drawing a pixel. No phaser, no DOM.
import type { BoardModel, LabMark } from "../model";
import type { BoardLayout, Rect } from "./layout";

export interface TextLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  /** Origin of (x, y) in the box: 0 left/top, 0.5 centre, 1 right/bottom. */
  ox: number;
  oy: number;
  color: string;
  /** A paper-coloured backing so a label stays readable over a line or a bar. */
  bg?: boolean;
}

type Candidate = Omit<TextLabel, "id">;
interface Group {
  id: string;
  candidates: Candidate[];
  optional?: boolean;
}

const INK = "#1b1f24";
const MUTED = "#4b5563";

/** A generous estimate of a text's width in CSS pixels for the board's sans-serif font (never less than drawn). */
export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) {
    if (ch === " ") w += 0.3;
    else if (/[il.,:;'|!·()\-]/.test(ch)) w += 0.32;
    else if (/[mwMW@%]/.test(ch)) w += 0.9;
    else if (/[A-Z0-9?≥≈±+]/.test(ch)) w += 0.66;
    else if (/[a-z]/.test(ch)) w += 0.56;
    else w += 1.05; // symbols: ◆ ◇ ● ■ ▲ ✖ ✔ § …
  }
  return Math.ceil(w * size * (bold ? 1.1 : 1.02));
}

export function labelBox(l: Candidate): Rect {
  const w = textWidth(l.text, l.size, l.bold) + (l.bg ? 4 : 0);
  const h = Math.ceil(l.size * 1.3);
  return { x: l.x - l.ox * w, y: l.y - l.oy * h, w, h };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function inside(a: Rect, b: Rect): boolean {
  return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

/** Greedy placement in the given order: each label takes its first candidate that is free and inside the bounds. */
function place(groups: Group[], bounds: Rect, obstacles: Rect[] = []): TextLabel[] {
  const placed: { label: TextLabel; box: Rect }[] = [];
  for (const g of groups) {
    let chosen: Candidate | null = null;
    for (const c of g.candidates) {
      const box = labelBox(c);
      if (!inside(box, bounds)) continue;
      if (obstacles.some((o) => overlaps(o, box)) || placed.some((p) => overlaps(p.box, box))) continue;
      chosen = c;
      break;
    }
    if (!chosen) {
      if (g.optional) continue;
      // A required label with no free place: the last candidate is the smallest; it is drawn (a test would catch the overlap).
      chosen = g.candidates[g.candidates.length - 1];
    }
    placed.push({ label: { id: g.id, ...chosen }, box: labelBox(chosen) });
  }
  return placed.map((p) => p.label);
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** The ladder's geometry: where the axis, the base and each column are. */
export interface LadderGeometry {
  x0: number;
  yBase: number;
  unit: number;
  colW: number;
  barW: number;
  yOf(v: number): number;
  colX(i: number): number;
}

export function ladderGeometry(m: BoardModel, r: Rect): LadderGeometry {
  const axisW = 34;
  const foot = 64;
  const headroom = 40;
  const x0 = r.x + axisW;
  const yBase = r.y + r.h - foot;
  const unit = (yBase - (r.y + headroom)) / m.top;
  const n = m.labs.length + 1;
  const colW = (r.x + r.w - 8 - x0) / n;
  return {
    x0,
    yBase,
    unit,
    colW,
    barW: Math.min(56, colW * 0.5),
    yOf: (v: number) => yBase - v * unit,
    colX: (i: number) => x0 + colW * (i + 0.5),
  };
}

/** The first of the texts that fits the width, else the last one shortened with an ellipsis. */
function fitted(texts: string[], size: number, bold: boolean, width: number): string {
  for (const t of texts) if (textWidth(t, size, bold) <= width) return t;
  const last = texts[texts.length - 1];
  for (let n = last.length - 1; n > 1; n--) {
    const t = last.slice(0, n) + "…";
    if (textWidth(t, size, bold) <= width) return t;
  }
  return "…";
}

/** The capability shown above a lab's bar: exact for your own lab (and after the end), "at least" for a declared one. */
export function capText(l: LabMark): string {
  return l.capExact ? fmt(l.cap) : `≥${fmt(l.cap)}`;
}

export function ladderLabels(m: BoardModel, r: Rect): TextLabel[] {
  const g = ladderGeometry(m, r);
  const groups: Group[] = [];
  const bounds = { x: r.x + 2, y: r.y + 2, w: r.w - 4, h: r.h - 4 };
  const right = r.x + r.w - 10;
  const t = (
    text: string,
    x: number,
    y: number,
    size: number,
    ox: number,
    oy: number,
    o: Partial<Candidate> = {},
  ): Candidate => ({ text, x, y, size, ox, oy, bold: false, color: INK, ...o });
  groups.push({ id: "title", candidates: [t("Capability", r.x + 8, r.y + 8, 13, 0, 0, { bold: true, color: MUTED })] });
  // Axis numbers.
  const step = m.top > 16 ? 4 : m.top > 9 ? 2 : 1;
  for (let v = 0; v <= m.top; v += step)
    groups.push({
      id: `axis-${v}`,
      optional: true,
      candidates: [t(String(v), g.x0 - 6, g.yOf(v), 12, 1, 0.5, { color: MUTED })],
    });
  // The two lines, labelled where they are free: right end, then left end, above or below the line.
  const lines = [
    { id: "tai", text: `TAI ${m.tai}`, short: `TAI ${m.tai}`, y: g.yOf(m.tai), size: 14, color: "#a33a00" },
    {
      id: "danger",
      text: `Danger line ${m.danger}`,
      short: `Danger ${m.danger}`,
      y: g.yOf(m.danger),
      size: 13,
      color: "#8a5a00",
    },
  ];
  for (const ln of lines) {
    const c: Candidate[] = [];
    for (const text of [ln.text, ln.short]) {
      c.push(t(text, right, ln.y - 3, ln.size, 1, 1, { bold: true, color: ln.color, bg: true }));
      c.push(t(text, right, ln.y + 3, ln.size, 1, 0, { bold: true, color: ln.color, bg: true }));
      c.push(t(text, g.x0 + 4, ln.y - 3, ln.size, 0, 1, { bold: true, color: ln.color, bg: true }));
      c.push(t(text, g.x0 + 4, ln.y + 3, ln.size, 0, 0, { bold: true, color: ln.color, bg: true }));
      c.push(t(text, (g.x0 + right) / 2, ln.y - 3, ln.size, 0.5, 1, { bold: true, color: ln.color, bg: true }));
    }
    groups.push({ id: ln.id, candidates: c });
  }
  // Each lab: its capability above its bar, its name and details under the column, its aligned level.
  const narrow = g.colW < 130;
  m.labs.forEach((lab, i) => {
    const cx = g.colX(i);
    const topY = g.yOf(lab.cap);
    const cap = capText(lab);
    groups.push({
      id: `cap-${lab.seat}`,
      candidates: [
        t(cap, cx, topY - 20, 13, 0.5, 1, { bold: true, bg: true }),
        t(cap, cx, topY - 34, 13, 0.5, 1, { bold: true, bg: true }),
        t(cap, cx + 11, topY - 10, 13, 0, 0.5, { bold: true, bg: true }),
        t(cap, cx - 11, topY - 10, 13, 1, 0.5, { bold: true, bg: true }),
        t(cap, cx, topY + 2, 12, 0.5, 0, { bold: true, bg: true }),
      ],
    });
    const width = g.colW - 6;
    const nameText = fitted([`${lab.style.mark} ${lab.name}`], narrow ? 12 : 13, lab.mine, width);
    groups.push({
      id: `name-${lab.seat}`,
      candidates: [t(nameText, cx, g.yBase + 8, narrow ? 12 : 13, 0.5, 0, { bold: lab.mine })],
    });
    const def = "◆".repeat(lab.defense) + "◇".repeat(Math.max(0, 2 - lab.defense));
    const you = lab.mine ? (narrow ? "you " : "you · ") : "";
    const prod = lab.prod ? ` · ${lab.prod} prod` : "";
    const flaws = lab.flaws !== null ? `${lab.flaws} flaw${lab.flaws === 1 ? "" : "s"}` : "";
    // Two short lines rather than one cut line: defense and products, then flaws (known at the end).
    const line2 = fitted(
      [`${you}${narrow ? "" : "defense "}${def}${prod}`, `${you}${def}${prod}`, `${def}${prod}`, def],
      11,
      false,
      width,
    );
    groups.push({ id: `sub-${lab.seat}`, candidates: [t(line2, cx, g.yBase + 26, 11, 0.5, 0, { color: MUTED })] });
    if (flaws)
      groups.push({
        id: `flaws-${lab.seat}`,
        optional: true,
        candidates: [t(fitted([flaws], 11, false, width), cx, g.yBase + 42, 11, 0.5, 0, { color: MUTED })],
      });
    if (lab.aligned !== null) {
      const ah = Math.max(0, Math.min(lab.aligned, lab.cap) * g.unit);
      const ay = g.yBase - ah;
      const long = `aligned ${fmt(lab.aligned)}`;
      const short = fmt(lab.aligned);
      const c: Candidate[] = [];
      if (!narrow) c.push(t(long, cx + g.barW / 2 + 3, ay, 11, 0, 0.5, { color: "#00583f", bg: true }));
      if (ah >= 18) c.push(t(short, cx, ay + 2, 12, 0.5, 0, { bold: true, color: "#ffffff" }));
      c.push(t(short, cx, ay - 2, 11, 0.5, 1, { bold: true, color: "#00583f", bg: true }));
      c.push(t(short, cx + g.barW / 2 + 3, ay, 11, 0, 0.5, { bold: true, color: "#00583f", bg: true }));
      groups.push({ id: `aligned-${lab.seat}`, optional: true, candidates: c });
    } else {
      groups.push({
        id: `aligned-${lab.seat}`,
        optional: true,
        candidates: [
          t(narrow ? "?" : "aligned ?", cx, g.yBase - Math.min((lab.cap * g.unit) / 2, 40), 11, 0.5, 0.5, {
            color: MUTED,
          }),
        ],
      });
    }
  });
  // Rogue actors: the column's name, its estimate, and the leak intel above it.
  const rx = g.colX(m.labs.length);
  groups.push({
    id: "rogue-name",
    candidates: [t("✖ Rogue", rx, g.yBase + 8, g.colW < 130 ? 12 : 13, 0.5, 0, { bold: true })],
  });
  groups.push({
    id: "rogue-value",
    candidates: [
      t(
        fitted(
          [m.rogue.exact ? `exactly ${fmt(m.rogue.value)}` : `≈ ${fmt(m.rogue.value)} (±1)`, `≈ ${fmt(m.rogue.value)}`],
          12,
          false,
          g.colW - 4,
        ),
        rx,
        g.yBase + 26,
        12,
        0.5,
        0,
        { color: MUTED },
      ),
    ],
  });
  const py = r.y + 22;
  const leak =
    m.pool !== null
      ? [`Leak pool ${fmt(m.pool)}`, `Pool ${fmt(m.pool)}`]
      : m.leakNow
        ? ["Leak this round!", "Leak!"]
        : r.w >= 480
          ? [`Leak intel: ${m.intel}`, `Leaks: ${m.intel}`]
          : [`Leaks: ${m.intel}`, m.intel];
  const leakColor = m.leakNow && m.pool === null ? "#7a4b00" : MUTED;
  const leakC: Candidate[] = [];
  for (const text of leak) {
    leakC.push(t(text, rx - 20, py, 12, 1, 0.5, { color: leakColor, bold: m.leakNow }));
    leakC.push(t(text, rx, py + 18, 12, 0.5, 0, { color: leakColor, bold: m.leakNow, bg: true }));
  }
  groups.push({ id: "leak", candidates: leakC });
  // The leak-intel circle is drawn there: nothing else may sit on it.
  const circle = { x: rx - 16, y: py - 16, w: 32, h: 32 };
  return place(groups, bounds, [circle]);
}

export function headerLabels(m: BoardModel, L: BoardLayout): TextLabel[] {
  const r = L.header;
  const title = m.end ? `Round ${m.end.round} of ${m.rounds} · ended` : `Round ${m.round} of ${m.rounds}`;
  const groups: Group[] = [
    { id: "header", candidates: [{ text: title, x: r.x, y: r.y + 6, size: 18, bold: true, ox: 0, oy: 0, color: INK }] },
  ];
  if (m.neutralized) {
    groups.push({
      id: "neutralized",
      candidates: ["✔ A defense holds the world", "✔ Defense holds", "✔ Held"].map((text) => ({
        text,
        x: r.x + r.w,
        y: r.y + 8,
        size: 14,
        bold: true,
        ox: 1,
        oy: 0,
        color: "#006b4f",
      })),
    });
  }
  return place(groups, { x: 0, y: 0, w: r.x + r.w + 1, h: r.y + r.h + 1 });
}

export interface TrackRow {
  label: string;
  value: number;
  max: number;
  marks?: readonly number[];
  note?: string;
}

export function trackRows(m: BoardModel): TrackRow[] {
  return [
    { label: "Theory", value: m.theory, max: m.max.theory, marks: m.milestoneAt },
    { label: "Interpretability", value: m.interp, max: m.max.interp },
    // The hidden drift belongs to augmentation: it is written under its label (known at the end only).
    {
      label: "Augmentation",
      value: m.aug,
      max: m.max.aug,
      note:
        m.drift !== null
          ? `hidden drift ${fmt(m.drift)}`
          : !m.augLaw.legal && m.aug < m.max.aug
            ? `past 2 needs a law (will ${m.augLaw.will})`
            : undefined,
    },
    {
      label: "Political will",
      value: m.will,
      max: m.max.will,
      note:
        m.lockIn.value > 0
          ? `lock-in ${fmt(m.lockIn.value)}${m.lockIn.policyWill > 0 ? `: curbs need +${m.lockIn.policyWill}` : ""}`
          : undefined,
    },
    {
      label: "Monitoring regime",
      value: m.regime,
      max: m.max.regime,
      note: `needs will ${m.lockIn.regimeWill} and enforcing`,
    },
  ];
}

export function trackLabels(m: BoardModel, r: Rect): TextLabel[] {
  const rows = trackRows(m);
  const rowH = (r.h - 8) / rows.length;
  const labelW = Math.min(150, r.w * 0.4);
  const out: TextLabel[] = [];
  rows.forEach((row, i) => {
    const y = r.y + 4 + rowH * i + rowH / 2;
    const size = textWidth(row.label, 13) <= labelW - 4 ? 13 : 11;
    out.push({
      id: `track-${i}`,
      text: row.label,
      x: r.x,
      y: row.note ? y - 7 : y,
      size,
      bold: false,
      ox: 0,
      oy: 0.5,
      color: INK,
    });
    if (row.note)
      out.push({
        id: `track-${i}-note`,
        text: row.note,
        x: r.x,
        y: y + 9,
        size: 10,
        bold: false,
        ox: 0,
        oy: 0.5,
        color: MUTED,
      });
    out.push({
      id: `track-${i}-value`,
      text: `${fmt(row.value)}/${row.max}`,
      x: r.x + r.w,
      y,
      size: 13,
      bold: true,
      ox: 1,
      oy: 0.5,
      color: INK,
    });
  });
  return out;
}

/** Every label of the board at this size (the news card wraps its own text inside its box and is left out). */
export function boardLabels(m: BoardModel, L: BoardLayout): TextLabel[] {
  return [...headerLabels(m, L), ...ladderLabels(m, L.ladder), ...trackLabels(m, L.tracks)];
}
