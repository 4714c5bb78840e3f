/**
 * `npm run test:unit`: the edit-test loop. Everything `npm test` runs except the tests that need more than `npm ci`:
 * a browser (Chromium via test/helpers/browser.ts), Ruby or curl (the reference's samples), or registry installs
 * (the packed package's consumer, Bun/Deno, the generator comparison, the React example).
 */
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

const outsideUnitLane = [
  "test/client/browser.test.ts",
  "test/client/runtimes.test.ts",
  "test/mock/msw-browser.test.ts",
  "test/mock/browser-states.test.ts",
  "test/package/consumer.test.ts",
  "test/generators/**",
  "test/examples/**",
  "test/docs.test.ts",
  "test/samples.test.ts",
];

// Two workers on a 2-core machine: most of these tests wait on child processes and sockets, not the CPU.
export default mergeConfig(base, defineConfig({ test: { exclude: outsideUnitLane, maxWorkers: 2 } }));
