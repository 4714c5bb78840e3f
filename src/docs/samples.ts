/**
 * The code samples on every operation of the docs page: one template per language, filled from the contract
 * when the docs are built (never written into openapi.yaml). Each template writes the request the published
 * reference shows for the operation: the same URL, `Authorization: Bearer YOUR_API_SECRET` and the vendor
 * `Accept` header. The tests run every sample against the mock.
 */

import { operations, resourceOfParam } from "../contract/facts.js";
import {
  concretePath,
  type OperationId,
  queryString,
  type SampleParameter,
  type SampleRequest,
  sampleRequest,
  specOperation,
} from "./sample-request.js";

/** The placeholder the reference's samples use; readers replace it with their secret. */
const SECRET_PLACEHOLDER = "YOUR_API_SECRET";
/** The package the TypeScript sample imports the client from. */
export const CLIENT_PACKAGE = "@signalzen/api";

/** One `x-codeSamples` entry, as Redoc reads it. */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

interface SampleLanguage {
  /** The tab's title, which redocly.yaml's `openapi.codeSamples.languages` must list in this order. */
  label: string;
  /** What Redoc highlights the source as. */
  lang: string;
  render(request: SampleRequest): string;
}

/** The reference's Ruby names a path's `{id}` after its resource: `/users/{id}` has `user_id`. */
function rubyVariable(request: SampleRequest, name: string): string {
  if (name !== "id") return name;
  return `${resourceOfParam(request.operation, name)}_id`;
}

function rubyLiteral(value: number | string): string {
  return typeof value === "number" ? String(value) : `'${value.replace(/['\\]/g, "\\$&")}'`;
}

function jsLiteral(value: number | string): string {
  return JSON.stringify(value);
}

function shell(request: SampleRequest): string {
  return [
    `curl "${request.baseUrl}${concretePath(request)}${queryString(request)}" \\`,
    `  -H "Authorization: ${request.authScheme} ${SECRET_PLACEHOLDER}" \\`,
    `  -H "Accept: ${request.mediaType}"`,
  ].join("\n");
}

/** In the reference's own style: variables for the secret and the ids, then `HTTParty.get` and `JSON.parse`. */
function ruby(request: SampleRequest): string {
  const variables = request.pathParameters.map(
    ({ name, value }) => `${rubyVariable(request, name)} = ${rubyLiteral(value)}`,
  );
  const path = request.pathParameters.reduce<string>(
    (path, { name }) => path.replace(`{${name}}`, `#{${rubyVariable(request, name)}}`),
    request.operation.path,
  );
  // Single quotes where nothing is interpolated, as the reference writes it.
  const url = path.includes("#{") ? `"${request.baseUrl}${path}"` : `'${request.baseUrl}${path}'`;
  const query =
    request.query.length === 0
      ? ""
      : `query: { ${request.query.map(({ name, value }) => `${name}: ${rubyLiteral(value)}`).join(", ")} }, `;
  const authorization = `'Authorization' => "${request.authScheme} #{api_secret}"`;
  const headers = `headers: { ${authorization}, 'Accept' => '${request.mediaType}' }`;
  return [
    "require 'httparty'",
    "",
    `api_secret = '${SECRET_PLACEHOLDER}'`,
    ...variables,
    "",
    `response = HTTParty.get(${url}, ${query}${headers})`,
    "",
    "result = JSON.parse(response.body)",
  ].join("\n");
}

/** How this package's client makes each operation's call, and the type it returns. */
const clientCalls: Record<OperationId, { call: string; resultType: string }> = {
  listUsers: { call: "users.list", resultType: "UserList" },
  getUser: { call: "users.get", resultType: "User" },
  listUserMessages: { call: "messages.list", resultType: "MessageList" },
  getUserMessage: { call: "messages.get", resultType: "Message" },
};

