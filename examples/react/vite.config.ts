/**
 * Vite for the example app, and vitest for its component test. `@signalzen/api` resolves to this repository's
 * source, so the example runs without a build or an install of its own; an app outside the repository imports the
 * installed package with the same names.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: [
      { find: /^@signalzen\/api$/, replacement: source("client/index.ts") },
      { find: /^@signalzen\/api\/query$/, replacement: source("query/index.ts") },
      { find: /^@signalzen\/api\/msw$/, replacement: source("mock/msw.ts") },
      { find: /^@signalzen\/api\/fixtures$/, replacement: source("world/fixtures.ts") },
    ],
  },
  // In development without MSW, the proxy route: /api/signalzen goes to the mock (`npx signalzen-api mock`) with
  // the secret added here, on the dev server, never in the browser's bundle.
  server: {
    proxy: {
      "/api/signalzen": {
        target: "http://127.0.0.1:4010",
        rewrite: (path) => path.replace(/^\/api\/signalzen/, ""),
        headers: { Authorization: `Bearer ${process.env.SIGNALZEN_API_SECRET ?? "dev-secret"}` },
      },
    },
  },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  test: { environment: "happy-dom", include: ["src/**/*.test.tsx"] },
});
