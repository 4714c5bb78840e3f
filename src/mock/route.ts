/** Which operation a request path names, matched against the contract's path templates. */
import { type Operation, operations } from "../contract/facts.js";

export interface Route {
  operation: Operation;
  /** The path parameters' values, percent-decoded once matched, in the template's order. */
  values: string[];
}

// Each template as a pattern whose groups are its parameters (`/users/{id}` -> `^/users/([^/]+)$`).
const patterns = operations.map((operation) => ({
  operation,
  // No trailing slash: `/users/1/` is not a path of the contract (404 in both hosts, as Prism would not route it).
  pattern: new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, "([^/]+)")}$`),
}));

/**
 * The route for a path as sent, still percent-encoded (an encoded slash, `%2F`, stays inside its segment), or
 * undefined when the contract has no such path. Only the matched values are decoded.
 */
export function matchRoute(path: string): Route | undefined {
  for (const { operation, pattern } of patterns) {
    const match = pattern.exec(path);
    if (match) return { operation, values: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

/** The contract's paths, for a 404 that says what exists. */
export const knownPaths = operations.map((operation) => operation.path).join(", ");
