/** The package version and the contract's version move together, and the changelog starts with them. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));

describe("versioning", () => {
  it("package.json's version is openapi.yaml's info.version", () => {
    expect(manifest.version).toBe(contract.version);
  });

  it("CHANGELOG.md's newest entry is this version", () => {
    const changelog = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
    expect(changelog.match(/^## (\S+)/m)?.[1]).toBe(manifest.version);
  });

  it("runtime dependencies stay minimal: openapi-fetch only; the tools are optional peers", () => {
    expect(Object.keys(manifest.dependencies)).toEqual(["openapi-fetch"]);
    expect(Object.entries(manifest.peerDependenciesMeta).every(([, meta]) => (meta as { optional: boolean }).optional)).toBe(true);
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(["@redocly/cli", "@stoplight/prism-cli", "ajv", "ajv-formats", "fast-check"]);
  });
});
