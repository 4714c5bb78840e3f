/**
 * CORS, for browser apps on another origin. A preflight admits whatever headers the app says it will send
 * (`Access-Control-Request-Headers` echoed: `x-request-id`, Sentry's `baggage` and `sentry-trace`, ...), because
 * admitting a header is not accepting it: the actual request still goes through every rule of the contract
 * (Accept, Authorization, Prefer are checked there, whatever the preflight said).
 */
import type { MockRequest } from "./request.js";
import { emptyResponse, type MockResponse } from "./responses.js";

// Read by the client and the app: Retry-After for waiting, WWW-Authenticate and Allow for the 401 and 405.
const EXPOSED_HEADERS = "Retry-After, WWW-Authenticate, Allow";
// What a preflight that names no headers is told: the API's own request headers.
const DEFAULT_ALLOWED_HEADERS = "Authorization, Accept, Prefer";
// A list of header names (RFC 9110 tokens), bounded so that a hostile preflight cannot make a huge answer.
const HEADER_LIST = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+(?:\s*,\s*[!#$%&'*+\-.^_`|~0-9A-Za-z]+)*$/;
const MAX_HEADER_LIST = 2000;

/** The CORS headers of an actual (non-preflight) answer. */
export function withCors(request: MockRequest, response: MockResponse): MockResponse {
  const origin = request.header("origin");
  const cors: Record<string, string> = {
    "Access-Control-Allow-Origin": origin ?? "*",
    "Access-Control-Expose-Headers": EXPOSED_HEADERS,
    ...(origin && { Vary: "Origin" }),
  };
  return { ...response, headers: { ...response.headers, ...cors } };
}

/**
 * The answer to a CORS preflight (an OPTIONS with Origin and Access-Control-Request-Method), or undefined for
 * any other request. `methods` are the ones the path admits: GET for the API, which is read-only.
 */
export function preflight(request: MockRequest, methods = "GET"): MockResponse | undefined {
  const origin = request.header("origin");
  if (request.method !== "OPTIONS" || !origin || !request.header("access-control-request-method")) return undefined;
  const asked = request.header("access-control-request-headers")?.trim() ?? "";
  const allowed = asked.length <= MAX_HEADER_LIST && HEADER_LIST.test(asked) ? asked : DEFAULT_ALLOWED_HEADERS;
  const headers = {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": methods,
    "Access-Control-Allow-Headers": allowed,
    "Access-Control-Max-Age": "600",
    Vary: "Origin, Access-Control-Request-Headers",
  };
  return emptyResponse(204, headers);
}
