/**
 * Building `verify`'s requests from the contract: a path with its ids filled in, a query string, and
 * the schema of a parameter with the bounds that the contract documents.
 */
import spec from "../../generated/openapi.json" with { type: "json" };
import type { Operation, Resource } from "../contract/facts.js";
import type { Json } from "../shared/json.js";
import { fillPath } from "../shared/path-template.js";
import { deref } from "../shared/pointer.js";

/** Known record ids by resource, discovered from the server or given by the user. */
export type Ids = Partial<Record<Resource, number>>;

/**
 * The largest value of each integer format (OpenAPI's format registry). A `maximum` equal to its
 * format's is how the contract carries the number, not a limit the API documents: the published
 * reference bounds `limit` (1 to 99) but not `offset`, whose 2147483647 is only int32's ceiling.
 */
const FORMAT_MAXIMUM: Readonly<Record<string, number>> = { int32: 2 ** 31 - 1 };

/** The path of an operation with the known ids (or overrides) filled in, or the resource with no known id. */
export function pathWithIds(
  operation: Operation,
  ids: Ids,
  overrides: Record<string, string | number> = {},
): string | { missing: Resource } {
  const values: Record<string, string | number> = {};
  for (const { name, resource } of operation.pathParams) {
    const value = overrides[name] ?? ids[resource];
    if (value === undefined) return { missing: resource };
    values[name] = value;
  }
  return fillPath(operation.path, values);
}

/** `?name=value&...` for the values that are set, or "" when none is. */
export function query(values: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(values).filter(([, value]) => value !== undefined);
  return pairs.length
    ? `?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join("&")}`
    : "";
}

/** The schema of one of an operation's parameters, path or query. */
export function parameterSchema(operation: Operation, name: string): Json {
  const item = (spec.paths as Json)[operation.path].get;
  for (const raw of item.parameters) {
    const parameter = deref(spec, raw);
    if (parameter.name === name) return deref(spec, parameter.schema);
  }
  throw new Error(`${operation.operationId} has no parameter ${name}`);
}

/** A parameter's maximum when the contract documents one, or undefined when it is only its format's range. */
export function documentedMaximum(schema: Json): number | undefined {
  if (schema.maximum === undefined || schema.maximum === FORMAT_MAXIMUM[schema.format]) return undefined;
  return schema.maximum as number;
}
