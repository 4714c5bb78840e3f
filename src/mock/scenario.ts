/**
 * The scenario controls, for the states a frontend must show: latency, failures and rate limiting.
 * Latency and failures are deterministic given the seed (the n-th request of a run always gets the same
 * delay and the same fate), so a flaky-looking UI state can be reproduced.
 */
import * as contract from "../../generated/contract.js";
import { seededRandom } from "../world/index.js";
import { stringBytes } from "../world/memo.js";
import { errorResponse, type MockResponse } from "./exchange.js";

export interface ScenarioOptions {
  /**
   * Delay every answer: a fixed number of milliseconds, or `[min, max]` for a delay drawn per request.
   * @default 0
   * @example [200, 800]
   */
  latency?: number | readonly [number, number];
  /**
   * The fraction of answers (0 to 1) that become a 500 or a 503 with `Retry-After`.
   * @default 0
   */
  failRate?: number;
  /**
   * At most this many requests per second per secret; the rest get a 429 with the `Retry-After` the window implies.
   * @default undefined (no limit)
   */
  rateLimit?: number;
}

export const MAX_LATENCY_MS = 60_000;
const WINDOW_MS = 1000;
const WINDOW_KEY_BYTES = 4 << 20;

/** Checks the options and says what is allowed; throws RangeError. */
export function checkScenario(options: ScenarioOptions): void {
  const { latency, failRate, rateLimit } = options;
  const isDelay = (value: unknown) =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_LATENCY_MS;
  if (latency !== undefined) {
    const ok = Array.isArray(latency)
      ? latency.length === 2 && isDelay(latency[0]) && isDelay(latency[1]) && latency[0]! <= latency[1]!
      : isDelay(latency);
    if (!ok) {
      throw new RangeError(
        `latency must be whole milliseconds from 0 to ${MAX_LATENCY_MS}, or [min, max] with min <= max; ` +
          `got ${JSON.stringify(latency)}`,
      );
    }
  }
  if (failRate !== undefined && !(typeof failRate === "number" && failRate >= 0 && failRate <= 1)) {
    throw new RangeError(
      `failRate must be a number from 0 to 1 (0.1 fails one answer in ten); got ${String(failRate)}`,
    );
  }
  if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit >= 1 && rateLimit <= 1_000_000)) {
    throw new RangeError(
      `rateLimit must be a whole number of requests per second from 1 to 1000000; got ${String(rateLimit)}`,
    );
  }
}

/** A one-line description of each control in force, for the mock's start-up lines. */
export function describeScenario(options: ScenarioOptions): string[] {
  const lines: string[] = [];
  const { latency, failRate, rateLimit } = options;
  if (latency !== undefined && latency !== 0) {
    lines.push(
      Array.isArray(latency)
        ? `latency: ${latency[0]}-${latency[1]} ms per answer (drawn per request)`
        : `latency: ${latency} ms per answer`,
    );
  }
  if (failRate) lines.push(`fail rate: ${failRate} of answers are 500 or 503 (with Retry-After)`);
  if (rateLimit !== undefined) lines.push(`rate limit: ${rateLimit} requests per second per secret, then 429`);
  return lines;
}

export function createScenario(options: ScenarioOptions & { seed: string }, now: () => number = Date.now) {
  const { latency = 0, failRate = 0, rateLimit, seed } = options;
  const windows = new Map<string, { start: number; count: number }>();
  let keyBytes = 0;
  return {
    /** The delay of the n-th request, in milliseconds. */
    delay(requestNumber: number): number {
      if (!Array.isArray(latency)) return latency as number;
      const [min, max] = latency as readonly [number, number];
      return min + Math.floor(seededRandom(seed, "latency", requestNumber)() * (max - min + 1));
    },
    /** The 500 or 503 the n-th request gets, or nothing. */
    failure(requestNumber: number): MockResponse | undefined {
      if (failRate <= 0) return undefined;
      const random = seededRandom(seed, "failure", requestNumber);
      if (random() >= failRate) return undefined;
      if (random() < 0.5) return errorResponse(500, contract.errors["500"].message);
      return errorResponse(503, contract.errors["503"].message, undefined, {
        "Retry-After": contract.responseHeaders.retryAfter,
      });
    },
    /** The 429 a request with this secret gets when its window is full, or nothing. */
    rateLimited(secret: string): MockResponse | undefined {
      if (rateLimit === undefined) return undefined;
      const at = now();
      const start = at - (at % WINDOW_MS);
      let window = windows.get(secret);
      if (!window || window.start !== start) {
        if (windows.delete(secret)) keyBytes -= stringBytes(secret); // re-inserted last: the oldest is the first key
        // Bounded by count and by the secrets' bytes (a header may be 16 KB): a flood of distinct secrets
        // cannot grow it forever.
        while (windows.size >= 10_000 || keyBytes + stringBytes(secret) > WINDOW_KEY_BYTES) {
          const oldest = windows.keys().next().value!;
          windows.delete(oldest);
          keyBytes -= stringBytes(oldest);
        }
        window = { start, count: 0 };
        windows.set(secret, window);
        keyBytes += stringBytes(secret);
      }
      window.count++;
      if (window.count <= rateLimit) return undefined;
      const retryAfter = Math.max(1, Math.ceil((start + WINDOW_MS - at) / 1000));
      const message = `You're making too many requests: at most ${rateLimit} per second. Retry after ${retryAfter} s.`;
      return errorResponse(429, message, undefined, { "Retry-After": String(retryAfter) });
    },
  };
}
