/** README is for the package's users: it starts with the three quick starts, stays short, and links the rest. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const headings = [...readme.matchAll(/^(#{2,3}) (.+)$/gm)].map((match) => `${match[1]} ${match[2]}`);

describe("README", () => {
  it("is under 24,000 characters", () => {
    expect(readme.length).toBeLessThan(24_000);
  });

  it("opens with the three quick starts, then the sections other pages link to", () => {
    expect(headings.slice(0, 4)).toEqual([
      "## Quick starts",
      "### A frontend: React, TanStack Query and MSW",
      "### Another repository: the types and the client",
      "### A server team: verifying your implementation",
    ]);
    for (const section of [
      "## TanStack Query (`@signalzen/api/query`)",
      "## The client",
      "## Running the mock",
      "## Verifying a server",
      "## Breaking changes",
    ])
      expect(headings).toContain(section);
  });

  it("links CONTRIBUTING.md's sections that exist", () => {
    const contributing = readFileSync(new URL("../../CONTRIBUTING.md", import.meta.url), "utf8");
    const anchors = new Set(
      [...contributing.matchAll(/^#{2,3} (.+)$/gm)].map((match) =>
        match[1]!
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, "")
          .replaceAll(" ", "-"),
      ),
    );
    const links = [...readme.matchAll(/\(CONTRIBUTING\.md#([^)]+)\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(anchors).toContain(link);
  });
});
