/**
 * The contract's rules, as plain functions over a request, called in this order by both hosts (the
 * Node server and the MSW handlers): each returns a rejection in the contract's error body, or nothing.
 *
 * 1. a known path (404)   2. GET (405, with Allow), with no body (400)   3. Accept names the vendor type (406)
 * 4. a Bearer secret, and the one required by `secret` (401)   5. a `Prefer` that makes sense (400, prefer.ts)
 * 6. parameters: canonical integers within bounds (400, every violation in `details`)
 * The scenario controls (rate limit, failures) and the answer itself come after (handler.ts).
 */

import type { Operation } from "../contract/facts.js";
import * as contract from "../contract/facts.js";
import { acceptAdmits } from "./accept.js";
import { type Parameters, readParameters } from "./parameters.js";
import type { MockRequest } from "./request.js";
import { errorResponse, invalidRequest, type MockResponse, statusHeaders } from "./responses.js";
import { knownPaths, matchRoute, type Route } from "./route.js";

/** Rejects the path when it is not valid percent-encoding or names nothing in the contract. */
export function checkPath(request: MockRequest): Route | MockResponse {
  let decoded: string;
  try {
    decoded = decodeURIComponent(request.path);
  } catch {
    return errorResponse(400, `The path ${request.path.slice(0, 200)} is not valid percent-encoding.`, [
      { location: "path", message: "is not valid percent-encoding" },
    ]);
  }
  // Matched on the raw path, so an encoded slash (`%2F`) stays inside its segment.
  const route = matchRoute(request.path);
  if (route) return route;
  return errorResponse(404, `No such path: ${decoded.slice(0, 200)}. The API has ${knownPaths}.`);
}

export function checkMethod(request: MockRequest, operation: Operation): MockResponse | undefined {
  if (request.method === contract.responseHeaders.allow) return undefined;
  const method = request.method.slice(0, 20);
  const message = `${method} is not allowed on ${operation.path}: the API is read-only, only GET is allowed.`;
  return errorResponse(405, message, undefined, statusHeaders(405));
}

export function checkBody(request: MockRequest): MockResponse | undefined {
  if (!request.hasBody) return undefined;
  return errorResponse(400, "A GET request has no body; send the request without one.", [
    { location: "body", message: "must be empty" },
  ]);
}

export function checkAccept(request: MockRequest): MockResponse | undefined {
  const accept = request.header("accept");
  if (acceptAdmits(accept, contract.mediaType)) return undefined;
  const sent = accept
    ? `Accept: ${accept.slice(0, 200)} does not name ${contract.mediaType}`
    : "The Accept header is missing";
  return errorResponse(406, `${sent}. Send Accept: ${contract.mediaType} with every request.`);
}

/** Compares without an early exit, so the time taken does not tell how much of a guessed secret was right. */
function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let index = 0; index < expected.length; index++) {
    difference |= (given.charCodeAt(index % (given.length || 1)) || 0) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}

/** The Bearer token of a well-formed Authorization header (scheme matched case-insensitively, RFC 9110). */
export function bearerToken(request: MockRequest): string | undefined {
  const [scheme = "", token = "", ...rest] = (request.header("authorization") ?? "").trim().split(/\s+/);
  return scheme.toLowerCase() === "bearer" && token && !rest.length ? token : undefined;
}

export function checkAuthorization(request: MockRequest, secret: string | undefined): MockResponse | undefined {
  const token = bearerToken(request);
  if (token === undefined) {
    const problem = request.header("authorization")
      ? "The Authorization header is not of the form Bearer YOUR_API_SECRET"
      : "The Authorization header is missing";
    const message = `${problem}. Send Authorization: Bearer YOUR_API_SECRET with every request.`;
    return errorResponse(401, message, undefined, statusHeaders(401));
  }
  if (secret !== undefined && !sameSecret(token, secret)) {
    const headers = { "WWW-Authenticate": `${contract.responseHeaders.wwwAuthenticate}, error="invalid_token"` };
    return errorResponse(401, contract.errors["401"].message, undefined, headers);
  }
  return undefined;
}

export function checkParameters(request: MockRequest, route: Route): Parameters | MockResponse {
  const read = readParameters(route.operation, route.values, request.search);
  return Array.isArray(read) ? invalidRequest(read) : read;
}
