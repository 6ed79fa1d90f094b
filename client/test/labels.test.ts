// No two board labels overlap and none leaves the board, at every size the board is drawn at, through whole seeded
// matches seen from every seat (label boxes from the board model, not pixels).
import { describe, expect, it } from "vitest";
import {
  botOrders,
  createMatch,
  publicView,
  resolveRound,
  seatView,
  type MatchState,
  type RoundReport,
} from "@metastrategy/shared";
import { boardModel, type BoardModel } from "../src/model";
import { boardLayout } from "../src/board/layout";
import { boardLabels, labelBox, ladderLabels, overlaps, textWidth } from "../src/board/labels";

const TABLES = [
  ["lab", "lab", "lab", "regulator", "researcher", "researcher"],
  ["lab", "lab", "lab", "lab", "regulator", "researcher"],
  ["lab", "regulator", "researcher"],
] as const;
const DOCS = ["incrementalist", "conservative", "butlerian", "transhumanist"] as const;

function frames(
  seed: number,
  table: readonly string[],
  scenario = "baseline",
): { state: MatchState; report: RoundReport | null }[] {
  let state = createMatch({
    scenario,
    seed,
    seats: table.map((role, i) => ({ role: role as "lab", doctrine: DOCS[(i + seed) % 4] })),
  });
  const out: { state: MatchState; report: RoundReport | null }[] = [{ state, report: null }];
  while (state.phase !== "ended") {
    const orders = state.seats.map((_, i) =>
      botOrders(seatView(state, i), { difficulty: (["easy", "normal"] as const)[(seed + i) % 2], seed: seed + i }),
    );
    const r = resolveRound(state, orders);
    state = r.state;
    out.push({ state, report: r.report });
  }
  return out;
}

/** The board's canvas sizes: portrait under 720 px of width (960 px tall), landscape from 480 to 820 px tall. */
const SIZES: [number, number][] = [
  [340, 960],
  [366, 960],
  [500, 960],
  [719, 960],
  [720, 480],
  [760, 560],
  [900, 600],
  [1000, 820],
  [1400, 820],
];

function problems(m: BoardModel, W: number, H: number): string[] {
  const L = boardLayout(W, H);
  const labels = boardLabels(m, L);
  const out: string[] = [];
  const boxes = labels.map((l) => ({ l, b: labelBox(l) }));
  for (let i = 0; i < boxes.length; i++) {
    const { l, b } = boxes[i];
    if (b.x < 0 || b.y < 0 || b.x + b.w > W || b.y + b.h > H)
      out.push(`${l.id} "${l.text}" leaves the ${W}×${H} board`);
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(b, boxes[j].b))
        out.push(`${l.id} "${l.text}" overlaps ${boxes[j].l.id} "${boxes[j].l.text}" at ${W}×${H}`);
    }
  }
  // The labels a player needs are all there.
  const ids = new Set(labels.map((l) => l.id));
  for (const need of [
    "danger",
    "tai",
    "rogue-name",
    "rogue-value",
    "leak",
    ...m.labs.flatMap((l) => [`cap-${l.seat}`, `name-${l.seat}`, `sub-${l.seat}`]),
  ]) {
    if (!ids.has(need)) out.push(`${need} missing at ${W}×${H}`);
  }
  return out;
}

describe("board labels", () => {
  it("estimates widths generously and places each lab's labels in its own column", () => {
    expect(textWidth("Danger line 9", 13, true)).toBeGreaterThan(80);
    expect(textWidth("◆◇", 11)).toBeGreaterThan(20);
    const [{ state }] = frames(1, TABLES[0]);
    const m = boardModel(seatView({ ...state }, 0), null, 0);
    const labels = ladderLabels(m, boardLayout(360, 960).ladder);
    const names = labels.filter((l) => l.id.startsWith("name-")).map(labelBox);
    for (let i = 1; i < names.length; i++) expect(names[i].x).toBeGreaterThanOrEqual(names[i - 1].x + names[i - 1].w);
  });

  it("never overlap, never leave the board, through whole matches from every seat and at every size", () => {
    const found: string[] = [];
    let checked = 0;
    for (const [k, table] of TABLES.entries()) {
      for (const seed of [1, 2, 3, 4]) {
        for (const { state, report } of frames(seed * 7 + k, table, seed % 2 ? "baseline" : "fast")) {
          const views = [publicView(state), ...state.seats.map((_, i) => seatView(state, i))];
          views.forEach((v, i) => {
            const m = boardModel(v, report, i === 0 ? null : i - 1);
            for (const [W, H] of SIZES) {
              found.push(...problems(m, W, H));
              checked++;
            }
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...new Set(found)].slice(0, 20)).toEqual([]);
  });

  it("a crowded board (every lab at the danger line, rogue near TAI) still places every label", () => {
    const [{ state }] = frames(5, TABLES[1]);
    const s = structuredClone(state);
    const danger = publicView(s).dangerLine;
    for (const x of s.seats)
      if (x.lab) {
        x.lab.cap = danger;
        x.lab.declaredCap = danger;
        x.lab.aligned = danger - 1;
        x.lab.alignedPublic = danger - 1;
        x.lab.prod = 3;
        x.lab.defense = 1;
      }
    s.world.rogueEstimate = s.params.taiThreshold - 1;
    s.world.neutralized = true;
    for (const [W, H] of SIZES) expect(problems(boardModel(publicView(s), null, null), W, H)).toEqual([]);
  });
});
