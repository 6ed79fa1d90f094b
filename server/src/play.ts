// Terminal client: `npm run play -- --url ws://127.0.0.1:2567 --bots 5 --seed 7 --json`
// Creates a match, holds one seat with random legal orders, lets bots hold the others, prints the result.
import { parseArgs } from "node:util";
import { Client } from "colyseus.js";
import { MSG, SCENARIOS, hashSeeds, legalOrdersFromView, makeRng, type Role } from "@metastrategy/shared";
import { randomOrders } from "../../shared/src/bots/random.js";
import { Follower } from "./client/follow.js";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "ws://127.0.0.1:2567" },
    bots: { type: "string", default: "5" },
    seed: { type: "string", default: "7" },
    scenario: { type: "string", default: "baseline" },
    rounds: { type: "string" },
    difficulty: { type: "string", default: "normal" },
    json: { type: "boolean", default: false },
    timeout: { type: "string", default: "300" },
  },
});

const seed = Number(values.seed);
const bots = Math.max(0, Math.min(7, Number(values.bots)));
const table: Role[] = SCENARIOS[values.scenario!]?.table ?? SCENARIOS.baseline.table;
const pool: Role[] = [...table, "lab", "researcher", "regulator"];
const roles = pool.slice(0, bots + 1);
const say = (s: string) => {
  if (!values.json) console.log(s);
};

async function main(): Promise<number> {
  const client = new Client(values.url!);
  const room = await client.create("match", {
    mode: "online",
    scenario: values.scenario,
    seed,
    ...(values.rounds ? { rounds: Number(values.rounds) } : {}),
    seats: roles.map((role, i) =>
      i === 0 ? { role } : { role, bot: true, difficulty: values.difficulty as "normal" },
    ),
    timers: { news: 0, deliberation: 0, orders: 5, report: 0 },
    player: { name: "Terminal" },
  });
  const f = new Follower(room);
  await f.until(() => f.token !== null, 10_000, "seat token");
  say(`match ${f.token!.code}: seat ${f.token!.seat} (${roles[0]}), ${bots} bots, seed ${seed}`);
  room.send(MSG.hostStart, {});
  const deadline = Date.now() + Number(values.timeout) * 1000;
  let lastRound = 0;
  while (!f.ended) {
    await f.until(
      () =>
        !!f.ended || (["news", "deliberation", "orders"].includes(f.phase) && f.round > lastRound && !!f.seatView()),
      Math.max(1, deadline - Date.now()),
      "next round",
    );
    if (f.ended) break;
    const v = f.seatView()!;
    lastRound = v.round;
    const orders = randomOrders(v, legalOrdersFromView(v), makeRng(hashSeeds(seed, v.round, v.seat)));
    room.send(MSG.orders, orders);
    say(`round ${v.round}: ${orders.actions.map((a) => a.kind).join(", ") || "(pass)"}`);
  }
  const view = f.ended!.view!;
  const result = {
    code: f.token!.code,
    seed,
    seat: f.token!.seat,
    ending: view.end?.ending ?? null,
    cause: view.end?.cause ?? null,
    worldValue: view.end?.worldValue ?? null,
    rounds: view.round,
    scores: view.seats.map((s, i) => ({
      seat: i,
      name: s.name,
      role: s.role,
      doctrine: s.doctrine,
      prestige: s.prestige,
      score: view.scores?.[i] ?? null,
    })),
    // A refusal because the orders window closed is the timer doing its job (the seat's bot played):
    // counted apart from real errors, which would mean the client or server broke the protocol.
    late: f.errors.filter((e) => e.reason === "Orders are not open now.").length,
    errors: f.errors.filter((e) => e.reason !== "Orders are not open now."),
  };
  if (values.json) console.log(JSON.stringify(result));
  else {
    say(`ended after round ${result.rounds}: ${result.ending} (${result.cause}), world value ${result.worldValue}`);
    for (const s of result.scores) say(`  seat ${s.seat} ${s.name} (${s.role}, ${s.doctrine}): ${s.score}`);
  }
  await room.leave(true);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
