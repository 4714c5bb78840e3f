/**
 * Every error the client throws is a `SignalZenError`; those about one request are `RequestError`s, which carry
 * its method and URL (an `InvalidArgumentError` is raised before any request, a `PaginationError` is about a
 * walk over many). HTTP errors are `APIError`s, one small subclass per
 * status the API documents, with that status as a literal type (openai-node's shape); `errorFromResponse` is the
 * one place a status becomes its class. `ConnectionError` and `TimeoutError` are failures to get an answer at
 * all. Messages carry the method and URL; the original failure is chained through `cause`. The API secret never
 * appears in any of it: whatever came from elsewhere (bodies, headers, other libraries' messages) is scrubbed of
 * it before it gets here (redact.ts).
 */
import type * as contract from "../contract/facts.js";
import type { ErrorBody } from "../contract/models.js";

/** How deep `toJSON` copies: the contract's error body is three levels deep; its `details` are free-form. */
const MAX_JSON_DEPTH = 16;

/** A copy of parsed JSON `levels` deep; what lies deeper is replaced by a note saying so. */
function bounded(value: unknown, levels: number): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (levels === 0) return "[nested too deeply to show]";
  if (Array.isArray(value)) return value.map((item) => bounded(item, levels - 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bounded(item, levels - 1)]));
}

/** The request an error is about. */
export interface RequestSummary {
  method: string;
  url: string;
}

export class SignalZenError extends Error {
  override name = "SignalZenError";

  /**
   * The error's fields for logs and JSON: everything but the stack, the cause and the headers, at most
   * `MAX_JSON_DEPTH` levels deep (a server's error body nested thousands deep would make `JSON.stringify` throw).
   */
  toJSON(): Record<string, unknown> {
    const { stack: _stack, cause: _cause, headers: _headers, ...fields } = this as Record<string, unknown>;
    return bounded({ name: this.name, message: this.message, ...fields }, MAX_JSON_DEPTH) as Record<string, unknown>;
  }
}

/** An error about one request: its method and URL are here. */
export class RequestError extends SignalZenError {
  override name = "RequestError";
  /** The request's method, e.g. `GET`. */
  declare readonly method: string;
  /** The request's URL (the secret is never in it: it travels in a header). */
  declare readonly url: string;

  constructor(message: string, request: RequestSummary, options?: { cause?: unknown }) {
    super(message, options);
    Object.assign(this, request);
  }
}

export interface ResponseInfo {
  status: number;
  /** The response's headers, scrubbed of the secret. */
  headers: Headers;
  /** The body as received, scrubbed of the secret; at most an excerpt (see `APIError.rawBody`). */
  rawBody: string;
  /** Milliseconds to wait before retrying, from `Retry-After`, when the response sent one. */
  retryAfter: number | undefined;
}

/** An HTTP error response. `status`, `headers` and the body are all here. */
export class APIError<Status extends number = number> extends RequestError {
  override name = "APIError";
  declare readonly status: Status;
  /** The response's headers (any that carried the secret are scrubbed). */
  declare readonly headers: Headers;
  /**
   * The body as received, even when it is not JSON or not in the contract's shape, scrubbed of the secret; only its
   * first 64 KiB when it was longer (the rest is not read).
   */
  declare readonly rawBody: string;
  /**
   * Milliseconds to wait before retrying, from the `Retry-After` header (seconds or an HTTP date), at most
   * 2147483647 (what a timer can wait).
   * @example if (error instanceof RateLimitError) await sleep(error.retryAfter ?? 1000);
   */
  declare readonly retryAfter: number | undefined;
  /** The error body, when the server sent one in the contract's shape; otherwise undefined (see `rawBody`). */
  readonly error: ErrorBody | undefined;
  /** The contract's machine-readable code (`not_found`, ...), when the body had one. */
  readonly code: string | undefined;

  constructor(request: RequestSummary, response: ResponseInfo, body: ErrorBody | undefined) {
    const said = body ? `${body.code}: ${body.message}` : response.rawBody.slice(0, 200) || "(no body)";
    super(`${request.method} ${request.url} failed with ${response.status}: ${said}`, request);
    Object.assign(this, response);
    this.error = body;
    this.code = body?.code;
  }
}

/** 400: the request is invalid (a parameter out of range or of the wrong type). */
export class BadRequestError extends APIError<400> {
  override name = "BadRequestError";
}
/** 401: the API secret is wrong or missing. */
export class AuthenticationError extends APIError<401> {
  override name = "AuthenticationError";
}
/** 403: the request is forbidden. */
export class PermissionDeniedError extends APIError<403> {
  override name = "PermissionDeniedError";
}
/** 404: no such user or message. */
export class NotFoundError extends APIError<404> {
  override name = "NotFoundError";
}
/** 405: only GET is allowed. */
export class MethodNotAllowedError extends APIError<405> {
  override name = "MethodNotAllowedError";
}
/** 406: the server would not send the vendor media type. */
export class NotAcceptableError extends APIError<406> {
  override name = "NotAcceptableError";
}
/** 410: the record was removed. */
export class GoneError extends APIError<410> {
  override name = "GoneError";
}
/** 429: too many requests; see `retryAfter`. */
export class RateLimitError extends APIError<429> {
  override name = "RateLimitError";
}
/** 500: the server had a problem. */
export class InternalServerError extends APIError<500> {
  override name = "InternalServerError";
}
/** 503: offline for maintenance; see `retryAfter`. */
export class ServiceUnavailableError extends APIError<503> {
  override name = "ServiceUnavailableError";
}

