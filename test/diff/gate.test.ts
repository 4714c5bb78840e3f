/**
 * The breaking-change gate: openapi.yaml against the last released contract, and the released README examples
 * against today's sources. It fails while package.json's major is the release's and something breaks.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffDocuments } from "../../src/diff/compare-documents.js";
import { repoRoot } from "../helpers/cli.js";
import { gate, lastRelease, readmeExamples, sourcePaths, typeErrorsOf } from "./gate.js";

const contract = parse(readFileSync(new URL("../../openapi.yaml", import.meta.url), "utf8"));
const release = lastRelease();

describe("the breaking-change gate", () => {
  it("passes: openapi.yaml breaks nothing of the last release, and its README examples still compile", () => {
    const report = diffDocuments(release.spec, contract);
    const typeErrors = typeErrorsOf(readmeExamples(release.readme));
    // The contract's own version decides (CHANGELOG.md's header): a breaking change needs info.version's major.
    const verdict = gate({ released: release.version, version: contract.info.version, report, typeErrors });
    expect(verdict.ok, verdict.message).toBe(true);
  }, 60_000);

  it("maps the package's import names to today's sources through package.json's exports", () => {
    const paths = sourcePaths();
    // Every export with types maps to one source file that exists (more entry points may come; these three stay).
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(["@signalzen/api", "@signalzen/api/types", "@signalzen/api/mock"]),
    );
    for (const [name, [file, ...more]] of Object.entries(paths)) {
      expect(more, name).toEqual([]);
      expect(existsSync(file!), `${name} → ${file}`).toBe(true);
      expect(file!.startsWith(path.join(repoRoot, "src") + path.sep), `${name} → ${file}`).toBe(true);
    }
  });

  const breakingEdit = () => {
    const head = structuredClone(release.spec) as Record<string, any>;
    delete head.components.schemas.User.properties.email;
    head.components.schemas.User.required = head.components.schemas.User.required.filter(
      (name: string) => name !== "email",
    );
    return head;
  };

  it("fails a breaking edit with the version unchanged, with the diff's message", () => {
    const report = diffDocuments(release.spec, breakingEdit());
    const verdict = gate({ released: "1.0.0", version: "1.0.0", report, typeErrors: [] });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain(
      "Changes that break consumers of the released 1.0.0, while openapi.yaml's info.version is 1.0.0 (same major).",
    );
    expect(verdict.message).toContain(
      'BREAKING   response-property-removed: field "email" removed\n  base: #/components/schemas/User/properties/email',
    );
    expect(verdict.message).toContain("1 breaking, 0 compatible: released 1.0.0 → openapi.yaml (1.0.0)");
  });

  it("fails the same edit under a minor bump, and passes it under a major bump", () => {
    const report = diffDocuments(release.spec, breakingEdit());
    expect(gate({ released: "1.0.0", version: "1.1.0", report, typeErrors: [] }).ok).toBe(false);
    const bumped = gate({ released: "1.0.0", version: "2.0.0", report, typeErrors: [] });
    expect(bumped.ok).toBe(true);
    expect(bumped.message).toMatch(/^Breaking changes allowed by the major bump 1\.0\.0 → 2\.0\.0\./);
  });

  it("passes a compatible edit under a minor bump", () => {
    const head = structuredClone(release.spec) as Record<string, any>;
    head.components.schemas.User.properties.country = { type: "string", maxLength: 2 };
    const verdict = gate({
      released: "1.0.0",
      version: "1.1.0",
      report: diffDocuments(release.spec, head),
      typeErrors: [],
    });
    expect(verdict).toEqual({ ok: true, message: expect.stringContaining("0 breaking, 1 compatible") });
  });

  it("fails on what only TypeScript sees: a released example that no longer compiles", () => {
    const errors = typeErrorsOf([
      'import { createSignalZenClient, retired } from "@signalzen/api";\nvoid createSignalZenClient, retired;\n',
    ]);
    expect(errors).toEqual(["README ts block 1:1:33: Module '\"@signalzen/api\"' has no exported member 'retired'."]);
    const report = diffDocuments(release.spec, structuredClone(release.spec));
    const verdict = gate({ released: "1.0.0", version: "1.0.0", report, typeErrors: errors });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain("The 1.0.0 README examples no longer compile:\nREADME ts block 1:1:33: Module");
  }, 60_000);
});
