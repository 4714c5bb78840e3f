/**
 * The mock server, seen from a plain HTTP client: every contract rule Prism lacks is enforced, and every
 * response it sends is in the contract's shape.
 */

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import spec from "../../generated/openapi.json" with { type: "json" };
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { createSchemaValidator, responseSchemaPointer } from "../../src/node/schema-validator.js";
import { generateWorld } from "../../src/world/index.js";
import { GOOD_HEADERS, type RawResponse, rawRequest } from "../helpers/http.js";

const validator = createSchemaValidator();
const sample: Record<string, string> = {
  "/users": "/users",
  "/users/{id}": "/users/123",
  "/users/{user_id}/messages": "/users/123/messages",
  "/users/{user_id}/messages/{id}": "/users/123/messages/1234",
};

/** The response has the status, the vendor content type, and a body valid against the spec's schema for it. */
function expectContract(response: RawResponse, path: string, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers["content-type"]).toBe(contract.mediaType);
  const pointer = responseSchemaPointer(spec, path, "get", status);
  expect(pointer, `${path} declares ${status}`).not.toBeNull();
  expect(validator.validate(pointer!, response.json())).toEqual([]);
}

describe("mock server", () => {
  let mock: RunningMock;
  let guarded: RunningMock;
  const lines: string[] = [];

  beforeAll(async () => {
    mock = await startMock({ port: 0, onResponse: (line) => lines.push(`${line.method} ${line.path} ${line.status}`) });
    guarded = await startMock({ port: 0, secret: "s3cret" });
  });
  afterAll(async () => {
    await mock?.close();
    await guarded?.close();
  });

  const get = (path: string, headers: Record<string, string> = GOOD_HEADERS, base = mock.url) =>
    rawRequest(base + path, { headers });

  describe("406 when Accept does not name the vendor media type", () => {
    it.each([
      ["missing", undefined],
      ["*/*", "*/*"],
      ["application/*", "application/*"],
      ["application/json", "application/json"],
      ["text/html", "text/html"],
      ["the vendor type refused with q=0", "application/vnd.signalzen.v1+json;q=0, */*"],
      ["another version", "application/vnd.signalzen.v2+json"],
    ])("%s", async (_name, accept) => {
      const response = await get(
        "/users",
        accept === undefined ? { Authorization: "Bearer x" } : { Authorization: "Bearer x", Accept: accept },
      );
      expectContract(response, "/users", 406);
      expect(response.json().message).toContain("Send Accept: application/vnd.signalzen.v1+json");
    });

    it.each([
      ["exact", "application/vnd.signalzen.v1+json"],
      ["with charset", "application/vnd.signalzen.v1+json; charset=utf-8"],
      ["in a list with q-values", "application/json;q=1, application/vnd.signalzen.v1+json;q=0.5"],
      ["upper case", "APPLICATION/VND.SIGNALZEN.V1+JSON"],
    ])("accepts %s", async (_name, accept) => {
      expectContract(await get("/users", { Authorization: "Bearer x", Accept: accept }), "/users", 200);
    });
  });

  describe("401 for a missing or malformed secret, with WWW-Authenticate: Bearer", () => {
    it.each([
      ["missing", undefined, "The Authorization header is missing"],
      ["another scheme", "Basic dXNlcjpwYXNz", "not of the form Bearer"],
      ["Bearer without a secret", "Bearer", "not of the form Bearer"],
      ["Bearer with two tokens", "Bearer a b", "not of the form Bearer"],
    ])("%s", async (_name, authorization, message) => {
      const response = await get(
        "/users/1",
        authorization === undefined
          ? { Accept: contract.mediaType }
          : { Accept: contract.mediaType, Authorization: authorization },
      );
      expectContract(response, "/users/{id}", 401);
      expect(response.headers["www-authenticate"]).toBe('Bearer realm="SignalZen API"');
      expect(response.json().message).toContain(message);
    });

    it.each(["bearer any", "BEARER any", "Bearer   any"])(
      "matches the scheme case-insensitively: %s",
      async (authorization) => {
        expectContract(
          await get("/users/1", { Accept: contract.mediaType, Authorization: authorization }),
          "/users/{id}",
          200,
        );
      },
    );

    it("with --secret, accepts that secret and refuses any other", async () => {
      expectContract(
        await get("/users", { Accept: contract.mediaType, Authorization: "Bearer s3cret" }, guarded.url),
        "/users",
        200,
      );
      const wrong = await get("/users", { Accept: contract.mediaType, Authorization: "Bearer s3cret2" }, guarded.url);
      expectContract(wrong, "/users", 401);
      expect(wrong.json()).toEqual({ status: 401, code: "unauthorized", message: "Your API secret key is wrong." });
      expect(wrong.headers["www-authenticate"]).toMatch(/^Bearer /);
    });
  });

  describe("405 for any method but GET, with Allow: GET", () => {
    it.each(
      ["POST", "PUT", "PATCH", "DELETE"].flatMap((method) =>
        Object.entries(sample).map(([path, url]) => [method, path, url]),
      ),
    )("%s %s", async (method, path, url) => {
      const response = await rawRequest(mock.url + url, { method, headers: GOOD_HEADERS });
      expectContract(response, path!, 405);
      expect(response.headers.allow).toBe("GET");
    });

    it("HEAD too (no body)", async () => {
      const response = await rawRequest(`${mock.url}/users`, { method: "HEAD", headers: GOOD_HEADERS });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe("GET");
      expect(response.text).toBe("");
    });
  });

  describe("404", () => {
    it("for an unknown path, in the contract's body", async () => {
      const response = await get("/external/users");
      expect(response.status).toBe(404);
      expect(response.headers["content-type"]).toBe(contract.mediaType);
      expect(validator.validate("#/components/schemas/ErrorBody", response.json())).toEqual([]);
      expect(response.json()).toMatchObject({ status: 404, code: "not_found" });
    });

    it.each([
      ["/users/{id}", "/users/999999", "No user with id 999999."],
      ["/users/{user_id}/messages", "/users/999999/messages", "No user with id 999999."],
      ["/users/{user_id}/messages/{id}", "/users/999999/messages/1234", "No user with id 999999."],
      [
        "/users/{user_id}/messages/{id}",
        "/users/123/messages/2147483647",
        "No message with id 2147483647 in the chat of user 123.",
      ],
    ])("for an unknown id on %s", async (path, url, message) => {
      const response = await get(url);
      expectContract(response, path, 404);
      expect(response.json()).toEqual({ status: 404, code: "not_found", message });
    });
  });

  describe("400 with the real violations (not Prism's example body)", () => {
    it.each([
      ["/users?limit=0", "/users", [{ location: "query.limit", message: "must be >= 1" }]],
      ["/users?limit=100", "/users", [{ location: "query.limit", message: "must be <= 99" }]],
      ["/users?limit=abc", "/users", [{ location: "query.limit", message: "must be integer" }]],
      [
        "/users/1/messages?offset=-1",
        "/users/{user_id}/messages",
        [{ location: "query.offset", message: "must be >= 0" }],
      ],
      ["/users/abc", "/users/{id}", [{ location: "path.id", message: "must be integer" }]],
      [
        "/users/0/messages/1",
        "/users/{user_id}/messages/{id}",
        [{ location: "path.user_id", message: "must be >= 1" }],
      ],
      ["/users/%ZZ", "/users/{id}", [{ location: "path", message: "is not valid percent-encoding" }]],
    ])("%s", async (url, path, details) => {
      const response = await get(url);
      expectContract(response, path, 400);
      expect(response.json().details).toEqual(details);
    });
  });

  describe("every declared status can be asked for with Prefer: code=", () => {
    const cases = contract.operations.flatMap((operation) =>
      operation.statuses
        .filter((status) => status !== 200)
        .map((status) => [operation.operationId, operation.path, status] as const),
    );
    it.each(cases)("%s %s %d", async (_id, path, status) => {
      const response = await get(sample[path]!, { ...GOOD_HEADERS, Prefer: `code=${status}` });
      expectContract(response, path, status);
      expect(response.json()).toEqual({
        status,
        code: contract.errors[String(status) as keyof typeof contract.errors].code,
        message: expect.any(String),
        ...(status === 400 && { details: expect.any(Array) }),
      });
      // One second, not the contract's example 30: the default client waits a made-up error out twice (issue 21).
      if (status === 429 || status === 503) expect(response.headers["retry-after"]).toBe("1");
      if (status === 401) expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      if (status === 405) expect(response.headers.allow).toBe("GET");
    });

    it("refuses a status the operation does not declare, saying which it declares", async () => {
      const response = await get("/users", { ...GOOD_HEADERS, Prefer: "code=410" });
      expectContract(response, "/users", 400);
      expect(response.json().message).toBe(
        "GET /users does not declare status 410; it can answer 200, 400, 401, 403, 405, 406, 429, 500, 503.",
      );
    });

    it("refuses an example that does not exist with 400, naming the ones that do", async () => {
      const response = await get("/users", { ...GOOD_HEADERS, Prefer: "example=nope" });
      expectContract(response, "/users", 400);
      expect(response.json().message).toBe(
        "Prefer: example=nope names no example of GET /users; it has usersPage, emptyUsersPage.",
      );
    });
  });

  describe("success bodies", () => {
    it.each(Object.entries(sample))("%s is valid against its schema", async (path, url) => {
      expectContract(await get(url), path, 200);
    });

    it.each([
      ["/users/{id}", "/users/124", "anonymousUser"],
      ["/users/{user_id}/messages/{id}", "/users/1/messages/1235", "operatorMessage"],
      ["/users/{user_id}/messages/{id}", "/users/1/messages/1236", "fileMessage"],
    ])("serves the named example %s %s (%s) on request", async (path, url, example) => {
      const response = await get(url, { ...GOOD_HEADERS, Prefer: `example=${example}` });
      expectContract(response, path, 200);
      expect(response.json()).toEqual((spec.components.examples as Record<string, { value: unknown }>)[example]!.value);
    });
  });

  describe("CORS for a browser app on another origin", () => {
    const preflightWith = (requestHeaders?: string) =>
      rawRequest(`${mock.url}/users`, {
        method: "OPTIONS",
        headers: {
          Origin: "http://localhost:5173",
          "Access-Control-Request-Method": "GET",
          ...(requestHeaders !== undefined && { "Access-Control-Request-Headers": requestHeaders }),
        },
      });

    it("answers the preflight for GET, admitting the headers the app asks for (issue 21)", async () => {
      const asked = "authorization,accept,x-request-id,baggage,sentry-trace";
      const response = await preflightWith(asked);
      expect(response.status).toBe(204);
      expect(response.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
      expect(response.headers["access-control-allow-methods"]).toBe("GET");
      expect(response.headers["access-control-allow-headers"]).toBe(asked);
      expect(response.headers.vary).toBe("Origin, Access-Control-Request-Headers");
    });

    it("a preflight that names no headers, or not header names, is told the API's own", async () => {
      for (const asked of [undefined, "x-a, bad header", "x".repeat(2001)]) {
        const response = await preflightWith(asked);
        expect(response.status).toBe(204);
        expect(response.headers["access-control-allow-headers"]).toBe("Authorization, Accept, Prefer");
      }
    });

    it("admitting a header in the preflight does not loosen the actual request's rules", async () => {
      const response = await rawRequest(`${mock.url}/users`, {
        headers: { Origin: "http://localhost:5173", Accept: contract.mediaType, "x-request-id": "r-1" },
      });
      expect(response.status).toBe(401);
      expect(response.json().code).toBe("unauthorized");
      expect(response.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
    });

    it("puts CORS headers on actual responses, errors included", async () => {
      const origin = { Origin: "http://localhost:5173" };
      for (const response of [
        await get("/users", { ...GOOD_HEADERS, ...origin }),
        await get("/users", { ...origin, Accept: "text/html" }),
        await get("/nope", { ...GOOD_HEADERS, ...origin }),
      ]) {
        expect(response.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
      }
    });
  });

  it("never answers 5xx to client input it did not ask for (bounded, seeded run)", async () => {
    const segment = fc.oneof(
      fc.constantFrom("users", "messages", "1", "123", "0", "-1", "abc", "%ZZ", "%2F", "..", "9999999999", ""),
      fc.string({ maxLength: 6 }).map(encodeURIComponent),
    );
    const query = fc.array(
      fc.tuple(
        fc.constantFrom("limit", "offset", "__code", "x"),
        fc.oneof(fc.integer({ min: -5, max: 120 }).map(String), fc.string({ maxLength: 4 }).map(encodeURIComponent)),
      ),
      { maxLength: 3 },
    );
    const headers = fc.record({
      Accept: fc.constantFrom(contract.mediaType, "*/*", "application/json", "", `${contract.mediaType};q=0.5`),
      Authorization: fc.constantFrom("Bearer x", "bearer y", "", "Basic z", "Bearer"),
      Prefer: fc.constantFrom(
        "",
        "example=user",
        "example=nope",
        "dynamic=true",
        "dynamic=maybe",
        "code=abc",
        "code=404",
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        query,
        headers,
        async (segments, pairs, requestHeaders) => {
          const url = `/${segments.join("/")}${pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""}`;
          const sent = Object.fromEntries(Object.entries(requestHeaders).filter(([, value]) => value !== ""));
          const response = await rawRequest(mock.url + url, { headers: sent });
          const askedFor5xx = /__code=5/.test(url);
          if (!askedFor5xx) expect(response.status, url).toBeLessThan(500);
          expect(response.headers["content-type"], url).toBe(contract.mediaType);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });

  it("logs one line per request: method, path, status", () => {
    expect(lines).toContain("GET /users?limit=0 400");
    expect(lines).toContain("POST /users 405");
  });
});

describe("mock lifecycle", () => {
  it("close() stops listening", async () => {
    const mock = await startMock({ port: 0 });
    expect((await rawRequest(`${mock.url}/users`, { headers: GOOD_HEADERS })).status).toBe(200);
    await mock.close();
    await expect(rawRequest(`${mock.url}/users`, { headers: GOOD_HEADERS })).rejects.toThrow(/ECONNREFUSED/);
  });

  it("refuses a bad port or an empty secret with a message that says what is allowed", async () => {
    await expect(startMock({ port: 70000 })).rejects.toThrow(
      "port must be an integer from 0 to 65535 (0 picks a free port); got 70000",
    );
    await expect(startMock({ port: 0, secret: " " })).rejects.toThrow("secret must be a non-empty Bearer token");
  });

  it("refuses a bad world option before listening, so the port stays free", async () => {
    const probe = await startMock({ port: 0 });
    const { port } = probe;
    await probe.close();
    await expect(startMock({ port, users: -1 })).rejects.toThrow(/^The world's users must be a whole number/);
    await expect(startMock({ port, seed: 7 as unknown as string })).rejects.toThrow(
      /^The world's seed must be a string/,
    );
    const data = generateWorld({ users: 2 }).toData();
    await expect(startMock({ port, data, seed: "x" })).rejects.toThrow(
      "give data, or seed, users and assetsBase to generate a world, not both",
    );
    const mock = await startMock({ port });
    expect(mock.port).toBe(port);
    await mock.close();
  });
});
