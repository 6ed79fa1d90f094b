import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // The engine is pure and fast; a slow test is a bug in the test.
    testTimeout: 20_000,
  },
});
