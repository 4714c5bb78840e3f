/**
 * The two toolchains CI tests the package on (README's "Supported toolchains"): the previous one is the project's
 * own lockfile on Node 20; the current one is `.ci/current/`'s lockfile on Node 24 (`.ci/test-node24`). The leg
 * is told by the Node that runs the tests. The consumer test installs the leg's versions into a fresh project.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "../helpers/cli.js";

export interface Toolchain {
  leg: "current" | "previous";
  node: string;
  msw: string;
  prism: string;
  vitest: string;
  typescript: string;
}

/** Versions as npm ranges ("3.0" is 3.0.x), in README's column order. */
export const TOOLCHAINS: readonly Toolchain[] = [
  { leg: "current", node: "24", msw: "3.0", prism: "5.16", vitest: "5.1", typescript: "7.0" },
  { leg: "previous", node: "20", msw: "2.15", prism: "5.14.2", vitest: "4.1", typescript: "5.9" },
];

export function legOf(nodeVersion: string = process.versions.node): Toolchain | undefined {
  return TOOLCHAINS.find((toolchain) => nodeVersion.split(".")[0] === toolchain.node);
}

/** The version of a package installed where `from` resolves it (the repo, unless given). */
export function installedVersion(name: string, from: string = repoRoot): string {
  const require = createRequire(path.join(from, "package.json"));
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
}

/** Whether `version` is within an x.y or x.y.z range as written in TOOLCHAINS. */
export const within = (version: string, range: string) => version === range || version.startsWith(`${range}.`);
