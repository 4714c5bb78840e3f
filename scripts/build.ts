/**
 * `npm run build`: ESM JavaScript and .d.ts in dist/ (tsc), plus the generated declaration file, which
 * tsc does not copy, and an executable bit on the CLI.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { entries, manifest, root } from "./entries.js";

const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin/tsc");

rmSync(path.join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
copyFileSync(path.join(root, "generated/schema.d.ts"), path.join(root, "dist/generated/schema.d.ts"));
// The entries are package.json's `exports` and `bin`: read here, not repeated.
const bins = Object.values<string>(manifest.bin);
for (const bin of bins) chmodSync(path.join(root, bin), 0o755);
const named = [
  ...entries().flatMap((entry) => entry.files),
  ...bins,
  // Not entries, but what the entries' JavaScript and types import (tsc does not copy the .d.ts).
  "./dist/generated/openapi.json",
  "./dist/generated/schema.d.ts",
];
for (const required of named) {
  if (!existsSync(path.join(root, required))) throw new Error(`build: ${required} was not written`);
}
console.log("build: wrote dist/ (ESM JavaScript and .d.ts)");
