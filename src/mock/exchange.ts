/**
 * What the mock's rules read and write, whatever the host: the Node server and the MSW handlers turn
 * their own request into a `MockRequest` and write the `MockResponse` they get back, once.
 */
import * as contract from "../contract/facts.js";
import { type ErrorDetail, errorBody } from "./error-body.js";

export interface MockRequest {
  method: string;
  /** The path as sent, still percent-encoded (`/users/123`); an absolute-form target is reduced by the host. */
  path: string;
  /** The query string as sent, with its `?`, or "". */
  search: string;
  /** A request header by its lower-case name, repeated lines joined with ", "; undefined when absent. */
  header(name: string): string | undefined;
  /** Whether the request carries a body (every operation is a GET, which has none). */
  hasBody?: boolean;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as sent ("" for none). */
  body: string;
}

/**
 * Whether a request's headers announce a body: a Content-Length other than 0, or any Transfer-Encoding. Both
 * hosts judge by the headers, since a host may drop the body and keep them (msw does, for a GET).
 */
export function announcesBody(header: MockRequest["header"]): boolean {
  const length = header("content-length");
  return (length !== undefined && Number(length) !== 0) || header("transfer-encoding") !== undefined;
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
