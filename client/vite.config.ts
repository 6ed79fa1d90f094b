import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// In production the server serves client/dist. In `npm run dev` Vite proxies /api to the server
// (METASTRATEGY_SERVER, default http://localhost:2567) and colyseus.js talks to its port directly.
const server = process.env.METASTRATEGY_SERVER ?? "http://localhost:2567";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  define: {
    // The test bridge (window.__ms) is compiled in only when VITE_TEST_BRIDGE=1.
    __TEST_BRIDGE__: JSON.stringify(process.env.VITE_TEST_BRIDGE === "1"),
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: process.env.SOURCEMAP === "1",
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The shared engine is pure data and functions: let unused modules (the resolver, zod schemas) drop out of the first load.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id) },
    },
  },
  server: {
    proxy: {
      "/api": server,
    },
  },
});
