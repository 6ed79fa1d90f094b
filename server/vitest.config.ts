import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Servers started by these tests (and their child processes) run without WebSocket compression: with it, Node's ws
    // inflates each message on its own turn, and checks written for "token and backlog arrive together" would race.
    // test/compression.test.ts plays matches with it on.
    env: { WS_COMPRESSION: "0" },
  },
});
