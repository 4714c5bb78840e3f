/**
 * Browser bundles, as a consumer's bundler makes them (esbuild fails on any Node built-in): the client entry,
 * any other entry of the package (world, MSW handlers, fixtures), and module source, all with the same settings,
 * for the tests that run them in a browser and the benchmarks' size figures.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, type Plugin } from "esbuild";

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

/** A source file of the repository (`src/world/index.ts`), bundled; `external` packages are left out. */
export async function bundleEntry(
  entry: string,
  options: { minify?: boolean; plugins?: Plugin[]; external?: string[] } = {},
): Promise<string> {
  const result = await build({
    ...settings(options.minify ?? false, options.plugins ?? []),
    entryPoints: [path.isAbsolute(entry) ? entry : fileURLToPath(new URL(`../../${entry}`, import.meta.url))],
    external: options.external ?? [],
  });
  return result.outputFiles![0]!.text;
}

export function bundleClient(options: { minify?: boolean; plugins?: Plugin[] } = {}): Promise<string> {
  return bundleEntry("src/client/index.ts", options);
}

/** `contents` (an ES module importing packages) bundled and minified as the client is. */
export async function bundleSource(contents: string): Promise<string> {
  const result = await build({
    ...settings(true, []),
    stdin: { contents, resolveDir: fileURLToPath(new URL("../..", import.meta.url)) },
  });
  return result.outputFiles![0]!.text;
}
