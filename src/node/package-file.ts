/**
 * Files shipped at the package root (openapi.yaml, redocly.yaml), found from src/node/ or from
 * dist/src/node/. Node-only (node:fs): src/node/ holds what needs Node or ajv, so that src/shared/ and
 * src/contract/ stay browser-safe.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export function packageFile(name: string): string {
  // src/node/ is two levels below the root; dist/src/node/ is three.
  const candidates = [path.resolve(here, "../..", name), path.resolve(here, "../../..", name)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error(
      `the package file ${name} is missing (looked in ${candidates.join(" and ")}); reinstall @signalzen/api`,
    );
  return found;
}
