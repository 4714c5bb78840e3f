/**
 * The request a code sample makes for one operation, taken from the contract: its path and the media type
 * from generated/contract.ts, the auth scheme and the parameters' example values from the spec document.
 * The templates in samples.ts only arrange these facts; none of them is typed there.
 */
import { mediaType, type operations, servers } from "../contract/facts.js";
import { isObject, type Json } from "../shared/json.js";
import { fillPath } from "../shared/path-template.js";
import { deref } from "../shared/pointer.js";

export type ContractOperation = (typeof operations)[number];
export type OperationId = ContractOperation["operationId"];

export interface SampleParameter {
  name: string;
  value: number | string;
}

export interface SampleRequest {
  operation: ContractOperation;
  /** The first server of the contract, the production API, as the reference's samples call it. */
  baseUrl: string;
  /** `Bearer`, as the spec's security scheme names it, in the letter case of RFC 6750. */
  authScheme: string;
  mediaType: string;
  /** The path parameters, in the order they appear in the path. */
  pathParameters: SampleParameter[];
  query: SampleParameter[];
}

/** Follows local `$ref`s with the repository's one pointer helper. */
const resolve = (document: Json, node: unknown): unknown => deref(document, node);

function exampleOf(document: Json, parameter: Json, where: string): number | string {
  const schema = resolve(document, parameter.schema);
  const named = isObject(parameter.examples)
    ? Object.values(parameter.examples).map((each) => resolve(document, each))
    : [];
  const candidates = [
    parameter.example,
    ...named.map((example) => (isObject(example) ? example.value : undefined)),
    ...(isObject(schema) && Array.isArray(schema.examples) ? schema.examples : []),
  ];
  const value = candidates.find(
    (each): each is number | string => typeof each === "number" || typeof each === "string",
  );
  if (value === undefined) {
    throw new Error(`${where} has no example value for the code samples: give it an \`example:\` in openapi.yaml`);
  }
  return value;
}

/** The spec's operation object for a contract operation; throws when generated/ and the spec disagree. */
export function specOperation(document: Json, operation: ContractOperation): Json {
  const paths = isObject(document.paths) ? document.paths : {};
  const item = resolve(document, paths[operation.path]);
  const found = isObject(item) ? item[operation.method.toLowerCase()] : undefined;
  if (!isObject(found) || found.operationId !== operation.operationId) {
    throw new Error(
      `the spec has no ${operation.method} ${operation.path} (${operation.operationId}) although ` +
        "generated/contract.ts lists it: run `npm run generate` after changing openapi.yaml",
    );
  }
  return found;
}

function authSchemeOf(document: Json): string {
  const requirement = Array.isArray(document.security) ? document.security[0] : undefined;
  const name = isObject(requirement) ? Object.keys(requirement)[0] : undefined;
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const scheme = name === undefined ? undefined : resolve(document, schemes[name]);
  if (
    !isObject(scheme) ||
    scheme.type !== "http" ||
    typeof scheme.scheme !== "string" ||
    scheme.scheme.toLowerCase() !== "bearer"
  ) {
    throw new Error(
      "the code samples know how to send an HTTP Bearer secret only; the spec's first security requirement is not one",
    );
  }
  return "Bearer";
}

/** The request each code sample of `operation` makes, with the example values from the spec `document`. */
export function sampleRequest(document: Json, operation: ContractOperation): SampleRequest {
  const found = specOperation(document, operation);
  const pathItem = resolve(document, (document.paths as Json)[operation.path]) as Json;
  const declared = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(found.parameters) ? found.parameters : []),
  ].map((parameter) => resolve(document, parameter));
  const parameter = (name: string, location: "path" | "query"): SampleParameter => {
    // An operation's own parameter overrides the path item's one of the same name and location, as in OpenAPI.
    const match = declared
      .filter((each): each is Json => isObject(each) && each.name === name && each.in === location)
      .at(-1);
    const where = `the ${location} parameter ${name} of ${operation.operationId}`;
    if (!match)
      throw new Error(`${where} is missing from the spec: run \`npm run generate\` after changing openapi.yaml`);
    return { name, value: exampleOf(document, match, where) };
  };
  const baseUrl = servers[0];
  return {
    operation,
    baseUrl,
    authScheme: authSchemeOf(document),
    mediaType,
    pathParameters: operation.pathParams.map(({ name }) => parameter(name, "path")),
    query: operation.queryParams.map((name) => parameter(name, "query")),
  };
}

/** The path with the example values in place: `/users/123/messages/1234`. */
export function concretePath(request: SampleRequest): string {
  return fillPath(request.operation.path, Object.fromEntries(request.pathParameters.map((p) => [p.name, p.value])));
}

/** `?offset=0&limit=50`, or nothing for an operation without query parameters. */
export function queryString(request: SampleRequest): string {
  if (request.query.length === 0) return "";
  return `?${new URLSearchParams(request.query.map(({ name, value }) => [name, String(value)])).toString()}`;
}