/** `page` for a list, else the record's own name (`user`, `message`). */
function resultVariable(request: SampleRequest): string {
  const { resultType } = clientCalls[request.operation.operationId];
  return request.operation.listKey ? "page" : resultType.charAt(0).toLowerCase() + resultType.slice(1);
}

function jsObject(parameters: SampleParameter[]): string {
  return `{ ${parameters.map(({ name, value }) => `${name}: ${jsLiteral(value)}`).join(", ")} }`;
}

/** This package's client: both headers are its job, the result is typed. */
function typescript(request: SampleRequest): string {
  const { call, resultType } = clientCalls[request.operation.operationId];
  const variable = resultVariable(request);
  const argumentsList = [
    ...request.pathParameters.map(({ value }) => jsLiteral(value)),
    ...(request.query.length === 0 ? [] : [jsObject(request.query)]),
  ].join(", ");
  return [
    `import { createSignalZenClient, type ${resultType} } from "${CLIENT_PACKAGE}";`,
    "",
    "const signalzen = createSignalZenClient({",
    `  apiSecret: "${SECRET_PLACEHOLDER}",`,
    `  baseUrl: "${request.baseUrl}",`,
    "});",
    "",
    `const ${variable}: ${resultType} = await signalzen.${call}(${argumentsList});`,
    `console.log(JSON.stringify(${variable}, null, 2));`,
  ].join("\n");
}

/** Plain `fetch`, for readers without the package: the two headers and the status check are theirs. */
function javascript(request: SampleRequest): string {
  const variable = resultVariable(request);
  return [
    `const apiSecret = "${SECRET_PLACEHOLDER}";`,
    "",
    `const response = await fetch("${request.baseUrl}${concretePath(request)}${queryString(request)}", {`,
    `  headers: { Authorization: \`${request.authScheme} \${apiSecret}\`, Accept: "${request.mediaType}" },`,
    "});",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this is the sample's own template literal, as written out
    "if (!response.ok) throw new Error(`SignalZen API answered ${response.status}: ${await response.text()}`);",
    `const ${variable} = await response.json();`,
    `console.log(JSON.stringify(${variable}, null, 2));`,
  ].join("\n");
}

/** The tabs, in the order the page shows them: the reference's two languages first. */
const sampleLanguages: readonly SampleLanguage[] = [
  { label: "Shell", lang: "curl", render: shell },
  { label: "Ruby", lang: "Ruby", render: ruby },
  { label: "TypeScript", lang: "TypeScript", render: typescript },
  { label: "JavaScript", lang: "JavaScript", render: javascript },
];

/** Every language's sample for one request, as `x-codeSamples` entries. */
export function codeSamples(request: SampleRequest): CodeSample[] {
  return sampleLanguages.map(({ label, lang, render }) => ({ lang, label, source: render(request) }));
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * A copy of the bundled spec `document` with `x-codeSamples` on every operation. openapi.yaml must not
 * carry samples of its own: they would be a second, hand-kept copy that nothing runs.
 */
export function withCodeSamples(document: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(document);
  const known = new Set<string>(operations.map((operation) => operation.operationId));
  for (const [path, item] of Object.entries(
    (copy.paths ?? {}) as Record<string, Record<string, { operationId?: string }>>,
  )) {
    for (const method of HTTP_METHODS) {
      const operationId = item[method]?.operationId;
      if (item[method] && (operationId === undefined || !known.has(operationId))) {
        throw new Error(
          `${method.toUpperCase()} ${path} is in the spec but not in generated/contract.ts: run \`npm run generate\``,
        );
      }
    }
  }
  for (const operation of operations) {
    const target = specOperation(copy, operation);
    if ("x-codeSamples" in target || "x-code-samples" in target) {
      throw new Error(
        `${operation.operationId} carries x-codeSamples in openapi.yaml: remove them; the docs build writes every ` +
          "operation's samples from the templates in src/docs/samples.ts",
      );
    }
    target["x-codeSamples"] = codeSamples(sampleRequest(copy, operation));
  }
  return copy;
}
