/**
 * A response's headers, matched by name whatever its case (a Content-Type definition is ignored, as OpenAPI
 * says): whether each is there and always sent, and its schema. Retry-After on a 429 or 503 has its own rule.
 */
import { childPointer, follow, type Located } from "../shared/pointer.js";
import { type DiffContext, type Document, entriesOf, pairBy, type Rule } from "./context.js";
import { nodeOf } from "./operations.js";
import { compareSchemas } from "./schemas/compare.js";

export const RESPONSE_HEADER_REMOVED = {
  id: "response-header-removed",
  class: "breaking",
  explanation: "A documented response header is gone: consumers reading it get nothing.",
} as const satisfies Rule;

export const RESPONSE_HEADER_BECAME_OPTIONAL = {
  id: "response-header-became-optional",
  class: "breaking",
  explanation: "A response header is no longer always sent: consumers reading it may get nothing.",
} as const satisfies Rule;

export const RESPONSE_HEADER_BECAME_REQUIRED = {
  id: "response-header-became-required",
  class: "compatible",
  explanation: "A response header is now always sent.",
} as const satisfies Rule;

export const RESPONSE_HEADER_ADDED = {
  id: "response-header-added",
  class: "compatible",
  explanation: "A new response header.",
} as const satisfies Rule;

export const RETRY_AFTER_REMOVED = {
  id: "retry-after-removed",
  class: "breaking",
  explanation:
    "Retry-After is gone from a 429 or 503: consumers (and this package's client) cannot wait as the server asks.",
} as const satisfies Rule;

interface Header {
  name: string;
  located: Located;
}

function headersOf(document: Document, response: Located): Map<string, Header> {
  const headers = entriesOf(nodeOf(response).headers)
    .filter(([name]) => name.toLowerCase() !== "content-type")
    .map(([name, raw]) => [
      name.toLowerCase(),
      { name, located: follow(document, { node: raw, pointer: childPointer(response.pointer, "headers", name) }) },
    ]) satisfies [string, Header][];
  return new Map(headers);
}

const alwaysSent = (header: Header) => nodeOf(header.located).required === true;

function schemaOf(header: Header): Located[] {
  const { schema } = nodeOf(header.located);
  return schema === undefined ? [] : [{ node: schema, pointer: childPointer(header.located.pointer, "schema") }];
}

export function compareHeaders(context: DiffContext, status: string, before: Located, after: Located): void {
  const headersAt = (response: Located) => childPointer(response.pointer, "headers");
  const at = (header: Header) => context.at(`${context.where} header ${header.name}`);
  pairBy(headersOf(context.base, before), headersOf(context.head, after), {
    removed: (key, header) => {
      const retryAfter = key === "retry-after" && ["429", "503"].includes(status);
      at(header).emit(
        retryAfter ? RETRY_AFTER_REMOVED : RESPONSE_HEADER_REMOVED,
        { base: header.located.pointer, head: headersAt(after) },
        `header ${header.name} removed`,
      );
    },
    matched: (_key, header, match) => {
      const pointers = { base: header.located.pointer, head: match.located.pointer };
      if (alwaysSent(header) && !alwaysSent(match)) {
        at(header).emit(RESPONSE_HEADER_BECAME_OPTIONAL, pointers, `header ${header.name} is no longer always sent`);
      } else if (!alwaysSent(header) && alwaysSent(match)) {
        at(header).emit(RESPONSE_HEADER_BECAME_REQUIRED, pointers, `header ${header.name} is now always sent`);
      }
      compareSchemas(at(header), "response", schemaOf(header), schemaOf(match));
    },
    added: (_key, header) =>
      at(header).emit(
        RESPONSE_HEADER_ADDED,
        { base: headersAt(before), head: header.located.pointer },
        `new header ${header.name}`,
      ),
  });
}
