/**
 * Shared primitives live in src/shared/: generic, browser-safe helpers that every wing uses, each written once.
 * This one: telling a JSON object from the other JSON values, and the type for an object read from a document.
 */

/** An object parsed from a JSON or YAML document (openapi.yaml, a server's body) whose fields are read untyped. */
export type Json = Record<string, any>;

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
