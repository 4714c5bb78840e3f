/**
 * `npm run api:check` guards the package's TypeScript surface as the breaking-change gate guards the contract:
 * a new, removed or retyped export fails it until api/ is updated in the same change.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderReports, staleReports } from "../../scripts/api-report.js";
import { repoRoot } from "../helpers/cli.js";

const clientIndex = path.join(repoRoot, "src/client/index.ts");
const source = readFileSync(clientIndex, "utf8");

describe("api report", () => {
  it("the committed api/ matches every entry's surface", () => {
    expect(staleReports()).toEqual([]);
  });

  it("an export added to the client entry makes api:check fail, naming the client's report, until it is written", () => {
    const added = renderReports({
      [clientIndex]: `${source}\nexport const addedForTheTest = (n: number): string => String(n);\n`,
    });
    expect(staleReports(added)).toEqual(["api/index.api.md"]);
    expect(added["api/index.api.md"]).toContain("const addedForTheTest: (n: number) => string;");
  });

  it("a changed type of an existing export is a change too", () => {
    const retyped = source.replace(
      'export { defaultRetryPolicy } from "./retry-policy.js";',
      "export const defaultRetryPolicy = (attempt: number): boolean => attempt < 2;",
    );
    expect(retyped).not.toBe(source);
    expect(staleReports(renderReports({ [clientIndex]: retyped }))).toEqual(["api/index.api.md"]);
  });
});
