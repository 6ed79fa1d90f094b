// The expert against the best scripted arm, role by role and doctrine by doctrine, from a balance result's arms
// (balance-scenarios.mjs writes it into docs/balance-scenarios.json; model.mjs reads it from docs/balance-baseline.json).

/** The bot arms: reference points, not exploits. */
export const BOTS = new Set(["normal", "hard", "expert"]);

/**
 * Per doctrine that played the expert: its and the hard bot's gain over the normal bot, the best scripted or searched
 * arm, the expert's margin over it, and catastrophe with the normal bot and the expert. `r` rounds every figure.
 */
export function expertCells(arms, r = (x) => x) {
  const cells = {};
  for (const d of new Set(arms.map((a) => a.doctrine))) {
    const mine = arms.filter((a) => a.doctrine === d);
    const bot = (name) => mine.find((a) => a.name === name);
    const best = mine.filter((a) => !BOTS.has(a.name)).sort((a, b) => b.gain - a.gain)[0];
    const [normal, hard, expert] = [bot("normal"), bot("hard"), bot("expert")];
    if (!expert || !best) continue;
    cells[d] = {
      expert: { gain: r(expert.gain), se: r(expert.gainSe), matches: expert.n },
      hard: hard ? { gain: r(hard.gain), se: r(hard.gainSe) } : null,
      bestScripted: { name: best.name, gain: r(best.gain), se: r(best.gainSe), matches: best.n },
      margin: r(expert.gain - best.gain),
      catastrophe: { normal: normal.catastrophe, expert: expert.catastrophe },
    };
  }
  return cells;
}
