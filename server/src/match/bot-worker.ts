// Worker thread for search bots (hard, expert: tens to hundreds of ms a decision): keeps the room's event loop free.
import { parentPort } from "node:worker_threads";
import { botOrders, type BotOptions, type SeatView } from "@metastrategy/shared";

parentPort?.on("message", (msg: { id: number; view: SeatView; opts: BotOptions }) => {
  try {
    parentPort!.postMessage({ id: msg.id, orders: botOrders(msg.view, msg.opts) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
