/**
 * Names that left `components.schemas` since the last release are accounted for: the breaking-change gate
 * reports each (it is what TypeScript code naming `components["schemas"][name]` sees), the contract's major
 * version moved for them, and the newest CHANGELOG entry names each with its replacement.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import { diffDocuments } from "../../src/diff/compare-documents.js";
import { lastRelease, parseVersion, typeErrorsOf } from "../diff/gate.js";

const release = lastRelease();
const today = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));
const removed = diffDocuments(release.spec, today)
  .changes.filter((change) => change.rule === "component-schema-removed")
  .map((change) => change.base.replace("#/components/schemas/", ""));

describe("schema names moved since the last release", () => {
  it("the gate reports each one that left components.schemas", () => {
    expect(removed).toEqual(["Error", "ErrorCode", "MessageFields"]);
  });

  it("so the contract's major version moved past the release's", () => {
    expect(parseVersion(contract.version).major).toBeGreaterThan(parseVersion(release.version).major);
  });

  it("the newest CHANGELOG entry names each moved name and what replaces it", () => {
    const changelog = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
    const newest = changelog.split(/^## /m)[1] ?? "";
    for (const name of removed) expect(newest, name).toMatch(new RegExp(`\`${name}\` → \\S`));
  });

  it("the package's own type names stay: code naming them compiles against today's sources", () => {
    const code = [
      'import type { ErrorBody, ErrorCode, Message, MessageList, OperatorMessage } from "@signalzen/api";',
      'import type { User, UserList, UserMessage } from "@signalzen/api";',
      'import type { components } from "@signalzen/api/types";',
      'const code: ErrorCode = "not_found";',
      "const body: ErrorBody = { status: 404, code, message: 'Not found' };",
      'export const same: components["schemas"]["ErrorBody"] = body;',
      "export const sender = (message: Message) => (message.sender_type === 'operator' ? message.sender.forename : null);",
      "export type Names = [MessageList, OperatorMessage, User, UserList, UserMessage];",
    ].join("\n");
    expect(typeErrorsOf([code])).toEqual([]);
  }, 60_000);
});
