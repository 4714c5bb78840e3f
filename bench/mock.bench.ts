/**
 * `npm run bench:mock`: the mock as users start it (the built bin, `node dist/src/cli/index.js mock`, default
 * per-request logging, serving the default world) against bare `prism mock -v silent` on the same spec and
 * against a bare `node:http` server sending the mock's very answer (its physical limit), and the sizes frontend
 * developers pay for in their bundles. Ratios are measured in one run, rounds interleaved, because these
 * machines are noisy. Prints `name: value` lines.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import * as contract from "../generated/contract.js";
import { bundleEntry } from "../test/helpers/bundle.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const prismBin = path.join(path.dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist/index.js");
const mockBin = path.join(root, "dist/src/cli/index.js");
const headers = { Accept: contract.mediaType, Authorization: "Bearer bench" };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const CONNECTIONS = 10;

interface Server {
  child: ChildProcess;
  url: string;
  startupMs: number;
}

async function firstOk(url: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    try {
      const response = await fetch(`${url}/users`, { headers });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} gave no 200 within the deadline`);
}

let nextPort = 4091;
/** Starts a server and measures start to first 200 (what a user waiting for the mock sees). */
async function start(command: (port: number) => string[]): Promise<Server> {
  const port = nextPort++;
  const started = performance.now();
  const child = spawn(process.execPath, command(port), { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.resume(); // drained, as a terminal would: logging costs what it costs
  child.stderr!.resume();
  const url = `http://127.0.0.1:${port}`;
  await firstOk(url, started + 30_000);
  return { child, url, startupMs: performance.now() - started };
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
  });
}

async function load(url: string, requestPath: string): Promise<number> {
  const result = await autocannon({
    url: `${url}${requestPath}`,
    headers,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  if (result.non2xx || result.errors)
    throw new Error(`load on ${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A browser entry's bundle, as a frontend's bundler makes it, gzipped; `external` packages are left out. */
async function bundleBytes(entry: string, external: string[] = []): Promise<number> {
  return gzipSync(await bundleEntry(entry, { minify: true, external }), { level: 9 }).length;
}

console.log("# building dist/ (the bin as npx users start it)");
execFileSync(process.execPath, [require.resolve("tsx/cli"), "scripts/build.ts"], { cwd: root, stdio: "ignore" });

const prismCommand = (port: number) => [
  prismBin,
  "mock",
  "-h",
  "127.0.0.1",
  "-p",
  String(port),
  "-v",
  "silent",
  "openapi.yaml",
];
const mockCommand = (port: number, ...extra: string[]) => [mockBin, "mock", "--port", String(port), ...extra];

/** The mock's answer to `GET /users` as it went out: status, the headers it set, and the body's bytes. */
function capture(url: string): Promise<{ status: number; headers: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/users`, { headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          // Node adds these itself on every response, the bare server's included.
          const added = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);
          const raw = response.rawHeaders;
          const kept: string[] = [];
          for (let i = 0; i < raw.length; i += 2)
            if (!added.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
          resolve({ status: response.statusCode!, headers: kept, body: Buffer.concat(chunks).toString("base64") });
        });
      })
      .on("error", reject);
  });
}

/**
 * A bare node:http server sending those bytes to every request, made once: what Node itself costs per answer,
 * the mock's physical limit on this machine. It runs in a process of its own, as the mock does.
 */
const BARE_SERVER = `
const [port, file] = process.argv.slice(1);
const { status, headers, body } = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
const bytes = Buffer.from(body, "base64");
require("node:http")
  .createServer((request, response) => { response.writeHead(status, headers); response.end(bytes); })
  .listen(Number(port), "127.0.0.1");
`;

// Start-up, interleaved: bare Prism, the mock's default world, and a world of a million users.
const startups = { prism: [] as number[], mock: [] as number[], million: [] as number[] };
for (let round = 0; round < STARTS; round++) {
  for (const [name, command] of [
    ["prism", prismCommand],
    ["mock", (port: number) => mockCommand(port)],
    ["million", (port: number) => mockCommand(port, "--users", "1000000")],
  ] as const) {
    const server = await start(command);
    startups[name].push(server.startupMs);
    await stop(server);
  }
}

const prism = await start(prismCommand);
const mock = await start((port) => mockCommand(port));
const answerFile = path.join(mkdtempSync(path.join(tmpdir(), "bench-mock-")), "users.json");
const answer = await capture(mock.url);
writeFileSync(answerFile, JSON.stringify(answer));
const bare = await start((port) => ["-e", BARE_SERVER, String(port), answerFile]);
try {
  await load(prism.url, "/users"); // warm all three up before measuring
  await load(mock.url, "/users");
  await load(bare.url, "/users");
  const rps = { prism: [] as number[], mock: [] as number[], bare: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    rps.prism.push(await load(prism.url, "/users"));
    rps.mock.push(await load(mock.url, "/users"));
    rps.bare.push(await load(bare.url, "/users"));
  }
  const best = (values: number[]) => Math.max(...values);
  console.log(`prism_rps: ${best(rps.prism).toFixed(0)}`);
  console.log(`mock_rps: ${best(rps.mock).toFixed(0)}`);
  console.log(`bare_node_rps: ${best(rps.bare).toFixed(0)}`);
  console.log(`mock_rps_ratio_vs_prism: ${(best(rps.mock) / best(rps.prism)).toFixed(3)}`);
  console.log(`mock_rps_ratio_vs_bare_node: ${(best(rps.mock) / best(rps.bare)).toFixed(3)}`);
  console.log(`mock_rss_mb: ${rssMb(mock.child.pid!).toFixed(1)}`);
  console.log(`prism_rss_mb: ${rssMb(prism.child.pid!).toFixed(1)}`);
} finally {
  await Promise.all([stop(prism), stop(mock), stop(bare)]);
  rmSync(path.dirname(answerFile), { recursive: true, force: true });
}
console.log(`mock_startup_ms: ${median(startups.mock).toFixed(0)}`);
console.log(`prism_startup_ms: ${median(startups.prism).toFixed(0)}`);
console.log(`mock_startup_ms_over_prism: ${(median(startups.mock) - median(startups.prism)).toFixed(0)}`);
console.log(`world_startup_ms_1m_over_default: ${(median(startups.million) / median(startups.mock)).toFixed(3)}`);

const world = await bundleBytes("src/world/index.ts");
const msw = await bundleBytes("src/mock/msw.ts", ["msw"]);
console.log(`world_generator_min_gzip_bytes: ${world}`);
console.log(`msw_entry_min_gzip_bytes: ${msw}`);
console.log(`msw_entry_world_share: ${(world / msw).toFixed(3)}`);
console.log(`fixtures_entry_min_gzip_bytes: ${await bundleBytes("src/world/fixtures.ts")}`);
console.log(
  `# ${CONNECTIONS} connections, ${SECONDS}s x ${ROUNDS} interleaved rounds, best round; GET /users with both headers ` +
    `(bare node: the mock's answer, ${Buffer.from(answer.body, "base64").length} bytes of body); ` +
    `start-up: median of ${STARTS} interleaved starts to the first 200; sizes: esbuild minified, gzip -9, msw external`,
);
