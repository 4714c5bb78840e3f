/**
 * `npm run size`: each browser entry's bundle (minified, gzip -9), as a consumer's bundler makes it, against its
 * budget; fails when one grows past it. The same settings as the benches (test/helpers/bundle.ts; msw and TanStack
 * left external, as the app bundles them anyway), so the figures here and in bench:client/bench:mock/bench:query
 * agree. No size-limit: these four numbers need esbuild (already here) and gzip, not another tool chain.
 *
 * A budget is today's size plus a little headroom: raise it in the same commit as the growth, saying why.
 */
import { gzipSync } from "node:zlib";
import { bundleEntry } from "../test/helpers/bundle.js";
import { entries } from "./entries.js";

/** Measured 2026-12-06 (bytes): client 9,375, msw 18,788, fixtures 10,183, query 1,339; each budget about 3% above. */
const BUDGETS: Record<string, { bytes: number; external?: string[] }> = {
  ".": { bytes: 9_700 },
  "./msw": { bytes: 19_400, external: ["msw"] },
  "./fixtures": { bytes: 10_500 },
  "./query": { bytes: 1_400, external: ["@tanstack/*"] },
};

function sourceOf(name: string): string {
  const entry = entries().find((e) => e.name === name);
  if (!entry) throw new Error(`size: package.json has no typed export "${name}"`);
  return entry.source;
}

let over = 0;
for (const [entry, budget] of Object.entries(BUDGETS)) {
  const bytes = gzipSync(await bundleEntry(sourceOf(entry), { minify: true, external: budget.external }), {
    level: 9,
  }).length;
  const verdict = bytes > budget.bytes ? "OVER" : "ok";
  if (bytes > budget.bytes) over++;
  console.log(`${verdict.padEnd(4)} ${entry.padEnd(11)} ${bytes} B min+gzip (budget ${budget.bytes} B)`);
}
if (over > 0) {
  console.error(
    `size: ${over} entr${over === 1 ? "y is" : "ies are"} over budget; make it smaller, or raise the budget in scripts/size.ts saying why`,
  );
  process.exit(1);
}
