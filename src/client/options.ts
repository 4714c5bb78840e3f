/**
 * The client's options, and their checks: whatever is wrong is refused at creation, with what was wrong and how
 * to fix it, never a silent default; and the secret is never echoed.
 */

import { hasCredentials, hasQueryOrFragment, isHttpUrl, isPath, shownUrl } from "../contract/base-url.js";
import * as contract from "../contract/facts.js";
import { checkInteger, isLoopback } from "./arguments.js";
import { InvalidArgumentError } from "./errors.js";
import type { RetryPolicy } from "./retry-policy.js";
import { MAX_DELAY_MS } from "./sleep.js";

export interface ClientOptions {
  /**
   * Your SignalZen API secret key, sent as `Authorization: Bearer ...` on every request. Required, except for a
   * `baseUrl` on the page's own origin (`"/api/signalzen"`): a proxy of yours that adds the secret on a server.
   */
  apiSecret?: string;
  /**
   * Where the API is: an http(s) URL, or in a browser a path on the page's own origin (your proxy).
   * @default "https://api.signalzen.com/external"
   * @example "http://127.0.0.1:4010" // the mock server
   * @example "/api/signalzen" // in a browser: a proxy on your own server that adds the secret
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
  /**
   * Create the client with `apiSecret` in a browser (a page or a worker, jsdom and happy-dom included). Without it
   * the client refuses: anyone who loads the page can read the secret. Call through your own server instead.
   * @default false
   */
  dangerouslyAllowBrowser?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16_777_216;
/** 256 MiB: far past any page, and a longer text strains every JavaScript engine (V8 holds at most 2^29 characters). */
const MAX_RESPONSE_BYTES = 268_435_456;

export interface CheckedOptions {
  /** Absolute, without a trailing slash (a path given in a browser is resolved against the page's origin). */
  baseUrl: string;
  /** Undefined for calls through a proxy on the page's origin: no Authorization header is sent. */
  apiSecret: string | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
}

const PROXY_RECIPE =
  'keep the secret on a server: give baseUrl a path on your own origin ("/api/signalzen") where a route of yours' +
  " adds it (README: The secret stays on a server)";

export function checkOptions(options: ClientOptions): CheckedOptions {
  const { apiSecret, allowInsecureHttp, dangerouslyAllowBrowser } = options ?? {};
  const baseUrl = checkBaseUrl(options?.baseUrl);
  if (apiSecret === undefined) {
    if (new URL(baseUrl).origin !== pageOrigin()) {
      throw new InvalidArgumentError(
        "apiSecret is required: createSignalZenClient({ apiSecret: process.env.SIGNALZEN_API_SECRET }); only a" +
          " baseUrl on the page's own origin (a proxy that adds the secret) goes without",
      );
    }
  } else {
    checkSecret(apiSecret);
    if (isBrowser() && !dangerouslyAllowBrowser) {
      throw new InvalidArgumentError(
        `refusing to create the client with apiSecret in a browser, where anyone who loads the page can read it: ${PROXY_RECIPE}.` +
          " If you know the risk (a local tool, a test), pass dangerouslyAllowBrowser: true",
      );
    }
    const url = new URL(baseUrl);
    if (url.protocol === "http:" && !isLoopback(url.hostname) && !allowInsecureHttp) {
      throw new InvalidArgumentError(
        `refusing to send the API secret over plain http:// to ${url.hostname}: use https://, or pass` +
          " allowInsecureHttp: true (loopback hosts need neither)",
      );
    }
  }
  return {
    baseUrl,
    apiSecret,
    timeoutMs: checkInteger("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, MAX_DELAY_MS),
    maxResponseBytes: checkInteger(
      "maxResponseBytes",
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      1,
      MAX_RESPONSE_BYTES,
    ),
  };
}

function checkSecret(apiSecret: unknown): void {
  if (typeof apiSecret !== "string" || !apiSecret.trim()) {
    throw new InvalidArgumentError(
      "apiSecret is required: createSignalZenClient({ apiSecret: process.env.SIGNALZEN_API_SECRET }); it is" +
        ` ${typeof apiSecret === "string" ? "empty" : `a ${typeof apiSecret}`}`,
    );
  }
  // Never echo the secret: say what is wrong with it, not what it is.
  if (!/^[\x21-\x7e]+$/.test(apiSecret)) {
    throw new InvalidArgumentError(
      "apiSecret has characters an HTTP header cannot carry (spaces, control or non-ASCII); check it was copied whole",
    );
  }
}

/**
 * `baseUrl` made absolute, without a trailing slash, or an error that says what to give. A path (`/api`) is
 * resolved against the page's origin, so it needs a page. The error never echoes credentials: a URL that
 * carries them (`http://svc:SECRET@host`) is described, not quoted.
 */
function checkBaseUrl(given: unknown): string {
  const example = contract.servers[0];
  if (given !== undefined && typeof given !== "string") {
    throw new InvalidArgumentError(`baseUrl must be a string such as ${example}; got a ${typeof given}`);
  }
  const text = (given ?? example).replace(/\/+$/, "");
  const shown = shownUrl(text);
  if (hasCredentials(text)) {
    throw new InvalidArgumentError(
      "baseUrl must not carry credentials (user:password@host): the client sends apiSecret in the Authorization" +
        " header; remove them from the URL",
    );
  }
  if (hasQueryOrFragment(text)) {
    throw new InvalidArgumentError(
      `baseUrl must not have a query or fragment (the client appends each path to it); got ${shown}: remove from` +
        " the ? or # on",
    );
  }
  if (isPath(text)) {
    const origin = pageOrigin();
    if (origin === undefined) {
      throw new InvalidArgumentError(
        `baseUrl ${shown} is a path, which only a page can resolve (against its own origin); here there is no` +
          ` page (globalThis.location is not an http(s) URL): give an absolute URL such as ${example}, or` +
          " http://127.0.0.1:4010 for the mock",
      );
    }
    return origin + text;
  }
  if (!isHttpUrl(text)) {
    throw new InvalidArgumentError(
      `baseUrl must be an http(s) URL such as ${example}, or in a browser a path on the page's origin` +
        ` ("/api/signalzen"); got ${shown}`,
    );
  }
  return text;
}

/** The page's origin (`https://app.example.com`), in a browser or anywhere `location` is an http(s) URL. */
function pageOrigin(): string | undefined {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === "string" && /^https?:\/\//.test(origin) ? origin : undefined;
}

/**
 * Whether this is a browser context, where code ships to whoever loads the page: a document (jsdom and happy-dom
 * too: they stand in for one in tests of code that will ship to a browser) or a web worker.
 */
function isBrowser(): boolean {
  const global = globalThis as { document?: unknown; importScripts?: unknown };
  return typeof global.document === "object" || typeof global.importScripts === "function";
}
