// What normal-bot play leaves hidden, round by round: the priors the search's determinizer samples from
// (bots/determinize.ts PRIORS). Re-measure after a rules or bot change:
//   npm run sim -- --priors --matches 400 --seed 7
// and copy the printed tables into PRIORS (a unit test fails when they drift apart).
import { botOrders } from "../bots/index.js";
import type { Priors } from "../bots/determinize.js";
import { hashSeeds } from "../rng.js";
import { createMatch, resolveRound } from "../rules/resolve.js";
import { DOCTRINES, type Doctrine } from "../rules/types.js";
import { publicView, seatViewWith } from "../rules/view.js";
import { seatsFor, type SimOptions } from "./simulate.js";

const QUIET = { report: false } as const;

/** Running means by round (index 0 = round 1). */
class ByRound {
  private sum: number[] = [];
  private n: number[] = [];
  add(round: number, x: number): void {
    const r = round - 1;
    this.sum[r] = (this.sum[r] ?? 0) + x;
    this.n[r] = (this.n[r] ?? 0) + 1;
  }
  means(rounds: number): number[] {
    const out: number[] = [];
    for (let r = 0; r < rounds; r++) out.push(this.n[r] ? Math.round((this.sum[r] / this.n[r]) * 100) / 100 : 0);
    return out;
  }
}

const byDoctrine = () => Object.fromEntries(DOCTRINES.map((d) => [d, new ByRound()])) as Record<Doctrine, ByRound>;

/** Measures the priors on normal-bot matches (random doctrines), state at the start of every round. */
export function measurePriors(opts: Pick<SimOptions, "scenario" | "matches" | "seed">): Priors {
  const influence = byDoctrine();
  const labFunds = byDoctrine();
  const regulatorFunds = new ByRound();
  const researcherFunds = new ByRound();
  const flaws = new ByRound();
  const undeclared = new ByRound();
  let rounds = 0;
  for (let i = 0; i < opts.matches; i++) {
    const seed = hashSeeds(opts.seed, i);
    let s = createMatch({ scenario: opts.scenario, seed, seats: seatsFor({ ...opts }, i) });
    rounds = Math.max(rounds, s.params.rounds);
    while (s.phase !== "ended") {
      for (const x of s.seats) {
        if (x.role === "regulator") {
          influence[x.doctrine].add(s.round, x.influence);
          regulatorFunds.add(s.round, x.funds);
        } else if (x.role === "researcher") researcherFunds.add(s.round, x.funds);
        const lab = x.lab;
        if (!lab) continue;
        labFunds[x.doctrine].add(s.round, x.funds);
        flaws.add(s.round, lab.flaws);
        undeclared.add(s.round, lab.cap - Math.max(lab.declaredCap, lab.alignedPublic ?? 0));
      }
      const pv = publicView(s, { history: false });
      const orders = s.seats.map((_, k) => botOrders(seatViewWith(pv, s, k), { difficulty: "normal", seed }));
      s = resolveRound(s, orders, null, QUIET).state;
    }
  }
  const perDoctrine = (t: Record<Doctrine, ByRound>) =>
    Object.fromEntries(DOCTRINES.map((d) => [d, t[d].means(rounds)])) as Record<Doctrine, number[]>;
  return {
    influence: perDoctrine(influence),
    labFunds: perDoctrine(labFunds),
    regulatorFunds: regulatorFunds.means(rounds),
    researcherFunds: researcherFunds.means(rounds),
    flaws: flaws.means(rounds),
    undeclared: undeclared.means(rounds),
  };
}
