/**
 * `npm run bench:client`: the client against its baselines, measured in the same run (short slices,
 * contenders interleaved, medians compared, because these machines are noisy). Prints `name: value` lines.
 */
import { gzipSync } from "node:zlib";
import { createSignalZenClient } from "../src/client/index.js";
import { bundleClient, bundleSource } from "../test/helpers/bundle.js";
import { startPagedServer } from "../test/helpers/paged-server.js";
import { bundleWithoutOpenapiFetch, bundleWithoutStrings } from "./bundle-floor.js";
import { contenders as makeContenders } from "./contenders.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);
const CALLS = Number(process.env.BENCH_CALLS ?? 2_000);

async function opsPerSecond(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < CALLS; index++) await call();
  return CALLS / ((performance.now() - started) / 1000);
}

/**
 * Short slices, contenders alternating, many rounds, medians compared: a process slows as it runs
 * (GC, JIT), so long back-to-back runs favour whoever goes first.
 */
async function compareThroughput() {
  const contenders = makeContenders();
  const samples: Record<string, number[]> = { client: [], openapi_fetch: [], raw_fetch: [] };
  for (let warm = 0; warm < 3; warm++) for (const call of Object.values(contenders)) await opsPerSecond(call);
  for (let round = 0; round < ROUNDS; round++) {
    const order = Object.entries(contenders);
    if (round % 2) order.reverse(); // nobody always goes first
    for (const [name, call] of order) samples[name]!.push(await opsPerSecond(call));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  // Ratios are paired: each round's client slice over the same round's baseline slice, run back to back,
  // so a drift in machine speed between rounds cancels out; the median of those ratios is printed.
  const pairedRatio = (baseline: string) =>
    median(samples.client!.map((value, round) => value / samples[baseline]![round]!));
  return {
    client: median(samples.client!),
    openapiFetch: median(samples.openapi_fetch!),
    rawFetch: median(samples.raw_fetch!),
    vsOpenapiFetch: pairedRatio("openapi_fetch"),
    vsRawFetch: pairedRatio("raw_fetch"),
  };
}

/**
 * The client's bundle beside what a user would pick instead: openapi-fetch for typed calls plus ky for retries
 * and timeouts, built with the same settings. (ky is a devDependency for this only.)
 */
async function bundleSizes() {
  const gzip = (code: string) => gzipSync(code, { level: 9 }).length;
  let pair: string;
  try {
    pair = await bundleSource(
      'export { default as createClient } from "openapi-fetch"; export { default as ky } from "ky";',
    );
  } catch (error) {
    throw new Error(
      `bench:client compares the bundle with openapi-fetch + ky, and could not bundle them: run npm install (ky is a devDependency)`,
      { cause: error },
    );
  }
  return {
    client: gzip(await bundleClient({ minify: true })),
    openapiFetch: gzip(await bundleSource('export { default } from "openapi-fetch";')),
    kyPlusOpenapiFetch: gzip(pair),
    withoutStrings: gzip(await bundleWithoutStrings()),
    ownCode: gzip(await bundleWithoutOpenapiFetch()),
  };
}

/** The fake paged list over node:http: 10,000 users, each request answered after 20 ms. */
async function paginationSpeedup() {
  const TOTAL = 10_000;
  const server = await startPagedServer({ count: TOTAL, delayMs: 20 });
  const sz = createSignalZenClient({ apiSecret: "bench-secret", baseUrl: server.url });
  const walk = async (concurrency: number) => {
    const started = performance.now();
    let count = 0;
    for await (const _user of sz.users.all({ concurrency })) count++;
    if (count !== TOTAL) throw new Error(`walked ${count} users, expected ${TOTAL}`);
    return performance.now() - started;
  };
  try {
    await walk(8); // warm-up: connections, JIT
    const sequential = await walk(1);
    const concurrent = await walk(8);
    return { sequential, concurrent };
  } finally {
    await server.close();
  }
}

const throughput = await compareThroughput();
console.log(`client_ops_per_s: ${throughput.client.toFixed(0)}`);
console.log(`openapi_fetch_ops_per_s: ${throughput.openapiFetch.toFixed(0)}`);
console.log(`raw_fetch_ops_per_s: ${throughput.rawFetch.toFixed(0)}`);
console.log(`ops_ratio_vs_openapi_fetch: ${throughput.vsOpenapiFetch.toFixed(3)}`);
console.log(`ops_ratio_vs_raw_fetch: ${throughput.vsRawFetch.toFixed(3)}`);
const sizes = await bundleSizes();
console.log(`bundle_min_gzip_bytes: ${sizes.client}`);
console.log(`ky_plus_openapi_fetch_min_gzip_bytes: ${sizes.kyPlusOpenapiFetch}`);
console.log(`bundle_ratio_vs_ky_plus_openapi_fetch: ${(sizes.client / sizes.kyPlusOpenapiFetch).toFixed(3)}`);
console.log(`openapi_fetch_min_gzip_bytes: ${sizes.openapiFetch}`);
console.log(`bundle_without_own_strings_min_gzip_bytes: ${sizes.withoutStrings}`);
console.log(`bundle_own_code_min_gzip_bytes: ${sizes.ownCode}`);
const walk = await paginationSpeedup();
console.log(`paginate_c1_ms: ${walk.sequential.toFixed(0)}`);
console.log(`paginate_c8_ms: ${walk.concurrent.toFixed(0)}`);
console.log(`paginate_speedup_c8: ${(walk.sequential / walk.concurrent).toFixed(2)}`);
console.log(
  `# slices of ${CALLS} calls, ${ROUNDS} interleaved rounds per contender, medians (ratios: median of per-round ratios);` +
    " bundles: esbuild, browser, es2022, minified, gzip -9; 10,000 users in pages of 99, 20 ms per answer",
);
