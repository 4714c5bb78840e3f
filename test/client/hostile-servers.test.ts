/**
 * The client against servers that misbehave, each a tiny node:http server on 127.0.0.1: one that echoes the
 * secret in every form, one that sends bodies too large, one that redirects, one that trickles, one whose
 * Retry-After no timer can hold.
 */
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import * as contract from "../../generated/contract.js";
import {
  AuthenticationError,
  BadRequestError,
  type ClientOptions,
  ConnectionError,
  createSignalZenClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
} from "../../src/client/index.js";
import { caught } from "../helpers/caught.js";
import { type HostileServer, sendBytes, trickle } from "../helpers/hostile-server.js";
import { serveHostile } from "../helpers/serve-hostile.js";

/** A secret with the two characters JSON escapes: the form that leaked. */
const SECRET = 'ab"cd\\ef-1234567890';
const serve = serveHostile();

const client = (server: HostileServer, options: Partial<ClientOptions> = {}) =>
  createSignalZenClient({ apiSecret: SECRET, baseUrl: `${server.url}/external`, retry: false, ...options });

/** Everything a user may print or ship of an error: each must be free of the secret in every form. */
const surfaces = (error: any) => [
  error.message,
  String(error),
  error.stack,
  JSON.stringify(error),
  inspect(error, { depth: 10 }),
  error.rawBody ?? "",
  error.location ?? "",
];

const hex = (text: string, upper = false) =>
  [...text]
    .map((character) => character.charCodeAt(0).toString(16).padStart(2, "0"))
    .join("")
    [upper ? "toUpperCase" : "toLowerCase"]();
