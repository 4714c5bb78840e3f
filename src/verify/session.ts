/**
 * How `verify` talks to a server: plain fetch, so that it sees exactly what was sent back (no retries,
 * no error mapping, no redirect followed). Every request counts against the budget and is bounded by its
 * timeout and by the run's deadline; a body is read up to a byte cap; the secret is redacted from all
 * that is recorded, and what is recorded is bounded: an excerpt of each body, never the body.
 */

import { hasCredentials, hasQueryOrFragment, isHttpUrl } from "../contract/base-url.js";
import * as contract from "../contract/facts.js";
import { redactSecret, secretRedactor } from "../contract/redact.js";
import { holdsMoreJsonValues, MAX_PARSED_VALUES, readCappedBody } from "./body.js";

/** How much of a body, and of each response header, a report keeps. */
const BODY_EXCERPT_CHARS = 500;
const HEADER_VALUE_CHARS = 200;

interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

interface ReceivedResponse {
  status: number;
  /** Every header, each name and value scrubbed of the secret and cut to 200 characters. */
  headers: Record<string, string>;
  contentType: string;
  /** Bytes of the body read: all of it, or a little over the cap when truncated. */
  bodyBytes: number;
  /** Set to the cap when the body was longer: the rest was not read, and the body could not be checked. */
  truncatedAt?: number;
  /** Set to the cap when the body holds more JSON values than verify parses: it was not parsed, nor checked. */
  tooManyValues?: number;
  /** The first 500 characters of the body: what a report shows of it. */
  bodyExcerpt: string;
}

/** One request and what came back, as a report keeps it: small, whatever the server sent. */
export interface Exchange {
  request: SentRequest;
  response?: ReceivedResponse;
  /** Why no response came (timeout, connection refused). */
  error?: string;
}

/**
 * What a check gets back: the exchange, and the parsed body (undefined when empty, not JSON, over the byte cap,
 * or holding more values than verify parses).
 */
export interface Reply {
  exchange: Exchange;
  json: unknown;
}

/** The run cannot send any more (its request budget is used up, or its deadline passed): the check is not run. */
export class RunStopped extends Error {
  override name = "RunStopped";
}

export interface SessionOptions {
  baseUrl: string;
  secret: string;
  maxRequests: number;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Aborted, with a RunStopped as its reason, when the run's deadline passes. */
  deadline?: AbortSignal;
  fetch?: typeof fetch;
}

export type HeaderChoice = { authorization?: string | null; accept?: string | null };

/** Why a base URL cannot be used (the client refuses the same ones), or undefined when it can. */
export function baseUrlProblem(baseUrl: string): string | undefined {
  if (hasCredentials(baseUrl)) return "must not carry credentials (give the secret with --secret)";
  if (!isHttpUrl(baseUrl)) return "must be an http(s) URL";
  if (hasQueryOrFragment(baseUrl)) return "must have no query or fragment (the API's paths are appended to it)";
  return undefined;
}

export function createSession(options: SessionOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  let sent = 0;
  const redact = (text: string) => redactSecret(text, options.secret);
  // fetch lower-cases header names, so a name that quotes a mixed-case secret holds its lower-cased form.
  const redactLowerCased = secretRedactor(options.secret.toLowerCase());
  const redactName = (name: string) => redactLowerCased(redact(name));
  const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}...` : text);
  const deadlinePassed = (): RunStopped | undefined =>
    options.deadline?.aborted ? (options.deadline.reason as RunStopped) : undefined;

  async function send(path: string, choice: HeaderChoice = {}, method = "GET"): Promise<Reply> {
    const stopped = deadlinePassed();
    if (stopped) throw stopped;
    if (sent >= options.maxRequests) {
      throw new RunStopped(
        `the request budget of ${options.maxRequests} is used up; raise --max-requests to run the remaining checks`,
      );
    }
    sent++;
    const headers: Record<string, string> = {};
    const authorization = choice.authorization === undefined ? `Bearer ${options.secret}` : choice.authorization;
    const accept = choice.accept === undefined ? contract.mediaType : choice.accept;
    if (authorization !== null) headers.Authorization = authorization;
    if (accept !== null) headers.Accept = accept;
    const url = baseUrl + path;
    const shown = {
      method,
      url,
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, redact(value)])),
    };
    const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.deadline ? [options.deadline] : [])];
    try {
      const response = await doFetch(url, { method, headers, signal: AbortSignal.any(signals), redirect: "manual" });
      const body = await readCappedBody(response.body, options.maxBodyBytes);
      const text = redact(body.text);
      // A body of millions of tiny values would take seconds and gigabytes to parse: it is not parsed.
      const tooManyValues = !body.truncated && holdsMoreJsonValues(text, MAX_PARSED_VALUES);
      let json: unknown;
      try {
        json = text && !body.truncated && !tooManyValues ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of response.headers) {
        // A server may echo the secret in a header's name (`x-echo-<secret>: 1`) as well as in its value.
        responseHeaders[clip(redactName(name), HEADER_VALUE_CHARS)] = clip(redact(value), HEADER_VALUE_CHARS);
      }
      const received = {
        status: response.status,
        headers: responseHeaders,
        contentType: responseHeaders["content-type"] ?? "",
        bodyBytes: body.bytes,
        ...(body.truncated && { truncatedAt: options.maxBodyBytes }),
        ...(tooManyValues && { tooManyValues: MAX_PARSED_VALUES }),
        bodyExcerpt: clip(text, BODY_EXCERPT_CHARS),
      };
      return { exchange: { request: shown, response: received }, json };
    } catch (error) {
      const stopped = deadlinePassed();
      if (stopped) throw stopped;
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      const reason = timedOut
        ? `no answer within ${options.timeoutMs} ms`
        : redact(
            error instanceof Error
              ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}`
              : String(error),
          );
      return { exchange: { request: shown, error: reason }, json: undefined };
    }
  }

  return { send, requestsSent: () => sent, redact };
}

export type Session = ReturnType<typeof createSession>;

/** Whether a Content-Type is the API's media type (parameters such as charset allowed). */
export function isVendorType(contentType: string): boolean {
  return contentType.split(";")[0]!.trim().toLowerCase() === contract.mediaType;
}
