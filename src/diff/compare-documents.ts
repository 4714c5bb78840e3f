/**
 * `diffDocuments(base, head)`: every change between two OpenAPI 3.1 documents that matters to a consumer,
 * classified by the rules in rules.ts. Everything is compared after following `$ref`s, so where a schema,
 * parameter or response is written (inline or in components) does not matter, only what it says.
 */
import { compareSchemas, type Finding, type SchemaContext } from "./compare-schemas.js";
import { childPointer, follow, isObject, resolvePointer, type Located } from "../contract/pointer.js";
import { ruleOf, ruleOrder, type ChangeClass, type RuleId } from "./rules.js";
import { viewOf } from "./schema-view.js";

export interface Change {
  class: ChangeClass;
  rule: RuleId;
  /** What changed, in one line. */
  message: string;
  /** Why it is breaking or compatible: the rule's explanation. */
  explanation: string;
  /** Where it is in the base document and in the head document (JSON pointers). */
  base: string;
  head: string;
  /** Every place the change is seen: `GET /users 200: users[].name`, `components/schemas/User: name`, ... */
  where: string[];
}

export interface DiffReport {
  breaking: number;
  compatible: number;
  /** Breaking changes first, then in the order of the rules table. */
  changes: Change[];
}

type Document = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function diffDocuments(base: Document, head: Document): DiffReport {
  const out: Finding[] = [];
  const add = (rule: RuleId, basePointer: string, headPointer: string, message: string, where: string) =>
    out.push({ rule, base: basePointer, head: headPointer, message, where });
  compareServers(base, head, add);
  compareOperations(base, head, out, add);
  compareComponentSchemas(base, head, out, add);
  // A pointer to where something would be (the headers of a response that has none left) becomes the
  // nearest node that is there, so that every pointer in a report can be followed.
  for (const finding of out) {
    finding.base = nearestExisting(base, finding.base);
    finding.head = nearestExisting(head, finding.head);
  }
  return report(out);
}

function nearestExisting(document: Document, pointer: string): string {
  let at = pointer;
  while (at.includes("/") && resolvePointer(document, at) === undefined) at = at.slice(0, at.lastIndexOf("/"));
  return at === "#" || at === "" ? "#" : at;
}

type Add = (rule: RuleId, base: string, head: string, message: string, where: string) => void;

const entriesOf = (value: unknown): [string, unknown][] => (isObject(value) ? Object.entries(value) : []);

function compareServers(base: Document, head: Document, add: Add): void {
  const urls = (document: Document) =>
    (Array.isArray(document.servers) ? document.servers : []).map((server) =>
      isObject(server) ? String(server.url) : "",
    );
  const before = urls(base);
  const after = urls(head);
  before.forEach((url, index) => {
    if (!after.includes(url))
      add("server-removed", `#/servers/${index}`, "#/servers", `server ${url} removed`, "servers");
  });
  after.forEach((url, index) => {
    if (!before.includes(url)) add("server-added", "#/servers", `#/servers/${index}`, `new server ${url}`, "servers");
  });
}

interface Operation {
  label: string;
  item: Located;
  operation: Located;
}

