/**
 * The package's entries, read from package.json `exports` (one place for the list): each typed entry with its
 * built files and the source file they are built from (`./dist/src/mock/msw.js` is `src/mock/msw.ts`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

export interface Entry {
  /** As consumers import it after the package name: ".", "./msw". */
  name: string;
  /** The built files package.json names (`types`, `default`). */
  files: string[];
  /** The source, relative to the repo: "src/mock/msw.ts". */
  source: string;
}

/** Every entry with a `types` condition (`./openapi.yaml` and `./package.json` are files, not modules). */
export function entries(): Entry[] {
  return Object.entries<string | Record<string, string>>(manifest.exports).flatMap(([name, target]) =>
    typeof target === "string" || !target.types
      ? []
      : [
          {
            name,
            files: Object.values(target),
            source: target.types.replace(/^\.\/dist\//, "").replace(/\.d\.ts$/, ".ts"),
          },
        ],
  );
}
