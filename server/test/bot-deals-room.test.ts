// A player offers a bot a side payment in the chat of an online table: the bot answers in the chat and keeps the deal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG, type MatchRecord } from "@metastrategy/shared";
import { create, getJson, testServer } from "./helpers.js";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer({ timerScale: 1 });
});
afterAll(async () => {
  await srv.close();
});

describe("bots that deal at an online table", () => {
  it("a bot answers a chat offer addressed to it by name, and the round resolves with the deal kept", async () => {
    const a = await create(srv.url, {
      seed: 11,
      seats: [{ role: "regulator" }, { role: "lab", bot: true }, { role: "lab", bot: true }],
      timers: { news: 0, deliberation: 600, orders: 600, report: 0 },
      player: { name: "Ada" },
    });
    a.room.send(MSG.hostStart, {});
    await a.until(() => a.state.phase === "deliberation", 10_000, "deliberation");
    const bot = a.state.seats[1].name;
    a.room.send(MSG.chat, { text: `${bot}, I'll pay you 2 funds if you validate` });
    await a.until(
      () => a.chat.some((l) => l.seat === 1 && /^(Deal|No deal), Ada: /.test(l.text)),
      10_000,
      "the bot's answer",
    );
    const answer = a.chat.find((l) => l.seat === 1 && /^(Deal|No deal), Ada: /.test(l.text))!;
    expect(answer.text).toBe("Deal, Ada: I'll test my systems this round.");
    // Lines that are not offers get no answer from the bots.
    const before = a.chat.length;
    a.room.send(MSG.chat, { text: "good luck everyone" });
    await a.until(() => a.chat.some((l) => l.text === "good luck everyone"), 5000, "echo");
    expect(a.chat.slice(before).filter((l) => l.seat !== 0)).toEqual([]);
    a.room.send(MSG.hostEndPhase, {});
    await a.until(() => a.state.phase === "orders", 5000, "orders");
    a.room.send(MSG.orders, { actions: [], transfers: [{ to: 1, amount: 2 }] });
    await a.until(() => a.state.round === 2 || a.state.phase === "ended", 15_000, "round 1 resolved");
    a.room.send(MSG.hostEndMatch, {});
    await a.until(() => !!a.ended, 5000, "ended");
    const record = (await getJson(`${srv.http}/api/matches/${a.token!.code}/record`)).body as MatchRecord;
    // The bot kept its word: validation first in its orders; the player's transfer went through as given.
    expect(record.ordersByRound[0][1]!.actions[0]).toEqual({ kind: "validate" });
    expect(record.ordersByRound[0][0]!.transfers).toEqual([{ to: 1, amount: 2 }]);
    await a.room.leave(true);
  });
});
