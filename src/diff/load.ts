/**
 * Reads the two documents `diff` compares: a file (YAML or JSON), or `git:REF`, this repository's openapi.yaml
 * at a git ref. Anything that cannot be compared is a DiffInputError whose message names the document and
 * says what is wrong, and how to fix it where there is a fix.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { importPeer } from "../node/optional-peer.js";
import { isObject } from "../shared/json.js";
import { childPointer, follow, RefCycleError, resolveRef } from "../shared/pointer.js";

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
  const read = source.startsWith("git:") ? await readAtRef(source, options.cwd) : await readPath(source);
  // A byte-order mark, as some Windows editors write, is not part of the document (the world loader skips it too).
  const text = read.startsWith("\uFEFF") ? read.slice(1) : read;
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
  const yaml = await importPeer(importYaml, {
    need: `${source}: reading YAML needs the yaml package`,
    install: ["yaml@2"],
    note: "JSON documents need nothing",
  });
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
  checkRefs(parsed, source);
  return parsed;
}

/**
 * How deep a document may nest. OpenAPI documents nest a few dozen levels; the checks and comparisons that follow
 * recurse, so a deeper document is refused here, by a walk that keeps its own stack.
 */
const MAX_NESTING = 256;

const shorten = (pointer: string) => (pointer.length > 120 ? `${pointer.slice(0, 120)}…` : pointer);

/**
 * Every `$ref` is local, points at something and does not lead back to itself (the differ follows refs without
 * checking again), at most MAX_NESTING deep.
 */
function checkRefs(document: Record<string, unknown>, source: string): void {
  // Refs whose chain is known to end somewhere: each chain is followed once.
  const ending = new Set<string>();
  const pending: { node: unknown; pointer: string; depth: number; isExample: boolean }[] = [
    { node: document, pointer: "#", depth: 0, isExample: false },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, pointer, depth, isExample } = next;
    if (typeof node !== "object" || node === null) continue;
    if (depth > MAX_NESTING) {
      throw new DiffInputError(
        `${source}: it nests more than ${MAX_NESTING} levels deep (at ${shorten(pointer)}); ` +
          "diff reads documents nested at most that deep",
      );
    }
    const children: { node: unknown; pointer: string; depth: number; isExample: boolean }[] = [];
    const child = (value: unknown, example: boolean, ...tokens: (string | number)[]) =>
      children.push({ node: value, pointer: childPointer(pointer, ...tokens), depth: depth + 1, isExample: example });
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        child(item, false, index);
      });
    } else {
      checkRef(document, node as Record<string, unknown>, pointer, source);
      checkChain(document, node as Record<string, unknown>, source, ending);
      for (const [key, value] of Object.entries(node)) {
        // Example values are data, where a "$ref" key means nothing: `example`, a schema's `examples` array, and
        // the `value` of an Example Object are not walked.
        if (key === "example" || (isExample && key === "value") || (key === "examples" && Array.isArray(value))) {
          continue;
        }
        if (key === "examples" && isObject(value)) {
          for (const [name, example] of Object.entries(value)) child(example, true, key, name);
          continue;
        }
        child(value, false, key);
      }
    }
    // Reversed onto the stack, so that the walk visits them in document order (the first bad $ref is named).
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]!);
  }
}

function checkRef(document: unknown, node: Record<string, unknown>, pointer: string, source: string): void {
  if (typeof node.$ref !== "string") return;
  const ref = node.$ref;
  if (!ref.startsWith("#")) {
    throw new DiffInputError(
      `${source}: the $ref "${ref}" at ${pointer} is not local; bundle the document into one file first ` +
        "(npx @redocly/cli bundle)",
    );
  }
  if (resolveRef(document, ref) === undefined) {
    throw new DiffInputError(`${source}: the $ref "${ref}" at ${pointer} points at nothing`);
  }
}

/** A `$ref` whose chain of refs comes back to itself names no schema at all. */
function checkChain(document: unknown, node: Record<string, unknown>, source: string, ending: Set<string>): void {
  if (typeof node.$ref !== "string" || ending.has(node.$ref)) return;
  try {
    follow(document, { node, pointer: "#" });
  } catch (error) {
    if (error instanceof RefCycleError) {
      throw new DiffInputError(`${source}: the $ref "${error.ref}" leads back to itself`);
    }
    // A ref further along that is not local or points at nothing: checkRef names it where the walk meets it.
  }
  ending.add(node.$ref);
}
