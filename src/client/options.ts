/**
 * The client's options, and their checks: whatever is wrong is refused at creation, with what was wrong and how
 * to fix it, never a silent default; and the secret is never echoed.
 */
import * as contract from "../../generated/contract.js";
import { checkInteger, isLoopback } from "./arguments.js";
import { InvalidArgumentError } from "./errors.js";
import { MAX_DELAY_MS, type RetryPolicy } from "./retry.js";

export interface ClientOptions {
  /** Your SignalZen API secret key, sent as `Authorization: Bearer ...` on every request. Required. */
  apiSecret: string;
  /**
   * Where the API is.
   * @default "https://api.signalzen.com/external"
   * @example "http://127.0.0.1:4010" // the mock server
   */
  baseUrl?: string;
  /**
   * The Fetch API function to use: for tests, proxies, MSW.
   * @default globalThis.fetch
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * How long one attempt may take, headers and body, in milliseconds.
   * @default 30_000
   */
  timeoutMs?: number;
  /**
   * The most bytes of a success body the client reads; a longer one is a `ResponseTooLargeError`, not retried.
   * The default holds the largest page the contract allows: 99 messages with 10,000-character bodies, every
   * field at its longest and every character in its longest JSON form, is 15,111,523 bytes.
   * @default 16_777_216 (16 MiB)
   */
  maxResponseBytes?: number;
  /**
   * The retry policy (see `RetryPolicy` for every field and its default), or `false` for no retries.
   * @default { limit: 2, afterStatusCodes: [429, 503], statusCodes: [500, 502, 504], maxRetryAfter: 60_000,
   *   backoffMs: 300, backoffLimit: 10_000, retryOnNetworkError: true }
   * @example { limit: 5, maxRetryAfter: 120_000 }
   */
  retry?: Partial<RetryPolicy> | false;
  /**
   * Send the secret over plain `http://` to a host that is not loopback. Without it the client refuses:
   * the secret would cross the network readable by anyone on the path.
   * @default false
   */
  allowInsecureHttp?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16_777_216;
/** 256 MiB: far past any page, and a longer text strains every JavaScript engine (V8 holds at most 2^29 characters). */
const MAX_RESPONSE_BYTES = 268_435_456;

export interface CheckedOptions {
  baseUrl: string;
  timeoutMs: number;
  maxResponseBytes: number;
}

export function checkOptions(options: ClientOptions): CheckedOptions {
  const { apiSecret, allowInsecureHttp } = options ?? {};
  if (typeof apiSecret !== "string" || !apiSecret.trim()) {
    throw new InvalidArgumentError(
      "apiSecret is required: createSignalZenClient({ apiSecret: process.env.SIGNALZEN_API_SECRET })",
    );
  }
  // Never echo the secret: say what is wrong with it, not what it is.
  if (!/^[\x21-\x7e]+$/.test(apiSecret)) {
    throw new InvalidArgumentError(
      "apiSecret has characters an HTTP header cannot carry (spaces, control or non-ASCII); check it was copied whole",
    );
  }
  const baseUrl = (options.baseUrl ?? contract.servers[0]).replace(/\/+$/, "");
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new InvalidArgumentError(
      `baseUrl must be an http(s) URL with no credentials, query or fragment, such as ${contract.servers[0]};` +
        ` got ${JSON.stringify(baseUrl.slice(0, 100))}`,
    );
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname) && !allowInsecureHttp) {
    throw new InvalidArgumentError(
      `refusing to send the API secret over plain http:// to ${url.hostname}: use https://, or pass` +
        " allowInsecureHttp: true (loopback hosts need neither)",
    );
  }
  return {
    baseUrl,
    timeoutMs: checkInteger("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, MAX_DELAY_MS),
    maxResponseBytes: checkInteger(
      "maxResponseBytes",
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      1,
      MAX_RESPONSE_BYTES,
    ),
  };
}
