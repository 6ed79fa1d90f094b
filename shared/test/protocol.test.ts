// Protocol: zod schemas accept good messages and refuse bad ones with a readable reason.
import { describe, expect, it } from "vitest";
import { ACTION_DEFS } from "../src/content/actions.js";
import { CreateOptionsSchema, MESSAGE_SCHEMAS, MSG, parseMessage } from "../src/protocol/messages.js";
import { ActionSchema, RoundExtrasSchema, SeatOrdersSchema } from "../src/protocol/orders.js";
import type { Action, ActionKind } from "../src/rules/types.js";

/** One well-formed action of every kind. */
const SAMPLE_ACTIONS: Record<ActionKind, Action> = {
  capability: { kind: "capability", publish: true, defy: false },
  alignment: { kind: "alignment", publish: false },
  validate: { kind: "validate" },
  minimalRiskTest: { kind: "minimalRiskTest" },
  security: { kind: "security" },
  deploy: { kind: "deploy" },
  lobby: { kind: "lobby", policy: "moratorium" },
  buildDefense: { kind: "buildDefense" },
  enact: { kind: "enact", policy: "treaty" },
  repeal: { kind: "repeal", policy: "theoryFund" },
  audit: { kind: "audit", target: 2 },
  enforce: { kind: "enforce" },
  campaign: { kind: "campaign" },
  grant: { kind: "grant", target: 4, amount: 3 },
  buildRegime: { kind: "buildRegime" },
  theory: { kind: "theory", mode: "fast", publish: true },
  interpretability: { kind: "interpretability" },
  augmentation: { kind: "augmentation", route: "direct" },
  consult: { kind: "consult", target: 0 },
  publishTheory: { kind: "publishTheory" },
  advise: { kind: "advise", target: 3 },
  applyGrant: { kind: "applyGrant" },
};

describe("every action kind has a schema", () => {
  it.each(Object.keys(ACTION_DEFS).map((k) => [k]))("%s", (kind) => {
    const a = SAMPLE_ACTIONS[kind as ActionKind];
    expect(ActionSchema.parse(a)).toEqual(a);
  });
});

