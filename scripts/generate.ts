/**
 * `npm run generate` writes everything in generated/ from openapi.yaml; `npm run generate:check`
 * (`--check`) writes nothing and fails when a committed file differs from what it would write.
 *
 * - generated/schema.d.ts: the TypeScript types (openapi-typescript).
 * - generated/openapi.json: the contract as JSON, so the mock and `verify` need no YAML parser.
 * - generated/contract.ts: the facts the code needs at run time (media type, statuses, bounds,
 *   defaults), read out of the spec so that no second hand-kept copy exists anywhere.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { parse } from "yaml";
import openapiTS, { astToString } from "openapi-typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const specPath = path.join(root, "openapi.yaml");

type Json = Record<string, any>;

const HEADER = "// Generated from openapi.yaml by `npm run generate`. Do not edit by hand.\n";

/** Follows a local `#/...` reference inside the spec. */
function deref(spec: Json, node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((at: Json, key: string) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return current;
}

/** The `const` a per-status error schema pins `code` to (allOf: [Error, {properties: {code: {const}}}]). */
function errorCodeOf(spec: Json, response: Json): string {
  const schema = deref(spec, Object.values(deref(spec, response).content)[0] as Json).schema;
  for (const part of schema.allOf ?? []) {
    const code = deref(spec, part).properties?.code?.const;
    if (code) return code;
  }
  throw new Error(`an error response has no pinned code: ${JSON.stringify(response)}`);
}

/** For a list operation, the name of the array of items in its page envelope (`users`, `messages`); null otherwise. */
function listKeyOf(spec: Json, op: Json): string | null {
  const success = deref(spec, op.responses["200"]);
  const schema = deref(spec, (Object.values(success.content)[0] as Json).schema);
  for (const part of schema.allOf ?? []) {
    for (const [name, property] of Object.entries<Json>(deref(spec, part).properties ?? {})) {
      if (property.type === "array") return name;
    }
  }
  return null;
}

export function contractFacts(spec: Json) {
  const mediaTypes = new Set<string>();
  const operations: Json[] = [];
  const errors: Record<string, { code: string; message: string; retryAfter: boolean }> = {};
  for (const [route, item] of Object.entries<Json>(spec.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const params = (op.parameters ?? []).map((p: Json) => deref(spec, p));
      const statuses = Object.keys(op.responses).map(Number).sort((a, b) => a - b);
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
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path: route,
        pathParams: params.filter((p: Json) => p.in === "path").map((p: Json) => p.name),
        queryParams: params.filter((p: Json) => p.in === "query").map((p: Json) => p.name),
        statuses,
        listKey: listKeyOf(spec, op),
      });
    }
  }
  if (mediaTypes.size !== 1) throw new Error(`expected one media type in the spec, found ${[...mediaTypes].join(", ")}`);
  const bounds = (schema: Json) => ({ minimum: schema.minimum, maximum: schema.maximum, ...(schema.default !== undefined && { default: schema.default }) });
  const parameters = spec.components.parameters;
  return {
    title: spec.info.title,
    version: spec.info.version,
    mediaType: [...mediaTypes][0],
    servers: spec.servers.map((s: Json) => s.url),
    operations,
    errors,
    // Small facts of their own, so the client bundle need not carry the error table's messages.
    errorStatuses: Object.keys(errors).map(Number),
    retryAfterStatuses: Object.entries(errors).filter(([, error]) => error.retryAfter).map(([status]) => Number(status)),
    // The values the spec gives its WWW-Authenticate (401) and Allow (405) headers.
    responseHeaders: {
      wwwAuthenticate: spec.components.headers.WWWAuthenticate.example,
      allow: spec.components.headers.Allow.schema.const,
    },
    bounds: {
      offset: bounds(parameters.offset.schema),
      limit: bounds(parameters.limit.schema),
      id: bounds(spec.components.schemas.Id),
    },
  };
}

async function render(): Promise<Record<string, string>> {
  const source = readFileSync(specPath, "utf8");
  const spec = parse(source);
  // openapi-typescript adds discriminator properties to the object it is given: hand it a copy.
  const types = astToString(await openapiTS(structuredClone(spec), { alphabetize: false }));
  const facts = contractFacts(spec);
  // Named exports, one per fact, so a bundler keeps only what a module uses (the client needs few).
  const contract =
    HEADER +
    "// The facts about the API that code needs at run time. Types vanish at run time; these do not.\n\n" +
    Object.entries(facts)
      .map(([name, value]) => `export const ${name} = ${JSON.stringify(value, null, 2)} as const;\n`)
      .join("\n");
  return {
    "generated/schema.d.ts": HEADER + types,
    "generated/openapi.json": JSON.stringify(spec, null, 2) + "\n",
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
    console.error(`generate:check: stale generated files: ${stale.join(", ")}\nopenapi.yaml changed since they were written. Run \`npm run generate\` and commit the result.`);
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
