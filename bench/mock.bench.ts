/**
 * `npm run bench:mock`: the mock as users start it (`signalzen-api mock`, default per-request logging)
 * against bare `prism mock -v silent` on the same spec. Ratios are measured in one run, rounds
 * interleaved, because these machines are noisy. Prints `name: value` lines.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import * as contract from "../generated/contract.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const prismBin = path.join(path.dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist/index.js");
const headers = { Accept: contract.mediaType, Authorization: "Bearer bench" };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 10;

interface Server {
  name: string;
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

async function start(name: string, command: string[], port: number): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, command, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.resume(); // drained, as a terminal would: logging costs what it costs
  child.stderr!.resume();
  const url = `http://127.0.0.1:${port}`;
  await firstOk(url, started + 30_000);
  return { name, child, url, startupMs: performance.now() - started };
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
  });
}

async function load(url: string): Promise<number> {
  const result = await autocannon({ url: `${url}/users`, headers, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx || result.errors) throw new Error(`load on ${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const prism = await start("prism", [prismBin, "mock", "-h", "127.0.0.1", "-p", "4091", "-v", "silent", "openapi.yaml"], 4091);
const mock = await start("mock", ["--import", "tsx", "src/cli/index.ts", "mock", "--port", "4092"], 4092);
try {
  await load(prism.url); // warm both up before measuring
  await load(mock.url);
  const rps = { prism: [] as number[], mock: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    rps.prism.push(await load(prism.url));
    rps.mock.push(await load(mock.url));
  }
  const best = (values: number[]) => Math.max(...values);
  console.log(`prism_rps: ${best(rps.prism).toFixed(0)}`);
  console.log(`mock_rps: ${best(rps.mock).toFixed(0)}`);
  console.log(`mock_rps_ratio_vs_prism: ${(best(rps.mock) / best(rps.prism)).toFixed(3)}`);
  console.log(`mock_startup_ms: ${mock.startupMs.toFixed(0)}`);
  console.log(`prism_startup_ms: ${prism.startupMs.toFixed(0)}`);
  console.log(`mock_rss_mb: ${rssMb(mock.child.pid!).toFixed(1)}`);
  console.log(`prism_rss_mb: ${rssMb(prism.child.pid!).toFixed(1)}`);
  console.log(`# ${CONNECTIONS} connections, ${SECONDS}s x ${ROUNDS} interleaved rounds each, best round; GET /users with both headers`);
} finally {
  await Promise.all([stop(prism), stop(mock)]);
}
