/**
 * `npm run build`: ESM JavaScript and .d.ts in dist/ (tsc), plus the generated declaration file, which
 * tsc does not copy, and an executable bit on the CLI.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin/tsc");

rmSync(path.join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
copyFileSync(path.join(root, "generated/schema.d.ts"), path.join(root, "dist/generated/schema.d.ts"));
chmodSync(path.join(root, "dist/src/cli/index.js"), 0o755);
for (const required of [
  "dist/src/client/index.js",
  "dist/src/client/index.d.ts",
  "dist/src/contract/types.d.ts",
  "dist/src/mock/server.js",
  "dist/src/mock/msw.js",
  "dist/src/mock/fixtures.js",
  "dist/src/query/index.js",
  "dist/src/query/index.d.ts",
  "dist/generated/openapi.json",
  "dist/generated/schema.d.ts",
]) {
  if (!existsSync(path.join(root, required))) throw new Error(`build: ${required} was not written`);
}
console.log("build: wrote dist/ (ESM JavaScript and .d.ts)");
