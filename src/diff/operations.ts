/**
 * Operations and what applies to a whole operation: that it exists, its operationId, the security it requires,
 * its request body; and the servers every operation is reached through.
 */
import { isObject } from "../shared/json.js";
import { childPointer, follow, type Located } from "../shared/pointer.js";
import { type DiffContext, type Document, entriesOf, pairBy, type Rule } from "./context.js";
import { compareParameters } from "./parameters.js";
import { compareResponses } from "./responses.js";

export const OPERATION_REMOVED = {
  id: "operation-removed",
  class: "breaking",
  explanation:
    "An operation, or its whole path, is gone: calls fail, and typed calls naming the path no longer compile.",
} as const satisfies Rule;

export const OPERATION_ADDED = {
  id: "operation-added",
  class: "compatible",
  explanation: "A new operation: nothing consumers do today changes.",
} as const satisfies Rule;

export const OPERATION_ID_CHANGED = {
  id: "operation-id-changed",
  class: "breaking",
  explanation:
    "An operationId changed: TypeScript code naming operations[id] in the generated types no longer compiles.",
} as const satisfies Rule;

export const SECURITY_CHANGED = {
  id: "security-changed",
  class: "breaking",
  explanation: "The security an operation requires changed: the credentials consumers send may no longer be accepted.",
} as const satisfies Rule;

export const SERVER_REMOVED = {
  id: "server-removed",
  class: "breaking",
  explanation: "A server URL is gone: consumers configured with it can no longer reach the API.",
} as const satisfies Rule;

export const SERVER_ADDED = { id: "server-added", class: "compatible", explanation: "A new server URL." } as const;

export const REQUEST_BODY_CHANGED = {
  id: "request-body-changed",
  class: "breaking",
  explanation: "A request body was added, removed or changed; this read-only API has none, so any change is breaking.",
} as const satisfies Rule;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** An operation of one of the documents compared, with its path item, and where each is (JSON pointers). */
export interface LocatedOperation {
  label: string;
  item: Located;
  operation: Located;
}

export const nodeOf = (located: Located) => located.node as Record<string, unknown>;

