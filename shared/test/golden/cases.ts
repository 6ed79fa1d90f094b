// The golden replays: fixed bot matches whose records and final summaries are stored as JSON beside this file.
// Regenerate after an intended rules change (from the repository root):  node --import tsx shared/test/golden/update.ts
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { botOrders } from "../../src/bots/index.js";
import { createMatch, resolveRound } from "../../src/rules/resolve.js";
import { RULES_VERSION } from "../../src/rules/state.js";
import type { MatchRecord, MatchState, RoundExtras, SeatOrders, SeatSetup } from "../../src/rules/types.js";
import { seatView } from "../../src/rules/view.js";
import { playMatch } from "../../src/sim/simulate.js";

export const UPDATE_COMMAND = "node --import tsx shared/test/golden/update.ts";

const TABLE: SeatSetup[] = [
  { role: "lab", doctrine: "incrementalist", name: "Lab A" },
  { role: "lab", doctrine: "conservative", name: "Lab B" },
  { role: "lab", doctrine: "transhumanist", name: "Lab C" },
  { role: "regulator", doctrine: "butlerian", name: "Regulator" },
  { role: "researcher", doctrine: "conservative", name: "Researcher A" },
  { role: "researcher", doctrine: "transhumanist", name: "Researcher B" },
];

/** playMatch with facilitator extras (classroom): the same bot loop, plus an inject and a poll on given rounds. */
function playWithExtras(scenario: string, seed: number, seats: SeatSetup[], extrasAt: Record<number, RoundExtras>): MatchRecord {
  let s = createMatch({ scenario, seed, seats });
  const ordersByRound: SeatOrders[][] = [];
  const extrasByRound: (RoundExtras | null)[] = [];
  while (s.phase !== "ended") {
    const orders = s.seats.map((_, i) => botOrders(seatView(s, i, { history: false }), { difficulty: "normal", seed }));
    const extras = extrasAt[s.round] ?? null;
    ordersByRound.push(orders);
    extrasByRound.push(extras);
    s = resolveRound(s, orders, extras).state;
  }
  return { rulesVersion: RULES_VERSION, scenario, seed, seats, ordersByRound, extrasByRound };
}

export interface GoldenCase {
  name: string;
  description: string;
  make: () => MatchRecord;
}

export const GOLDEN_CASES: GoldenCase[] = [
  {
    name: "baseline-seed1",
    description: "Baseline, seed 1, default table of normal bots.",
    make: () => playMatch("baseline", 1, TABLE).record,
  },
  {
    name: "leaky-seed2",
    description: "Leaky world, seed 2, default table of easy bots (random noise in the orders).",
    make: () => playMatch("leaky", 2, TABLE, undefined, "easy").record,
  },
  {
    name: "classroom-seed3",
    description: "Classroom, seed 3, normal bots; the facilitator injects a whistleblower after round 2 and a poll calls for caution in round 4.",
    make: () => playWithExtras("classroom", 3, TABLE, { 2: { inject: "whistleblower" }, 4: { opinion: 1 } }),
  },
];

/** What a golden replay must reproduce. */
export function summarize(s: MatchState) {
  return {
    ending: s.end?.ending ?? null,
    by: s.end?.by ?? null,
    endSeat: s.end?.seat ?? null,
    round: s.round,
    worldValue: s.end?.worldValue ?? null,
    scores: s.scores,
    prestige: s.seats.map((x) => x.prestige),
    labs: s.seats.filter((x) => x.lab).map((x) => ({ seat: x.id, cap: x.lab!.cap, aligned: x.lab!.aligned, flaws: x.lab!.flaws, sec: x.lab!.sec, prod: x.lab!.prod, defense: x.lab!.defense })),
    rogue: s.world.rogue,
    world: {
      theory: s.world.theory, interp: s.world.interp, aug: s.world.aug, drift: s.world.drift, pool: s.world.pool, will: s.world.will,
      regime: s.world.regime, policies: s.world.policies, neutralized: s.world.neutralized, frontier: s.world.frontier,
    },
    news: s.history.map((h) => h.events),
  };
}

export type Summary = ReturnType<typeof summarize>;

export interface GoldenFile {
  name: string;
  description: string;
  regenerate: string;
  record: MatchRecord;
  summary: Summary;
}

/** The fixtures kept in one folder beside this file (`v1`, `v2.1`, …): their file names, sorted, and a loader. */
export function fixtures(folder: string): { files: string[]; load: (f: string) => GoldenFile } {
  const dir = join(dirname(fileURLToPath(import.meta.url)), folder);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  return { files, load: (f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as GoldenFile };
}
