/** The differ follows a `$ref` by the shared resolver's rules: a URI fragment, percent-decoded, then a JSON pointer. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffDocuments } from "../../src/diff/compare-documents.js";
import { loadDocument } from "../../src/diff/load.js";

const work = mkdtempSync(path.join(tmpdir(), "signalzen-diff-refs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const document = (nameType: string) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1.0.0" },
  paths: {
    "/people": {
      get: {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/A%20Person" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: { "A Person": { type: "object", properties: { name: { type: nameType } }, required: ["name"] } },
  },
});

describe("diff and percent-encoded $refs", () => {
  it("reads a $ref with a percent-encoded name as the schema it names, and compares through it", async () => {
    const file = (name: string, value: object) => {
      writeFileSync(path.join(work, name), JSON.stringify(value));
      return path.join(work, name);
    };
    const base = await loadDocument(file("base.json", document("string")));
    const head = await loadDocument(file("head.json", document("integer")));
    expect(diffDocuments(base.document, base.document).breaking).toBe(0);
    expect(diffDocuments(base.document, head.document).breaking).toBeGreaterThan(0);
  });
});
