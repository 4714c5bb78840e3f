/**
 * @signalzen/api: the typed client for the SignalZen API v1, its errors, and the API's record types.
 *
 * Left out on purpose: the mock server (`@signalzen/api/mock`, it needs Node and Prism), the
 * generated `paths`/`components`/`operations` (`@signalzen/api/types`), and internals (argument
 * checks, the page walker), which are not a promise to keep.
 */
export { createSignalZenClient, DEFAULT_TIMEOUT_MS } from "./create-client.js";
export type { ClientOptions, CallOptions, AllOptions, Paginator, SignalZenClient } from "./create-client.js";
export {
  SignalZenError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  MethodNotAllowedError,
  NotAcceptableError,
  GoneError,
  RateLimitError,
  InternalServerError,
  ServiceUnavailableError,
  ConnectionError,
  TimeoutError,
  InvalidResponseError,
  PaginationError,
  InvalidArgumentError,
} from "./errors.js";
export { defaultRetryPolicy, parseRetryAfter } from "./retry.js";
export type { RetryPolicy } from "./retry.js";
export type { User, UserAttribute, Message, UserMessage, OperatorMessage, UserSender, OperatorSender, UserList, MessageList, ErrorBody, ErrorCode, PageParams } from "./models.js";
