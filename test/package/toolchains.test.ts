/**
 * Each CI leg runs on the toolchain it claims (README's "Supported toolchains"): a leg that silently ran the Node 24
 * tests with msw 2, or README naming versions nobody tests, fails here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prismVersionFor } from "../../src/mock/prism.js";
import { repoRoot } from "../helpers/cli.js";
import { installedVersion, legOf, TOOLCHAINS, within } from "./toolchains.js";

describe("toolchains", () => {
  it("this run's Node is one of the legs, and its msw, Prism and vitest are that leg's", () => {
    const leg = legOf();
    expect(leg, `Node ${process.versions.node} is not a tested leg`).toBeDefined();
    const installed = {
      msw: installedVersion("msw"),
      prism: installedVersion("@stoplight/prism-cli"),
      vitest: installedVersion("vitest"),
    };
    for (const [tool, version] of Object.entries(installed))
      expect(within(version, leg![tool as keyof typeof installed]), `${tool} ${version} on the ${leg!.leg} leg`).toBe(
        true,
      );
  });

  it("README's table lists exactly the tested legs", () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const table = readme.match(
      /\| leg \| Node \| msw \| Prism \| vitest \| TypeScript \|\n\|[- |]+\|\n((?:\|.*\|\n)+)/,
    );
    expect(table?.[1]?.trim().split("\n")).toEqual(
      TOOLCHAINS.map((t) => `| ${t.leg} | ${t.node} | ${t.msw} | ${t.prism} | ${t.vitest} | ${t.typescript} |`),
    );
  });

  it("the mock's install hint names the newest Prism the Node in use runs (5.15 needs 24.14, 5.16 needs 24.18)", () => {
    expect(
      ["20.19.0", "22.12.0", "24.13.9", "24.14.0", "24.17.1", "24.18.0", "24.21.0", "26.0.0"].map((node) =>
        prismVersionFor(node),
      ),
    ).toEqual(["5.14.2", "5.14.2", "5.14.2", "5.15.11", "5.15.11", "5.16.0", "5.16.0", "5.16.0"]);
    for (const toolchain of TOOLCHAINS)
      expect(within(prismVersionFor(`${toolchain.node}.99.0`), toolchain.prism)).toBe(true);
  });
});
