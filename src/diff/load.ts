/**
 * Reads the two documents `diff` compares: a file (YAML or JSON), or `git:REF`, this repository's openapi.yaml
 * at a git ref. Anything that cannot be compared is a DiffInputError whose message names the document and
 * says what is wrong, and how to fix it where there is a fix.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { childPointer, isObject, resolvePointer } from "../contract/pointer.js";

export class DiffInputError extends Error {}

export interface LoadedDocument {
  /** As the user named it: a path or `git:REF`. */
  source: string;
  document: Record<string, unknown>;
}

type YamlModule = { parse(text: string, options?: object): unknown };

export interface LoadOptions {
  /** Where git runs for `git:REF`. @default process.cwd() */
  cwd?: string;
  /** How the YAML parser is loaded; tests replace it to see the message when it is missing. */
  importYaml?: () => Promise<YamlModule>;
}

const GIT_TIMEOUT_MS = 15_000;
const GIT_MAX_BYTES = 64 * 1024 * 1024;

export async function loadDocument(source: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const text = source.startsWith("git:") ? await readAtRef(source, options.cwd) : await readPath(source);
  const parsed = await parseText(text, source, options.importYaml ?? (() => import("yaml")));
  return { source, document: checkDocument(parsed, source) };
}

async function readPath(source: string): Promise<string> {
  try {
    return await readFile(source, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (error as Error).message;
    throw new DiffInputError(`${source}: cannot read it (${reason})`);
  }
}

function readAtRef(source: string, cwd = process.cwd()): Promise<string> {
  const ref = source.slice("git:".length);
  if (!ref || ref.startsWith("-")) {
    throw new DiffInputError(`${source}: name a git ref after "git:", for example git:HEAD or git:main`);
  }
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["show", `${ref}:openapi.yaml`],
      { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: GIT_MAX_BYTES, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === "ENOENT"
            ? "git is not installed"
            : error.killed
              ? `git did not answer within ${GIT_TIMEOUT_MS / 1000} s`
              : stderr.trim().split("\n")[0] || error.message;
        reject(new DiffInputError(`${source}: git cannot show openapi.yaml at "${ref}" (${reason})`));
      },
    );
  });
}

async function parseText(text: string, source: string, importYaml: () => Promise<YamlModule>): Promise<unknown> {
  if (/\.json$/i.test(source)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new DiffInputError(`${source}: not valid JSON (${(error as Error).message})`);
    }
  }
  let yaml: YamlModule;
  try {
    yaml = await importYaml();
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new DiffInputError(
      `${source}: reading YAML needs the yaml package, which is not installed. ` +
        "Install it with: npm install --save-dev yaml@2 (JSON documents need nothing)",
    );
  }
  try {
    return yaml.parse(text);
  } catch (error) {
    throw new DiffInputError(`${source}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
}

function checkDocument(parsed: unknown, source: string): Record<string, unknown> {
  if (!isObject(parsed)) throw new DiffInputError(`${source}: not an OpenAPI document (expected a mapping at the top)`);
  const version = parsed.openapi;
  if (version === undefined) {
    throw new DiffInputError(`${source}: not an OpenAPI document (it has no "openapi" key; expected openapi: 3.1.x)`);
  }
  if (typeof version !== "string" || !/^3\.1\.\d+$/.test(version)) {
    throw new DiffInputError(
      `${source}: it is OpenAPI ${JSON.stringify(version)}; diff compares OpenAPI 3.1 documents (openapi: 3.1.x)`,
    );
  }
  if (parsed.paths !== undefined && !isObject(parsed.paths)) {
    throw new DiffInputError(`${source}: "paths" must be a mapping`);
  }
  checkRefs(parsed, parsed, "#", source, false);
  checkRefChains(parsed, source);
  return parsed;
}

/** Every `$ref` is local and points at something: the differ follows refs without checking again. */
function checkRefs(document: unknown, node: unknown, pointer: string, source: string, isExample: boolean): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) checkRefs(document, item, childPointer(pointer, index), source, false);
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.$ref === "string") {
    const ref = node.$ref;
    if (!ref.startsWith("#")) {
      throw new DiffInputError(
        `${source}: the $ref "${ref}" at ${pointer} is not local; bundle the document into one file first ` +
          "(npx @redocly/cli bundle)",
      );
    }
    if (resolvePointer(document, ref) === undefined) {
      throw new DiffInputError(`${source}: the $ref "${ref}" at ${pointer} points at nothing`);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    // Example values are data, where a "$ref" key means nothing: `example`, a schema's `examples` array, and
    // the `value` of an Example Object are not walked.
    if (key === "example" || (isExample && key === "value") || (key === "examples" && Array.isArray(value))) continue;
    if (key === "examples" && isObject(value)) {
      for (const [name, example] of Object.entries(value)) {
        checkRefs(document, example, childPointer(pointer, key, name), source, true);
      }
      continue;
    }
    checkRefs(document, value, childPointer(pointer, key), source, false);
  }
}

/** A `$ref` whose chain of refs comes back to itself names no schema at all. */
function checkRefChains(document: unknown, source: string): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    if (typeof node.$ref === "string") {
      const seen = new Set<string>();
      let at: unknown = node;
      while (isObject(at) && typeof at.$ref === "string") {
        if (seen.has(at.$ref)) throw new DiffInputError(`${source}: the $ref "${at.$ref}" leads back to itself`);
        seen.add(at.$ref);
        at = resolvePointer(document, at.$ref);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(document);
}
