/** The rules table is one list: ids are unique, and CONTRIBUTING.md shows exactly that list. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES, rulesTableMarkdown } from "../../src/diff/rules.js";

describe("the rules table", () => {
  it("has unique kebab-case ids and one-sentence explanations", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(rule.explanation).toMatch(/^[A-Z][^\n]*\.$/);
    }
  });

  it("is in CONTRIBUTING.md's Breaking-change rules section exactly as src/diff/rules.ts writes it", () => {
    const contributing = readFileSync(new URL("../../CONTRIBUTING.md", import.meta.url), "utf8");
    const section = contributing.slice(contributing.indexOf("## Breaking-change rules"));
    expect(section).toContain(`\n${rulesTableMarkdown()}\n`);
  });
});
