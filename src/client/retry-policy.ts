/**
 * The retry policy: which failures are retried, and how long to wait before each retry. The loop that applies it
 * is retry.ts.
 */
import * as contract from "../contract/facts.js";
import { checkInteger } from "./arguments.js";
import { backoffDelay } from "./backoff.js";
import { APIError, ConnectionError, InvalidArgumentError, TimeoutError } from "./errors.js";
import { MAX_DELAY_MS } from "./sleep.js";

export interface RetryPolicy {
  /**
   * How many times to retry a failed request (so at most `limit + 1` attempts). 0 turns retries off.
   * @default 2
   */
  limit: number;
  /**
   * Statuses retried after the server's `Retry-After` (exponential backoff when it sends none).
   * @default [429, 503] (the statuses the API documents with Retry-After)
   */
  afterStatusCodes: number[];
  /**
   * Statuses retried with exponential backoff and jitter; a `Retry-After` on them is not waited for.
   * @default [500, 502, 504]
   */
  statusCodes: number[];
  /**
   * The longest `Retry-After` the client waits for, in milliseconds. A longer one is not waited for:
   * the error is thrown at once, with `retryAfter` set, so the caller can schedule the retry.
   * @default 60_000
   */
  maxRetryAfter: number;
  /**
   * The first backoff delay in milliseconds; each retry doubles it, up to `backoffLimit`. The wait is
   * a random value between 0 and that ("full jitter"), so many clients do not retry in step.
   * @default 300
   */
  backoffMs: number;
  /**
   * The longest backoff delay in milliseconds.
   * @default 10_000
   */
  backoffLimit: number;
  /**
   * Retry when no answer came: network failures and timeouts. (Every operation is a GET, so a retry
   * is always safe.)
   * @default true
   */
  retryOnNetworkError: boolean;
}

/** Statuses whose answer will not change on retry: the API's documented 4xx, but for those with Retry-After. */
const retryAfterStatuses: readonly number[] = contract.retryAfterStatuses;
export const NEVER_RETRIED: number[] = contract.errorStatuses.filter(
  (status) => status < 500 && !retryAfterStatuses.includes(status),
);

export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  limit: 2,
  afterStatusCodes: [...contract.retryAfterStatuses],
  statusCodes: [500, 502, 504],
  maxRetryAfter: 60_000,
  backoffMs: 300,
  backoffLimit: 10_000,
  retryOnNetworkError: true,
});

/** The policy with the caller's overrides applied and checked. `false` turns retries off. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> | false | undefined): RetryPolicy {
  if (overrides === false) return { ...defaultRetryPolicy, limit: 0 };
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...overrides };
  for (const key of ["limit", "maxRetryAfter", "backoffMs", "backoffLimit"] as const) {
    checkInteger(`retry.${key}`, policy[key], 0, MAX_DELAY_MS);
  }
  for (const key of ["statusCodes", "afterStatusCodes"] as const) {
    const never = policy[key].filter((status) => NEVER_RETRIED.includes(status));
    if (never.length) {
      throw new InvalidArgumentError(`retry.${key} must not include ${never}: those answers do not change on retry`);
    }
  }
  return policy;
}

/** How long to wait before retry number `retries + 1` after `failure`, or undefined to give up. */
export function retryDelay(failure: unknown, retries: number, policy: RetryPolicy): number | undefined {
  if (retries >= policy.limit) return undefined;
  if (failure instanceof APIError) {
    // Retry-After is honoured only for `afterStatusCodes` (as ky does): on a 500 it is no promise, and
    // `Retry-After: 3600` would otherwise end the retries, or `5` stall every call for five seconds.
    if (policy.afterStatusCodes.includes(failure.status) && failure.retryAfter !== undefined) {
      return failure.retryAfter > policy.maxRetryAfter ? undefined : failure.retryAfter;
    }
    const retried = policy.afterStatusCodes.includes(failure.status) || policy.statusCodes.includes(failure.status);
    return retried ? backoffDelay(retries + 1, policy) : undefined;
  }
  const noAnswer = failure instanceof ConnectionError || failure instanceof TimeoutError;
  return noAnswer && policy.retryOnNetworkError ? backoffDelay(retries + 1, policy) : undefined;
}
