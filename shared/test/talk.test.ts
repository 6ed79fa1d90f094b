// Bots that talk: one plain intent line from the bot's own plan.
import { describe, expect, it } from "vitest";
import { botOrders } from "../src/bots/index.js";
import { intentLine } from "../src/bots/talk.js";
import { createMatch, resolveRound } from "../src/rules/resolve.js";
import { seatView } from "../src/rules/view.js";
import { playMatch } from "../src/sim/simulate.js";
import { DOCTRINES, ROLES } from "../src/rules/types.js";

describe("intentLine", () => {
  it("says, in one short line, what every planned action of every role does, through a whole match", () => {
    const seats = [...ROLES, ...ROLES].map((role, i) => ({ role, doctrine: DOCTRINES[i % 4] }));
    const { record } = playMatch("baseline", 5, seats);
    let s = createMatch({ scenario: "baseline", seed: 5, seats });
    for (const orders of record.ordersByRound) {
      s.seats.forEach((_, i) => {
        const v = seatView(s, i, { history: false });
        const line = intentLine(v, botOrders(v, { difficulty: "normal", seed: 5 }))!;
        expect(line).toMatch(/^(This round I plan to [^{}]+\.|I'm sitting this round out\.)/);
        expect(line).not.toMatch(/undefined|NaN|\[object/);
        expect(line.length).toBeLessThanOrEqual(200);
      });
      s = resolveRound(s, orders).state;
    }
  });

  it("names targets and policies in words", () => {
    const s = createMatch({
      scenario: "baseline",
      seed: 1,
      seats: [
        { role: "regulator", doctrine: "butlerian" },
        { role: "lab", doctrine: "incrementalist" },
      ],
    });
    const v = seatView(s, 0);
    expect(
      intentLine(v, {
        actions: [
          { kind: "enact", policy: "securityStandard" },
          { kind: "audit", target: 1 },
        ],
      }),
    ).toBe(`This round I plan to enact Security standard and audit ${s.seats[1].name}.`);
    expect(intentLine(v, { actions: [] })).toBe("I'm sitting this round out.");
  });
});
