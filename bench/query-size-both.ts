/** The client and the query entry in one bundle, as an app that uses both has them (for bench/query-size.ts). */
export * from "../src/client/index.js";
export * from "../src/query/index.js";
