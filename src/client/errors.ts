/**
 * Every error the client throws is a `SignalZenError`. HTTP errors are `APIError`s, one subclass per
 * status the API documents; `ConnectionError` and `TimeoutError` are failures to get an answer at all.
 * Messages carry the method and URL; the original failure is chained through `cause`. The API secret
 * never appears in any of it: text that came from elsewhere is scrubbed of it.
 */
import type { ErrorBody } from "./models.js";

export interface RequestInfo {
  method: string;
  url: string;
}

export class SignalZenError extends Error {
  override name = "SignalZenError";
  /** The request's method, e.g. `GET`. */
  declare readonly method: string;
  /** The request's URL (the secret is never in it: it travels in a header). */
  declare readonly url: string;

  constructor(message: string, request: RequestInfo, options?: { cause?: unknown }) {
    super(message, options);
    Object.assign(this, request);
  }

  /** The error's fields for logs and JSON: everything but the stack, the cause and the headers. */
  toJSON(): Record<string, unknown> {
    const { stack: _stack, cause: _cause, headers: _headers, ...fields } = this as Record<string, unknown>;
    return { name: this.name, message: this.message, ...fields };
  }
}

export interface ResponseInfo {
  status: number;
  headers: Headers;
  /** The body as received (scrubbed of the secret). */
  rawBody: string;
  /** Milliseconds to wait before retrying, from `Retry-After`, when the response sent one. */
  retryAfter: number | undefined;
}

/** An HTTP error response. `status`, `headers` and the body are all here. */
export class APIError extends SignalZenError {
  override name = "APIError";
  declare readonly status: number;
  declare readonly headers: Headers;
  /** The body as received, even when it is not JSON or not in the contract's shape. */
  declare readonly rawBody: string;
  /**
   * Milliseconds to wait before retrying, from the `Retry-After` header (seconds or an HTTP date).
   * @example if (error instanceof RateLimitError) await sleep(error.retryAfter ?? 1000);
   */
  declare readonly retryAfter: number | undefined;
  /** The error body, when the server sent one in the contract's shape; otherwise undefined (see `rawBody`). */
  readonly error: ErrorBody | undefined;
  /** The contract's machine-readable code (`not_found`, ...), when the body had one. */
  readonly code: string | undefined;

  constructor(request: RequestInfo, response: ResponseInfo, body: ErrorBody | undefined) {
    super(`${request.method} ${request.url} failed with ${response.status}: ${body ? `${body.code}: ${body.message}` : response.rawBody.slice(0, 200) || "(no body)"}`, request);
    Object.assign(this, response);
    this.error = body;
    this.code = body?.code;
  }
}

/** 400: the request is invalid (a parameter out of range or of the wrong type). */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
/** 401: the API secret is wrong or missing. */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
/** 403: the request is forbidden. */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
/** 404: no such user or message. */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
/** 405: only GET is allowed. */
export class MethodNotAllowedError extends APIError {
  override name = "MethodNotAllowedError";
}
/** 406: the server would not send the vendor media type. */
export class NotAcceptableError extends APIError {
  override name = "NotAcceptableError";
}
/** 410: the record was removed. */
export class GoneError extends APIError {
  override name = "GoneError";
}
/** 429: too many requests; see `retryAfter`. */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
/** 500: the server had a problem. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}
/** 503: offline for maintenance; see `retryAfter`. */
export class ServiceUnavailableError extends APIError {
  override name = "ServiceUnavailableError";
}

/** The class for each status the API documents (a test holds this to the spec's list). */
export const errorClassByStatus: Readonly<Record<number, typeof APIError>> = {
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

/** No answer from the server: DNS, refused connection, reset, CORS refusal in a browser. */
export class ConnectionError extends SignalZenError {
  override name = "ConnectionError";
}

/** No complete answer, headers and body, within `timeoutMs`. */
export class TimeoutError extends SignalZenError {
  override name = "TimeoutError";
  readonly timeoutMs: number;
  constructor(request: RequestInfo, timeoutMs: number) {
    super(`${request.method} ${request.url} timed out after ${timeoutMs} ms`, request);
    this.timeoutMs = timeoutMs;
  }
}

/** A 2xx answer whose body is not the JSON the contract promises. */
export class InvalidResponseError extends SignalZenError {
  override name = "InvalidResponseError";
  readonly status: number;
  readonly rawBody: string;
  constructor(request: RequestInfo, status: number, rawBody: string, options?: { cause?: unknown }) {
    super(`${request.method} ${request.url} answered ${status} with ${rawBody ? `a body that is not JSON: ${rawBody.slice(0, 200)}` : "an empty body"}`, request, options);
    this.status = status;
    this.rawBody = rawBody;
  }
}

/** A walk over pages found the list inconsistent (see paginate.ts for the rules). */
export class PaginationError extends SignalZenError {
  override name = "PaginationError";
}

/** An argument or option the client refuses before sending anything. */
export class InvalidArgumentError extends SignalZenError {
  override name = "InvalidArgumentError";
  constructor(message: string) {
    super(message, { method: "", url: "" });
  }
}

/** Whether a parsed body is in the contract's error shape. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (!value || typeof value !== "object") return false;
  const body = value as Record<string, unknown>;
  return typeof body.status === "number" && typeof body.code === "string" && typeof body.message === "string";
}

/** The error for an HTTP error response: the documented status's class, or `APIError`. */
export function errorFromResponse(request: RequestInfo, response: ResponseInfo, parsed: unknown): APIError {
  const ErrorClass = errorClassByStatus[response.status] ?? APIError;
  return new ErrorClass(request, response, isErrorBody(parsed) ? parsed : undefined);
}
