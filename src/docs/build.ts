/**
 * `npm run docs` (and `signalzen-api docs`): renders openapi.yaml into one self-contained Redoc page
 * that works offline: no script, font or image is loaded from another host, and no telemetry is sent.
 * Every operation gets code samples (src/docs/samples.ts), added to a bundled copy of the spec that only
 * `build-docs` reads: openapi.yaml itself stays without them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolvePeer } from "../node/optional-peer.js";
import { packageFile } from "../node/package-file.js";
import { withCodeSamples } from "./samples.js";

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
    '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="16">' +
      '<text x="0" y="12" font-family="sans-serif" font-size="12" fill="#6b6b6b">Redocly</text></svg>',
  );

/**
 * Redocly CLI reports every command it runs to Redocly unless `REDOCLY_TELEMETRY=off` (its documented
 * opt-out: https://redocly.com/docs/cli/usage-data). For `build-docs` the same switch also keeps the built
 * page's Redoc from sending traces from readers' browsers. redocly.yaml's `telemetry: off` says both as
 * well, for the CLI run by hand on this config; the variable keeps them off whatever config is read.
 */
export const REDOCLY_ENVIRONMENT = { REDOCLY_TELEMETRY: "off" } as const;

function redoclyCli(): string {
  const cliPackage = resolvePeer("@redocly/cli/package.json", {
    need: "docs needs @redocly/cli",
    install: ["@redocly/cli@2"],
  });
  return path.join(path.dirname(cliPackage), "bin/cli.js");
}

function runRedocly(cli: string, args: string[]): void {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...REDOCLY_ENVIRONMENT },
  });
  if (result.status !== 0) throw new Error(`redocly ${args[0]} failed:\n${result.stderr || result.stdout}`);
}

/** The spec `build-docs` renders: bundled into one JSON document, with every operation's code samples. */
export function bundleWithSamples(options: { spec?: string; output: string }): void {
  const spec = options.spec ?? packageFile("openapi.yaml");
  runRedocly(redoclyCli(), ["bundle", spec, "--output", options.output, "--config", packageFile("redocly.yaml")]);
  const bundled = JSON.parse(readFileSync(options.output, "utf8")) as Record<string, unknown>;
  writeFileSync(options.output, `${JSON.stringify(withCodeSamples(bundled), null, 2)}\n`);
}

export function buildDocs(options: { output?: string; spec?: string } = {}): string {
  const output = path.resolve(options.output ?? defaultDocsOutput);
  const cli = redoclyCli();
  const work = mkdtempSync(path.join(tmpdir(), "signalzen-docs-"));
  try {
    const bundled = path.join(work, "openapi.json");
    bundleWithSamples({ ...(options.spec !== undefined && { spec: options.spec }), output: bundled });
    mkdirSync(path.dirname(output), { recursive: true });
    runRedocly(cli, [
      "build-docs",
      bundled,
      "--output",
      output,
      "--inlineBundle",
      "--title",
      "SignalZen API v1",
      "--config",
      packageFile("redocly.yaml"),
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  let html = readFileSync(output, "utf8");
  for (const logo of CDN_LOGOS) {
    if (!html.includes(logo)) {
      throw new Error(
        `the Redoc bundle no longer references ${logo}; check the rendered page for other remote assets ` +
          "and update src/docs/build.ts",
      );
    }
    html = html.split(logo).join(INLINE_LOGO);
  }
  writeFileSync(output, html);
  return output;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const output = buildDocs({ output: process.argv[2] });
    console.log(
      `docs: wrote ${path.relative(process.cwd(), output)} (self-contained; open it in a browser, no network needed)`,
    );
  } catch (error) {
    console.error(`docs: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
