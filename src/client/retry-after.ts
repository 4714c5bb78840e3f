/** `Retry-After` (RFC 9110 §10.2.3), read as the milliseconds to wait. */
import { MAX_DELAY_MS } from "./sleep.js";

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
