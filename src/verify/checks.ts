/**
 * The contract checks, all derived from openapi.yaml: adding an operation, a parameter bound or a
 * documented status to the spec adds its checks. Each check sends requests through the session and
 * returns findings: what was sent, what came back, the part at fault and the rule it broke.
 */
import fc from "fast-check";
import * as contract from "../../generated/contract.js";
import spec from "../../generated/openapi.json" with { type: "json" };
import { isVendorType, type Exchange, type Session } from "./http.js";
import type { Resource } from "../contract/facts.js";
import { deref, resolvePointer } from "../contract/pointer.js";
import { createSchemaValidator, responseSchemaPointer } from "../contract/schema-validator.js";

export interface Finding {
  message: string;
  exchange?: Exchange;
  /** Where in the response body, as a JSON pointer. */
  instancePath?: string;
  /** The value found there, shortened. */
  excerpt?: string;
  /** The rule broken: a JSON pointer into openapi.yaml, and the schema keyword. */
  specPointer?: string;
  keyword?: string;
}

export interface CheckContext {
  session: Session;
  /** Known record ids by resource (`users`, `messages`), discovered or given. */
  ids: Partial<Record<Resource, number>>;
  probeMethods: boolean;
  seed: number;
  generatedRuns: number;
  maxWalkPages: number;
}

export interface Check {
  id: string;
  title: string;
  /** Findings; `null` with a reason when the check cannot run here. */
  run(context: CheckContext): Promise<Finding[] | { notRun: string }>;
}

type Operation = (typeof contract.operations)[number];
type Json = Record<string, any>;

const validator = createSchemaValidator();
const MAX_ID = contract.bounds.id.maximum;

