/**
 * The API's records under their own names, from the generated types: one place for the client, the world, the
 * mock and the fixtures. (openapi-typescript's
 * `SuccessResponseJSON` helper mishandles `+json` vendor media types, so these are spelled out.)
 */
import type { components, operations } from "../../generated/schema.js";

type Schemas = components["schemas"];

export type User = Schemas["User"];
export type UserAttribute = Schemas["UserAttribute"];
/** A chat message: narrow it on `sender_type` to reach the sender's fields. */
export type Message = Schemas["Message"];
export type UserMessage = Schemas["UserMessage"];
export type OperatorMessage = Schemas["OperatorMessage"];
export type UserSender = Schemas["UserSender"];
export type OperatorSender = Schemas["OperatorSender"];
/** A page of users: `{ limit, offset, total, users }`. */
export type UserList = Schemas["UserList"];
/** A page of messages: `{ limit, offset, total, messages }`. */
export type MessageList = Schemas["MessageList"];
/** The body of every error response. */
export type ErrorBody = Schemas["ErrorBody"];
/** The error's machine-readable name, one per status (`not_found`...). */
export type ErrorCode = ErrorBody["code"];
/** One thing wrong with a request, in a 400's `details`. */
export type ErrorDetail = Schemas["ErrorDetail"];
/** `offset` and `limit`, as the list operations take them. */
export type PageParams = NonNullable<operations["listUsers"]["parameters"]["query"]>;
