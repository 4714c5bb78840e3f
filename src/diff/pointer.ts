/**
 * JSON pointers (`#/components/schemas/User`) and local `$ref`s, for the differ only.
 * src/tools/generate.ts and src/verify/schema-validator.ts have their own `deref`; these are meant to be
 * consolidated into one helper later, so this one stays small and private to src/diff.
 */

/** A node of a document and the pointer to where it is. */
export interface Located {
  node: unknown;
  pointer: string;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escapeToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** `#/a/b` + `c/d` → `#/a/b/c~1d`. */
export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>((at, token) => `${at}/${escapeToken(String(token))}`, pointer);
}

/** The node at a local pointer (`#` or `#/...`), or undefined when nothing is there. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === "#" || pointer === "#/") return document;
  if (!pointer.startsWith("#/")) return undefined;
  let at: unknown = document;
  for (const raw of pointer.slice(2).split("/")) {
    const token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(at)) at = /^\d+$/.test(token) ? at[Number(token)] : undefined;
    else if (isObject(at)) at = Object.hasOwn(at, token) ? at[token] : undefined;
    else return undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/**
 * Follows a chain of `$ref`s to the node it names. Keywords beside a `$ref` (a description, mostly) are kept
 * over the target's, which is what OpenAPI 3.1 means for Reference Objects. The loader has already refused
 * refs that point at nothing or loop, so this only guards against that as a last resort.
 */
export function follow(document: unknown, located: Located): Located {
  let current = located;
  const seen = new Set<string>();
  while (isObject(current.node) && typeof current.node.$ref === "string") {
    const { $ref, ...siblings } = current.node;
    if (seen.has($ref)) throw new Error(`$ref loop through ${$ref}`);
    seen.add($ref);
    const target = resolvePointer(document, $ref);
    if (target === undefined) throw new Error(`$ref ${$ref} points at nothing`);
    const merged = Object.keys(siblings).length > 0 && isObject(target) ? { ...target, ...siblings } : target;
    current = { node: merged, pointer: $ref };
  }
  return current;
}
