/**
 * `npm run generate` writes everything in generated/ from openapi.yaml; `npm run generate:check`
 * (`--check`) writes nothing and fails when a committed file differs from what it would write.
 *
 * - generated/schema.d.ts: the TypeScript types (openapi-typescript).
 * - generated/openapi.json: the contract as JSON, so the mock and `verify` need no YAML parser.
 * - generated/contract.ts: the facts the code needs at run time (media type, statuses, bounds,
 *   defaults), read out of the spec so that no second hand-kept copy exists anywhere.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import type { BoundsFact, ErrorFact, OperationFact, PathParamFact, Resource } from "../src/contract/fact-types.js";
import type { Json } from "../src/shared/json.js";
import { deref, schemaNameOf } from "../src/shared/pointer.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const specPath = path.join(root, "openapi.yaml");

const HEADER = "// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.\n";

/** The `const` a per-status error schema pins `code` to (allOf: [Error, {properties: {code: {const}}}]). */
function errorCodeOf(spec: Json, response: Json): string {
  const schema = deref(spec, Object.values(deref(spec, response).content)[0] as Json).schema;
  for (const part of schema.allOf ?? []) {
    const code = deref(spec, part).properties?.code?.const;
    if (code) return code;
  }
  throw new Error(`an error response has no pinned code: ${JSON.stringify(response)}`);
}

/** The page envelope's array (`users`, `messages`) and its item schema, for a list operation's 200 schema. */
function listOf(spec: Json, schema: Json): { listKey: string; items: Json } | undefined {
  for (const part of deref(spec, schema).allOf ?? []) {
    for (const [name, property] of Object.entries<Json>(deref(spec, part).properties ?? {})) {
      if (property.type === "array") return { listKey: name, items: property.items };
    }
  }
  return undefined;
}

/** The resource a record schema stands for: `#/components/schemas/User` is a "user". */
function resourceOfSchema(schema: Json, where: string): Resource {
  const name = schemaNameOf(schema)?.toLowerCase();
  if (name !== "user" && name !== "message")
    throw new Error(`${where}: expected a User or Message schema, got ${JSON.stringify(schema)}`);
  return name;
}

/** A path template with its parameter names blanked, so `/users/{id}` and `/users/{user_id}` compare equal. */
const pathShape = (template: string) => template.replace(/\{[^}]+\}/g, "{}");

export function contractFacts(spec: Json) {
  const mediaTypes = new Set<string>();
  const operations: OperationFact[] = [];
  const errors: Record<string, ErrorFact> = {};
  for (const [route, item] of Object.entries<Json>(spec.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const params = (op.parameters ?? []).map((p: Json) => deref(spec, p));
      const statuses = Object.keys(op.responses)
        .map(Number)
        .sort((a, b) => a - b);
      for (const [status, raw] of Object.entries<Json>(op.responses)) {
        const response = deref(spec, raw);
        for (const type of Object.keys(response.content ?? {})) mediaTypes.add(type);
        if (Number(status) >= 400) {
          const media = Object.values<Json>(response.content)[0]!;
          const example = Object.values<Json>(media.examples)[0]!;
          errors[status] = {
            code: errorCodeOf(spec, raw),
            message: deref(spec, example).value.message,
            retryAfter: Boolean(response.headers?.["Retry-After"]),
          };
        }
      }
      const success = (Object.values(deref(spec, op.responses["200"]).content)[0] as Json).schema;
      const list = listOf(spec, success);
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase() as "GET",
        path: route,
        // Resolved below, once every operation's resource is known.
        pathParams: params.filter((p: Json) => p.in === "path").map((p: Json) => ({ name: p.name, resource: "user" })),
        queryParams: params.filter((p: Json) => p.in === "query").map((p: Json) => p.name),
        statuses,
        resource: resourceOfSchema(list ? list.items : success, `${op.operationId} 200`),
        listKey: list?.listKey ?? null,
      });
    }
  }
  // A path parameter names the record of the single-record operation whose path ends at it:
  // `user_id` in /users/{user_id}/messages is what GET /users/{id} answers with.
  for (const operation of operations) {
    for (const parameter of operation.pathParams as PathParamFact[]) {
      const prefix = operation.path.slice(0, operation.path.indexOf(`{${parameter.name}}`) + parameter.name.length + 2);
      const owner = operations.find((other) => !other.listKey && pathShape(other.path) === pathShape(prefix));
      if (!owner)
        throw new Error(
          `${operation.operationId}: no operation answers ${prefix}, so {${parameter.name}} names nothing`,
        );
      parameter.resource = owner.resource;
    }
  }
  if (mediaTypes.size !== 1)
    throw new Error(`expected one media type in the spec, found ${[...mediaTypes].join(", ")}`);
  const bounds = (schema: Json): BoundsFact => ({
    minimum: schema.minimum,
    ...(schema.maximum !== undefined && { maximum: schema.maximum }),
    ...(schema.default !== undefined && { default: schema.default }),
  });
  const parameters = spec.components.parameters;
  return {
    version: spec.info.version,
    mediaType: [...mediaTypes][0],
    servers: spec.servers.map((s: Json) => s.url),
    operations,
    errors,
    // Small facts of their own, so the client bundle need not carry the error table's messages.
    errorStatuses: Object.keys(errors).map(Number),
    retryAfterStatuses: Object.entries(errors)
      .filter(([, error]) => error.retryAfter)
      .map(([status]) => Number(status)),
    // The values the spec gives its WWW-Authenticate (401), Allow (405) and Retry-After (429, 503) headers.
    responseHeaders: {
      wwwAuthenticate: spec.components.headers.WWWAuthenticate.example,
      allow: spec.components.headers.Allow.schema.const,
      retryAfter: spec.components.headers.RetryAfter.example,
    },
    // Each operation's named 200 examples, for `Prefer: example=NAME` in both mock hosts (the client never imports it).
    successExamples: Object.fromEntries(
      operations.map((operation) => {
        const op = spec.paths[operation.path][operation.method.toLowerCase()];
        const media = Object.values<Json>(deref(spec, op.responses["200"]).content)[0]!;
        const named = Object.entries<Json>(media.examples ?? {}).map(([name, example]) => [
          name,
          deref(spec, example).value,
        ]);
        return [operation.operationId, Object.fromEntries(named)];
      }),
    ),
    bounds: {
      offset: bounds(parameters.offset.schema),
      limit: bounds(parameters.limit.schema),
      id: bounds(spec.components.schemas.Id),
    },
  };
}

