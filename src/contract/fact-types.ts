/**
 * The shape of the runtime facts `npm run generate` writes into generated/contract.ts: each export
 * there `satisfies` one of these, so code reads typed facts instead of casting.
 */

/** The kind of record an operation answers with, or a path parameter names. */
export type Resource = "user" | "message";

export interface PathParamFact {
  name: string;
  /** The record this parameter identifies (`user_id` a user; `id` of `/users/{user_id}/messages/{id}` a message). */
  resource: Resource;
}

export interface OperationFact {
  operationId: string;
  method: "GET";
  /** The path template, e.g. `/users/{user_id}/messages/{id}`. */
  path: string;
  pathParams: readonly PathParamFact[];
  queryParams: readonly string[];
  /** Every status the operation declares, ascending. */
  statuses: readonly number[];
  /** The record the operation answers with: one of them, or a page of them when `listKey` is set. */
  resource: Resource;
  /** For a list operation, the name of the page's array (`users`, `messages`); null for a single record. */
  listKey: string | null;
}

export interface ErrorFact {
  /** The machine-readable code the status pins (`not_found`). */
  code: string;
  /** The example message of the status. */
  message: string;
  /** Whether the status's response declares `Retry-After`. */
  retryAfter: boolean;
}

export interface BoundsFact {
  minimum: number;
  maximum?: number;
  default?: number;
}