const forms: [string, string][] = [
  ["as sent", SECRET],
  ["JSON-escaped", JSON.stringify(SECRET).slice(1, -1)],
  [
    "JSON-escaped with \\/ and \\u for every character but letters",
    SECRET.replace(/[^a-z]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  ],
  ["URL-encoded", encodeURIComponent(SECRET)],
  ["URL-encoded in full, lower-case hex", [...SECRET].map((c) => `%${hex(c)}`).join("")],
  ["HTML-escaped", SECRET.replace(/"/g, "&quot;")],
  ["HTML numeric references", [...SECRET].map((c) => `&#${c.charCodeAt(0)};`).join("")],
  ["HTML hex references", [...SECRET].map((c) => `&#x${hex(c, true)};`).join("")],
  ["base64 of the header", btoa(`Bearer ${SECRET}`)],
  ["base64url of the header line", btoa(`Authorization: Bearer ${SECRET}`).replace(/\+/g, "-").replace(/\//g, "_")],
  ["base64 at the third alignment", btoa(`xx${SECRET}`)],
  ["hex", hex(SECRET)],
  ["upper-case hex", hex(SECRET, true)],
];
const leaks = (text: string) => forms.filter(([, form]) => text.includes(form)).map(([name]) => name);

describe("the secret, echoed by a server", () => {
  it("is not in any surface of an error whose JSON body echoes it escaped; rawBody is the body as received, minus it", async () => {
    const body = JSON.stringify({ status: 401, code: "unauthorized", message: `bad token: Bearer ${SECRET}` });
    const server = await serve((_request, response) =>
      response.writeHead(401, { "Content-Type": contract.mediaType }).end(body),
    );
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.rawBody).toBe('{"status":401,"code":"unauthorized","message":"bad token: Bearer [redacted]"}');
    expect(error.error).toEqual({ status: 401, code: "unauthorized", message: "bad token: Bearer [redacted]" });
    expect(error.message).toBe(
      `GET ${server.url}/external/users/1 failed with 401: unauthorized: bad token: Bearer [redacted]`,
    );
    for (const surface of surfaces(error)) expect(leaks(surface)).toEqual([]);
  });

  it.each(forms)("is scrubbed when echoed %s", async (name, form) => {
    const server = await serve((_request, response) =>
      response.writeHead(400, { "Content-Type": "text/plain" }).end(`you sent <${form}>`),
    );
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(BadRequestError);
    // Base64 is scrubbed from the first to the last character that depends on the secret alone; the characters
    // around it also encode what surrounds it ("Bearer "), and at most 4 bits of the secret's first and last byte.
    if (name.startsWith("base64")) expect(error.rawBody).toMatch(/^you sent <[\w-]{0,40}\[redacted\][\w=-]{0,3}>$/);
    else expect(error.rawBody).toBe("you sent <[redacted]>");
    for (const surface of surfaces(error)) expect(leaks(surface)).toEqual([]);
  });

  it("keeps rawBody as sent: whitespace, key order and big numbers", async () => {
    const body = '{ "message": "gone",\n  "code": "not_found", "status": 404, "trace": 12345678901234567890123 }';
    const server = await serve((_request, response) =>
      response.writeHead(404, { "Content-Type": contract.mediaType }).end(body),
    );
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.rawBody).toBe(body);
  });

  it("is not in a 2xx body that is not JSON, nor in the SyntaxError chained as its cause", async () => {
    const server = await serve((_request, response) => response.writeHead(200).end(`Bearer ${SECRET} is not a user`));
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.rawBody).toBe("Bearer [redacted] is not a user");
    for (const surface of [...surfaces(error), String(error.cause), error.cause.stack])
      expect(leaks(surface)).toEqual([]);
  });

  it("is not in the SyntaxError's quote of a short body (V8 quotes up to 10 characters around the fault)", async () => {
    const server = await serve((_request, response) => response.writeHead(200).end("key x7Qz"));
    const sz = createSignalZenClient({ apiSecret: "x7Qz", baseUrl: server.url, retry: false });
    const error = await caught(sz.users.get(1));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(inspect(error, { depth: 10 })).not.toContain("x7Qz");
    expect(String(error.cause)).toBe(`SyntaxError: Unexpected token 'k', "key [redacted]" is not valid JSON`);
  });

  it("is not in a response header shown by console.log: headers are scrubbed too", async () => {
    const server = await serve((_request, response) =>
      response
        .writeHead(500, { "X-Echo": `Bearer ${SECRET}`, "X-Trace": "t1", "Content-Type": "text/plain" })
        .end("boom"),
    );
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.headers.get("x-echo")).toBe("Bearer [redacted]");
    expect(error.headers.get("x-trace")).toBe("t1");
    for (const surface of surfaces(error)) expect(leaks(surface)).toEqual([]);
  });

  it("is not left in part where a long error body is cut", async () => {
    // The cut at 64 KiB falls inside the echoed secret: its first half must not survive either.
    const body = `${"x".repeat(65_536 - 17)}Bearer ${SECRET}${"x".repeat(1_000)}`;
    const server = await serve((_request, response) =>
      response.writeHead(404, { "Content-Type": "text/plain" }).end(body),
    );
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(NotFoundError);
    // Everything from 6 characters per secret character before the cut is dropped: the longest form one can take.
    expect(error.rawBody).toBe("x".repeat(65_536 - (6 * SECRET.length - 1)));
    expect(error.rawBody).not.toContain(SECRET.slice(0, 4));
  });

  it("is not in a network failure's cause chain", async () => {
    const failure = new TypeError("fetch failed", { cause: new Error(`bad header: Bearer ${SECRET}`) });
    const sz = createSignalZenClient({
      apiSecret: SECRET,
      baseUrl: "http://127.0.0.1:1",
      retry: false,
      fetch: () => Promise.reject(failure),
    });
    const error = await caught(sz.users.get(1));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe("GET http://127.0.0.1:1/users/1 got no answer: fetch failed");
    for (const surface of [...surfaces(error), inspect(error.cause, { depth: 10 })]) expect(leaks(surface)).toEqual([]);
  });
});

describe("bodies too large", () => {
  it.each([
    ["streamed", false],
    ["with Content-Length", true],
  ])(
    "a 200 body over maxResponseBytes (%s) fails with the cap named, is not retried, and is not read to its end",
    async (_name, withLength) => {
      const bytes = 8 * 1_048_576;
      const server = await serve((_request, response) => {
        response.writeHead(200, {
          "Content-Type": contract.mediaType,
          ...(withLength && { "Content-Length": String(bytes) }),
        });
        sendBytes(response, bytes);
      });
      const error = await caught(client(server, { maxResponseBytes: 1_048_576, retry: { backoffMs: 1 } }).users.get(1));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect(error.maxResponseBytes).toBe(1_048_576);
      expect(error.message).toBe(
        `GET ${server.url}/external/users/1 answered 200 with a body over maxResponseBytes (1048576 bytes); the client stopped reading it.` +
          " If your records are that large, raise maxResponseBytes",
      );
      expect(server.requests).toHaveLength(1);
      await vi.waitFor(() => expect(server.cutByClient()).toBe(1), { timeout: 10_000 });
    },
  );

  it("the default cap is 16 MiB, the largest page the contract allows and a little more", async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(16_777_216);
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": contract.mediaType });
      sendBytes(response, DEFAULT_MAX_RESPONSE_BYTES + 1);
    });
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toContain("over maxResponseBytes (16777216 bytes)");
  });

  it("refuses a maxResponseBytes that is not a whole number in range", () => {
    expect(() => createSignalZenClient({ apiSecret: SECRET, maxResponseBytes: 0 })).toThrow(
      "maxResponseBytes must be a whole number from 1 to 268435456; got 0",
    );
  });

  it("keeps only the first 64 KiB of a large error body, and stops reading it there", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(404, { "Content-Type": "text/plain" });
      sendBytes(response, 8 * 1_048_576, "e"); // more than socket buffers hold, so that a cut shows
    });
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.rawBody).toBe("e".repeat(65_536 - (6 * SECRET.length - 1)));
    expect(error.error).toBeUndefined();
    expect(error.message).toBe(`GET ${server.url}/external/users/1 failed with 404: ${"e".repeat(200)}`);
    await vi.waitFor(() => expect(server.cutByClient()).toBe(1), { timeout: 10_000 });
  });
});

