/**
 * Hostile and malformed requests (issue 13, items 7 and 8): only canonical decimal integers are ids and
 * integers, and every answer the mock sends, whatever was wrong, is in the contract's error body and
 * media type, including the requests Node itself cannot parse.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { createSchemaValidator } from "../../src/node/schema-validator.js";
import { GOOD_HEADERS, rawRequest } from "../helpers/http.js";

const validator = createSchemaValidator();

/** Sends bytes as they are on a fresh connection and returns what came back, bounded in bytes and time. */
function sendRaw(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => socket.destroy(new Error("no answer within 5 s")), 5_000);
    socket.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) socket.destroy(new Error("answer over 1 MB"));
      chunks.push(chunk);
    });
    socket.on("error", (error) => (chunks.length ? resolve(Buffer.concat(chunks).toString("latin1")) : reject(error)));
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString("latin1"));
    });
    socket.write(bytes);
  });
}

function parseRaw(text: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = "", body = ""] = text.split("\r\n\r\n", 2);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
  );
  return { status: Number(statusLine.split(" ")[1]), headers, body };
}

function expectErrorBody(status: number, contentType: string | undefined, body: string, expected: number): void {
  expect(status).toBe(expected);
  expect(contentType).toBe(contract.mediaType);
  const json = JSON.parse(body);
  expect(validator.validate("#/components/schemas/ErrorBody", json)).toEqual([]);
  expect(json.status).toBe(expected);
}

describe("mock: strict integers", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock?.close());

  it.each([
    ["/users/%201", "path.id"],
    ["/users/1%20", "path.id"],
    ["/users/%2B1", "path.id"],
    ["/users/1/messages/%201", "path.id"],
    ["/users/%201/messages", "path.user_id"],
    ["/users/1e9", "path.id"],
    ["/users/0x7fffffff", "path.id"],
    ["/users/01", "path.id"],
    ["/users/1.0", "path.id"],
    ["/users/-0", "path.id"],
    ["/users?limit=0x10", "query.limit"],
    ["/users?limit=%2B5", "query.limit"],
    ["/users?limit=1.0", "query.limit"],
    ["/users?limit=1e1", "query.limit"],
    ["/users?limit=01", "query.limit"],
    ["/users?limit=", "query.limit"],
    ["/users?offset=%200", "query.offset"],
  ])("%s is a 400 naming %s, never a 200", async (url, location) => {
    const response = await rawRequest(mock.url + url, { headers: GOOD_HEADERS });
    expectErrorBody(response.status, response.headers["content-type"], response.text, 400);
    expect(response.json().details).toEqual([{ location, message: "must be integer" }]);
  });

  it("a value given twice is a 400 too", async () => {
    const response = await rawRequest(`${mock.url}/users?limit=5&limit=6`, { headers: GOOD_HEADERS });
    expect(response.status).toBe(400);
    expect(response.json().details).toEqual([{ location: "query.limit", message: "must be given once" }]);
  });

  it("canonical integers still work, and an id past the last user is 404, not 200", async () => {
    expect((await rawRequest(`${mock.url}/users/1`, { headers: GOOD_HEADERS })).status).toBe(200);
    expect(
      (await rawRequest(`${mock.url}/users?limit=16&offset=0`, { headers: GOOD_HEADERS })).json().users,
    ).toHaveLength(16);
    expect((await rawRequest(`${mock.url}/users/1000000000`, { headers: GOOD_HEADERS })).status).toBe(404);
    expect((await rawRequest(`${mock.url}/users/2147483648`, { headers: GOOD_HEADERS })).json().details).toEqual([
      { location: "path.id", message: "must be <= 2147483647" },
    ]);
  });
});

describe("mock: every answer in the contract's shape", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock?.close());

  const get = (extraHeaders: string, body = "") =>
    `GET /users HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: ${contract.mediaType}\r\nAuthorization: Bearer x\r\n${extraHeaders}\r\n${body}`;

  it("a GET with a 50 MB body is refused at once in the contract's body, unread", async () => {
    const answer = parseRaw(
      await sendRaw(mock.port, get("Content-Length: 52428800\r\nContent-Type: application/json\r\n", "{")),
    );
    expectErrorBody(answer.status, answer.headers["content-type"], answer.body, 400);
    expect(JSON.parse(answer.body).message).toBe("A GET request has no body; send the request without one.");
    expect(answer.headers.connection).toBe("close");
  });

  it.each([
    ["bad JSON", "Content-Type: application/json\r\nContent-Length: 5\r\n", "{nope"],
    ["a bad charset", "Content-Type: text/plain; charset=nonsense\r\nContent-Length: 2\r\n", "hi"],
    ["a chunked body", "Transfer-Encoding: chunked\r\n", "2\r\nhi\r\n0\r\n\r\n"],
  ])("a small body with %s: the contract's 400, not text/plain", async (_name, headers, body) => {
    const answer = parseRaw(await sendRaw(mock.port, get(headers, body)));
    expectErrorBody(answer.status, answer.headers["content-type"], answer.body, 400);
  });

  it.each([
    ["oversized headers", get(`X-Big: ${"a".repeat(20_000)}\r\n`), "The request's headers are too large"],
    ["a bare CR in a header", "GET /users HTTP/1.1\r\nHost: x\rAccept: y\r\n\r\n", "not valid HTTP/1.1"],
    ["a NUL in a header", "GET /users HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n", "not valid HTTP/1.1"],
    ["no Host on HTTP/1.1", `GET /users HTTP/1.1\r\nAccept: ${contract.mediaType}\r\n\r\n`, "must send a Host header"],
    ["an unknown HTTP version", "GET /users HTTP/7.3\r\nHost: x\r\n\r\n", "HTTP version"],
  ])("%s: Node's own refusal, answered in the contract's body", async (_name, bytes, message) => {
    const answer = parseRaw(await sendRaw(mock.port, bytes));
    expectErrorBody(answer.status, answer.headers["content-type"], answer.body, 400);
    expect(JSON.parse(answer.body).message).toContain(message);
  });

  it("an absolute-form request target is served like its path (RFC 9112)", async () => {
    const answer = parseRaw(
      await sendRaw(
        mock.port,
        `GET http://127.0.0.1:${mock.port}/users/123 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: ${contract.mediaType}\r\nAuthorization: Bearer x\r\nConnection: close\r\n\r\n`,
      ),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).id).toBe(123);
  });
});