function operationsOf(document: Document): Map<string, Operation> {
  const operations = new Map<string, Operation>();
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

function compareOperations(base: Document, head: Document, out: Finding[], add: Add): void {
  const before = operationsOf(base);
  const after = operationsOf(head);
  for (const [label, operation] of before) {
    const match = after.get(label);
    if (!match) {
      add("operation-removed", operation.operation.pointer, "#/paths", `${label} removed`, label);
      continue;
    }
    compareOperation(base, head, operation, match, out, add);
  }
  for (const [label, operation] of after) {
    if (!before.has(label))
      add("operation-added", "#/paths", operation.operation.pointer, `new operation ${label}`, label);
  }
}

const nodeOf = (located: Located) => located.node as Record<string, unknown>;

function compareOperation(
  base: Document,
  head: Document,
  before: Operation,
  after: Operation,
  out: Finding[],
  add: Add,
) {
  const { label } = before;
  const baseOperation = nodeOf(before.operation);
  const headOperation = nodeOf(after.operation);
  if (baseOperation.operationId !== headOperation.operationId) {
    const [from, to] = [baseOperation.operationId, headOperation.operationId].map((id) => JSON.stringify(id));
    const text = `operationId ${from} → ${to}`;
    add(
      "operation-id-changed",
      childPointer(before.operation.pointer, "operationId"),
      childPointer(after.operation.pointer, "operationId"),
      text,
      label,
    );
  }
  if (securityOf(base, baseOperation) !== securityOf(head, headOperation)) {
    const pointerOf = (operation: Located) =>
      nodeOf(operation).security !== undefined ? childPointer(operation.pointer, "security") : "#/security";
    add(
      "security-changed",
      pointerOf(before.operation),
      pointerOf(after.operation),
      "the required security changed",
      label,
    );
  }
  const bodyOf = (document: Document, operation: Located) => {
    const body = nodeOf(operation).requestBody;
    return body === undefined ? "" : JSON.stringify(inline(document, body, []));
  };
  if (bodyOf(base, before.operation) !== bodyOf(head, after.operation)) {
    const at = (operation: Located) => childPointer(operation.pointer, "requestBody");
    add("request-body-changed", at(before.operation), at(after.operation), "the request body changed", label);
  }
  compareParameters(base, head, before, after, out, add);
  compareResponses(base, head, before, after, out, add);
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

/** A node with every `$ref` replaced by what it names (a ref back into itself stays a ref). */
function inline(document: Document, node: unknown, trail: string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(document, item, trail));
  if (!isObject(node)) return node;
  if (typeof node.$ref === "string") {
    if (trail.includes(node.$ref)) return { $ref: node.$ref };
    return inline(document, follow(document, { node, pointer: "#" }).node, [...trail, node.$ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(document, value, trail)]));
}

interface Parameter {
  located: Located;
  node: Record<string, unknown>;
  name: string;
  in: string;
}

/** Path-level parameters, overridden by the operation's own, keyed by location and name. */
function parametersOf(document: Document, operation: Operation): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  const collect = (owner: Located) => {
    const list = nodeOf(owner).parameters;
    if (!Array.isArray(list)) return;
    list.forEach((raw, index) => {
      const located = follow(document, { node: raw, pointer: childPointer(owner.pointer, "parameters", index) });
      if (!isObject(located.node)) return;
      const name = String(located.node.name);
      const where = String(located.node.in);
      // Header names are case-insensitive.
      parameters.set(`${where} ${where === "header" ? name.toLowerCase() : name}`, {
        located,
        node: located.node,
        name,
        in: where,
      });
    });
  };
  collect(operation.item);
  collect(operation.operation);
  return parameters;
}

const describe = (parameter: Parameter) => `${parameter.in} parameter ${JSON.stringify(parameter.name)}`;

function parameterSchema(parameter: Parameter): Located[] {
  if (parameter.node.schema !== undefined)
    return [{ node: parameter.node.schema, pointer: childPointer(parameter.located.pointer, "schema") }];
  const [media] = entriesOf(parameter.node.content);
  if (media && isObject(media[1]) && media[1].schema !== undefined) {
    return [{ node: media[1].schema, pointer: childPointer(parameter.located.pointer, "content", media[0], "schema") }];
  }
  return [];
}

function serialization(parameter: Parameter): string {
  const style =
    typeof parameter.node.style === "string"
      ? parameter.node.style
      : ["query", "cookie"].includes(parameter.in)
        ? "form"
        : "simple";
  const explode = typeof parameter.node.explode === "boolean" ? parameter.node.explode : style === "form";
  return `style ${style}, explode ${explode}`;
}

function compareParameters(
  base: Document,
  head: Document,
  before: Operation,
  after: Operation,
  out: Finding[],
  add: Add,
) {
  const { label } = before;
  const baseParameters = parametersOf(base, before);
  const headParameters = parametersOf(head, after);
  const required = (parameter: Parameter) => parameter.in === "path" || parameter.node.required === true;
  for (const [key, parameter] of baseParameters) {
    const match = headParameters.get(key);
    const where = `${label} ${key}`;
    const name = describe(parameter);
    if (!match) {
      add("parameter-removed", parameter.located.pointer, after.operation.pointer, `${name} removed`, where);
      continue;
    }
    const [basePointer, headPointer] = [parameter.located.pointer, match.located.pointer];
    if (!required(parameter) && required(match))
      add("parameter-became-required", basePointer, headPointer, `${name} is now required`, where);
    if (required(parameter) && !required(match))
      add("parameter-became-optional", basePointer, headPointer, `${name} is now optional`, where);
    if (serialization(parameter) !== serialization(match)) {
      add(
        "parameter-style-changed",
        basePointer,
        headPointer,
        `${serialization(parameter)} → ${serialization(match)}`,
        where,
      );
    }
    const baseSchema = parameterSchema(parameter);
    const headSchema = parameterSchema(match);
    const baseDefault = viewOf(base, baseSchema).default;
    const headDefault = viewOf(head, headSchema).default;
    if (JSON.stringify(baseDefault?.value) !== JSON.stringify(headDefault?.value)) {
      const [from, to] = [baseDefault, headDefault].map((value) => JSON.stringify(value?.value) ?? "(none)");
      const text = `default ${from} → ${to}`;
      const rule = baseDefault === undefined ? "parameter-default-added" : "parameter-default-changed";
      add(rule, baseDefault?.pointer ?? basePointer, headDefault?.pointer ?? headPointer, text, where);
    }
    const context: SchemaContext = { base, head, side: "request", errorBody: false, where, out };
    compareSchemas(context, baseSchema, headSchema);
  }
  for (const [key, parameter] of headParameters) {
    if (baseParameters.has(key)) continue;
    const rule = required(parameter) ? "parameter-added-required" : "parameter-added-optional";
    const text = `new ${required(parameter) ? "required" : "optional"} ${describe(parameter)}`;
    add(rule, before.operation.pointer, parameter.located.pointer, text, `${label} ${key}`);
  }
}

