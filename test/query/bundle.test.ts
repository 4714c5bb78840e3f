/** `@signalzen/api/query` in a browser bundle: nothing of TanStack at run time, no openapi-fetch, and small. */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundleEntry } from "../helpers/bundle.js";

describe("the query entry's bundle", () => {
  it("imports nothing at run time (TanStack for its types only) and stays under 2 KB gzipped", async () => {
    const code = await bundleEntry("src/query/index.ts", { minify: true, external: ["@tanstack/*", "openapi-fetch"] });
    expect(code).not.toMatch(/\bfrom\s*["']|\bimport\s*\(/);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(2048);
  });
});
