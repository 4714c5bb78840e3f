/**
 * `startMock()`: the SignalZen mock server, for frontend developers and for other repos' test setup.
 * A server of its own (node:http): each request goes through the one handler both mock hosts share
 * (handler.ts), with Prism as the engine that validates it, and the response is written once.
 *
 * ```ts
 * import { startMock } from "@signalzen/api/mock";
 * const mock = await startMock({ port: 0 });
 * // ... point the client at mock.url ...
 * await mock.close();
 * ```
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import * as contract from "../../generated/contract.js";
import { packageFile } from "../contract/files.js";
import { ASSETS_PATH, createWorld, DEFAULT_SEED, type World, type WorldData, worldFromData } from "../world/index.js";
import type { AssetResponse } from "./assets.js";
import { MAX_CONTROL_BODY_BYTES, ownPathAnswer } from "./control.js";
import { encodedBodies } from "./encoded-body.js";
import { errorBody } from "./error-body.js";
import { announcesBody, errorResponse, type MockRequest, type MockResponse, statusHeaders } from "./exchange.js";
import { createMockHandler } from "./handler.js";
import { CONTRACT_PATH, contractFile, DOCS_PATH, docsPage, homePage, wantsPage } from "./home-page.js";
import { createPrismEngine } from "./prism.js";
import { checkScenario, type ScenarioOptions } from "./scenario.js";

export interface MockOptions extends ScenarioOptions {
  /** @default 4010; 0 picks a free port. */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** Require exactly this Bearer secret. @default undefined: any non-empty secret is accepted. */
  secret?: string;
  /** The world's seed: the same seed and size give the same answers, byte for byte. @default DEFAULT_SEED */
  seed?: string;
  /** How many users the world has, 0 to 1,000,000. @default 250 */
  users?: number;
  /**
   * Where the generated world's avatars and files are (a world given as `data` keeps its own URLs). The server
   * answers every URL under `/__signalzen/assets/` with a placeholder, so by default pictures load from the mock.
   * @default the server's own origin: `${url}/__signalzen/assets`
   */
  assetsBase?: string;
  /**
   * Serve this world (the load format `signalzen-api world` writes) instead of a generated one. It is checked
   * whole first, and frozen: the mock serves this very object, so it must not change under it.
   */
  data?: WorldData;
  /**
   * Before the world existed this served Prism's schema-generated data, which was not coherent (a total that
   * disagreed with its items). The world replaces it: `dynamic` is accepted and ignored. @deprecated
   */
  dynamic?: boolean;
  /** Called once per request with its method, path, status and duration. @default no logging */
  onResponse?: (line: { method: string; path: string; status: number; ms: number }) => void;
}

export interface RunningMock {
  /** Base URL to give the client, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** The world being served. */
  world: World;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

export const DEFAULT_MOCK_PORT = 4010;
export const DEFAULT_MOCK_HOST = "127.0.0.1";

/** A request target in absolute form (`GET http://host/users`) is served like its path (RFC 9112 §3.2.2). */
function splitTarget(target: string): { path: string; search: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    try {
      const url = new URL(target);
      return /^https?:$/.test(url.protocol) ? { path: url.pathname, search: url.search } : undefined;
    } catch {
      return undefined;
    }
  }
  const queryAt = target.indexOf("?");
  return queryAt === -1
    ? { path: target, search: "" }
    : { path: target.slice(0, queryAt), search: target.slice(queryAt) };
}

/** A small body (a scenario change), or undefined when it is larger than the control accepts (the rest unread). */
function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CONTROL_BODY_BYTES) {
        request.pause();
        request.removeAllListeners("data");
        return resolve(undefined);
      }
      chunks.push(chunk);
    });
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", reject);
  });
}

function toMockRequest(request: http.IncomingMessage, target: { path: string; search: string }): MockRequest {
  const headers = request.headersDistinct;
  // Repeated lines joined as fetch joins them: two Authorization lines are not one secret.
  const header = (name: string) => headers[name]?.join(", ");
  return { method: request.method ?? "GET", ...target, header, hasBody: announcesBody(header) };
}