/** Statuses whose bodies are error bodies: 4xx, 5xx, their ranges, and `default`. */
const isErrorStatus = (status: string) => /^[45]/.test(status) || status === "default";

function compareResponses(
  base: Document,
  head: Document,
  before: Operation,
  after: Operation,
  out: Finding[],
  add: Add,
) {
  const { label } = before;
  const baseResponses = entriesOf(nodeOf(before.operation).responses);
  const headResponses = new Map(entriesOf(nodeOf(after.operation).responses));
  const responsesAt = (operation: Located) => childPointer(operation.pointer, "responses");
  for (const [status, raw] of baseResponses) {
    const where = `${label} ${status}`;
    const baseResponse = follow(base, { node: raw, pointer: childPointer(responsesAt(before.operation), status) });
    if (!headResponses.has(status)) {
      add(
        "response-status-removed",
        baseResponse.pointer,
        responsesAt(after.operation),
        `status ${status} removed`,
        where,
      );
      continue;
    }
    const headResponse = follow(head, {
      node: headResponses.get(status),
      pointer: childPointer(responsesAt(after.operation), status),
    });
    compareResponse(base, head, status, where, baseResponse, headResponse, out, add);
  }
  const baseStatuses = new Set(baseResponses.map(([status]) => status));
  for (const [status] of headResponses) {
    if (baseStatuses.has(status)) continue;
    add(
      "response-status-added",
      responsesAt(before.operation),
      childPointer(responsesAt(after.operation), status),
      `new status ${status}`,
      `${label} ${status}`,
    );
  }
}

function compareResponse(
  base: Document,
  head: Document,
  status: string,
  where: string,
  before: Located,
  after: Located,
  out: Finding[],
  add: Add,
): void {
  const errorBody = isErrorStatus(status);
  const baseContent = entriesOf(nodeOf(before).content);
  const headContent = new Map(entriesOf(nodeOf(after).content));
  const contentAt = (response: Located, ...tokens: string[]) => childPointer(response.pointer, "content", ...tokens);
  for (const [mediaType, media] of baseContent) {
    if (!headContent.has(mediaType)) {
      add(
        "response-media-type-removed",
        contentAt(before, mediaType),
        contentAt(after),
        `media type ${mediaType} no longer sent`,
        where,
      );
      continue;
    }
    const headMedia = headContent.get(mediaType);
    const schemaOf = (document: Document, value: unknown, response: Located): Located[] => {
      const node = follow(document, { node: value, pointer: contentAt(response, mediaType) });
      return isObject(node.node) && node.node.schema !== undefined
        ? [{ node: node.node.schema, pointer: childPointer(node.pointer, "schema") }]
        : [];
    };
    const context: SchemaContext = { base, head, side: "response", errorBody, where, out };
    compareSchemas(context, schemaOf(base, media, before), schemaOf(head, headMedia, after));
  }
  const baseTypes = new Set(baseContent.map(([mediaType]) => mediaType));
  for (const [mediaType] of headContent) {
    if (!baseTypes.has(mediaType))
      add(
        "response-media-type-added",
        contentAt(before),
        contentAt(after, mediaType),
        `may also be sent as ${mediaType}`,
        where,
      );
  }
  compareHeaders(base, head, status, where, before, after, out, add);
}

function headersOf(document: Document, response: Located): Map<string, { name: string; located: Located }> {
  const headers = new Map<string, { name: string; located: Located }>();
  for (const [name, raw] of entriesOf(nodeOf(response).headers)) {
    // OpenAPI says a Content-Type header definition is ignored.
    if (name.toLowerCase() === "content-type") continue;
    headers.set(name.toLowerCase(), {
      name,
      located: follow(document, { node: raw, pointer: childPointer(response.pointer, "headers", name) }),
    });
  }
  return headers;
}