describe("redirects", () => {
  it.each([301, 302, 303, 307, 308])(
    "a %d to another origin is not followed: RedirectError says where it pointed",
    async (status) => {
      const elsewhere = await serve((_request, response) =>
        response.writeHead(200, { "Content-Type": contract.mediaType }).end('{"id":666}'),
      );
      const server = await serve((_request, response) =>
        response.writeHead(status, { Location: `${elsewhere.url}/users/1` }).end(),
      );
      const error = await caught(client(server, { retry: { backoffMs: 1 } }).users.get(1));
      expect(error).toBeInstanceOf(RedirectError);
      expect([error.status, error.location]).toEqual([status, `${elsewhere.url}/users/1`]);
      expect(error.message).toBe(
        `GET ${server.url}/external/users/1 was redirected with ${status} to ${elsewhere.url}/users/1;` +
          " the API documents no redirect, so the client does not follow it: check baseUrl",
      );
      expect(server.requests).toHaveLength(1);
      expect(elsewhere.requests).toEqual([]);
    },
  );

  it("a redirect within the same origin is not followed either, and its relative target is shown absolute", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/external/users/1") return response.writeHead(308, { Location: "/v2/users/1" }).end();
      response.writeHead(200, { "Content-Type": contract.mediaType }).end('{"id":1}');
    });
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.location).toBe(`${server.url}/v2/users/1`);
    expect(server.requests).toEqual(["GET /external/users/1"]);
  });

  it("a redirect target that carries the secret is scrubbed", async () => {
    const target = `https://elsewhere.example/login?token=${encodeURIComponent(SECRET)}`;
    const server = await serve((_request, response) => response.writeHead(302, { Location: target }).end());
    const error = await caught(client(server).users.get(1));
    expect(error.location).toBe("https://elsewhere.example/login?token=[redacted]");
    for (const surface of surfaces(error)) expect(leaks(surface)).toEqual([]);
  });

  it("raw GET does not follow one either: it shows the redirect", async () => {
    const elsewhere = await serve((_request, response) =>
      response.writeHead(200, { "Content-Type": contract.mediaType }).end('{"id":666}'),
    );
    const server = await serve((_request, response) =>
      response.writeHead(302, { Location: `${elsewhere.url}/users/1` }).end(),
    );
    const { data, response } = await client(server).GET("/users/{id}", { params: { path: { id: 1 } } });
    expect([data, response.status, response.headers.get("location")]).toEqual([
      undefined,
      302,
      `${elsewhere.url}/users/1`,
    ]);
    expect(elsewhere.requests).toEqual([]);
  });
});

describe("timed-out attempts release their connection", () => {
  it("a body trickling a byte every 100 ms: each timed-out attempt's connection is closed, long before the body would end", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": contract.mediaType });
      response.write("{");
      trickle(response, { bytes: 300, everyMs: 100 }); // 30 s, if nobody hangs up
    });
    const sz = client(server, { timeoutMs: 300 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => sz.users.get(1)));
    expect(results.map((result) => result.status === "rejected" && result.reason.name)).toEqual(
      Array(5).fill("TimeoutError"),
    );
    await vi.waitFor(() => expect([server.unfinished(), server.cutByClient()]).toEqual([0, 5]), { timeout: 10_000 });
  });

  it("headers that never come, on a call with a signal: the request is aborted", async () => {
    const server = await serve(() => {}); // accepts, never answers
    const sz = client(server, { timeoutMs: 300 });
    const error = await caught(sz.users.get(1, { signal: new AbortController().signal }));
    expect(error).toBeInstanceOf(TimeoutError);
    await vi.waitFor(() => expect(server.unfinished()).toBe(0), { timeout: 10_000 });
  });
});

describe("Retry-After beyond what a timer can hold", () => {
  it("is exposed clamped to 2147483647 ms and not waited for", async () => {
    const server = await serve((_request, response) =>
      response
        .writeHead(429, { "Retry-After": "100000000000000000000000000", "Content-Type": contract.mediaType })
        .end(JSON.stringify({ status: 429, code: "too_many_requests", message: "slow down" })),
    );
    const error = await caught(client(server, { retry: {} }).users.get(1));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(2_147_483_647);
    expect(server.requests).toHaveLength(1);
  });
});
