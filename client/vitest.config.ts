import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: build the client, start the real server, drive Debian's Chromium with playwright-core.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 150_000,
    hookTimeout: 180_000,
    // Two CPUs drive SwiftShader WebGL: one browser file at a time keeps timings honest.
    fileParallelism: false,
    pool: "forks",
    reporters: ["default"],
  },
});
