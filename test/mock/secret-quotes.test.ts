/**
 * `--secret` scrubs only what quotes the request (issue 19): with the secret set to the world's most common
 * tokens, every answer of the default world is the same bytes as without a secret, and an answer that quotes a
 * request carrying the secret never echoes it. One handler serves both hosts (the server and MSW).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import { secretRedactor } from "../../src/contract/redact.js";
import { createMockHandler } from "../../src/mock/handler.js";
import { scrubQuotes } from "../../src/mock/quotes.js";
import type { MockRequest } from "../../src/mock/request.js";
import { errorResponse, type MockResponse } from "../../src/mock/responses.js";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { generateWorld } from "../../src/world/index.js";
import { rawRequest } from "../helpers/http.js";

const world = generateWorld();

/** Every read of the default world: the user pages, each user, each chat's first page, each message. */
const paths: string[] = [];
for (let offset = 0; offset < world.userCount; offset += 50) paths.push(`/users?offset=${offset}`);
for (const user of world.users()) {
  paths.push(`/users/${user.id}`, `/users/${user.id}/messages?limit=99`);
  for (const message of world.chat(user.id)!) paths.push(`/users/${user.id}/messages/${message.id}`);
}

function get(path: string, headers: Record<string, string>): MockRequest {
  const queryAt = path.indexOf("?");
  const lowerCase = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    method: "GET",
    path: queryAt < 0 ? path : path.slice(0, queryAt),
    search: queryAt < 0 ? "" : path.slice(queryAt),
    header: (name) => lowerCase[name],
  };
}

function answersOf(secret: string | undefined, requests: [string, Record<string, string>][]) {
  const handler = createMockHandler({ ...(secret !== undefined && { secret }) });
  return Promise.all(requests.map(async ([path, headers]) => (await handler.handle(get(path, headers))).response));
}

const authorized = (token: string) => ({ Accept: contract.mediaType, Authorization: `Bearer ${token}` });

/** The tokens that occur most in the world's answers: JSON keys, true, null, years, words of messages... */
function mostCommonTokens(bodies: string[], count: number, pattern: RegExp): string[] {
  const seen = new Map<string, number>();
  for (const body of bodies)
    for (const [, token] of body.matchAll(pattern)) seen.set(token!, (seen.get(token!) ?? 0) + 1);
  return [...seen]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([token]) => token);
}

describe("mock --secret: only what quotes the request is scrubbed", () => {
  let plain: MockResponse[];
  let secrets: string[];
  beforeAll(async () => {
    plain = await answersOf(
      undefined,
      paths.map((path) => [path, authorized("anything")]),
    );
    const bodies = plain.map((response) => response.body);
    // Secrets of fewer than 4 characters are never scrubbed (contract/redact.ts), so they cannot alter anything.
    secrets = [
      ...mostCommonTokens(bodies, 10, /(?<![A-Za-z0-9])([A-Za-z0-9]{4,})(?![A-Za-z0-9])/g),
      ...mostCommonTokens(bodies, 1, /"(20\d\d)-/g), // a year
      ...mostCommonTokens(bodies, 2, /@([\w.-]+)"/g), // email domains
      "1234", // an id number: the README's message 1234 of user 123
    ];
  });

  it("measures the tokens it tries: true, null, user, a year, an email domain, an id", () => {
    expect(plain).toHaveLength(paths.length);
    expect(plain.every((response) => response.status === 200)).toBe(true);
    expect(secrets).toEqual([
      ...["true", "read", "sender", "user", "operator", "null", "000Z", "email", "created", "file"],
      ...["2025", "quillstack.com", "gmail.com", "1234"],
    ]);
  });

  it("serves every answer of the default world byte for byte as without a secret", async () => {
    for (const secret of secrets) {
      const answers = await answersOf(
        secret,
        paths.map((path) => [path, authorized(secret)]),
      );
      const changed = answers.filter((answer, index) => JSON.stringify(answer) !== JSON.stringify(plain[index]));
      expect(
        changed.map((answer) => answer.body.slice(0, 200)),
        `--secret ${secret}`,
      ).toEqual([]);
    }
  });

  it("never echoes the secret in an answer quoting a request that carries it; the error body keeps its shape", async () => {
    for (const secret of secrets) {
      const quoting: [string, Record<string, string>][] = [
        [`/users/${secret}`, authorized(secret)],
        [`/${secret}/users`, authorized(secret)],
        ["/users", { ...authorized(secret), Accept: `application/${secret}` }],
        ["/users/1", { ...authorized(secret), Prefer: `example=no-${secret}` }],
        ["/users", { ...authorized(secret), Origin: `http://${secret}.example` }],
        ["/users?limit=0", { Accept: contract.mediaType, Authorization: `Basic ${secret}` }],
      ];
      const withSecret = await answersOf(secret, quoting);
      // The same requests to a mock without a secret: the answers as they are when nothing is scrubbed.
      const expected = await answersOf(undefined, quoting);
      for (const [index, answer] of withSecret.entries()) {
        const request = `--secret ${secret}: ${quoting[index]![0]} ${JSON.stringify(quoting[index]![1])}`;
        expect(answer.status, request).toBe(expected[index]!.status);
        expect(JSON.stringify(answer.headers), request).not.toContain(secret);
        if (answer.status < 400) {
          expect(answer.body, request).toBe(expected[index]!.body); // the world's record, untouched
          continue;
        }
        expect(answer.body, request).not.toContain(secret);
        const { status, code } = JSON.parse(expected[index]!.body);
        expect(JSON.parse(answer.body), request).toMatchObject({ status, code });
      }
      // Errors that quote the request (a 400 for /users/<secret>, or a 404 when the secret is a number), and a 200.
      expect(withSecret.map((answer) => answer.status >= 400)).toEqual([true, true, true, true, false, true]);
    }
  });

  it("cuts a scrubbed quote to the schema's bounds ([redacted] is longer than a short secret)", () => {
    const long = errorResponse(400, "abcd".repeat(500), [{ location: "abcd".repeat(50), message: "abcd".repeat(250) }]);
    const body = JSON.parse(scrubQuotes(long, secretRedactor("abcd")).body);
    expect(body.message).toBe("[redacted]".repeat(200));
    expect(body.details).toEqual([{ location: "[redacted]".repeat(20), message: "[redacted]".repeat(100) }]);
  });
});

describe("mock --secret 1234 over HTTP: the issue's own request", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, secret: "1234" });
  });
  afterAll(() => mock?.close());

  it("GET /users/123/messages/1234 with Bearer 1234 answers the world's message, as JSON", async () => {
    const response = await rawRequest(`${mock.url}/users/123/messages/1234`, { headers: authorized("1234") });
    expect(response.status).toBe(200);
    expect(response.text).toBe(JSON.stringify(world.getMessage(123, 1234)));
  });
});
