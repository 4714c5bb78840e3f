/**
 * One rule set, two hosts (issue 11): the same table of requests against the mock server and against the
 * MSW handlers (in Node, `setupServer`), with the same seed and size, gets the same status, the same error
 * body and the same success body, byte for byte, and the same contract headers. On msw 2 and msw 3 alike (the
 * Node 20 and Node 24 legs), with one difference msw 3 brings, asserted below rather than skipped.
 */
import { createRequire } from "node:module";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import { createHandlers } from "../../src/mock/msw.js";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { generateWorld } from "../../src/world/index.js";
import { GOOD_HEADERS, rawRequest } from "../helpers/http.js";

const MSW_BASE = "https://api.signalzen.com/external";
const SEED = "parity";
const SECRET = "parity-secret";
// The same options give the same bytes: each host's default assets base is its own (issue 21).
const ASSETS = "https://assets.test/signalzen";
const good = { ...GOOD_HEADERS, Authorization: `Bearer ${SECRET}` };
const mswMajor = Number(createRequire(import.meta.url)("msw/package.json").version.split(".")[0]);
const world = generateWorld({ seed: SEED, users: 120 });
const chatted = [...world.users()].filter((user) => world.chat(user.id)!.length > 3);
const [owner, other] = chatted as [(typeof chatted)[number], (typeof chatted)[number]];
const ownMessage = world.chat(owner.id)![2]!.id;
const foreignMessage = world.chat(other.id)![0]!.id;

type Row = [name: string, method: string, path: string, headers: Record<string, string>];

const sample: Record<string, string> = {
  listUsers: "/users",
  getUser: `/users/${owner.id}`,
  listUserMessages: `/users/${owner.id}/messages`,
  getUserMessage: `/users/${owner.id}/messages/${ownMessage}`,
};

const rows: Row[] = [
  ["unknown path", "GET", "/nope", good],
  ["invalid percent-encoding", "GET", "/users/%ZZ", good],
  ["POST", "POST", "/users", good],
  ["DELETE a message", "DELETE", sample.getUserMessage!, good],
  ["no Accept", "GET", "/users", { Authorization: good.Authorization }],
  ["Accept */*", "GET", "/users", { ...good, Accept: "*/*" }],
  ["Accept application/json", "GET", "/users", { ...good, Accept: "application/json" }],
  ["Accept with charset", "GET", "/users/1", { ...good, Accept: `${contract.mediaType}; charset=utf-8` }],
  ["no Authorization", "GET", "/users", { Accept: contract.mediaType }],
  ["Basic auth", "GET", "/users", { ...good, Authorization: "Basic dXNlcjpwYXNz" }],
  ["wrong secret", "GET", "/users", { ...good, Authorization: "Bearer wrong-secret" }],
  ["bearer in lower case", "GET", "/users/2", { ...good, Authorization: `bearer ${SECRET}` }],
  ["limit=0", "GET", "/users?limit=0", good],
  ["limit=100", "GET", "/users?limit=100", good],
  ["limit=abc", "GET", "/users?limit=abc", good],
  ["limit=1e1", "GET", "/users?limit=1e1", good],
  ["offset=-1", "GET", `/users/${owner.id}/messages?offset=-1`, good],
  ["id=abc", "GET", "/users/abc", good],
  ["id=0", "GET", "/users/0/messages/1", good],
  ["id=%201", "GET", "/users/%201", good],
  ["unknown user", "GET", "/users/121", good],
  ["messages of an unknown user", "GET", "/users/121/messages", good],
  ["a message of another chat", "GET", `/users/${owner.id}/messages/${foreignMessage}`, good],
  ["an undeclared Prefer code", "GET", "/users", { ...good, Prefer: "code=410" }],
  // Found by the fault campaign: each once crashed the server or split the hosts.
  ["a trailing slash", "GET", "/users/", good],
  ["a trailing slash on a record", "GET", `${sample.getUser}/`, good],
  ["a query name in other letter case", "GET", "/users?Limit=100", good],
  ["LIMIT=0 beside limit=5", "GET", "/users?limit=5&LIMIT=0", good],
  ["OFFSET=-1", "GET", "/users?OFFSET=-1", good],
  ["the secret in the path", "GET", `/${SECRET}/users`, good],
  ["the secret in Accept", "GET", "/users", { ...good, Accept: `Bearer ${SECRET}` }],
  ["Prefer example", "GET", sample.getUserMessage!, { ...good, Prefer: "example=operatorMessage" }],
  ["an unknown Prefer example", "GET", "/users", { ...good, Prefer: "example=nope" }],
  ["first page", "GET", "/users", good],
  ["a window", "GET", "/users?offset=10&limit=5", good],
  ["the last page", "GET", "/users?offset=100&limit=99", good],
  ["past the end", "GET", "/users?offset=300", good],
  ["a user", "GET", sample.getUser!, good],
  ["a chat window", "GET", `/users/${owner.id}/messages?offset=1&limit=2`, good],
  ["a message", "GET", sample.getUserMessage!, good],
  ...contract.operations.flatMap((operation) =>
    operation.statuses
      .filter((status) => status !== 200)
      .map(
        (status): Row => [
          `Prefer: code=${status} on ${operation.operationId}`,
          "GET",
          sample[operation.operationId]!,
          { ...good, Prefer: `code=${status}` },
        ],
      ),
  ),
];

