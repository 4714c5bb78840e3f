/**
 * knip: unused files, exports and dependencies, run by `npm test` (`npm run knip`). Pinned exactly in package.json:
 * a new release adds rules, and a rule that starts failing CI should arrive in a reviewed upgrade, not a fresh install.
 */
import type { KnipConfig } from "knip";
import { entries } from "./scripts/entries.js";

const config: KnipConfig = {
  // The package's entries: package.json `exports` point into dist/, so their sources are named here (`bin` and the
  // npm scripts' files knip finds itself); their exports are the public surface, never "unused".
  entry: [
    ...entries().map((entry) => entry.source),
    "scripts/*.ts",
    "bench/*.ts",
    "test/**/*.ts",
    "test/**/*.cjs",
    "examples/react/**/*.{ts,tsx}",
  ],
  project: [
    "src/**/*.ts",
    "scripts/**/*.ts",
    "bench/**/*.ts",
    "test/**/*.{ts,cjs}",
    "examples/react/**/*.{ts,tsx}",
    "generated/**/*.ts",
  ],
  // Used where knip cannot see: the generators' comparison runs them by name (test/generators/generate.ts), the
  // consumer test runs publint and attw with npx, .spectral.yaml extends the OWASP ruleset, bench:client bundles
  // ky from a source string.
  ignoreDependencies: [
    "@arethetypeswrong/cli",
    "@hey-api/openapi-ts",
    "@kubb/core",
    "@kubb/plugin-oas",
    "@kubb/plugin-ts",
    "@kubb/plugin-zod",
    "@stoplight/spectral-owasp-ruleset",
    "ky",
    "openapi-zod-client",
    "orval",
    "publint",
    "swagger-typescript-api",
    "typed-openapi",
  ],
  // bench:instructions counts instructions with valgrind when the machine has it.
  ignoreBinaries: ["valgrind"],
};

export default config;
