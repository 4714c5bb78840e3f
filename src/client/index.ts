/**
 * @signalzen/api: the typed client for the SignalZen API v1, its errors, and the API's record types.
 *
 * Left out on purpose: the mock server (`@signalzen/api/mock`, it needs Node and Prism), the
 * generated `paths`/`components`/`operations` (`@signalzen/api/types`), and internals (argument
 * checks, the attempt, the page walker), which are not a promise to keep.
 */

export type {
  ErrorBody,
  ErrorCode,
  Message,
  MessageList,
  OperatorMessage,
  OperatorSender,
  PageParams,
  User,
  UserAttribute,
  UserList,
  UserMessage,
  UserSender,
} from "../contract/models.js";
export type { CallHeaders } from "./arguments.js";
export type { SignalZenClient } from "./create-client.js";
export { createSignalZenClient } from "./create-client.js";
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  GoneError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RequestError,
  ResponseTooLargeError,
  ServiceUnavailableError,
  SignalZenError,
  TimeoutError,
} from "./errors.js";
export type { ClientOptions } from "./options.js";
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from "./options.js";
export type { AllOptions, Paginator } from "./paginate.js";
export type { CallOptions } from "./resources.js";
export { parseRetryAfter } from "./retry-after.js";
export type { RetryPolicy } from "./retry-policy.js";
export { defaultRetryPolicy } from "./retry-policy.js";
