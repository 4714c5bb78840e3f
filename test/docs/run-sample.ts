/**
 * Runs a docs code sample as a reader would: the curl lines through a shell, the Ruby through `ruby` with
 * HTTParty, the TypeScript through tsx (after tsc, strict), the JavaScript through Node. Each also reports
 * the HTTP status and URL it got, without changing the sample: curl and fetch are wrapped from outside it,
 * and the Ruby gets two lines appended that print the `response` and `result` the sample leaves.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const tsxLoader = pathToFileURL(require.resolve("tsx")).href;

export interface SampleRun {
  /** What the sample printed: the record, as JSON. */
  stdout: string;
  /** One `<status> <url>` line per request the sample made. */
  requests: string[];
}

const CHILD_TIMEOUT_MS = 30_000;

/** The mock listens on loopback: a proxy set for the machine must not carry these requests elsewhere. */
function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { SIGNALZEN_API_SECRET: _secret, ...inherited } = process.env;
  return { ...inherited, NO_PROXY: "127.0.0.1,localhost", no_proxy: "127.0.0.1,localhost", ...extra };
}

function requestLines(stderr: string, marker: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith(marker))
    .map((line) => line.slice(marker.length));
}

const CURL_MARKER = "sample-request: ";

/** `curl` becomes a function that adds only a status line on stderr, after the body. */
export async function runShell(source: string): Promise<SampleRun> {
  const report = `%{stderr}${CURL_MARKER}%{http_code} %{url_effective}\\n`;
  const script = `curl() { command curl --silent --show-error --write-out '${report}' "$@"; }\n${source}\n`;
  const { stdout, stderr } = await run("sh", ["-c", script], { env: childEnvironment(), timeout: CHILD_TIMEOUT_MS });
  return { stdout, requests: requestLines(stderr, CURL_MARKER) };
}

export const RUBY_HINT =
  "The Ruby samples run with Debian's ruby and ruby-httparty: apt-get update && apt-get install -y ruby ruby-httparty";

export async function runRuby(source: string, directory: string, name: string): Promise<SampleRun> {
  const file = path.join(directory, `${name}.rb`);
  const report = [
    `STDERR.puts "${CURL_MARKER}#{response.code} #{response.request.last_uri}"`,
    "puts JSON.generate(result)",
  ].join("\n");
  writeFileSync(file, `${source}\n\n${report}\n`);
  try {
    const { stdout, stderr } = await run("ruby", [file], { env: childEnvironment(), timeout: CHILD_TIMEOUT_MS });
    return { stdout, requests: requestLines(stderr, CURL_MARKER) };
  } catch (error) {
    const { code, stderr = "" } = error as { code?: unknown; stderr?: string };
    if (code === "ENOENT") throw new Error(`ruby is not installed. ${RUBY_HINT}`);
    if (stderr.includes("cannot load such file -- httparty"))
      throw new Error(`HTTParty is not installed. ${RUBY_HINT}\n${stderr}`);
    throw error;
  }
}

/** A Node preload that reports every fetch's status and URL on stderr, for the TypeScript and JavaScript. */
export function writeFetchRecorder(directory: string): string {
  const file = path.join(directory, "record-fetch.mjs");
  writeFileSync(
    file,
    [
      "const original = globalThis.fetch;",
      "globalThis.fetch = async (...args) => {",
      "  const response = await original(...args);",
      `  process.stderr.write(\`${CURL_MARKER}\${response.status} \${response.url}\\n\`);`,
      "  return response;",
      "};",
      "",
    ].join("\n"),
  );
  return pathToFileURL(file).href;
}

export async function runNode(
  file: string,
  recorder: string,
  options: { typescript?: { tsconfig: string } } = {},
): Promise<SampleRun> {
  const loader = options.typescript ? ["--import", tsxLoader] : [];
  const env = childEnvironment(options.typescript ? { TSX_TSCONFIG_PATH: options.typescript.tsconfig } : {});
  const { stdout, stderr } = await run(process.execPath, [...loader, "--import", recorder, file], {
    cwd: path.dirname(file),
    env,
    timeout: CHILD_TIMEOUT_MS,
  });
  return { stdout, requests: requestLines(stderr, CURL_MARKER) };
}

/** tsc over a folder of samples, as a strict project whose `@signalzen/api` is this repository's source. */
export async function typecheck(directory: string, clientEntry: string, clientPackage: string): Promise<string> {
  const tsconfig = path.join(directory, "tsconfig.json");
  writeFileSync(path.join(directory, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  writeFileSync(
    tsconfig,
    `${JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM"],
          types: [],
          noEmit: true,
          skipLibCheck: true,
          paths: { [clientPackage]: [clientEntry] },
        },
        include: ["*.ts"],
      },
      null,
      2,
    )}\n`,
  );
  const tsc = require.resolve("typescript/bin/tsc");
  try {
    await run(process.execPath, [tsc, "-p", tsconfig], { timeout: 120_000 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`the TypeScript samples do not compile under strict:\n${stdout}${stderr}`);
  }
  return tsconfig;
}
