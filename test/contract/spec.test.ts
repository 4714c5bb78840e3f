/**
 * The contract itself: openapi.yaml describes everything the published reference says, and every
 * example in it is valid against its schema.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import spec from "../../generated/openapi.json" with { type: "json" };
import { createSchemaValidator } from "../../src/node/schema-validator.js";
import { deref as derefIn, escapePointer } from "../../src/shared/pointer.js";

type Json = Record<string, any>;
const document = spec as Json;
const validator = createSchemaValidator();
const referencePath = new URL("./fixtures/signalzen-api-v1.md", import.meta.url);
const reference = readFileSync(referencePath, "utf8");

const deref = (node: Json): Json => derefIn(document, node);
const escapeToken = escapePointer;

/** Every example in the document, with the pointer of the schema it must satisfy. */
function allExamples(): { where: string; schemaPointer: string; value: unknown }[] {
  const found: { where: string; schemaPointer: string; value: unknown }[] = [];
  for (const [route, item] of Object.entries<Json>(document.paths)) {
    for (const [method, operation] of Object.entries<Json>(item)) {
      for (const [status, rawResponse] of Object.entries<Json>(operation.responses)) {
        const responseBase = rawResponse.$ref ?? `#/paths/${escapeToken(route)}/${method}/responses/${status}`;
        for (const [mediaType, content] of Object.entries<Json>(deref(rawResponse).content ?? {})) {
          for (const [name, example] of Object.entries<Json>(content.examples ?? {})) {
            found.push({
              where: `${method.toUpperCase()} ${route} ${status} example "${name}"`,
              schemaPointer: `${responseBase}/content/${escapeToken(mediaType)}/schema`,
              value: deref(example).value,
            });
          }
        }
      }
      for (const [index, rawParameter] of (operation.parameters ?? []).entries()) {
        const parameter = deref(rawParameter);
        const base = rawParameter.$ref ?? `#/paths/${escapeToken(route)}/${method}/parameters/${index}`;
        if ("example" in parameter)
          found.push({
            where: `${route} parameter ${parameter.name}`,
            schemaPointer: `${base}/schema`,
            value: parameter.example,
          });
      }
    }
  }
  return found;
}

describe("examples", () => {
  const examples = allExamples();

  it("covers every response of every operation with at least one example", () => {
    for (const [route, item] of Object.entries<Json>(document.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        for (const status of Object.keys(operation.responses)) {
          const prefix = `${method.toUpperCase()} ${route} ${status} example`;
          expect(
            examples.some((example) => example.where.startsWith(prefix)),
            `${method} ${route} ${status}`,
          ).toBe(true);
        }
      }
    }
  });

  it.each(examples.map((example) => [example.where, example] as const))(
    "%s is valid against its schema",
    (_where, example) => {
      expect(validator.validate(example.schemaPointer, example.value)).toEqual([]);
    },
  );

  it("rejects an example that breaks its schema (the check can fail)", () => {
    const broken = structuredClone(document.components.examples.user.value);
    broken.email = "not an email";
    expect(validator.validate("#/components/schemas/User", broken)).toEqual([
      {
        instancePath: "/email",
        specPointer: "#/components/schemas/Email/format",
        keyword: "format",
        message: 'must match format "email"',
      },
      {
        instancePath: "/email",
        specPointer: "#/components/schemas/User/properties/email/oneOf/1/type",
        keyword: "type",
        message: "must be null",
      },
      {
        instancePath: "/email",
        specPointer: "#/components/schemas/User/properties/email/oneOf",
        keyword: "oneOf",
        message: "must match exactly one schema in oneOf",
      },
    ]);
  });
});

