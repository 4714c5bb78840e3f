/**
 * An operation's responses, matched by status, and each response's media types, matched by name: the body of
 * each is compared as a response's schema (an error body's pinned `code` and `status` as error codes), then
 * its headers.
 */
import { isObject } from "../shared/json.js";
import { childPointer, follow, type Located } from "../shared/pointer.js";
import { type DiffContext, type Document, entriesOf, pairBy, type Rule } from "./context.js";
import { compareHeaders } from "./headers.js";
import { type LocatedOperation, nodeOf } from "./operations.js";
import { compareSchemas } from "./schemas/compare.js";

export const RESPONSE_STATUS_REMOVED = {
  id: "response-status-removed",
  class: "breaking",
  explanation:
    "A documented status (success or error) is gone from an operation: code handling it no longer " +
    "matches the contract.",
} as const satisfies Rule;

export const RESPONSE_STATUS_ADDED = {
  id: "response-status-added",
  class: "compatible",
  explanation: "An operation documents a new status: compatible, but listed so that consumers can handle it.",
} as const satisfies Rule;

export const RESPONSE_MEDIA_TYPE_REMOVED = {
  id: "response-media-type-removed",
  class: "breaking",
  explanation:
    "A response media type is gone or renamed: consumers asking for it (Accept) are refused, and typed " +
    "code reading it no longer compiles.",
} as const satisfies Rule;

export const RESPONSE_MEDIA_TYPE_ADDED = {
  id: "response-media-type-added",
  class: "compatible",
  explanation: "A response may also be sent in a new media type, which consumers only get if they ask for it.",
} as const satisfies Rule;

/** Statuses whose bodies are error bodies: 4xx, 5xx, their ranges, and `default`. */
const isErrorStatus = (status: string) => /^[45]/.test(status) || status === "default";

export function compareResponses(context: DiffContext, before: LocatedOperation, after: LocatedOperation): void {
  const [baseAt, headAt] = [before, after].map((operation) => childPointer(operation.operation.pointer, "responses"));
  const response = (document: Document, raw: unknown, at: string, status: string) =>
    follow(document, { node: raw, pointer: childPointer(at, status) });
  pairBy(entriesOf(nodeOf(before.operation).responses), entriesOf(nodeOf(after.operation).responses), {
    removed: (status, raw) => {
      const pointers = { base: response(context.base, raw, baseAt!, status).pointer, head: headAt! };
      context.at(`${context.where} ${status}`).emit(RESPONSE_STATUS_REMOVED, pointers, `status ${status} removed`);
    },
    matched: (status, baseRaw, headRaw) =>
      compareResponse(
        context.at(`${context.where} ${status}`),
        status,
        response(context.base, baseRaw, baseAt!, status),
        response(context.head, headRaw, headAt!, status),
      ),
    added: (status) =>
      context
        .at(`${context.where} ${status}`)
        .emit(RESPONSE_STATUS_ADDED, { base: baseAt!, head: childPointer(headAt!, status) }, `new status ${status}`),
  });
}

function compareResponse(context: DiffContext, status: string, before: Located, after: Located): void {
  const contentAt = (response: Located, ...tokens: string[]) => childPointer(response.pointer, "content", ...tokens);
  const schemaOf = (document: Document, value: unknown, response: Located, mediaType: string): Located[] => {
    const media = follow(document, { node: value, pointer: contentAt(response, mediaType) });
    return isObject(media.node) && media.node.schema !== undefined
      ? [{ node: media.node.schema, pointer: childPointer(media.pointer, "schema") }]
      : [];
  };
  pairBy(entriesOf(nodeOf(before).content), entriesOf(nodeOf(after).content), {
    removed: (mediaType) =>
      context.emit(
        RESPONSE_MEDIA_TYPE_REMOVED,
        { base: contentAt(before, mediaType), head: contentAt(after) },
        `media type ${mediaType} no longer sent`,
      ),
    matched: (mediaType, baseMedia, headMedia) =>
      compareSchemas(
        context,
        "response",
        schemaOf(context.base, baseMedia, before, mediaType),
        schemaOf(context.head, headMedia, after, mediaType),
        isErrorStatus(status) ? "error-body" : "plain",
      ),
    added: (mediaType) =>
      context.emit(
        RESPONSE_MEDIA_TYPE_ADDED,
        { base: contentAt(before), head: contentAt(after, mediaType) },
        `may also be sent as ${mediaType}`,
      ),
  });
  compareHeaders(context, status, before, after);
}
