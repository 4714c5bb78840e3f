/**
 * The retry loop: attempts until one succeeds or the policy (retry-policy.ts) gives up, waiting between them.
 *
 * Hand-written rather than p-retry: p-retry computes every delay from its own backoff and has no way to wait
 * for the server's `Retry-After`, which is the point of retrying a 429 or 503 here; the loop this needs is a
 * dozen lines (`withRetries`), while p-retry would add ~1.7 KB to the browser bundle.
 */
import { type RetryPolicy, retryDelay } from "./retry-policy.js";
import { sleep } from "./sleep.js";

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
