// What normal-bot play leaves hidden, round by round: the priors the search's determinizer samples from
// (bots/determinize.ts PRIORS). Re-measure after a rules or bot change:
//   npm run sim -- --priors --matches 400 --seed 7
// and copy the printed tables into PRIORS (a unit test fails when they drift apart).
import type { Priors } from "../bots/determinize.js";
import { hashSeeds } from "../rng.js";
import { DOCTRINES, type Doctrine, type MatchState } from "../rules/types.js";
import { playMatch, seatsFor, type SimOptions } from "./simulate.js";

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
  const observe = (s: MatchState) => {
    rounds = Math.max(rounds, s.params.rounds);
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
  };
  for (let i = 0; i < opts.matches; i++)
    playMatch(opts.scenario, hashSeeds(opts.seed, i), seatsFor(opts, i), undefined, "normal", undefined, observe);
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
