/**
 * The client entry bundled for the browser, as a consumer's bundler would (fails on any Node built-in); and any
 * other module source bundled with exactly the same settings, for the benchmark's size comparisons.
 */
import path from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { fileURLToPath } from "node:url";

const settings = (minify: boolean, plugins: Plugin[]): BuildOptions => ({
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify,
  write: false,
  logLevel: "silent",
  plugins,
  // Packages resolve from node_modules as usual; NODE_PATH adds places, as it does for Node itself.
  nodePaths: process.env.NODE_PATH ? process.env.NODE_PATH.split(path.delimiter) : [],
});

export async function bundleClient(options: { minify?: boolean; plugins?: Plugin[] } = {}): Promise<string> {
  const result = await build({
    ...settings(options.minify ?? false, options.plugins ?? []),
    entryPoints: [fileURLToPath(new URL("../../src/client/index.ts", import.meta.url))],
  });
  return result.outputFiles![0]!.text;
}

/** `contents` (an ES module importing packages) bundled and minified as the client is. */
export async function bundleSource(contents: string): Promise<string> {
  const result = await build({
    ...settings(true, []),
    stdin: { contents, resolveDir: fileURLToPath(new URL("../..", import.meta.url)) },
  });
  return result.outputFiles![0]!.text;
}
