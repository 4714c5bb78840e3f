/** The client entry bundled for the browser, as a consumer's bundler would (fails on any Node built-in). */
import { build, type Plugin } from "esbuild";
import { fileURLToPath } from "node:url";

export async function bundleClient(options: { minify?: boolean; plugins?: Plugin[] } = {}): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../../src/client/index.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: options.minify ?? false,
    write: false,
    logLevel: "silent",
    plugins: options.plugins ?? [],
  });
  return result.outputFiles[0]!.text;
}