describe("parseMessage accepts good messages", () => {
  it.each<[string, unknown]>([
    [MSG.orders, { actions: [] }],
    [MSG.orders, { actions: [SAMPLE_ACTIONS.capability, SAMPLE_ACTIONS.validate, SAMPLE_ACTIONS.deploy] }],
    [MSG.orders, { actions: [SAMPLE_ACTIONS.grant], transfers: [{ to: 1, amount: 2 }] }],
    [MSG.orders, { actions: [], switchDoctrine: "butlerian" }],
    [MSG.orders, { actions: [{ kind: "lobby" }] }],
    [MSG.chat, { text: "  let us make a deal  " }],
    [MSG.takeSeat, { seat: 7 }],
    [MSG.leaveSeat, {}],
    [MSG.leaveSeat, undefined],
    [MSG.setDoctrine, { doctrine: "transhumanist" }],
    [MSG.ready, { ready: true }],
    [MSG.reclaim, { seat: 0, token: "abcdefgh" }],
    [MSG.propose, { orders: { actions: [SAMPLE_ACTIONS.security] } }],
    [MSG.vote, { proposal: 3 }],
    [MSG.poll, { opinion: -1 }],
    [MSG.hostSettings, { scenario: "classroom", rounds: 8, timers: { orders: 60 } }],
    [MSG.hostSeat, { seat: 2, bot: true, difficulty: "hard" }],
    [MSG.hostExtend, { seconds: 30 }],
    [MSG.hostKick, { seat: 1 }],
    [MSG.hostInject, { card: "whistleblower" }],
    [MSG.hostMove, { student: "s-1", seat: -1 }],
    [MSG.hostStart, {}],
  ])("%s %j", (name, payload) => {
    const r = parseMessage(name, payload);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  it("chat text is trimmed", () => {
    expect(parseMessage(MSG.chat, { text: "  hi  " })).toEqual({ ok: true, name: MSG.chat, value: { text: "hi" } });
  });
});

describe("parseMessage refuses bad messages with a readable reason (message name, where, what)", () => {
  it.each<[string, unknown, string, RegExp]>([
    // name, payload, where, what
    [MSG.orders, { actions: [{ kind: "teleport" }] }, "actions.0.kind", /capability/],
    [MSG.orders, { actions: [{ kind: "capability", publish: "yes" }] }, "actions.0.publish", /boolean/],
    [MSG.orders, { actions: [{ kind: "audit" }] }, "actions.0.target", /number/],
    [MSG.orders, { actions: [{ kind: "validate", extra: 1 }] }, "actions.0", /extra/],
    [
      MSG.orders,
      { actions: [{ kind: "deploy" }, { kind: "deploy" }, { kind: "deploy" }, { kind: "deploy" }] },
      "actions",
      /3/,
    ],
    [MSG.orders, { actions: [], switchDoctrine: "nihilist" }, "switchDoctrine", /conservative/],
    [MSG.orders, { actions: [], transfers: [{ to: 1, amount: 0 }] }, "transfers.0.amount", /1/],
    [MSG.orders, { actions: [{ kind: "grant", target: 8, amount: 1 }] }, "actions.0.target", /7/],
    [MSG.orders, { actions: [{ kind: "grant", target: 1, amount: 1.5 }] }, "actions.0.amount", /int/i],
    [MSG.orders, { actions: [{ kind: "enact", policy: "ban" }] }, "actions.0.policy", /treaty/],
    [MSG.orders, { actions: [{ kind: "theory", mode: "reckless" }] }, "actions.0.mode", /careful/],
    [MSG.orders, { actions: [{ kind: "augmentation" }] }, "actions.0.route", /./],
    [MSG.orders, {}, "actions", /array/],
    [MSG.orders, { actions: [], cheat: true }, "", /cheat/],
    [MSG.chat, { text: "" }, "text", /1/],
    [MSG.chat, { text: "   " }, "text", /1/],
    [MSG.chat, { text: "x".repeat(281) }, "text", /280/],
    [MSG.takeSeat, { seat: -1 }, "seat", /0/],
    [MSG.takeSeat, { seat: "2" }, "seat", /number/],
    [MSG.setDoctrine, { doctrine: "nihilist" }, "doctrine", /butlerian/],
    [MSG.reclaim, { seat: 1, token: "short" }, "token", /8/],
    [MSG.poll, { opinion: 2 }, "opinion", /./],
    [MSG.hostSettings, { scenario: "mars" }, "scenario", /Unknown scenario/],
    [MSG.hostSettings, { rounds: 31 }, "rounds", /30/],
    [MSG.hostExtend, { seconds: 1 }, "seconds", /5/],
    [MSG.hostInject, { card: "" }, "card", /1/],
    [MSG.leaveSeat, { seat: 1 }, "", /seat/],
  ])("%s %j → at %s", (name, payload, where, what) => {
    const r = parseMessage(name, payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("invalid");
    expect(r.reason.startsWith(`Invalid ${name}${where ? ` at ${where}` : ""}: `), r.reason).toBe(true);
    expect(r.reason).toMatch(what);
    expect(r.reason.length).toBeLessThan(400);
  });

  it("an unknown message name", () => {
    expect(parseMessage("nope", {})).toEqual({ ok: false, code: "unknown_message", reason: 'Unknown message "nope".' });
  });

  it("a payload that is not an object", () => {
    const r = parseMessage(MSG.orders, "hi");
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.reason).toMatch(/^Invalid orders: .*object/);
  });
});

describe("the schema table", () => {
  it("every client message name has a schema", () => {
    expect(Object.keys(MESSAGE_SCHEMAS).sort()).toEqual(Object.values(MSG).sort());
  });

  it("orders schema is the message schema for orders", () => {
    expect(MESSAGE_SCHEMAS[MSG.orders]).toBe(SeatOrdersSchema);
  });

  it.each<[unknown, boolean]>([
    [{}, true],
    [{ inject: "whistleblower", opinion: 1 }, true],
    [{ opinion: 0.5 }, true],
    [{ opinion: 2 }, false],
    [{ inject: "x".repeat(65) }, false],
    [{ other: 1 }, false],
  ])("round extras %j → %s", (x, ok) => {
    expect(RoundExtrasSchema.safeParse(x).success).toBe(ok);
  });

  it("create options fill defaults and refuse unknown scenarios", () => {
    expect(CreateOptionsSchema.parse({})).toMatchObject({ mode: "online", scenario: "baseline", public: false });
    expect(CreateOptionsSchema.safeParse({ scenario: "mars" }).success).toBe(false);
    expect(CreateOptionsSchema.safeParse({ seats: [{ role: "lab", bot: true }], seed: 5 }).success).toBe(true);
    expect(CreateOptionsSchema.safeParse({ seats: [] }).success).toBe(false);
    expect(CreateOptionsSchema.safeParse({ seed: -1 }).success).toBe(false);
  });
});