/** Every operation of a document, keyed `GET /users/{id}`, with its path item and where both are. */
export function operationsOf(document: Document): Map<string, LocatedOperation> {
  const operations = new Map<string, LocatedOperation>();
  for (const [path, raw] of entriesOf(document.paths)) {
    const item = follow(document, { node: raw, pointer: childPointer("#/paths", path) });
    if (!isObject(item.node)) continue;
    for (const method of METHODS) {
      const node = item.node[method];
      if (!isObject(node)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      operations.set(label, {
        label,
        item,
        operation: follow(document, { node, pointer: childPointer(item.pointer, method) }),
      });
    }
  }
  return operations;
}

export function compareServers(context: DiffContext): void {
  const urls = (document: Document): [string, number][] =>
    (Array.isArray(document.servers) ? document.servers : []).map((server, index) => [
      isObject(server) ? String(server.url) : "",
      index,
    ]);
  const servers = context.at("servers");
  pairBy(urls(context.base), urls(context.head), {
    removed: (url, index) =>
      servers.emit(SERVER_REMOVED, { base: `#/servers/${index}`, head: "#/servers" }, `server ${url} removed`),
    added: (url, index) =>
      servers.emit(SERVER_ADDED, { base: "#/servers", head: `#/servers/${index}` }, `new server ${url}`),
  });
}

export function compareOperations(context: DiffContext): void {
  pairBy(operationsOf(context.base), operationsOf(context.head), {
    removed: (label, operation) =>
      context
        .at(label)
        .emit(OPERATION_REMOVED, { base: operation.operation.pointer, head: "#/paths" }, `${label} removed`),
    matched: (label, before, after) => compareOperation(context.at(label), before, after),
    added: (label, operation) =>
      context
        .at(label)
        .emit(OPERATION_ADDED, { base: "#/paths", head: operation.operation.pointer }, `new operation ${label}`),
  });
}

function compareOperation(context: DiffContext, before: LocatedOperation, after: LocatedOperation): void {
  const [baseOperation, headOperation] = [nodeOf(before.operation), nodeOf(after.operation)];
  const at = (operation: LocatedOperation, key: string) => childPointer(operation.operation.pointer, key);
  if (baseOperation.operationId !== headOperation.operationId) {
    const [from, to] = [baseOperation.operationId, headOperation.operationId].map((id) => JSON.stringify(id));
    const pointers = { base: at(before, "operationId"), head: at(after, "operationId") };
    context.emit(OPERATION_ID_CHANGED, pointers, `operationId ${from} → ${to}`);
  }
  if (securityOf(context.base, baseOperation) !== securityOf(context.head, headOperation)) {
    const pointerOf = (operation: LocatedOperation) =>
      nodeOf(operation.operation).security !== undefined ? at(operation, "security") : "#/security";
    context.emit(
      SECURITY_CHANGED,
      { base: pointerOf(before), head: pointerOf(after) },
      "the required security changed",
    );
  }
  if (!sameResolved(context.base, baseOperation.requestBody, context.head, headOperation.requestBody)) {
    const pointers = { base: at(before, "requestBody"), head: at(after, "requestBody") };
    context.emit(REQUEST_BODY_CHANGED, pointers, "the request body changed");
  }
  compareParameters(context, before, after);
  compareResponses(context, before, after);
}

/** The security an operation requires, with each scheme spelled out, so renaming a scheme changes nothing. */
function securityOf(document: Document, operation: Record<string, unknown>): string {
  const requirements = Array.isArray(operation.security)
    ? operation.security
    : Array.isArray(document.security)
      ? document.security
      : [];
  const schemes = isObject(document.components) ? document.components.securitySchemes : undefined;
  const scheme = (name: string) => {
    const raw = isObject(schemes) ? schemes[name] : undefined;
    const node = raw === undefined ? undefined : follow(document, { node: raw, pointer: "#" }).node;
    if (!isObject(node)) return name;
    const { type, scheme, in: where, name: header, flows, openIdConnectUrl } = node;
    return JSON.stringify({
      type,
      scheme: typeof scheme === "string" ? scheme.toLowerCase() : scheme,
      where,
      header,
      flows,
      openIdConnectUrl,
    });
  };
  const alternatives = requirements.map((requirement) =>
    JSON.stringify(
      entriesOf(requirement)
        .map(([name, scopes]) => `${scheme(name)} ${JSON.stringify(Array.isArray(scopes) ? [...scopes].sort() : [])}`)
        .sort(),
    ),
  );
  return JSON.stringify(alternatives.sort());
}

/**
 * Whether two nodes say the same once every `$ref` is followed (keys in the same order, as when written out).
 * Pairs are compared once each, with a stack of its own: written out, schemas that refer to the next twice
 * n levels deep are 2^n schemas long. A pair met again (a schema inside itself) is taken as equal so far.
 */
function sameResolved(base: Document, baseNode: unknown, head: Document, headNode: unknown): boolean {
  const ids = new Map<object, number>();
  const idOf = (node: object) => {
    if (!ids.has(node)) ids.set(node, ids.size);
    return ids.get(node);
  };
  const seen = new Set<string>();
  const pending: [unknown, unknown][] = [[baseNode, headNode]];
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const before = follow(base, { node: pair[0], pointer: "#" }).node;
    const after = follow(head, { node: pair[1], pointer: "#" }).node;
    if (typeof before !== "object" || before === null || typeof after !== "object" || after === null) {
      if (JSON.stringify(before) !== JSON.stringify(after)) return false;
      continue;
    }
    const key = `${idOf(before)} ${idOf(after)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (Array.isArray(before) !== Array.isArray(after)) return false;
    const keys = Object.keys(before);
    if (keys.join("\0") !== Object.keys(after).join("\0")) return false;
    for (const name of keys) {
      pending.push([(before as Record<string, unknown>)[name], (after as Record<string, unknown>)[name]]);
    }
  }
  return true;
}
