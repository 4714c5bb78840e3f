/** Exponential backoff with full jitter, so many clients do not retry in step. */
import type { RetryPolicy } from "./retry-policy.js";

/** The backoff before retry number `retry` (1-based): full jitter over an exponential ceiling. */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, "backoffMs" | "backoffLimit">,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.backoffLimit, policy.backoffMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}
