/**
 * Round 3 of hostile servers (issue 19, items 9 and 10): bodies nested deeper than the stack, and the secret in
 * forms a parser or a decoder made: a redirect's target rewritten by `new URL()`, a header named after the secret
 * (names arrive lower-cased), and a UTF-16 error page quoting the request.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import { attempt } from "../../src/client/attempt.js";
import {
  AuthenticationError,
  BadRequestError,
  createSignalZenClient,
  InvalidResponseError,
  RedirectError,
} from "../../src/client/index.js";
import { secretRedactor } from "../../src/contract/redact.js";
import { caught } from "../helpers/caught.js";
import type { HostileServer } from "../helpers/hostile-server.js";
import { serveHostile } from "../helpers/serve-hostile.js";

const SECRET = "Sk_Live_AbCdEf0123456";
const serve = serveHostile();

/** A client that would retry a connection failure twice at once: a deep body must be sent once. */
const client = (server: HostileServer) =>
  createSignalZenClient({ apiSecret: SECRET, baseUrl: server.url, retry: { backoffMs: 0 } });

/** Everything a user may print or ship of an error, lower-cased: the secret in any case is a leak. */
const printed = (error: any) =>
  [
    error.message,
    error.stack,
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    error.rawBody ?? "",
    error.location,
  ]
    .join("\n")
    .toLowerCase();

const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("a body nested 6,000 deep", () => {
  it.each([
    [
      "a 200 body that is only the nesting",
      deep(6000),
      "JSON that is not an object: a value nested too deeply to show",
    ],
    [
      "a page whose total is nested so",
      `{"limit":99,"offset":0,"total":${deep(6000)},"users":[]}`,
      "a page whose total is a value nested too deeply to show, not a whole number",
    ],
    [
      "a page whose first user is nested so",
      `{"limit":99,"offset":0,"total":1,"users":[{"id":${deep(6000)}}]}`,
      "a page whose users includes a value nested too deeply to show, not a record with a whole-number id",
    ],
  ])("%s is an InvalidResponseError, requested once", async (_name, body, problem) => {
    const server = await serve((_request, response) =>
      response.writeHead(200, { "Content-Type": contract.mediaType }).end(body),
    );
    const error = await caught(client(server).users.list());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe(`GET ${server.url}/users answered 200 with ${problem}`);
    expect(server.requests).toEqual(["GET /users"]);
  });

  it("in an error body's details, still serialises: JSON.stringify(error) carries the first 16 levels", async () => {
    const body = `{"status":400,"code":"bad_request","message":"no","details":${deep(6000)}}`;
    const server = await serve((_request, response) =>
      response.writeHead(400, { "Content-Type": contract.mediaType }).end(body),
    );
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(BadRequestError);
    const json = JSON.parse(JSON.stringify(error));
    // name, message... then error -> details -> 14 arrays, and the note where the 16 levels end.
    let details = json.error.details;
    for (let level = 0; level < 14; level++) details = details[0];
    expect(details).toBe("[nested too deeply to show]");
    expect(json.rawBody).toBe(body);
  });
});

describe("a body check that throws", () => {
  it("files the body as an InvalidResponseError, not a connection failure", async () => {
    const transport = {
      fetch: async () => new Response("{}"),
      headers: new Headers(),
      timeoutMs: 1_000,
      maxResponseBytes: 1_000,
      redact: secretRedactor(SECRET),
    };
    const overflow = new RangeError("Maximum call stack size exceeded");
    const error = await caught(
      attempt(transport, "http://127.0.0.1:1/users/1", {}, () => {
        throw overflow;
      }),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe(
      "GET http://127.0.0.1:1/users/1 answered 200 with a body the client could not examine (nested too deeply?)",
    );
    expect(error.cause).toBe(overflow);
  });
});

describe("the secret in forms a parser or decoder made", () => {
  it.each([
    ["the host, in its case", `https://${SECRET}.evil.test/next`],
    ["a path with backslashes and quotes, which new URL() rewrites", `/a\\"${SECRET}"\\b`],
    ["the host, lower-cased by the server", `https://${SECRET.toLowerCase()}.evil.test/`],
  ])("is not in a redirect's target: %s", async (_name, location) => {
    const server = await serve((_request, response) => response.writeHead(302, { Location: location }).end());
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.location).toContain("[redacted]");
    expect(printed(error)).not.toContain(SECRET.toLowerCase());
  });

  it("is not in a header named after it in mixed case (the name arrives lower-cased): that header is dropped", async () => {
    const server = await serve((_request, response) =>
      response.writeHead(500, { [`X-Echo-${SECRET}`]: "1", "X-Trace": "t1", "Content-Type": "text/plain" }).end("no"),
    );
    const error = await caught(client(server).users.get(1));
    expect(error.headers.get("x-trace")).toBe("t1");
    expect([...error.headers.keys()].filter((name) => name.startsWith("x-"))).toEqual(["x-trace"]);
    expect(printed(error)).not.toContain(SECRET.toLowerCase());
  });

  it.each([
    ["utf-16le", "text/plain; charset=utf-16le"],
    ["utf-16be", 'text/plain; charset="UTF-16BE"'],
  ])("is not in a %s error page quoting the Authorization header, which reads as text", async (encoding, type) => {
    const text = `Unauthorized: Authorization: Bearer ${SECRET}`;
    const bytes = Buffer.from(text, "utf16le");
    if (encoding === "utf-16be") bytes.swap16();
    const server = await serve((_request, response) => response.writeHead(401, { "Content-Type": type }).end(bytes));
    const error = await caught(client(server).users.get(1));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.rawBody).toBe("Unauthorized: Authorization: Bearer [redacted]");
    expect(error.message).toBe(
      `GET ${server.url}/users/1 failed with 401: Unauthorized: Authorization: Bearer [redacted]`,
    );
    expect(printed(error)).not.toContain(SECRET.toLowerCase());
  });

  it("is not in a UTF-16 page sent with no charset (read as UTF-8, NULs between its characters)", async () => {
    const bytes = Buffer.from(`Bearer ${SECRET}`, "utf16le");
    const server = await serve((_request, response) =>
      response.writeHead(401, { "Content-Type": "text/plain" }).end(bytes),
    );
    const error = await caught(client(server).users.get(1));
    expect(error.rawBody).toBe("B\0e\0a\0r\0e\0r\0 \0[redacted]\0");
  });

  it("is not hidden by a declared UTF-16 charset over its ASCII bytes (which would decode to other characters)", async () => {
    const server = await serve((_request, response) =>
      response.writeHead(401, { "Content-Type": "text/plain; charset=utf-16le" }).end(`Bearer ${SECRET}!`),
    );
    const error = await caught(client(server).users.get(1));
    expect(error.rawBody).toBe("Bearer [redacted]!");
  });
});
