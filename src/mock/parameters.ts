/**
 * The mock's reading of path and query parameters. Only canonical decimal integers are integers here:
 * `1`, `0`, `-1`; never ` 1`, `+1`, `01`, `1.0`, `1e1` or `0x10` (each of which a looser reading once
 * turned into a 200 that broke the response schema). Bounds and defaults come from the contract.
 */

import type { BoundsFact, Operation } from "../contract/facts.js";
import * as contract from "../contract/facts.js";
import type { ErrorDetail } from "./responses.js";

const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

export interface Parameters {
  /** Path parameters by name (`user_id`, `id`). */
  path: Record<string, number>;
  /** `offset` and `limit`, with the contract's defaults, for list operations. */
  offset: number;
  limit: number;
}

/** A canonical integer within bounds, or the detail saying what is wrong with it. */
function readInteger(raw: string, bounds: BoundsFact): number | string {
  if (!CANONICAL_INTEGER.test(raw) || raw === "-0") return "must be integer";
  const value = Number(raw);
  if (value < bounds.minimum) return `must be >= ${bounds.minimum}`;
  if (bounds.maximum !== undefined && value > bounds.maximum) return `must be <= ${bounds.maximum}`;
  return value;
}

const queryBounds: Record<string, BoundsFact> = { offset: contract.bounds.offset, limit: contract.bounds.limit };

/** The request's parameters, or every violation as the error body's `details`. */
export function readParameters(operation: Operation, values: string[], search: string): Parameters | ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const path: Record<string, number> = {};
  operation.pathParams.forEach(({ name }, index) => {
    const value = readInteger(values[index] ?? "", contract.bounds.id);
    if (typeof value === "number") path[name] = value;
    else details.push({ location: `path.${name}`, message: value });
  });
  const query = new URLSearchParams(search);
  const page: { offset: number; limit: number } = {
    offset: contract.bounds.offset.default,
    limit: contract.bounds.limit.default,
  };
  for (const name of operation.queryParams) {
    const given = query.getAll(name);
    if (given.length === 0) continue;
    if (given.length > 1) {
      details.push({ location: `query.${name}`, message: "must be given once" });
      continue;
    }
    const value = readInteger(given[0]!, queryBounds[name]!);
    if (typeof value === "number") page[name as keyof typeof page] = value;
    else details.push({ location: `query.${name}`, message: value });
  }
  return details.length ? details : { path, ...page };
}
