/**
 * One attempt at a GET: the request, the answer's body read once (bounded, under the attempt's deadline), the
 * secret scrubbed from it before anything parses or quotes it, and the outcome: the parsed body, or the failure
 * classified as a `SignalZenError`. Whether to try again is the retry policy's business (retry-policy.ts).
 *
 * The deadline races the whole exchange, headers and body, so that even a `fetch` that ignores its signal ends in a
 * `TimeoutError`. At the deadline it cancels the body being read, which drops the connection at once (a server
 * trickling its body would otherwise hold it for as long as it trickles). Before the headers there is no body to
 * cancel: only a signal on the request can drop the connection then, and the request has one only when the
 * caller gave one (see below), so a server slow to send its headers holds the connection until it has sent them
 * (README: Timeouts).
 */

import type { Redactor } from "../contract/redact.js";
import { readBounded } from "../shared/read-body.js";
import { decoderFor } from "./charset.js";
import {
  ConnectionError,
  errorFromResponse,
  InvalidResponseError,
  RedirectError,
  type RequestSummary,
  ResponseTooLargeError,
  SignalZenError,
  TimeoutError,
} from "./errors.js";
import { parseRetryAfter } from "./retry-after.js";

export interface Transport {
  fetch: (request: Request) => Promise<Response>;
  /** The client's own headers (Accept, and Authorization when it has the secret), made once. */
  headers: Headers;
  timeoutMs: number;
  maxResponseBytes: number;
  redact: Redactor;
}

/** What a success body must be beyond JSON: undefined when it is, else what it is instead (after "with "). */
export type BodyCheck = (body: unknown) => string | undefined;

/**
 * How much of an error body (or of a 2xx body that is not what the contract says) is kept in `rawBody`. The
 * contract's error bodies are a few hundred bytes; a longer one is cut here rather than kept whole in memory.
 */
const EXCERPT_BYTES = 65_536;
const TIMED_OUT = Symbol("timed out");

/** What one call adds to its requests: the caller's signal and headers (checked: see arguments.ts). */
export interface Call {
  signal?: AbortSignal | undefined;
  /** Sent besides the client's own; never Authorization or Accept. */
  headers?: Headers | undefined;
}

