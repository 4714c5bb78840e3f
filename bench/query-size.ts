/**
 * `npm run bench:query`: the size of `@signalzen/api/query` in a browser bundle, beside the client's, measured in
 * this run with the client's settings (test/helpers/bundle.ts: esbuild, browser, es2022, minified; gzip -9).
 * TanStack is left external, as the app bundles it anyway; the entry imports only its types, so nothing of it is
 * there either way. "Added" is what the entry costs an app that already has the client: both together less the
 * client alone (the errors and argument checks they share count once).
 */
import { gzipSync } from "node:zlib";
import { bundleClient, bundleEntry } from "../test/helpers/bundle.js";

const gzip = (code: string) => gzipSync(code, { level: 9 }).length;
const external = ["@tanstack/*"];
const client = gzip(await bundleClient({ minify: true }));
const query = gzip(await bundleEntry("src/query/index.ts", { minify: true, external }));
const both = gzip(await bundleEntry("bench/query-size-both.ts", { minify: true, external }));

console.log(`client_bundle_min_gzip_bytes: ${client}`);
console.log(`query_entry_min_gzip_bytes: ${query}`);
console.log(`client_plus_query_min_gzip_bytes: ${both}`);
console.log(`query_added_to_client_min_gzip_bytes: ${both - client}`);
console.log(`query_added_ratio_vs_client: ${((both - client) / client).toFixed(3)}`);
