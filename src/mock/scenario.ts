/**
 * The scenario controls, for the states a frontend must show: latency, failures and rate limiting.
 * Latency and failures are deterministic given the seed (the n-th request of a run always gets the same
 * delay and the same fate), so a flaky-looking UI state can be reproduced. They can change while the mock
 * runs (`set`, `reset`): from a test, over HTTP (control.ts), or from the browser console with MSW.
 */
import * as contract from "../contract/facts.js";
import { operations } from "../contract/facts.js";
import { stringBytes } from "../shared/memo.js";
import { seededRandom } from "../world/index.js";
import { type MockResponse, madeUpError } from "./responses.js";

export interface ScenarioOptions {
  /**
   * Delay every answer: milliseconds, or a range for a delay drawn per request, as `[min, max]` or as the
   * CLI writes it, `"200-800"` (a string of one number, `"300"`, is a fixed delay).
   * @default 0
   * @example "200-800"
   */
  latency?: number | readonly [number, number] | string;
  /**
   * The fraction of answers (0 to 1) that fail: with `failStatus`, or a 500 or a 503 (drawn per request).
   * @default 0
   */
  failRate?: number;
  /**
   * The status a failure gets: any error status every operation declares (400, 401, 403, 405, 406, 429, 500,
   * 503). A 429 or 503 carries `Retry-After: 1`.
   * @default undefined (500 or 503, drawn per request)
   */
  failStatus?: number;
  /**
   * At most this many requests per second per secret; the rest get a 429 with the `Retry-After` the window implies.
   * Every request counts, React StrictMode's second request in development included (the real API counts it too).
   * @default undefined (no limit)
   */
  rateLimit?: number;
}

/** The controls in force, in one form: what `GET /__signalzen/scenario` and `scenario.get()` report. */
export interface Scenario {
  latency: number | [number, number];
  failRate: number;
  failStatus: number | null;
  rateLimit: number | null;
}

/** A change to the controls in force: a field left out stays; `null` turns that control off. */
export type ScenarioChange = { [K in keyof ScenarioOptions]?: ScenarioOptions[K] | null };

export const MAX_LATENCY_MS = 60_000;
const WINDOW_MS = 1000;
const WINDOW_KEY_BYTES = 4 << 20;

/** Error statuses that every operation declares: the ones a failure of any request may take. */
export const FAIL_STATUSES = Object.keys(contract.errors)
  .map(Number)
  .filter((status) => operations.every((operation) => (operation.statuses as readonly number[]).includes(status)));

const LATENCY_RULE =
  `latency must be whole milliseconds from 0 to ${MAX_LATENCY_MS} (300 or "300"), ` +
  `or a range with min <= max ([200, 800] or "200-800")`;

function parseLatency(latency: unknown): number | [number, number] {
  const isDelay = (value: unknown): value is number =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_LATENCY_MS;
  let value = latency;
  if (typeof value === "string") {
    const match = /^\s*(\d{1,6})\s*(?:-\s*(\d{1,6})\s*)?$/.exec(value);
    value = match ? (match[2] === undefined ? Number(match[1]) : [Number(match[1]), Number(match[2])]) : undefined;
  }
  if (isDelay(value)) return value;
  if (Array.isArray(value) && value.length === 2 && isDelay(value[0]) && isDelay(value[1]) && value[0] <= value[1]) {
    return [value[0], value[1]];
  }
  throw new RangeError(`${LATENCY_RULE}; got ${JSON.stringify(latency) ?? String(latency)}`);
}