/** Resolves with the parsed 2xx body; rejects with a `SignalZenError`, or with the reason `signal` aborted with. */
export async function attempt(transport: Transport, url: string, call: Call, check: BodyCheck): Promise<any> {
  const { redact } = transport;
  const { signal } = call;
  const sent = call.headers ? withHeaders(transport.headers, call.headers) : transport.headers;
  const request: RequestSummary = { method: "GET", url };
  // Only a caller's signal puts a signal on the request: in Node one on every request costs about 30% of the
  // throughput (undici registers listeners and a finalizer per request). A timeout without one cancels the body.
  const controller = signal && new AbortController();
  let stop: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let answered = false;
  let over = false;

  const exchange = async () => {
    const response = await transport.fetch(
      new Request(url, { headers: sent, signal: controller?.signal, redirect: "manual" }),
    );
    answered = true;
    if (over) return response.body?.cancel(); // the headers came after the deadline: release the connection
    const { status, headers } = response;
    if (response.type === "opaqueredirect" || (status > 299 && status < 400)) {
      response.body?.cancel().catch(() => {});
      throw new RedirectError(request, status, locationOf(headers.get("location"), url, redact));
    }
    if (!response.ok) {
      reader = response.body?.getReader();
      const { bytes, complete } = await readBounded(reader, EXCERPT_BYTES);
      const rawBody = errorText(bytes.subarray(0, EXCERPT_BYTES), complete, headers.get("content-type"), redact);
      let parsed: unknown;
      try {
        parsed = complete ? JSON.parse(rawBody) : undefined;
      } catch {
        // not JSON: the error keeps rawBody
      }
      const shown = new Headers();
      headers.forEach((value, name) => {
        if (redact.anyCase(name) === name) shown.append(name, redact(value)); // names arrive lower-cased
      });
      const retryAfter = parseRetryAfter(headers.get("retry-after"));
      throw errorFromResponse(request, { status, headers: shown, rawBody, retryAfter }, parsed);
    }
    reader = response.body?.getReader();
    const { bytes, complete } = await readBounded(reader, transport.maxResponseBytes);
    if (!complete) throw new ResponseTooLargeError(request, status, transport.maxResponseBytes);
    const rawBody = redact(new TextDecoder().decode(bytes));
    const invalid = (problem: string, cause?: unknown) =>
      new InvalidResponseError(request, status, rawBody.slice(0, EXCERPT_BYTES), problem, { cause });
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch (cause) {
      throw invalid(rawBody ? `a body that is not JSON: ${rawBody.slice(0, 200)}` : "an empty body", cause);
    }
    let problem: string | undefined;
    try {
      problem = check(body);
    } catch (cause) {
      // A body the checks cannot walk (nested too deep for the stack) is the server's fault, not the network's.
      throw invalid("a body the client could not examine (nested too deeply?)", cause);
    }
    if (problem) throw invalid(problem);
    return body;
  };

  try {
    return await new Promise((resolve, reject) => {
      stop = () => {
        reject(signal?.reason);
        controller?.abort(signal?.reason);
      };
      signal?.addEventListener("abort", stop);
      timer = setTimeout(() => {
        reject(TIMED_OUT);
        over = true;
        controller?.abort(TIMED_OUT);
        reader?.cancel().catch(() => {});
      }, transport.timeoutMs);
      exchange().then(resolve, reject);
    });
  } catch (failure) {
    if (failure instanceof SignalZenError) throw failure;
    if (signal?.aborted) throw signal.reason; // the caller's own abort: not wrapped, not retried
    if (failure === TIMED_OUT) throw new TimeoutError(request, transport.timeoutMs);
    const reason = failure instanceof Error ? redact(failure.message) : "the request failed";
    // The original failure stays the cause (its code and chain help debugging) unless it shows the secret.
    const cause = shows(failure, redact) ? new Error(reason) : failure;
    throw new ConnectionError(
      `GET ${url} ${answered ? "answered, then broke off" : "got no answer"}: ${reason}`,
      request,
      { cause },
    );
  } finally {
    clearTimeout(timer);
    if (stop) signal?.removeEventListener("abort", stop);
  }
}

/** The client's headers and a call's own, in one set (the call's cannot name the client's: see arguments.ts). */
function withHeaders(own: Headers, added: Headers): Headers {
  const all = new Headers(own);
  added.forEach((value, name) => {
    all.append(name, value); // forEach, not for-of: a consumer's lib may lack DOM.Iterable
  });
  return all;
}

/**
 * A redirect's target, absolute, scrubbed of the secret: before `new URL()` rewrites it (it lower-cases the host,
 * turns `\\` into `/` and `"` into `%22`, which the scrubber would no longer recognise), and after, in any case.
 */
function locationOf(sent: string | null, url: string, redact: Redactor): string | undefined {
  if (!sent) return undefined;
  const scrubbed = redact.anyCase(sent);
  try {
    return redact.anyCase(new URL(scrubbed, url).href);
  } catch {
    return scrubbed; // not a URL: shown as sent
  }
}

/**
 * An error body as text, scrubbed of the secret: decoded by its declared charset (a UTF-16 page quoting the request
 * would otherwise carry the secret with a NUL between its characters), unless that reading hides a secret its bytes
 * show as UTF-8: a server could declare UTF-16 so that the secret's ASCII bytes decode to other characters.
 */
function errorText(bytes: Uint8Array, complete: boolean, contentType: string | null, redact: Redactor): string {
  const scrub = complete ? redact : redact.cut;
  const asUtf8 = new TextDecoder().decode(bytes);
  const declared = decoderFor(contentType)?.decode(bytes);
  if (declared === undefined) return scrub(asUtf8);
  const hides = redact(asUtf8) !== asUtf8 && redact(declared) === declared;
  return scrub(hides ? asUtf8 : declared);
}

/** Whether a value shows the secret anywhere `console.log` would print it: message, stack, fields, causes. */
function shows(value: unknown, redact: Redactor, depth = 0): boolean {
  if (typeof value === "string") return redact(value) !== value;
  if (!(value instanceof Object) || depth > 3) return false;
  const parts = value instanceof Error ? [value.message, value.stack, value.cause] : [];
  return [...parts, ...Object.values(value)].some((part) => shows(part, redact, depth + 1));
}
