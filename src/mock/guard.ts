/**
 * The mock's guard: the contract rules Prism 5.14 does not enforce, in front of Prism's handler, and
 * the translation of Prism's own errors into the contract's error body on the way out.
 *
 * It adds, it does not re-do: parameter validation, examples and `Prefer` stay Prism's. In order, a
 * request is checked for: a known path (404), the GET method (405), an Accept header that names the
 * vendor media type (406), a Bearer secret (401), and a `Prefer: code=` the operation declares (400).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import * as contract from "../../generated/contract.js";
import { acceptAdmits } from "./accept.js";
import { errorBody, type ErrorDetail } from "./error-body.js";
import { FIRST_UNKNOWN_ID, reflectId, reflectPage } from "./reflect.js";

export interface GuardOptions {
  /** When set, only this Bearer secret is accepted; otherwise any non-empty one is. */
  secret?: string;
  /** Called once per request when its response is sent. */
  onResponse?: (line: { method: string; path: string; status: number; ms: number }) => void;
}

const ALLOWED_METHODS = contract.responseHeaders.allow;
// Browser apps on another origin send these; `Prefer` lets a frontend ask the mock for an error state.
const CORS_ALLOWED_HEADERS = "Authorization, Accept, Prefer";
const CORS_EXPOSED_HEADERS = "Retry-After, WWW-Authenticate, Allow";
const WWW_AUTHENTICATE = contract.responseHeaders.wwwAuthenticate;