describe("mock: what the fault campaign found", () => {
  let mock: RunningMock;
  const lines: string[] = [];
  beforeAll(async () => {
    mock = await startMock({ port: 0, secret: "s3cret-XYZ", onResponse: (line) => lines.push(line.path) });
  });
  afterAll(() => mock?.close());
  const headers = `Host: 127.0.0.1\r\nAccept: ${contract.mediaType}\r\nAuthorization: Bearer s3cret-XYZ\r\n`;

  it("stays up after requests Prism reads differently from the rules (a trailing slash, a query name's case)", async () => {
    for (const path of ["/users/", "/users/1/messages/", "/users?LIMIT=0", "/users?OFFSET=-1"]) {
      const response = await rawRequest(mock.url + path, {
        headers: { ...GOOD_HEADERS, Authorization: "Bearer s3cret-XYZ" },
      });
      expect([200, 404], path).toContain(response.status);
    }
    expect(
      (await rawRequest(`${mock.url}/users/1`, { headers: { ...GOOD_HEADERS, Authorization: "Bearer s3cret-XYZ" } }))
        .status,
    ).toBe(200);
  });

  it.each([
    [
      "a POST with a body: 405 with Allow, as without one",
      `POST /users HTTP/1.1\r\n${headers}Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
      405,
    ],
    ["CONNECT: 405 in the contract's body", "CONNECT h:443 HTTP/1.1\r\nHost: h:443\r\n\r\n", 405],
    ["Expect: something else than 100-continue", `GET /users HTTP/1.1\r\n${headers}Expect: foo\r\n\r\n`, 400],
    ["HTTP/2.0 on an HTTP/1 connection", `GET /users HTTP/2.0\r\n${headers}\r\n`, 400],
    ["two Host lines", `GET /users HTTP/1.1\r\n${headers}Host: other\r\n\r\n`, 400],
    ["a target that is not http(s)", `GET ftp://h/users HTTP/1.1\r\n${headers}\r\n`, 400],
    ["a lower-case method", `get /users HTTP/1.1\r\n${headers}\r\n`, 400],
    ["two Authorization lines", `GET /users HTTP/1.1\r\n${headers}Authorization: Bearer other\r\n\r\n`, 401],
  ])("%s", async (_name, bytes, status) => {
    const text = await sendRaw(mock.port, bytes);
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toHaveLength(1); // one answer, never two on one socket
    const answer = parseRaw(text);
    expectErrorBody(answer.status, answer.headers["content-type"], answer.body, status);
    if (status === 405) expect(answer.headers.allow).toBe("GET");
  });

  it("Transfer-Encoding: identity gets one answer, not ours and Node's", async () => {
    const text = await sendRaw(mock.port, `GET /users HTTP/1.1\r\n${headers}Transfer-Encoding: identity\r\n\r\n`);
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toHaveLength(1);
    expectErrorBody(parseRaw(text).status, parseRaw(text).headers["content-type"], parseRaw(text).body, 400);
  });

  it("never echoes the required secret: not in a path, an Accept or Expect header, a query or the log", async () => {
    const sent = [
      await rawRequest(`${mock.url}/s3cret-XYZ/users`, { headers: GOOD_HEADERS }),
      await rawRequest(`${mock.url}/users`, { headers: { ...GOOD_HEADERS, Accept: "Bearer s3cret-XYZ" } }),
      await rawRequest(`${mock.url}/users?api_key=s3cret-XYZ`, {
        headers: { ...GOOD_HEADERS, Authorization: "Bearer s3cret-XYZ" },
      }),
      await rawRequest(`${mock.url}/users/s3cret%2DXYZ`, { headers: GOOD_HEADERS }),
      await rawRequest(`${mock.url}/users`, { headers: { ...GOOD_HEADERS, Expect: "s3cret-XYZ" } }),
    ];
    expect(sent.map((response) => response.status)).toEqual([404, 406, 200, 401, 400]);
    for (const response of sent) expect(response.text).not.toContain("s3cret-XYZ");
    expect(sent[0]!.json().message).toContain("/[redacted]/users");
    expect(lines.join("\n")).not.toContain("s3cret-XYZ");
    expect(lines).toContain("/users?api_key=[redacted]");
  });

  it("refuses a secret that cannot be a Bearer token, in both hosts' options", async () => {
    await expect(startMock({ port: 0, secret: "two words" })).rejects.toThrow(
      "secret must be a non-empty Bearer token",
    );
    await expect(startMock({ port: 0, secret: "" })).rejects.toThrow("secret must be a non-empty Bearer token");
  });
});
