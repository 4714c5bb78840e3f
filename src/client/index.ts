/**
 * @signalzen/api: the typed client for the SignalZen API v1, its errors, and the API's record types.
 *
 * Left out on purpose: the mock server (`@signalzen/api/mock`, it needs Node and Prism), the
 * generated `paths`/`components`/`operations` (`@signalzen/api/types`), and internals (argument
 * checks, the attempt, the page walker), which are not a promise to keep.
 */
export { createSignalZenClient } from "./create-client.js";
export type { SignalZenClient } from "./create-client.js";
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from "./options.js";
export type { ClientOptions } from "./options.js";
export type { CallOptions } from "./resources.js";
export type { CallHeaders } from "./arguments.js";
export type { AllOptions, Paginator } from "./paginate.js";
export {
  SignalZenError,
  RequestError,
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
  ResponseTooLargeError,
  RedirectError,
  PaginationError,
  InvalidArgumentError,
} from "./errors.js";
export { defaultRetryPolicy } from "./retry-policy.js";
export { parseRetryAfter } from "./retry-after.js";
export type { RetryPolicy } from "./retry-policy.js";
export type {
  User,
  UserAttribute,
  Message,
  UserMessage,
  OperatorMessage,
  UserSender,
  OperatorSender,
  UserList,
  MessageList,
  ErrorBody,
  ErrorCode,
  PageParams,
} from "../contract/models.js";