/** The spec's paths as matchers, each with the statuses its operation declares. */
const routes = contract.operations.map((operation) => ({
  pattern: new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, "([^/]+)")}/?$`),
  statuses: new Set<number>(operation.statuses),
  path: operation.path,
  pathParams: operation.pathParams,
  listKey: operation.listKey as string | null,
}));

function matchRoute(pathname: string) {
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (match) return { route, ids: match.slice(1) };
  }
  return undefined;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** The status a request asks for with `Prefer: code=N` or Prism's `__code=N` query parameter. */
function requestedStatus(request: IncomingMessage, search: string): string | undefined {
  const prefer = request.headers.prefer;
  const fromHeader = typeof prefer === "string" ? /(?:^|[,;\s])code=([^,;\s]*)/.exec(prefer)?.[1] : undefined;
  return fromHeader ?? (search.includes("__code=") ? new URLSearchParams(search).get("__code") ?? undefined : undefined);
}

function setCors(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader("Access-Control-Allow-Origin", request.headers.origin ?? "*");
  response.setHeader("Access-Control-Expose-Headers", CORS_EXPOSED_HEADERS);
  if (request.headers.origin) response.setHeader("Vary", "Origin");
}

function sendError(request: IncomingMessage, response: ServerResponse, status: number, message: string, details?: ErrorDetail[], headers: Record<string, string> = {}): void {
  const body = JSON.stringify(errorBody(status, message, details));
  setCors(request, response);
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.writeHead(status, { "Content-Type": contract.mediaType, "Content-Length": Buffer.byteLength(body) });
  response.end(body);
}

/** Prism's `sl-violations` header, as the error body's `details`. */
function violationDetails(header: string): ErrorDetail[] {
  try {
    const violations = JSON.parse(header) as { location: string[]; message: string }[];
    return violations.map((violation) => ({
      location: violation.location.filter((part) => part !== "request").join("."),
      message: violation.message.replace(/^Request (path|query|header) parameter \S+ /, ""),
    }));
  } catch {
    return [{ message: header.slice(0, 1000) }];
  }
}

function describeDetails(details: ErrorDetail[]): string {
  return details.map((detail) => (detail.location ? `${detail.location} ${detail.message}` : detail.message)).join("; ");
}

/**
 * Rewrites what Prism sends when it is not in the contract's shape: its `application/problem+json`
 * errors, and its 400 bodies (Prism serves the spec's 400 *example*, whatever was wrong; the real
 * violations are in its `sl-violations` header).
 */
function translatePrismResponse(request: IncomingMessage, response: ServerResponse, body: unknown): string | undefined {
  const status = response.statusCode;
  const type = String(response.getHeader("content-type") ?? "");
  const violations = response.getHeader("sl-violations");
  if (status === 400 && typeof violations === "string") {
    const details = violationDetails(violations);
    return JSON.stringify(errorBody(400, `Your request is invalid: ${describeDetails(details)}.`, details));
  }
  if (!type.includes("problem+json")) return undefined;
  let problem: { title?: string; detail?: string } = {};
  try {
    problem = JSON.parse(String(body ?? "{}"));
  } catch {
    problem = {};
  }
  const detail = [problem.title, problem.detail].filter(Boolean).join(": ");
  // The guard has already answered unknown paths, methods and Accept; what Prism still refuses is the
  // request's own doing (a `Prefer: example=` that does not exist, say): 400, never 404 or 5xx.
  const mapped = status === 401 ? 401 : 400;
  response.statusCode = mapped;
  response.setHeader("content-type", contract.mediaType);
  return JSON.stringify(errorBody(mapped, detail || "Your request is invalid.", detail ? [{ message: detail }] : undefined));
}

/** The 200 body, reflecting the request's page window or id (see reflect.ts). */
function reflectRequest(route: (typeof routes)[number], ids: string[], search: string, chunk: unknown): string | undefined {
  if (chunk === undefined || chunk === null) return undefined;
  const body = JSON.parse(String(chunk));
  if (route.listKey) return JSON.stringify(reflectPage(body, route.listKey, search));
  const id = ids[ids.length - 1];
  return id === undefined ? undefined : JSON.stringify(reflectId(body, Number(id)));
}

export function createGuard(prismHandler: RequestListener, options: GuardOptions = {}): RequestListener {
  const expectedSecret = options.secret === undefined ? undefined : digest(options.secret);
  const onResponse = options.onResponse;

  return function guard(request, response) {
    const started = onResponse ? performance.now() : 0;
    const url = request.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? "" : url.slice(queryAt);
    if (onResponse) {
      response.once("finish", () => onResponse({ method: request.method ?? "", path: url, status: response.statusCode, ms: performance.now() - started }));
    }

    try {
      decodeURIComponent(pathname);
    } catch {
      // Prism's path matcher throws on this, outside any handler, and the process would go down.
      return sendError(request, response, 400, `The path ${pathname.slice(0, 200)} is not valid percent-encoding.`, [{ location: "path", message: "is not valid percent-encoding" }]);
    }
    const matched = matchRoute(pathname);
    if (!matched) {
      return sendError(request, response, 404, `No such path: ${pathname.slice(0, 200)}. The API has ${routes.map((r) => r.path).join(", ")}.`);
    }
    const { route, ids } = matched;
    if (request.method === "OPTIONS" && request.headers.origin && request.headers["access-control-request-method"]) {
      // A CORS preflight: the API is read-only, so only GET with these headers is admitted.
      response.writeHead(204, {
        "Access-Control-Allow-Origin": request.headers.origin,
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Allow-Headers": CORS_ALLOWED_HEADERS,
        "Access-Control-Max-Age": "600",
        Vary: "Origin",
        "Content-Length": "0",
      });
      return response.end();
    }
    if (request.method !== ALLOWED_METHODS) {
      return sendError(request, response, 405, `${request.method} is not allowed on ${route.path}: the API is read-only, only GET is allowed.`, undefined, { Allow: ALLOWED_METHODS });
    }
    if (!acceptAdmits(request.headers.accept, contract.mediaType)) {
      const sent = request.headers.accept ? `Accept: ${request.headers.accept.slice(0, 200)} does not name ${contract.mediaType}` : "The Accept header is missing";
      return sendError(request, response, 406, `${sent}. Send Accept: ${contract.mediaType} with every request.`);
    }
    const authorization = request.headers.authorization ?? "";
    const [scheme = "", token = "", ...rest] = authorization.trim().split(/\s+/);
    if (scheme.toLowerCase() !== "bearer" || !token || rest.length) {
      const problem = authorization ? "The Authorization header is not of the form Bearer YOUR_API_SECRET" : "The Authorization header is missing";
      return sendError(request, response, 401, `${problem}. Send Authorization: Bearer YOUR_API_SECRET with every request.`, undefined, { "WWW-Authenticate": WWW_AUTHENTICATE });
    }
    if (expectedSecret && !timingSafeEqual(digest(token), expectedSecret)) {
      return sendError(request, response, 401, "Your API secret key is wrong.", undefined, { "WWW-Authenticate": `${WWW_AUTHENTICATE}, error="invalid_token"` });
    }
    const wanted = requestedStatus(request, search);
    if (wanted !== undefined && wanted !== "200" && !route.statuses.has(Number(wanted))) {
      return sendError(request, response, 400, `GET ${route.path} does not declare status ${wanted.slice(0, 10)}; it can answer ${[...route.statuses].join(", ")}.`, [{ location: "header.Prefer", message: `code=${wanted.slice(0, 10)} is not declared for this operation` }]);
    }
    // An unknown id is judged after Prism's validation (an invalid request is a 400 first), on the way out.
    const unknown = wanted === undefined ? ids.findIndex((id) => /^\d+$/.test(id) && Number(id) >= FIRST_UNKNOWN_ID) : -1;

    // Prism matches the scheme case-sensitively and negotiates Accept its own way: hand it the canonical forms.
    request.headers.authorization = `Bearer ${token}`;
    request.headers.accept = contract.mediaType;
    const end = response.end;
    response.end = function translatedEnd(this: ServerResponse, ...args: unknown[]) {
      if (!response.headersSent) {
        if (response.statusCode === 200 && unknown !== -1) {
          const what = route.pathParams[unknown]!.resource;
          response.statusCode = 404;
          response.setHeader("content-type", contract.mediaType);
          const body = JSON.stringify(errorBody(404, `No ${what} with id ${ids[unknown]}. (The mock knows every id below ${FIRST_UNKNOWN_ID}.)`));
          response.setHeader("content-length", Buffer.byteLength(body));
          return (end as (chunk: string) => ServerResponse).call(this, body);
        }
        const replacement = response.statusCode >= 400 ? translatePrismResponse(request, response, args[0]) : response.statusCode === 200 ? reflectRequest(route, ids, search, args[0]) : undefined;
        if (replacement !== undefined) {
          response.setHeader("content-length", Buffer.byteLength(replacement));
          return (end as (chunk: string) => ServerResponse).call(this, replacement);
        }
      }
      return end.apply(this, args as Parameters<typeof end>);
    } as typeof response.end;
    prismHandler(request, response);
  };
}