const refuse = (message: string) => errorResponse(400, message);

/** What only this host sees wrong with a request, before the shared rules; each answered in the contract's body. */
function checkTransport(request: http.IncomingMessage): MockResponse | { path: string; search: string } {
  if (request.httpVersion !== "1.1" && request.httpVersion !== "1.0") {
    return refuse("The request's HTTP version is not one this server speaks (HTTP/1.0 or 1.1).");
  }
  const hosts = request.headersDistinct.host ?? [];
  if (hosts.length > 1) return refuse("The request has more than one Host header (RFC 9112 §3.2); send one.");
  if (request.httpVersion === "1.1" && hosts.length === 0)
    return refuse("An HTTP/1.1 request must send a Host header.");
  return splitTarget(request.url ?? "/") ?? refuse("The request target must be a path, or an http(s) URL.");
}

/** Node could not parse the request (headers too large, a bare CR, NUL, an unknown version, no Host): why, in words. */
function describeClientError(error: Error & { code?: string }): string {
  if (error.code === "HPE_HEADER_OVERFLOW") return "The request's headers are too large (the limit is 16 KB).";
  if (error.code === "HPE_INVALID_VERSION")
    return "The request's HTTP version is not one this server speaks (HTTP/1.0 or 1.1).";
  if (error.code === "HPE_INVALID_METHOD")
    return "The request's method is not valid HTTP (methods are upper case: GET).";
  if (error.code === "HPE_INVALID_URL")
    return "The request target is not a valid path (encode spaces and other characters as %XX).";
  if (/host/i.test(error.message)) return "An HTTP/1.1 request must send a Host header.";
  return "The request is not valid HTTP/1.1 (for example a bare CR or a NUL in its headers).";
}

const REASONS: Record<number, string> = { 400: "Bad Request", 405: "Method Not Allowed" };

