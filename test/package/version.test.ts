/**
 * Two versions, two facts: package.json follows semver of the package's TypeScript/JavaScript surface (the API
 * report guards it); openapi.yaml's `info.version` follows the HTTP contract (the breaking-change gate reads it).
 * The changelog starts with the package's version and says which contract version each release carries.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as contract from "../../generated/contract.js";
import { compareVersions, RELEASED_DIR, readmeExamples, releasedVersions } from "../diff/gate.js";

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));

describe("versioning", () => {
  it("package.json's version and openapi.yaml's info.version are each a plain semver version", () => {
    const semver = /^\d+\.\d+\.\d+$/;
    expect(manifest.version).toMatch(semver);
    expect(contract.version).toMatch(semver);
  });

  it("CHANGELOG.md's newest entry names the contract version it carries", () => {
    const changelog = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
    const newest = changelog.split(/^## /m)[1] ?? "";
    expect(newest).toContain(`Contract: \`info.version\` ${contract.version}`);
  });

  it("CHANGELOG.md's newest entry is this version", () => {
    const changelog = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
    expect(changelog.match(/^## (\S+)/m)?.[1]).toBe(manifest.version);
  });

  it("each recorded release (test/contract/released/<version>/) has its openapi.yaml and README", () => {
    const versions = releasedVersions();
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) {
      const file = (name: string) => path.join(RELEASED_DIR, version, name);
      expect(parse(readFileSync(file("openapi.yaml"), "utf8")).info.version).toBe(version);
      expect(existsSync(file("README.md"))).toBe(true);
      expect(readmeExamples(readFileSync(file("README.md"), "utf8")).length).toBeGreaterThan(0);
    }
  });

  it("every dated CHANGELOG entry is a recorded release, and package.json is at or past the last one", () => {
    const changelog = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
    const dated = [...changelog.matchAll(/^## (\S+) \(\d{4}-\d{2}-\d{2}\)$/gm)].map((match) => match[1]!);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.sort(compareVersions)).toEqual(releasedVersions());
    expect(compareVersions(manifest.version, releasedVersions().at(-1)!)).toBeGreaterThanOrEqual(0);
  });

  it("runtime dependencies stay minimal: openapi-fetch only; the tools are optional peers", () => {
    expect(Object.keys(manifest.dependencies)).toEqual(["openapi-fetch"]);
    expect(
      Object.entries(manifest.peerDependenciesMeta).every(([, meta]) => (meta as { optional: boolean }).optional),
    ).toBe(true);
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([
      "@redocly/cli",
      "@stoplight/prism-cli",
      "@tanstack/query-core",
      "ajv",
      "ajv-formats",
      "fast-check",
      "msw",
      "yaml",
    ]);
  });
});