/** The options, checked, in the one form the controls use; throws a RangeError that says what is allowed. */
function normaliseScenario(options: ScenarioChange, base?: Scenario): Scenario {
  const pick = <K extends keyof Scenario>(key: K, fallback: Scenario[K]) =>
    options[key] === undefined ? (base?.[key] ?? fallback) : options[key];
  const latency = options.latency === undefined ? (base?.latency ?? 0) : parseLatency(options.latency ?? 0);
  const failRate = pick("failRate", 0) ?? 0;
  const failStatus = pick("failStatus", null);
  const rateLimit = pick("rateLimit", null);
  if (!(typeof failRate === "number" && failRate >= 0 && failRate <= 1)) {
    throw new RangeError(
      `failRate must be a number from 0 to 1 (0.1 fails one answer in ten); got ${String(failRate)}`,
    );
  }
  if (failStatus !== null && !FAIL_STATUSES.includes(failStatus)) {
    throw new RangeError(
      `failStatus must be one of ${FAIL_STATUSES.join(", ")} (an error every operation declares), or left out ` +
        `for 500 or 503 drawn per request; got ${JSON.stringify(failStatus)}`,
    );
  }
  if (rateLimit !== null && !(Number.isInteger(rateLimit) && rateLimit >= 1 && rateLimit <= 1_000_000)) {
    throw new RangeError(
      `rateLimit must be a whole number of requests per second from 1 to 1000000; got ${String(rateLimit)}`,
    );
  }
  return { latency, failRate, failStatus, rateLimit };
}

/** Checks the options and says what is allowed; throws RangeError. */
export function checkScenario(options: ScenarioOptions): void {
  normaliseScenario(options);
}

/** A one-line description of each control in force, for the mock's start-up lines and its home page. */
export function describeScenario(options: ScenarioChange): string[] {
  const lines: string[] = [];
  const { latency, failRate, failStatus, rateLimit } = normaliseScenario(options);
  if (latency !== 0) {
    lines.push(
      Array.isArray(latency)
        ? `latency: ${latency[0]}-${latency[1]} ms per answer (drawn per request)`
        : `latency: ${latency} ms per answer`,
    );
  }
  if (failRate) {
    const statuses = failStatus === null ? "500 or 503" : String(failStatus);
    lines.push(`fail rate: ${failRate} of answers are ${statuses}`);
  }
  if (rateLimit !== null) lines.push(`rate limit: ${rateLimit} requests per second per secret, then 429`);
  return lines;
}

export function createScenario(options: ScenarioOptions & { seed: string }, now: () => number = Date.now) {
  const { seed } = options;
  const initial = normaliseScenario(options);
  let current = initial;
  const windows = new Map<string, { start: number; count: number }>();
  let keyBytes = 0;
  return {
    /** The controls in force. */
    get: (): Scenario => structuredClone(current),
    /** Changes some controls (null turns one off) and returns them all; a bad value changes nothing. */
    set(change: ScenarioChange): Scenario {
      current = normaliseScenario(change, current);
      return structuredClone(current);
    },
    /** Back to the controls the mock started with. */
    reset(): Scenario {
      current = initial;
      return structuredClone(current);
    },
    /** The delay of the n-th request, in milliseconds. */
    delay(requestNumber: number): number {
      const { latency } = current;
      if (!Array.isArray(latency)) return latency;
      const [min, max] = latency;
      return min + Math.floor(seededRandom(seed, "latency", requestNumber)() * (max - min + 1));
    },
    /** The failure the n-th request gets, or nothing. */
    failure(requestNumber: number, retryAfter?: number): MockResponse | undefined {
      const { failRate, failStatus } = current;
      if (failRate <= 0) return undefined;
      const random = seededRandom(seed, "failure", requestNumber);
      if (random() >= failRate) return undefined;
      const status = failStatus ?? (random() < 0.5 ? 500 : 503);
      return madeUpError(status, retryAfter === undefined ? {} : { retryAfter });
    },
    /** The 429 a request with this secret gets when its window is full, or nothing. */
    rateLimited(secret: string): MockResponse | undefined {
      const { rateLimit } = current;
      if (rateLimit === null) return undefined;
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
      return madeUpError(429, { retryAfter, message });
    },
  };
}

export type ScenarioControl = Pick<ReturnType<typeof createScenario>, "get" | "set" | "reset">;
