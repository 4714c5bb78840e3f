/**
 * The world generator bundled for the browser, as the MSW handlers' consumers would bundle it (the same esbuild
 * settings as test/helpers/bundle.ts). Shared by test/world/bundle.test.ts and bench/world.bench.ts.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

export const WORLD_ENTRY = fileURLToPath(new URL("../../src/world/index.ts", import.meta.url));

export async function bundleWorld(options: { minify?: boolean; entry?: string } = {}): Promise<string> {
  const result = await build({
    entryPoints: [options.entry ?? WORLD_ENTRY],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: options.minify ?? false,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