/** A whole response written on a socket Node will not answer itself; the connection is closed after it. */
function rawResponse(response: MockResponse): string {
  const headers = {
    ...response.headers,
    "Content-Length": String(Buffer.byteLength(response.body)),
    Connection: "close",
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${response.status} ${REASONS[response.status]}\r\n${lines.join("\r\n")}\r\n\r\n${response.body}`;
}

/** The file checker validates records with ajv, which only a world given as data needs. */
async function loadChecker(): Promise<typeof import("../world/load-file.js")> {
  try {
    return await import("../world/load-file.js");
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error(
      "a world given as data is checked with ajv, which is not installed. " +
        "Install it with: npm install --save-dev ajv@8 ajv-formats@3",
    );
  }
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? DEFAULT_MOCK_PORT;
  const host = options.host ?? DEFAULT_MOCK_HOST;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535 (0 picks a free port); got ${port}`);
  }
  checkScenario(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const data = options.data && worldFromData((await loadChecker()).checkedWorldData(options.data, "data"));
  // Checked before listening, so a bad option never leaves a port taken; the world itself needs the URL.
  if (!data && options.assetsBase !== undefined) createWorld({ users: 0, assetsBase: options.assetsBase });
  const engine = await createPrismEngine(packageFile("openapi.yaml"));
  const onResponse = options.onResponse;
  // Set once the server listens (its URL is the default assets base), before any request can be read.
  let world: World;
  let handler: ReturnType<typeof createMockHandler>;
  let url: string;

  /** The mock's own answers: its home page, its docs, its scenario control and its placeholders. */
  async function ownAnswer(
    request: http.IncomingMessage,
    mockRequest: MockRequest,
  ): Promise<AssetResponse | undefined> {
    if (mockRequest.path === "/" && wantsPage(mockRequest)) {
      const description = options.data
        ? `A world given as data: ${world.userCount} users, ${world.operators().length} operators.`
        : `Seed "${seed}": ${world.userCount} users and their chats, ${world.operators().length} operators.`;
      return homePage({
        url,
        world: description,
        secretRequired: options.secret !== undefined,
        scenario: handler.scenario.get(),
      });
    }
    if (mockRequest.path === DOCS_PATH && request.method === "GET") return docsPage();
    if (mockRequest.path === CONTRACT_PATH && request.method === "GET") return contractFile();
    return ownPathAnswer(mockRequest, handler, () => readBody(request));
  }

  // Sockets with a request of ours in flight: a parse error that follows it (a request Node dispatched, then
  // could not read on, such as `Transfer-Encoding: identity`) gets no second answer; the socket closes after ours.
  const inFlight = new WeakSet<Socket>();
  const encoded = encodedBodies();
  const closeAfter = new WeakSet<Socket>();

  async function answer(
    request: http.IncomingMessage,
  ): Promise<{ response: AssetResponse; delayMs: number; close: boolean }> {
    const target = checkTransport(request);
    if ("status" in target) return { response: target, delayMs: 0, close: true };
    const mockRequest = toMockRequest(request, target);
    const own = await ownAnswer(request, mockRequest);
    if (own) return { response: own, delayMs: 0, close: mockRequest.hasBody === true && !request.complete };
    const handled = await handler.handle(mockRequest, engine);
    // A request with a body is answered unread: closing the connection saves reading what may be megabytes.
    return { ...handled, close: mockRequest.hasBody === true };
  }

  // Host is checked in checkTransport rather than by Node, whose own refusal has an empty body.
  const server = http.createServer({ requireHostHeader: false }, async (request, response) => {
    const started = onResponse ? performance.now() : 0;
    inFlight.add(request.socket);
    let reply: Awaited<ReturnType<typeof answer>>;
    try {
      reply = await answer(request);
    } catch (error) {
      // A fault of the mock's own: the contract's 500, and the server stays up.
      const message = `The mock failed to answer: ${error instanceof Error ? error.message : String(error)}`.slice(
        0,
        500,
      );
      reply = { response: errorResponse(500, message), delayMs: 0, close: false };
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (response.destroyed) return;
    const { status, headers, body } = reply.response;
    const bytes = encoded(body);
    if (reply.close || closeAfter.has(request.socket)) response.setHeader("Connection", "close");
    response.writeHead(status, { ...headers, "Content-Length": bytes.length });
    response.end(request.method === "HEAD" ? undefined : bytes);
    inFlight.delete(request.socket);
    if (closeAfter.has(request.socket)) request.socket.end();
    onResponse?.({
      method: request.method ?? "",
      path: handler.redact(request.url ?? ""),
      status,
      ms: performance.now() - started,
    });
  });
  // Requests Node cannot parse get the contract's error body too, not Node's empty 400/431.
  server.on("clientError", (error: Error & { code?: string }, socket: Socket) => {
    if (inFlight.has(socket)) return void closeAfter.add(socket);
    if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
    socket.end(rawResponse(errorResponse(400, describeClientError(error))));
  });
  // CONNECT would otherwise close with no answer at all; `Expect:` anything but 100-continue would get Node's 417.
  server.on("connect", (_request: http.IncomingMessage, socket: Socket) => {
    const message = "CONNECT is not allowed: the API is read-only, only GET is allowed.";
    socket.end(rawResponse(errorResponse(405, message, undefined, statusHeaders(405))));
  });
  server.on("checkExpectation", (request: http.IncomingMessage, response: http.ServerResponse) => {
    const body = JSON.stringify(
      errorBody(
        400,
        `Expect: ${handler.redact(String(request.headers.expect)).slice(0, 100)} is not supported; send the request without it.`,
      ),
    );
    response.writeHead(400, {
      "Content-Type": contract.mediaType,
      "Content-Length": Buffer.byteLength(body),
      Connection: "close",
    });
    response.end(body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `http://${shownHost}:${address.port}`;
  world =
    data ??
    createWorld({
      seed,
      ...(options.users !== undefined && { users: options.users }),
      assetsBase: options.assetsBase ?? `${url}${ASSETS_PATH}`,
    });
  handler = createMockHandler({ ...options, world, seed });
  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    world,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