/** The declared type each fact `satisfies` in generated/contract.ts (src/contract/fact-types.ts). */
const FACT_TYPES: Record<keyof ReturnType<typeof contractFacts>, string> = {
  version: "string",
  mediaType: "string",
  servers: "readonly string[]",
  operations: "readonly OperationFact[]",
  errors: "Readonly<Record<string, ErrorFact>>",
  errorStatuses: "readonly number[]",
  retryAfterStatuses: "readonly number[]",
  responseHeaders: "{ wwwAuthenticate: string; allow: string; retryAfter: string }",
  successExamples: "Readonly<Record<string, Readonly<Record<string, unknown>>>>",
  bounds: 'Record<"offset" | "limit" | "id", BoundsFact>',
};

async function render(): Promise<Record<string, string>> {
  const source = readFileSync(specPath, "utf8");
  const spec = parse(source);
  // openapi-typescript adds discriminator properties to the object it is given: hand it a copy.
  const types = astToString(await openapiTS(structuredClone(spec), { alphabetize: false }));
  const facts = contractFacts(spec);
  // Named exports, one per fact, so a bundler keeps only what a module uses (the client needs few).
  const contract =
    HEADER +
    "// The facts about the API that code needs at run time. Types vanish at run time; these do not.\n" +
    'import type { BoundsFact, ErrorFact, OperationFact } from "../src/contract/fact-types.js";\n\n' +
    Object.entries(facts)
      .map(([name, value]) => {
        const type = FACT_TYPES[name as keyof typeof FACT_TYPES];
        return `export const ${name} = ${JSON.stringify(value, null, 2)} as const satisfies ${type};\n`;
      })
      .join("\n");
  return {
    "generated/schema.d.ts": HEADER + types,
    "generated/openapi.json": `${JSON.stringify(spec, null, 2)}\n`,
    "generated/contract.ts": contract,
  };
}

async function main() {
  const check = process.argv.includes("--check");
  const files = await render();
  const stale: string[] = [];
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    let current: string | null = null;
    try {
      current = readFileSync(target, "utf8");
    } catch {
      current = null;
    }
    if (current === content) continue;
    if (check) stale.push(relative);
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
      console.log(`wrote ${relative}`);
    }
  }
  if (check && stale.length) {
    console.error(
      `generate:check: stale generated files: ${stale.join(", ")}\n` +
        "openapi.yaml changed since they were written. Run `npm run generate` and commit the result.",
    );
    process.exit(1);
  }
  console.log(check ? "generate:check: generated/ matches openapi.yaml" : "generated/ is up to date with openapi.yaml");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(`generate: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
