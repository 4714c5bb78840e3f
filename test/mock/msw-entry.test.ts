/**
 * `@signalzen/api/msw` imports msw's names statically (no top-level await, no namespace import): a frontend's
 * bundle of the handlers takes only what they use, not msw's GraphQL support (graphql is about 44 KB gzipped).
 * On msw 2 and msw 3 alike (the two CI legs). That every entry loads with require() is the consumer test's.
 */
import { describe, expect, it } from "vitest";
import { bundleEntry } from "../helpers/bundle.js";

describe("the MSW entry in a browser bundle", () => {
  it("carries none of msw's GraphQL code", async () => {
    const bundle = await bundleEntry("src/mock/msw.ts", { minify: true });
    expect(bundle).not.toMatch(/from\s*["']msw/); // msw itself is bundled in, not left external
    expect(bundle.match(/graphql/gi) ?? []).toEqual([]);
  });
});