type DocumentedStatus = (typeof contract.errorStatuses)[number];
type APIErrorClass<Status extends number> = new (
  request: RequestSummary,
  response: ResponseInfo,
  body?: ErrorBody,
) => APIError<Status>;

/**
 * The class for each status the API documents. Typed so that a status missing from the contract's list, or mapped
 * to another status's class, does not compile (a test also holds it to the spec's list).
 */
export const errorClassByStatus: {
  readonly [Status in DocumentedStatus]: APIErrorClass<Status>;
} = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  405: MethodNotAllowedError,
  406: NotAcceptableError,
  410: GoneError,
  429: RateLimitError,
  500: InternalServerError,
  503: ServiceUnavailableError,
};

/** No answer from the server, or one that broke off: DNS, refused connection, reset, CORS refusal in a browser. */
export class ConnectionError extends RequestError {
  override name = "ConnectionError";
}

/** No complete answer, headers and body, within `timeoutMs`. */
export class TimeoutError extends RequestError {
  override name = "TimeoutError";
  readonly timeoutMs: number;
  constructor(request: RequestSummary, timeoutMs: number) {
    super(`${request.method} ${request.url} timed out after ${timeoutMs} ms`, request);
    this.timeoutMs = timeoutMs;
  }
}

/** A 2xx answer whose body is not what the contract promises: not JSON, not an object, or a malformed page. */
export class InvalidResponseError extends RequestError {
  override name = "InvalidResponseError";
  readonly status: number;
  /** The body as received, scrubbed of the secret; only its first 64 KiB when it was longer. */
  readonly rawBody: string;
  /** `problem` says what the server sent, after "answered 200 with ". */
  constructor(
    request: RequestSummary,
    status: number,
    rawBody: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${request.method} ${request.url} answered ${status} with ${problem}`, request, options);
    this.status = status;
    this.rawBody = rawBody;
  }
}

/** A body longer than `maxResponseBytes`: not read further, and not retried (it would be as long again). */
export class ResponseTooLargeError extends RequestError {
  override name = "ResponseTooLargeError";
  readonly status: number;
  readonly maxResponseBytes: number;
  constructor(request: RequestSummary, status: number, maxResponseBytes: number) {
    super(
      `${request.method} ${request.url} answered ${status} with a body over maxResponseBytes` +
        ` (${maxResponseBytes} bytes); the client stopped reading it.` +
        " If your records are that large, raise maxResponseBytes",
      request,
    );
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
  }
}

/**
 * A 3xx answer. The API documents no redirect, so the client follows none: the data at another address is not
 * this API's, and a redirect to plain http would expose what follows. In a browser the target is hidden
 * (`redirect: "manual"` gives an opaque redirect there), so `location` is undefined and `status` is 0.
 */
export class RedirectError extends RequestError {
  override name = "RedirectError";
  readonly status: number;
  /** Where the redirect pointed (absolute, scrubbed of the secret), when the runtime shows it. */
  readonly location: string | undefined;
  constructor(request: RequestSummary, status: number, location: string | undefined) {
    const where = location ? `with ${status} to ${location}` : "(the browser does not say where)";
    super(
      `${request.method} ${request.url} was redirected ${where}; the API documents no redirect, so the client` +
        " does not follow it: check baseUrl",
      request,
    );
    this.status = status;
    this.location = location;
  }
}

/** A walk over pages found the list inconsistent (see paginate.ts for the rules). */
export class PaginationError extends SignalZenError {
  override name = "PaginationError";
  /** The list walked, e.g. `https://api.signalzen.com/external/users`. */
  readonly list: string;
  constructor(message: string, list: string) {
    super(message);
    this.list = list;
  }
}

/** An argument or option the client refuses before sending anything. */
export class InvalidArgumentError extends SignalZenError {
  override name = "InvalidArgumentError";
}

/** Whether a parsed body is in the contract's error shape. */
function isErrorBody(value: unknown): value is ErrorBody {
  if (!value || typeof value !== "object") return false;
  const body = value as Record<string, unknown>;
  return typeof body.status === "number" && typeof body.code === "string" && typeof body.message === "string";
}

/** The one factory for HTTP errors: the documented status's class, or `APIError` for any other status. */
export function errorFromResponse(request: RequestSummary, response: ResponseInfo, parsed: unknown): APIError {
  const classes: Partial<Record<number, APIErrorClass<number>>> = errorClassByStatus;
  const ErrorClass = classes[response.status] ?? APIError;
  return new ErrorClass(request, response, isErrorBody(parsed) ? parsed : undefined);
}
