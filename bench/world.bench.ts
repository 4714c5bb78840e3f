/**
 * `npx tsx bench/world.bench.ts`: the world generator's size and speed, as `name: value` lines.
 * - world_generator_min_gzip_bytes: src/world/index.ts bundled for the browser, minified, gzip -9.
 * - world_create_ratio_1m_over_default: creating a 1,000,000-user world over creating the default one (250),
 *   from rounds interleaved in one run, because these machines are noisy. Near 1: size costs nothing up front.
 * - world_create_us_default: creating the default world, in microseconds.
 * - world_first_page_ms_*: a fresh world's first GET /users page (limit 50), creation included.
 * - world_last_page_ms_1m, world_last_chat_page_ms_1m: the last users' page and the last user's messages, in a
 *   fresh 1,000,000-user world: what is far away costs no more than what is near.
 */
import { gzipSync } from "node:zlib";
import { DEFAULT_USERS, generateWorld, MAX_USERS } from "../src/world/index.js";
import { bundleEntry } from "../test/helpers/bundle.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const CREATIONS = 2_000;
/** Fresh worlds per page measurement: one page takes about a millisecond, too little to time alone. */
const PAGES = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeMs(run: () => unknown, times = 1): number {
  const started = performance.now();
  for (let index = 0; index < times; index++) run();
  return (performance.now() - started) / times;
}

const bundle = await bundleEntry("src/world/index.ts", { minify: true });
console.log(`world_generator_min_bytes: ${Buffer.byteLength(bundle)}`);
console.log(`world_generator_min_gzip_bytes: ${gzipSync(bundle, { level: 9 }).length}`);

// Warm up both paths before measuring.
timeMs(() => generateWorld({ users: MAX_USERS }).listUsers(0, 50), 50);
timeMs(() => generateWorld().listUsers(0, 50), 50);

const ratios: number[] = [];
const createUs: number[] = [];
const firstPage = { default: [] as number[], million: [] as number[] };
const far = { page: [] as number[], chat: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const small = timeMs(() => generateWorld({ users: DEFAULT_USERS }), CREATIONS);
  const big = timeMs(() => generateWorld({ users: MAX_USERS }), CREATIONS);
  ratios.push(big / small);
  createUs.push(small * 1000);
  firstPage.default.push(timeMs(() => generateWorld().listUsers(0, 50), PAGES));
  firstPage.million.push(timeMs(() => generateWorld({ users: MAX_USERS }).listUsers(0, 50), PAGES));
  far.page.push(timeMs(() => generateWorld({ users: MAX_USERS }).listUsers(MAX_USERS - 50, 50), PAGES));
  far.chat.push(timeMs(() => generateWorld({ users: MAX_USERS }).listMessages(MAX_USERS, 0, 50), PAGES));
}

const fixed = (value: number, digits = 3) => value.toFixed(digits);
console.log(`world_create_ratio_1m_over_default: ${fixed(median(ratios))}`);
console.log(`world_create_us_default: ${fixed(median(createUs), 1)}`);
console.log(`world_first_page_ms_default: ${fixed(median(firstPage.default))}`);
console.log(`world_first_page_ms_1m: ${fixed(median(firstPage.million))}`);
console.log(`world_first_page_ratio_1m_over_default: ${fixed(median(firstPage.million) / median(firstPage.default))}`);
console.log(`world_last_page_ms_1m: ${fixed(median(far.page))}`);
console.log(`world_last_chat_page_ms_1m: ${fixed(median(far.chat))}`);