interface Seen {
  status: number;
  body: string;
  contentType: string | null | undefined;
  contractHeaders: Record<string, string | undefined>;
}

describe("the mock server and the MSW handlers answer alike", () => {
  let mock: RunningMock;
  const msw = setupServer(...createHandlers({ seed: SEED, users: 120, secret: SECRET, assetsBase: ASSETS }));
  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: SEED, users: 120, secret: SECRET, assetsBase: ASSETS });
    // The mock server's own requests pass through; anything else unhandled is an error. msw 2 calls
    // onUnhandledRequest(request, print), msw 3 onUnhandledFrame({ frame, defaults }) (msw 3 also sees the
    // node:http requests to the mock server); each major ignores the other's key, so both are named.
    const local = (url: string | undefined) => url !== undefined && new URL(url).hostname === "127.0.0.1";
    const unhandled = {
      onUnhandledRequest: (request: Request, print: { error(): void }) => void (local(request.url) || print.error()),
      onUnhandledFrame: ({ frame, defaults }: { frame: { data: unknown }; defaults: { error(): void } }) =>
        void (local((frame.data as { request?: Request }).request?.url) || defaults.error()),
    };
    msw.listen(unhandled);
  });
  afterAll(async () => {
    msw.close();
    await mock?.close();
  });

  const pick = (get: (name: string) => string | null | undefined) =>
    Object.fromEntries(["allow", "retry-after", "www-authenticate"].map((name) => [name, get(name) ?? undefined]));

  const statusesSeen = new Set<number>();
  it.each(rows)("%s", async (_name, method, path, headers) => {
    // msw 3 intercepts below fetch in Node (at net/tls), so the handlers see the headers undici adds itself: a
    // fetch sent without Accept reaches them as `Accept: */*`, and the server is asked what they were asked.
    const undiciAccept = mswMajor >= 3 && !Object.keys(headers).some((name) => name.toLowerCase() === "accept");
    const fromServer = await rawRequest(mock.url + path, {
      method,
      headers: undiciAccept ? { ...headers, Accept: "*/*" } : headers,
    });
    const server: Seen = {
      status: fromServer.status,
      body: fromServer.text,
      contentType: fromServer.headers["content-type"],
      contractHeaders: pick((name) => fromServer.headers[name] as string | undefined),
    };
    const fromMsw = await fetch(MSW_BASE + path, { method, headers });
    const handlers: Seen = {
      status: fromMsw.status,
      body: await fromMsw.text(),
      contentType: fromMsw.headers.get("content-type"),
      contractHeaders: pick((name) => fromMsw.headers.get(name)),
    };
    expect(handlers).toEqual(server);
    expect(server.contentType).toBe(contract.mediaType);
    statusesSeen.add(server.status);
  });

  // Through node:http, which can send a GET with a body (fetch cannot): msw drops the body, keeps the headers.
  it.each([
    ["Content-Length: 3", { "Content-Length": "3" }],
    ["Transfer-Encoding: chunked", { "Transfer-Encoding": "chunked" }],
  ])("a GET with a body (%s): 400 from both", async (_name, bodyHeaders) => {
    const send = (base: string) => rawRequest(`${base}/users`, { headers: { ...good, ...bodyHeaders }, body: "abc" });
    const [fromServer, fromMsw] = [await send(mock.url), await send(MSW_BASE)];
    expect({ status: fromMsw.status, body: fromMsw.text }).toEqual({
      status: fromServer.status,
      body: fromServer.text,
    });
    expect(fromServer.json()).toEqual({
      status: 400,
      code: "bad_request",
      message: "A GET request has no body; send the request without one.",
      details: [{ location: "body", message: "must be empty" }],
    });
  });

  it("the table covers every status the contract documents, and success", () => {
    expect([...statusesSeen].sort()).toEqual([200, ...contract.errorStatuses].sort());
  });
});