function fillPath(operation: Operation, ids: Partial<Record<Resource, number>>, overrides: Record<string, string | number> = {}): string | { missing: Resource } {
  let path: string = operation.path;
  for (const { name, resource } of operation.pathParams) {
    const value = overrides[name] ?? ids[resource];
    if (value === undefined) return { missing: resource };
    path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  return path;
}

function parameterSchema(operation: Operation, name: string): Json {
  const item = (spec.paths as Json)[operation.path].get;
  for (const raw of item.parameters) {
    const parameter = deref(spec, raw);
    if (parameter.name === name) return deref(spec, parameter.schema);
  }
  throw new Error(`${operation.operationId} has no parameter ${name}`);
}

function excerpt(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}


/**
 * Whether an exchange is what the spec promises for this status: that status, the vendor content
 * type, the response's required headers, and a body valid against the status's schema.
 */
export function expectStatus(exchange: Exchange, operation: Operation, status: number, what: string): Finding[] {
  const response = exchange.response;
  if (!response) return [{ message: `${what}: no response (${exchange.error})`, exchange }];
  if (response.status !== status) {
    return [{ message: `${what}: expected status ${status}, got ${response.status}`, exchange, excerpt: response.text.slice(0, 200) }];
  }
  return conforms(exchange, operation);
}

/** Whether a response is one the spec declares for the operation, in the declared shape. */
export function conforms(exchange: Exchange, operation: Operation): Finding[] {
  const response = exchange.response!;
  const findings: Finding[] = [];
  if (response.status >= 500 && !(operation.statuses as readonly number[]).includes(response.status)) findings.push({ message: `server error ${response.status}`, exchange });
  const pointer = responseSchemaPointer(spec, operation.path, "get", response.status);
  if (!pointer) return [...findings, { message: `status ${response.status} is not declared for GET ${operation.path} (declared: ${operation.statuses.join(", ")})`, exchange, excerpt: response.text.slice(0, 200) }];
  if (!isVendorType(response.contentType)) {
    findings.push({ message: `Content-Type is "${response.contentType}", not ${contract.mediaType}`, exchange, specPointer: `${pointer.replace(/\/schema$/, "")}`, keyword: "content" });
  }
  const declared = (responseObject(operation, response.status).headers ?? {}) as Json;
  for (const [name, header] of Object.entries(declared)) {
    const required = deref(spec, header).required;
    if (required && response.headers[name.toLowerCase()] === undefined) findings.push({ message: `the required ${name} header is missing`, exchange, specPointer: `${pointer.replace(/\/content\/.*$/, "")}/headers/${name}`, keyword: "required" });
  }
  if (response.json === undefined) {
    findings.push({ message: "the body is not JSON", exchange, excerpt: response.text.slice(0, 200) });
    return findings;
  }
  for (const violation of validator.validate(pointer, response.json)) {
    findings.push({ message: `the body ${violation.message}`, exchange, instancePath: violation.instancePath, excerpt: excerpt(resolvePointer(response.json, violation.instancePath)), specPointer: violation.specPointer, keyword: violation.keyword });
  }
  return findings;
}

function responseObject(operation: Operation, status: number): Json {
  const raw = (spec.paths as Json)[operation.path].get.responses[String(status)];
  return deref(spec, raw);
}

function query(values: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(values).filter(([, value]) => value !== undefined);
  return pairs.length ? `?${pairs.map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`).join("&")}` : "";
}

/** Runs a request against an operation whose path needs known ids; not run when one is unknown. */
async function withPath(context: CheckContext, operation: Operation, run: (path: string) => Promise<Finding[]>, overrides: Record<string, string | number> = {}): Promise<Finding[] | { notRun: string }> {
  const path = fillPath(operation, context.ids, overrides);
  if (typeof path !== "string") return { notRun: `no ${path.missing} was found to check with; pass --${path.missing}-id` };
  return run(path);
}

function successCheck(operation: Operation): Check {
  return {
    id: `success/${operation.operationId}`,
    title: `GET ${operation.path} answers 200 with a body valid against its schema`,
    run: (context) => withPath(context, operation, async (path) => expectStatus(await context.session.send(path), operation, 200, `GET ${path}`)),
  };
}

function paginationChecks(operation: Operation): Check[] {
  const listKey = operation.listKey!;
  const items = (body: unknown): Json[] => ((body as Json)?.[listKey] as Json[]) ?? [];
  const limitBounds = contract.bounds.limit;
  return [
    {
      id: `pagination/${operation.operationId}/echo`,
      title: "limit and offset are echoed (the defaults when not sent), and a page holds at most limit items",
      run: (context) =>
        withPath(context, operation, async (path) => {
          const findings: Finding[] = [];
          for (const [sent, expected] of [
            [{}, { limit: limitBounds.default, offset: contract.bounds.offset.default }],
            [{ offset: 1, limit: 2 }, { offset: 1, limit: 2 }],
          ] as const) {
            const exchange = await context.session.send(path + query(sent));
            const problems = expectStatus(exchange, operation, 200, `GET ${path}${query(sent)}`);
            findings.push(...problems);
            if (problems.length) continue;
            const body = exchange.response!.json as Json;
            for (const [name, value] of Object.entries(expected)) {
              if (body[name] !== value) findings.push({ message: `${name} should be ${value}, got ${JSON.stringify(body[name])}`, exchange, instancePath: `/${name}`, excerpt: excerpt(body[name]) });
            }
            if (items(body).length > expected.limit) findings.push({ message: `the page has ${items(body).length} items for limit ${expected.limit}`, exchange, instancePath: `/${listKey}` });
          }
          return findings;
        }),
    },
    {
      id: `pagination/${operation.operationId}/walk`,
      title: "a walk over every page: total consistent, pages no longer than limit, no id twice",
      run: (context) =>
        withPath(context, operation, async (path) => {
          const findings: Finding[] = [];
          const seen = new Map<number, number>();
          let total: number | undefined;
          let count = 0;
          const limit = limitBounds.maximum;
          for (let page = 0, offset = 0; page < context.maxWalkPages; page++, offset += limit) {
            const exchange = await context.session.send(path + query({ offset, limit }));
            const problems = expectStatus(exchange, operation, 200, `GET ${path}${query({ offset, limit })}`);
            if (problems.length) return [...findings, ...problems];
            const body = exchange.response!.json as Json;
            if (total !== undefined && body.total !== total) findings.push({ message: `total changed from ${total} to ${body.total} between pages`, exchange, instancePath: "/total", excerpt: excerpt(body.total) });
            total ??= body.total as number;
            const pageItems = items(body);
            if (pageItems.length > limit) findings.push({ message: `the page at offset ${offset} has ${pageItems.length} items for limit ${limit}`, exchange, instancePath: `/${listKey}` });
            pageItems.forEach((item, index) => {
              if (seen.has(item.id)) findings.push({ message: `id ${item.id} at offset ${offset + index} was already seen at offset ${seen.get(item.id)}`, exchange, instancePath: `/${listKey}/${index}/id`, excerpt: excerpt(item.id) });
              else seen.set(item.id, offset + index);
            });
            count += pageItems.length;
            if (pageItems.length === 0 || offset + limit >= (total ?? 0)) {
              if (count !== total && findings.length === 0) findings.push({ message: `the walk found ${count} records but total says ${total}`, exchange, instancePath: "/total" });
              return findings;
            }
          }
          return findings; // bounded: the first maxWalkPages pages were checked
        }),
    },
    {
      id: `pagination/${operation.operationId}/beyond-total`,
      title: "an offset at or past total gives an empty page (the documented behaviour), not an error",
      run: (context) =>
        withPath(context, operation, async (path) => {
          const first = await context.session.send(path + query({ limit: 1 }));
          const problems = expectStatus(first, operation, 200, `GET ${path}?limit=1`);
          if (problems.length) return problems;
          const total = (first.response!.json as Json).total as number;
          const offset = Math.min(total, contract.bounds.offset.maximum);
          const exchange = await context.session.send(path + query({ offset }));
          const findings = expectStatus(exchange, operation, 200, `GET ${path}${query({ offset })}`);
          if (!findings.length && items(exchange.response!.json).length !== 0) findings.push({ message: `offset ${offset} (= total) should give an empty page, got ${items(exchange.response!.json).length} items`, exchange, instancePath: `/${listKey}` });
          return findings;
        }),
    },
  ];
}

function errorChecks(operation: Operation): Check[] {
  const declares = (status: number) => (operation.statuses as readonly number[]).includes(status);
  const checks: Check[] = [];
  const single = (id: string, title: string, status: number, send: (context: CheckContext, path: string) => Promise<Exchange>, overrides?: Record<string, string | number>): Check => ({
    id: `errors/${operation.operationId}/${id}`,
    title,
    run: (context) => withPath(context, operation, async (path) => {
      const exchange = await send(context, path);
      return expectStatus(exchange, operation, status, `${exchange.request.method} ${path}`);
    }, overrides),
  });
  if (declares(401)) {
    checks.push(single("401-missing", "401 without the Authorization header", 401, (context, path) => context.session.send(path, { authorization: null })));
    checks.push(single("401-wrong", "401 with a wrong secret", 401, (context, path) => context.session.send(path, { authorization: "Bearer signalzen-verify-wrong-secret" })));
  }
  if (declares(406)) {
    checks.push(single("406-missing", "406 without the vendor Accept (fetch sends */*)", 406, (context, path) => context.session.send(path, { accept: null })));
    checks.push(single("406-json", "406 for Accept: application/json", 406, (context, path) => context.session.send(path, { accept: "application/json" })));
  }
  if (declares(400)) {
    for (const name of operation.queryParams) {
      const schema = parameterSchema(operation, name);
      const invalid: [string, string | number][] = [];
      if (schema.minimum !== undefined) invalid.push([`below-minimum`, schema.minimum - 1]);
      if (schema.maximum !== undefined) invalid.push([`above-maximum`, schema.maximum + 1]);
      if (schema.type === "integer") invalid.push(["not-an-integer", "abc"]);
      for (const [kind, value] of invalid) {
        checks.push(single(`400-${name}-${kind}`, `400 for ${name}=${value}`, 400, (context, path) => context.session.send(path + query({ [name]: value }))));
      }
    }
  }
  if (declares(404)) {
    for (const { name: parameter, resource } of operation.pathParams) {
      checks.push(single(`404-unknown-${parameter}`, `404 for an unknown ${resource} (${parameter}=${MAX_ID})`, 404, (context, path) => context.session.send(path), { [parameter]: MAX_ID }));
    }
  }
  if (declares(405)) {
    checks.push({
      id: `errors/${operation.operationId}/405-post`,
      title: "405 with Allow: GET for POST (sent only with --probe-methods)",
      run: (context) => {
        if (!context.probeMethods) return Promise.resolve({ notRun: "sends a POST: pass --probe-methods to run it (verify otherwise sends only GET)" });
        return withPath(context, operation, async (path) => {
          const exchange = await context.session.send(path, {}, "POST");
          const findings = expectStatus(exchange, operation, 405, `POST ${path}`);
          if (!findings.length && !/\bGET\b/.test(exchange.response!.headers.allow ?? "")) findings.push({ message: `Allow should name GET, got "${exchange.response!.headers.allow ?? ""}"`, exchange });
          return findings;
        });
      },
    });
  }
  return checks;
}

/** A seeded, bounded property-based run: valid and invalid parameter values; no 5xx, and every answer as the spec says. */
function generatedCheck(operation: Operation): Check {
  return {
    id: `generated/${operation.operationId}`,
    title: "seeded generated requests with valid and invalid parameters: never 5xx, always a declared status in the declared shape (400 for invalid input)",
    run: async (context) => {
      const valueFor = (schema: Json, known: number | undefined) =>
        fc.oneof(
          fc.integer({ min: schema.minimum, max: Math.min(schema.maximum, schema.minimum + 200) }).map((value) => ({ value: String(value), valid: true })),
          fc.constantFrom(schema.minimum, schema.maximum, ...(known !== undefined ? [known] : [])).map((value) => ({ value: String(value), valid: true })),
          fc.constantFrom(String(schema.minimum - 1), String(schema.maximum + 1), "abc", "1.5").map((value) => ({ value, valid: false })),
        );
      const pathArbitraries = Object.fromEntries(operation.pathParams.map(({ name, resource }) => [name, valueFor(parameterSchema(operation, name), context.ids[resource])]));
      const queryArbitraries = Object.fromEntries(operation.queryParams.map((name) => [name, fc.option(valueFor(parameterSchema(operation, name), undefined), { nil: undefined })]));
      const samples = fc.sample(fc.record({ path: fc.record(pathArbitraries), query: fc.record(queryArbitraries) }), { seed: context.seed, numRuns: context.generatedRuns });
      const findings: Finding[] = [];
      for (const sample of samples) {
        let path: string = operation.path;
        for (const [name, choice] of Object.entries(sample.path)) path = path.replace(`{${name}}`, encodeURIComponent(choice.value));
        const queryValues = Object.fromEntries(Object.entries(sample.query).filter(([, choice]) => choice !== undefined).map(([name, choice]) => [name, choice!.value]));
        const valid = [...Object.values(sample.path), ...Object.values(sample.query)].every((choice) => choice === undefined || choice.valid);
        const exchange = await context.session.send(path + query(queryValues));
        if (!exchange.response) {
          findings.push({ message: `no response (${exchange.error})`, exchange });
          continue;
        }
        const status = exchange.response.status;
        const expected = valid ? (operation.pathParams.length ? [200, 404] : [200]) : [400];
        if (!expected.includes(status)) findings.push({ message: `${valid ? "valid" : "invalid"} parameters should give ${expected.join(" or ")}, got ${status}`, exchange, excerpt: exchange.response.text.slice(0, 200) });
        else findings.push(...conforms(exchange, operation));
      }
      return findings;
    },
  };
}

/** Every check, in the order they run. */
export function allChecks(): Check[] {
  const operations = contract.operations;
  return [
    ...operations.map(successCheck),
    ...operations.filter((operation) => operation.listKey).flatMap(paginationChecks),
    ...operations.flatMap(errorChecks),
    ...operations.map(generatedCheck),
  ];
}

/** Finds one record id of each resource from the list endpoints, unless given. */
export async function discoverIds(session: Session, given: Partial<Record<Resource, number>>): Promise<Partial<Record<Resource, number>>> {
  const ids = { ...given };
  const lists = contract.operations.filter((operation) => operation.listKey).sort((a, b) => a.pathParams.length - b.pathParams.length);
  for (const operation of lists) {
    const resource = operation.resource;
    if (ids[resource] !== undefined) continue;
    const path = fillPath(operation, ids);
    if (typeof path !== "string") continue;
    const exchange = await session.send(`${path}?limit=1`);
    const first = ((exchange.response?.json as Json | undefined)?.[operation.listKey!] as Json[] | undefined)?.[0];
    if (typeof first?.id === "number") ids[resource] = first.id;
  }
  return ids;
}
