/**
 * Every response the mock sends is made here, whatever sends it: the rules' refusals, Prism's verdicts, the
 * scenario's failures, the world's answers, the scenario control's answers, the Node transport's refusals, and the
 * envelope of the mock's own content (its pages, the contract file, the placeholders; their makers give the bytes).
 * Hosts only write what these return, so a status's body and headers are decided in one place.
 * Browser-safe: the MSW handlers use it too.
 */
import * as contract from "../contract/facts.js";
import { errorFact } from "../contract/facts.js";
import type { ErrorBody, ErrorDetail } from "../contract/models.js";

export type { ErrorBody, ErrorDetail };

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as sent ("" for none). */
  body: string;
}

/** A response whose body may be bytes: the mock's own content (a page, the contract file, a placeholder). */
export interface ContentResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** The mock's own content: a 200 with its Content-Type and whatever headers its maker adds (caching, CSP). */
export function contentResponse(
  contentType: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): ContentResponse {
  return { status: 200, headers: { "Content-Type": contentType, ...headers }, body };
}

type DocumentedStatus = keyof typeof contract.errors;

/** Within the schema's maxLength and maxItems, whatever a message quotes (or a scrubbed quote grew to). */
const bounded = (detail: ErrorDetail): ErrorDetail => ({
  ...(detail.location !== undefined && { location: detail.location.slice(0, 200) }),
  message: detail.message.slice(0, 1000),
});

/** The contract's error body (`#/components/schemas/ErrorBody`), for a status the contract documents. */
export function errorBody(status: number, message: string, details?: ErrorDetail[]): ErrorBody {
  const documented = contract.errors[String(status) as DocumentedStatus];
  if (!documented) throw new Error(`status ${status} is not one the contract documents`);
  return {
    status,
    code: documented.code,
    message: message.slice(0, 2000),
    ...(details?.length ? { details: details.slice(0, 100).map(bounded) } : {}),
  };
}

/** A success answer: the vendor media type and the JSON body. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { "Content-Type": contract.mediaType, ...headers }, body: JSON.stringify(body) };
}

/** An error answer in the contract's body, for a status the contract documents. */
export function errorResponse(
  status: number,
  message: string,
  details?: ErrorDetail[],
  headers: Record<string, string> = {},
): MockResponse {
  return jsonResponse(status, errorBody(status, message, details), headers);
}

/** The headers the contract gives some statuses, with the values it documents. */
export function statusHeaders(status: number): Record<string, string> {
  if (status === 401) return { "WWW-Authenticate": contract.responseHeaders.wwwAuthenticate };
  if (status === 405) return { Allow: contract.responseHeaders.allow };
  if ((contract.retryAfterStatuses as readonly number[]).includes(status)) {
    return { "Retry-After": contract.responseHeaders.retryAfter };
  }
  return {};
}

/** A 400 listing every violation found in the request, by the rules or by Prism, as `details`. */
export function invalidRequest(details: ErrorDetail[]): MockResponse {
  const described = details.map((detail) => `${detail.location} ${detail.message}`).join("; ");
  return errorResponse(400, `Your request is invalid: ${described}.`, details);
}

/** A fault of the mock's own (something it called threw): the contract's 500, the message bounded. */
export function mockFault(error: unknown): MockResponse {
  const message = `The mock failed to answer: ${error instanceof Error ? error.message : String(error)}`;
  return errorResponse(500, message.slice(0, 500));
}

/**
 * The `Retry-After` of the errors the mock makes up (a `Prefer: code=429|503`, a failure): one second, so that a
 * client that waits it out (the default client does, twice) shows the error state in about two seconds, not a
 * minute. `Prefer: retry-after=N` asks for another.
 */
const MOCK_RETRY_AFTER_SECONDS = 1;

/** How a made-up error differs from the contract's example of its status. */
export interface MadeUpError {
  /** Seconds, for a 429 or 503. @default MOCK_RETRY_AFTER_SECONDS */
  retryAfter?: number;
  /** @default the contract's example message of the status */
  message?: string;
  details?: ErrorDetail[];
}

/** The error a failure, a `Prefer: code=` or `mockError` gives: the contract's body and the status's headers. */
export function madeUpError(status: number, options: MadeUpError = {}): MockResponse {
  const fact = errorFact(status)!;
  const retryAfter = String(options.retryAfter ?? MOCK_RETRY_AFTER_SECONDS);
  const headers = { ...statusHeaders(status), ...(fact.retryAfter && { "Retry-After": retryAfter }) };
  return errorResponse(status, options.message ?? fact.message, options.details, headers);
}

/** An answer of the scenario control: plain JSON (it is the mock's, not the API's), never cached. */
export function controlResponse(body: unknown): MockResponse {
  return {
    status: 200,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
    body: JSON.stringify(body),
  };
}

/** An answer with no body (a CORS preflight's 204). */
export function emptyResponse(status: number, headers: Record<string, string>): MockResponse {
  return { status, headers, body: "" };
}
