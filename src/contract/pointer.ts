/**
 * The one JSON pointer and `$ref` helper of the repository: the generator, the schema validator, the
 * mock, `verify` and the tests all navigate openapi.yaml through it. Browser-safe (no Node API).
 */

/** Escapes one token of a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The node at a JSON pointer (`#/a/b` or `/a/b`) in a value or document; undefined when absent. */
export function resolvePointer(value: unknown, pointer: string): unknown {
  if (!pointer || pointer === "#") return value;
  let at = value;
  for (const token of pointer.replace(/^#/, "").split("/").slice(1)) {
    if (!at || typeof at !== "object") return undefined;
    const key = unescapeToken(token);
    // Own properties only: `#/constructor` names nothing in a document.
    if (!Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

// A chain of references longer than this is a cycle (`A: {$ref: B}, B: {$ref: A}`), not a document.
const MAX_REF_HOPS = 64;

/** A document node with its local `$ref`s followed (`#/components/...`); throws on a cycle or a dangling ref. */
export function deref<T = Record<string, any>>(document: object, node: unknown): T {
  let current = node as { $ref?: unknown } | undefined;
  for (let hops = 0; current && typeof current === "object" && typeof current.$ref === "string"; hops++) {
    const target = current.$ref;
    if (hops >= MAX_REF_HOPS) throw new Error(`$ref ${target} is part of a cycle`);
    if (!target.startsWith("#")) throw new Error(`$ref ${target} is not local (only "#/..." references are followed)`);
    current = resolvePointer(document, target) as { $ref?: unknown } | undefined;
    if (current === undefined) throw new Error(`$ref ${target} points at nothing`);
  }
  return current as T;
}

/** The name a `#/components/schemas/Name` reference points at, or undefined for anything else. */
export function schemaNameOf(node: unknown): string | undefined {
  const ref = node && typeof node === "object" ? (node as { $ref?: unknown }).$ref : undefined;
  const match = typeof ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return match ? unescapeToken(match[1]!) : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
 * Like `deref`, keeping where the chain ends. Keywords beside a `$ref` (a description, mostly) are kept over the
 * target's, which is what OpenAPI 3.1 means for Reference Objects; a `$ref` is a URI fragment, so it is
 * percent-decoded before it is resolved.
 */
export function follow(document: unknown, located: Located): Located {
  let current = located;
  const seen = new Set<string>();
  while (isObject(current.node) && typeof current.node.$ref === "string") {
    const { $ref, ...siblings } = current.node;
    if (seen.has($ref) || seen.size >= MAX_REF_HOPS) throw new Error(`$ref ${$ref} is part of a cycle`);
    seen.add($ref);
    if (!$ref.startsWith("#")) throw new Error(`$ref ${$ref} is not local (only "#/..." references are followed)`);
    const target = resolvePointer(document, decodeURIComponent($ref));
    if (target === undefined) throw new Error(`$ref ${$ref} points at nothing`);
    const merged = Object.keys(siblings).length > 0 && isObject(target) ? { ...target, ...siblings } : target;
    current = { node: merged, pointer: $ref };
  }
  return current;
}
