/**
 * What each schema check is given: the pair of schemas it compares (as views), where they are (a request's or a
 * response's), and how to report an observation or compare a pair of sub-schemas. A check never sees the path from
 * the operation down to it: observations are placed once the comparison is done (see compare.ts).
 */
import type { Located } from "../../shared/pointer.js";
import type { Document, KnownRule, Pointers } from "../context.js";

/**
 * How deep schemas may nest (through properties, items, union members, allOf parts and refs) before diff stops
 * with a message: the comparison recurses, and real contracts nest a few dozen levels.
 */
export const MAX_SCHEMA_DEPTH = 256;

/** In a request the consumer sends the values (fewer is breaking); in a response it receives them (more is). */
export type Side = "request" | "response";

/**
 * What the compared value is to a consumer: any value; an error response's body, whose `code` and `status`
 * properties are error codes; or one of those error codes, which consumers match errors on.
 */
export type Mode = "plain" | "error-body" | "error-code";

/** How the values a schema admits changed: fewer, more, or some of each. */
export type Direction = "narrowed" | "widened" | "changed";

export interface SchemaScope {
  base: Document;
  head: Document;
  side: Side;
  mode: Mode;
  emit(rule: KnownRule, pointers: Pointers, message: string): void;
  /**
   * Compares two sub-schemas (each one or more allOf parts): `step` is how a consumer reaches them (a property
   * name, `[]` for array items, `*` for additional properties), none for a union member.
   */
  descend(step: string | undefined, base: Located[], head: Located[], mode?: Mode): void;
}
