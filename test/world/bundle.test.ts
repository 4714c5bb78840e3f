/**
 * The world generator is browser-safe: it bundles for platform "browser" (esbuild fails on any Node built-in),
 * and the bundle makes the same world as the sources. No byte size is asserted (bench/world.bench.ts prints it).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as sources from "../../src/world/index.js";
import { bundleEntry } from "../helpers/bundle.js";

describe("the world bundle for the browser", () => {
  it("builds, and makes the same world as the sources", async () => {
    const code = await bundleEntry("src/world/index.ts", { minify: true });
    const bundled = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
    )) as typeof sources;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(sources).sort());
    for (const options of [{}, { seed: "alpha", users: 60 }]) {
      expect(JSON.stringify(bundled.generateWorld(options).toData())).toBe(
        JSON.stringify(sources.generateWorld(options).toData()),
      );
    }
    expect(bundled.seededRandom("a", 1)()).toBe(sources.seededRandom("a", 1)());
  });

  it("would fail on a Node built-in: the Node-only loader does not bundle for the browser", async () => {
    const loader = fileURLToPath(new URL("../../src/world/load-file.ts", import.meta.url));
    await expect(bundleEntry(loader)).rejects.toThrow(/Could not resolve "node:fs"/);
  });
});
