/**
 * `npm run bench:instructions`: the client's cost per call in CPU instructions, over bare openapi-fetch and
 * raw fetch, counted by valgrind's callgrind. Wall-clock ratios on these machines move by ±4% from run to
 * run (`bench:client`); this ratio moved by 0.01 across runs here (0.966, 0.976), so it is the steadier
 * figure beside it. Instructions are not time (cache misses and system calls weigh differently), which is
 * why it is a second figure and not a replacement. Takes about 2.5 minutes.
 *
 * Each contender runs twice, `SMALL` and `LARGE` calls, in `node --single-threaded` (no background JIT
 * threads, so the count repeats); the difference over `LARGE - SMALL` calls is the cost of one warm call,
 * with start-up and warm-up cancelled out. Ratios are baseline instructions over the client's, so, like
 * `ops_ratio_*`, above 1 means the client is cheaper.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { CONTENDERS, type Contender } from "./contenders.js";

const SMALL = 2_000;
const LARGE = 10_000;

try {
  execFileSync("valgrind", ["--version"], { stdio: "ignore" });
} catch {
  console.error("bench:instructions needs valgrind: apt-get install -y valgrind");
  process.exit(2);
}

// One plain .mjs file: under valgrind, tsx's compile-on-load would be counted too.
const work = mkdtempSync(path.join(tmpdir(), "signalzen-instructions-"));
const driver = path.join(work, "driver.mjs");
await build({
  entryPoints: [fileURLToPath(new URL("instructions-driver.ts", import.meta.url))],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: driver,
  logLevel: "silent",
});

async function instructions(contender: Contender, calls: number): Promise<number> {
  const { stderr } = await promisify(execFile)(
    "valgrind",
    [
      "--tool=callgrind",
      "--callgrind-out-file=/dev/null",
      process.execPath,
      "--single-threaded",
      driver,
      contender,
      String(calls),
    ],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (!refs) throw new Error(`no instruction count from callgrind for ${contender}:\n${stderr.slice(-2000)}`);
  return Number(refs[1]!.replaceAll(",", ""));
}

try {
  const perCall = {} as Record<Contender, number>;
  // Two at a time: these machines have two cores, and callgrind counts, so sharing them does not skew it.
  for (const contender of CONTENDERS) {
    const [small, large] = await Promise.all([instructions(contender, SMALL), instructions(contender, LARGE)]);
    perCall[contender] = (large - small) / (LARGE - SMALL);
  }
  for (const contender of CONTENDERS)
    console.log(`${contender}_instructions_per_call: ${perCall[contender].toFixed(0)}`);
  console.log(`instructions_ratio_vs_openapi_fetch: ${(perCall.openapi_fetch / perCall.client).toFixed(3)}`);
  console.log(`instructions_ratio_vs_raw_fetch: ${(perCall.raw_fetch / perCall.client).toFixed(3)}`);
  console.log(
    `# callgrind, node --single-threaded, (count at ${LARGE} calls - count at ${SMALL}) / ${LARGE - SMALL}; ratio = baseline / client`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
