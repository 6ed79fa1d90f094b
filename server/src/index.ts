// Entry point: `node --import tsx server/src/index.ts` (PORT, HOST, DATA_DIR, TIMER_SCALE, LOG_LEVEL, NODE_ENV).
import "./env.js";
import { installProcessPolicy } from "./process.js";
import { startServer } from "./server.js";

const server = await startServer();
installProcessPolicy(server.ctx.log, server.ctx.metrics);
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  server.ctx.log.info({ event: "server.signal", signal }, "shutting down");
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
