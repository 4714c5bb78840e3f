/**
 * `npm run docs` (and `signalzen-api docs`): renders openapi.yaml into one self-contained Redoc page
 * that works offline: no script, font or image is loaded from another host.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packageFile } from "../package-files.js";

export const defaultDocsOutput = "docs/index.html";

/**
 * `--inlineBundle` embeds Redoc's script, but the sidebar's "API docs by Redocly" attribution still
 * points an <img> at Redocly's CDN, which fails offline with a console error. No Redoc option drops
 * it, so the built page gets the same attribution with an inline logo instead.
 */
const CDN_LOGOS = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const INLINE_LOGO =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#6b6b6b">Redocly</text></svg>',
  );

export function buildDocs(options: { output?: string; spec?: string } = {}): string {
  const output = path.resolve(options.output ?? defaultDocsOutput);
  const spec = options.spec ?? packageFile("openapi.yaml");
  let redocly: string;
  try {
    const require = createRequire(import.meta.url);
    redocly = path.join(path.dirname(require.resolve("@redocly/cli/package.json")), "bin/cli.js");
  } catch {
    throw new Error("docs needs @redocly/cli, which is not installed. Install it with: npm install --save-dev @redocly/cli@2");
  }
  mkdirSync(path.dirname(output), { recursive: true });
  const result = spawnSync(
    process.execPath,
    [redocly, "build-docs", spec, "--output", output, "--inlineBundle", "--title", "SignalZen API v1", "--config", packageFile("redocly.yaml")],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`redocly build-docs failed:\n${result.stderr || result.stdout}`);
  let html = readFileSync(output, "utf8");
  for (const logo of CDN_LOGOS) {
    if (!html.includes(logo)) {
      throw new Error(`the Redoc bundle no longer references ${logo}; check the rendered page for other remote assets and update src/tools/docs.ts`);
    }
    html = html.split(logo).join(INLINE_LOGO);
  }
  writeFileSync(output, html);
  return output;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const output = buildDocs({ output: process.argv[2] });
    console.log(`docs: wrote ${path.relative(process.cwd(), output)} (self-contained; open it in a browser, no network needed)`);
  } catch (error) {
    console.error(`docs: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
