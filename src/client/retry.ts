/**
 * The retry policy: which failures are retried, how long to wait, and the loop that applies it to attempts.
 *
 * Hand-written rather than p-retry: p-retry computes every delay from its own backoff and has no way to wait
 * for the server's `Retry-After`, which is the point of retrying a 429 or 503 here; the loop this needs is a
 * dozen lines (`withRetries`), while p-retry would add ~1.7 KB to the browser bundle.
 */
import * as contract from "../../generated/contract.js";
import { checkInteger } from "./arguments.js";
import { APIError, ConnectionError, InvalidArgumentError, TimeoutError } from "./errors.js";

/** The longest delay a timer can wait (2^31 - 1 ms, about 24.8 days); a longer one fires at once in every runtime. */
export const MAX_DELAY_MS = 2_147_483_647;

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

/**
 * Milliseconds to wait from a `Retry-After` value: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`), RFC 9110 §10.2.3. Undefined when absent or unreadable; never negative, and
 * never more than `MAX_DELAY_MS` (a server's `1e26` seconds is as good as "not within 24 days").
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  // All three HTTP date formats begin with the weekday; Date.parse alone would take "1.5" or "-5" as dates.
  const delay = /^\d+$/.test(trimmed)
    ? Number(trimmed) * 1000
    : /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/.test(trimmed)
      ? Date.parse(trimmed) - now
      : NaN;
  return Number.isNaN(delay) ? undefined : Math.min(MAX_DELAY_MS, Math.max(0, delay));
}

/** The backoff before retry number `retry` (1-based): full jitter over an exponential ceiling. */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, "backoffMs" | "backoffLimit">,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.backoffLimit, policy.backoffMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}

/** Waits `ms`, or rejects with the signal's reason the moment it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
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

/**
 * Runs `attempt` until it succeeds or the policy gives up, waiting between tries; the last failure is thrown.
 * Aborting `signal` ends a wait at once.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let retries = 0; ; retries++) {
    if (signal?.aborted) throw signal.reason;
    try {
      return await attempt();
    } catch (failure) {
      const wait = retryDelay(failure, retries, policy);
      if (wait === undefined) throw failure;
      await sleep(wait, signal);
    }
  }
}