describe("the published reference is fully described", () => {
  it("uses the reference as published (the fixture matches shared/ where it is present)", () => {
    const shared = new URL("../../../shared/reference/signalzen-api-v1.md", import.meta.url);
    if (existsSync(shared)) expect(reference).toBe(readFileSync(shared, "utf8"));
    expect(reference).toContain("SignalZen API");
  });

  const publishedPaths = [...reference.matchAll(/GET https:\/\/api\.signalzen\.com\/external(\S+)/g)].map((match) =>
    match[1]!.replace("<USER_ID>", "{user_id}").replace("<ID>", "{id}"),
  );

  it("has every published path, and no other", () => {
    expect(publishedPaths).toEqual([
      "/users",
      "/users/{id}",
      "/users/{user_id}/messages",
      "/users/{user_id}/messages/{id}",
    ]);
    expect(Object.keys(document.paths).sort()).toEqual([...publishedPaths].sort());
    for (const route of publishedPaths) expect(Object.keys(document.paths[route]), route).toEqual(["get"]);
  });

  it("has the production server the reference calls", () => {
    expect(document.servers.map((server: Json) => server.url)).toEqual([
      "https://api.signalzen.com/external",
      "http://127.0.0.1:4010",
    ]);
  });

  it("names the four operations", () => {
    expect(
      contract.operations.map((operation) => `${operation.operationId} ${operation.method} ${operation.path}`),
    ).toEqual([
      "listUsers GET /users",
      "getUser GET /users/{id}",
      "listUserMessages GET /users/{user_id}/messages",
      "getUserMessage GET /users/{user_id}/messages/{id}",
    ]);
  });

  it("has offset (default 0) and limit (default 50, greater than 0 and lower than 100) on both lists", () => {
    expect(reference.match(/offset 0 Use it to scroll/g)).toHaveLength(2);
    expect(reference.match(/limit 50 Greater than 0 and lower than 100/g)).toHaveLength(2);
    for (const route of ["/users", "/users/{user_id}/messages"]) {
      const parameters = document.paths[route].get.parameters.map(deref);
      expect(parameters.find((p: Json) => p.name === "offset")).toMatchObject({
        in: "query",
        schema: { type: "integer", minimum: 0, default: 0 },
      });
      expect(parameters.find((p: Json) => p.name === "limit")).toMatchObject({
        in: "query",
        schema: { type: "integer", minimum: 1, maximum: 99, default: 50 },
      });
    }
  });

  it("has the path ids as positive integers", () => {
    for (const route of publishedPaths) {
      for (const parameter of (document.paths[route].get.parameters ?? [])
        .map(deref)
        .filter((p: Json) => p.in === "path")) {
        expect(deref(parameter.schema), `${route} ${parameter.name}`).toMatchObject({ type: "integer", minimum: 1 });
        expect(parameter.required).toBe(true);
      }
    }
  });

  it("requires the Bearer secret on every operation", () => {
    expect(reference).toContain("Authorization: Bearer YOUR_API_SECRET");
    expect(document.components.securitySchemes.apiSecret).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.security).toEqual([{ apiSecret: [] }]);
    for (const item of Object.values<Json>(document.paths)) expect(item.get.security).toBeUndefined(); // nothing overrides the global requirement
  });

  it("sends every response as the vendor media type the Accept header asks for, and says both headers are required", () => {
    expect(reference).toContain("Accept: application/vnd.signalzen.v1+json");
    expect(contract.mediaType).toBe("application/vnd.signalzen.v1+json");
    expect(document.info.description).toContain("Both headers must be sent with every request");
    for (const item of Object.values<Json>(document.paths)) {
      for (const response of Object.values<Json>(item.get.responses))
        expect(Object.keys(deref(response).content)).toEqual([contract.mediaType]);
      expect(deref(item.get.responses["406"]).description).toContain("must be sent with every request");
    }
  });

  const publishedErrors = [...reference.matchAll(/^\s*(\d{3}) ([A-Za-z ]+?) -- (.+)$/gm)].map((match) => ({
    status: match[1]!,
    name: match[2]!,
    meaning: match[3]!,
  }));

  it("declares each of the ten published error codes, with its meaning and an error body", () => {
    expect(publishedErrors.map((error) => error.status)).toEqual([
      "400",
      "401",
      "403",
      "404",
      "405",
      "406",
      "410",
      "429",
      "500",
      "503",
    ]);
    for (const error of publishedErrors) {
      const declaring = Object.values<Json>(document.paths).filter((item) => item.get.responses[error.status]);
      expect(declaring.length, error.status).toBeGreaterThan(0);
      const response = deref(declaring[0]!.get.responses[error.status]);
      expect(response.description).toMatch(new RegExp(`^${error.name} --`));
      expect(response.content[contract.mediaType].schema.allOf[0]).toEqual({ $ref: "#/components/schemas/ErrorBody" });
    }
  });

  it("declares Retry-After on 429 and 503 only", () => {
    const withRetryAfter = Object.entries(contract.errors)
      .filter(([, error]) => error.retryAfter)
      .map(([status]) => status);
    expect(withRetryAfter).toEqual(["429", "503"]);
  });

  it("keeps the reference's JSON examples verbatim as named examples", () => {
    const published = [
      ...reference.matchAll(
        /The above command returns JSON structured like this:\s*\n([\s\S]*?)\n\s*\n\s{4}This endpoint/g,
      ),
    ].map((match) => JSON.parse(match[1]!));
    expect(published).toHaveLength(4);
    const named = document.components.examples;
    expect(published).toEqual([named.usersPage.value, named.user.value, named.messagesPage.value, named.message.value]);
  });
});
