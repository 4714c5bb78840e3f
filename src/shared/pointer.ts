/**
 * The one JSON pointer and `$ref` helper of the repository: the generator, the schema validator, `verify`, the
 * differ, the docs and the tests all navigate openapi.yaml through it, with one set of rules for a `$ref`.
 * Browser-safe (see json.ts for why src/shared/).
 */
import { isObject } from "./json.js";

/** Escapes one token of a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The unescaped tokens of a JSON pointer: `#/a/x~1y` and `/a/x~1y` → `["a", "x/y"]`. */
export function pointerTokens(pointer: string): string[] {
  return pointer.replace(/^#/, "").split("/").slice(1).map(unescapeToken);
}

/** The node at a JSON pointer (`#/a/b` or `/a/b`) in a value or document; undefined when absent. */
export function resolvePointer(value: unknown, pointer: string): unknown {
  if (!pointer || pointer === "#") return value;
  let at = value;
  for (const key of pointerTokens(pointer)) {
    if (!at || typeof at !== "object") return undefined;
    // Own properties only: `#/constructor` names nothing in a document.
    if (!Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * The node a local `$ref` (`#/components/...`) points at, undefined when it points at nothing. A `$ref` is a URI
 * fragment: it is percent-decoded (`%7B` is `{`), then read as a JSON pointer (`~1` is `/`, `~0` is `~`).
 */
export function resolveRef(document: unknown, ref: string): unknown {
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref);
  } catch {
    return undefined; // a `%` that starts no escape: no URI fragment, so it names nothing
  }
  return resolvePointer(document, pointer);
}

// A chain of references longer than this is a cycle (`A: {$ref: B}, B: {$ref: A}`), not a document.
const MAX_REF_HOPS = 64;

/** A chain of `$ref`s that comes back to one of its refs: `ref` is the first one met twice. */
export class RefCycleError extends Error {
  constructor(readonly ref: string) {
    super(`$ref ${ref} is part of a cycle`);
  }
}

/** A document node with its local `$ref`s followed (see `follow`); throws on a cycle or a dangling ref. */
export function deref<T = Record<string, any>>(document: unknown, node: unknown): T {
  return follow(document, { node, pointer: "#" }).node as T;
}

/** The name a `#/components/schemas/Name` reference points at, or undefined for anything else. */
export function schemaNameOf(node: unknown): string | undefined {
  const ref = node && typeof node === "object" ? (node as { $ref?: unknown }).$ref : undefined;
  const match = typeof ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return match ? unescapeToken(match[1]!) : undefined;
}

/** A node of a document and the pointer to where it is (the differ reports both). */
export interface Located {
  node: unknown;
  pointer: string;
}

/** `#/a/b` + `c/d` → `#/a/b/c~1d`. */
export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>((at, token) => `${at}/${escapePointer(String(token))}`, pointer);
}

/**
 * A node with its chain of local `$ref`s followed, and where the chain ends. Keywords beside a `$ref` (a
 * description, mostly) are kept over the target's, which is what OpenAPI 3.1 means for Reference Objects; each
 * `$ref` is resolved by `resolveRef`'s rules. Throws on a cycle (RefCycleError), a dangling or a remote ref.
 */
export function follow(document: unknown, located: Located): Located {
  let current = located;
  const seen = new Set<string>();
  while (isObject(current.node) && typeof current.node.$ref === "string") {
    const { $ref, ...siblings } = current.node;
    if (seen.has($ref) || seen.size >= MAX_REF_HOPS) throw new RefCycleError($ref);
    seen.add($ref);
    if (!$ref.startsWith("#")) throw new Error(`$ref ${$ref} is not local (only "#/..." references are followed)`);
    const target = resolveRef(document, $ref);
    if (target === undefined) throw new Error(`$ref ${$ref} points at nothing`);
    const merged = Object.keys(siblings).length > 0 && isObject(target) ? { ...target, ...siblings } : target;
    current = { node: merged, pointer: $ref };
  }
  return current;
}