function compareHeaders(
  base: Document,
  head: Document,
  status: string,
  where: string,
  before: Located,
  after: Located,
  out: Finding[],
  add: Add,
): void {
  const baseHeaders = headersOf(base, before);
  const headHeaders = headersOf(head, after);
  const headersAt = (response: Located) => childPointer(response.pointer, "headers");
  for (const [key, header] of baseHeaders) {
    const match = headHeaders.get(key);
    const at = `${where} header ${header.name}`;
    if (!match) {
      const retryAfter = key === "retry-after" && ["429", "503"].includes(status);
      add(
        retryAfter ? "retry-after-removed" : "response-header-removed",
        header.located.pointer,
        headersAt(after),
        `header ${header.name} removed`,
        at,
      );
      continue;
    }
    const required = (located: Located) => nodeOf(located).required === true;
    if (required(header.located) && !required(match.located)) {
      add(
        "response-header-became-optional",
        header.located.pointer,
        match.located.pointer,
        `header ${header.name} is no longer always sent`,
        at,
      );
    } else if (!required(header.located) && required(match.located)) {
      add(
        "response-header-became-required",
        header.located.pointer,
        match.located.pointer,
        `header ${header.name} is now always sent`,
        at,
      );
    }
    const schemaOf = (located: Located): Located[] =>
      nodeOf(located).schema === undefined
        ? []
        : [{ node: nodeOf(located).schema, pointer: childPointer(located.pointer, "schema") }];
    compareSchemas(
      { base, head, side: "response", errorBody: false, where: at, out },
      schemaOf(header.located),
      schemaOf(match.located),
    );
  }
  for (const [key, header] of headHeaders) {
    if (!baseHeaders.has(key))
      add(
        "response-header-added",
        headersAt(before),
        header.located.pointer,
        `new header ${header.name}`,
        `${where} header ${header.name}`,
      );
  }
}

/**
 * Named schemas are part of the TypeScript API (`components["schemas"]["User"]`): one removed is breaking,
 * and each is compared on its own too, so a change to a schema no operation reaches (an enum only exported as a
 * type, say) is still seen. It is compared as a response unless only requests use it. A schema added to
 * components is not a change: it is new to the types only.
 */
function compareComponentSchemas(base: Document, head: Document, out: Finding[], add: Add): void {
  const schemasOf = (document: Document) =>
    isObject(document.components) ? entriesOf(document.components.schemas) : [];
  const headSchemas = new Map(schemasOf(head));
  const [requests, responses] = refsReached(base);
  for (const [name, schema] of schemasOf(base)) {
    const pointer = childPointer("#/components/schemas", name);
    const where = `components/schemas/${name}`;
    if (!headSchemas.has(name)) {
      add("component-schema-removed", pointer, "#/components/schemas", `schema ${name} removed from components`, where);
      continue;
    }
    const side = requests.has(pointer) && !responses.has(pointer) ? "request" : "response";
    const context: SchemaContext = { base, head, side, errorBody: false, where, out };
    compareSchemas(context, [{ node: schema, pointer }], [{ node: headSchemas.get(name), pointer }]);
  }
}

/** The `$ref` targets the operations' requests reach, and those their responses reach, through any refs. */
function refsReached(document: Document): [Set<string>, Set<string>] {
  const collect = (roots: unknown[]) => {
    const reached = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (const item of node) walk(item);
        return;
      }
      if (!isObject(node)) return;
      if (typeof node.$ref === "string" && !reached.has(node.$ref)) {
        reached.add(node.$ref);
        walk(resolvePointer(document, node.$ref));
      }
      for (const [key, value] of Object.entries(node)) if (key !== "examples" && key !== "example") walk(value);
    };
    for (const root of roots) walk(root);
    return reached;
  };
  const operations = [...operationsOf(document).values()];
  const requests = operations.flatMap(({ item, operation }) => [
    nodeOf(item).parameters,
    nodeOf(operation).parameters,
    nodeOf(operation).requestBody,
  ]);
  return [collect(requests), collect(operations.map(({ operation }) => nodeOf(operation).responses))];
}

/** One change per rule, place and message, listing every route by which it was reached; breaking first. */
function report(findings: Finding[]): DiffReport {
  const changes = new Map<string, Change>();
  for (const finding of findings) {
    const key = `${finding.rule} ${finding.base} ${finding.head} ${finding.message}`;
    const known = changes.get(key);
    if (known) {
      if (!known.where.includes(finding.where)) known.where.push(finding.where);
      continue;
    }
    const rule = ruleOf(finding.rule);
    changes.set(key, {
      class: rule.class,
      rule: finding.rule,
      message: finding.message,
      explanation: rule.explanation,
      base: finding.base,
      head: finding.head,
      where: [finding.where],
    });
  }
  const sorted = [...changes.values()].sort(
    (a, b) =>
      Number(a.class !== "breaking") - Number(b.class !== "breaking") ||
      ruleOrder(a.rule) - ruleOrder(b.rule) ||
      a.base.localeCompare(b.base) ||
      a.head.localeCompare(b.head),
  );
  const breaking = sorted.filter((change) => change.class === "breaking").length;
  return { breaking, compatible: sorted.length - breaking, changes: sorted };
}
