/**
 * The breaking-change gate `npm test` runs: the contract against the last released one, and the last release's
 * README examples compiled against today's sources. Either finding something while the contract's `info.version`
 * has the release's major fails the gate; a major bump lets both through (and says what they were). The package's
 * own version is another fact (its TypeScript surface, guarded by `npm run api:check`), so it is not read here.
 *
 * Releases are recorded as committed snapshots, test/contract/released/<version>/{openapi.yaml,README.md}:
 * tags do not survive every clone (CI checkouts are often shallow and tagless), a snapshot does.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { parse } from "yaml";
import type { DiffReport } from "../../src/diff/compare-documents.js";
import { formatDiffReport } from "../../src/diff/report.js";
import { repoRoot } from "../helpers/cli.js";

export const RELEASED_DIR = path.join(repoRoot, "test/contract/released");

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

export function parseVersion(text: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a version of the form MAJOR.MINOR.PATCH`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

/** The recorded releases, oldest first. */
export function releasedVersions(): string[] {
  return readdirSync(RELEASED_DIR).sort(compareVersions);
}

export interface Release {
  version: string;
  spec: Record<string, unknown>;
  readme: string;
}

export function lastRelease(): Release {
  const version = releasedVersions().at(-1);
  if (!version) throw new Error(`no release recorded in ${RELEASED_DIR}`);
  const file = (name: string) => readFileSync(path.join(RELEASED_DIR, version, name), "utf8");
  return { version, spec: parse(file("openapi.yaml")), readme: file("README.md") };
}

/** Every ```ts block of a README, in order (as test/package/consumer.test.ts reads them). */
export function readmeExamples(readme: string): string[] {
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/**
 * The package's import names mapped to today's sources through package.json's "exports": each entry's
 * `types` (`./dist/src/index.d.ts`) is the declaration file the build writes from `src/index.ts`. When the
 * sources move, "exports" moves with them, and so does this mapping.
 */
export function sourcePaths(): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries<{ types?: string } | string>(manifest.exports)) {
    const types = typeof target === "string" ? undefined : target.types;
    if (!types) continue;
    const source = types.replace(/^\.\/dist\//, "").replace(/\.d\.ts$/, ".ts");
    paths[path.posix.join(manifest.name, subpath)] = [path.join(repoRoot, source)];
  }
  return paths;
}

/**
 * Type-checks code as a consumer would (strict, NodeNext) with `@signalzen/api` resolved to today's sources,
 * and returns the errors in that code, one line each. Errors inside src/ are tsc's business, not the gate's.
 */
export function typeErrorsOf(examples: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "signalzen-released-examples-"));
  try {
    const files = examples.map((code, index) => {
      const file = path.join(dir, `example${index + 1}.mts`);
      writeFileSync(file, code);
      return file;
    });
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
      typeRoots: [path.join(repoRoot, "node_modules/@types")],
      paths: sourcePaths(),
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file === undefined || files.includes(path.normalize(diagnostic.file.fileName)))
      .map((diagnostic) => {
        const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
        if (!diagnostic.file || diagnostic.start === undefined) return text;
        const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
        const name = path.basename(diagnostic.file.fileName).replace(/^example(\d+)\.mts$/, "README ts block $1");
        return `${name}:${line + 1}:${character + 1}: ${text}`;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Verdict {
  ok: boolean;
  message: string;
}

/** Whether a contract at `version` may ship, given its diff against the release and the type errors found. */
export function gate(input: { released: string; version: string; report: DiffReport; typeErrors: string[] }): Verdict {
  const { released, version, report, typeErrors } = input;
  const sameMajor = parseVersion(version).major === parseVersion(released).major;
  const diffText = formatDiffReport(report, { base: `released ${released}`, head: `openapi.yaml (${version})` });
  const typesText =
    typeErrors.length > 0 ? `\n\nThe ${released} README examples no longer compile:\n${typeErrors.join("\n")}` : "";
  const broken = report.breaking > 0 || typeErrors.length > 0;
  if (broken && sameMajor) {
    return {
      ok: false,
      message:
        `Changes that break consumers of the released ${released}, while openapi.yaml's info.version is ${version} (same major). ` +
        `Undo them, or bump info.version's major in openapi.yaml and say what broke in CHANGELOG.md.\n\n${diffText}${typesText}`,
    };
  }
  const preface = broken ? `Breaking changes allowed by the major bump ${released} → ${version}.\n\n` : "";
  return { ok: true, message: `${preface}${diffText}${typesText}` };
}
