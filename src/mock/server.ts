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
import { packageFile } from "../contract/files.js";
import { createWorld, DEFAULT_SEED, type World, type WorldData, worldFromData } from "../world/index.js";
import { errorResponse, type MockRequest, type MockResponse } from "./exchange.js";
import { createMockHandler } from "./handler.js";
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
  /** Serve this world (the load format `signalzen-api world` writes) instead of a generated one. */
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
function splitTarget(target: string): { path: string; search: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      return { path: url.pathname, search: url.search };
    } catch {
      return { path: target, search: "" };
    }
  }
  const queryAt = target.indexOf("?");
  return queryAt === -1 ? { path: target, search: "" } : { path: target.slice(0, queryAt), search: target.slice(queryAt) };
}

function toMockRequest(request: http.IncomingMessage): MockRequest {
  const { path, search } = splitTarget(request.url ?? "/");
  const headers = request.headers;
  return {
    method: request.method ?? "GET",
    path,
    search,
    header: (name) => {
      const value = headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/** Every operation is a GET, which has no body: one is refused unread, and the connection closed. */
function hasBody(request: http.IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return (length !== undefined && length !== "0") || request.headers["transfer-encoding"] !== undefined;
}

/** Node could not parse the request (headers too large, a bare CR, NUL, an unknown version, no Host): why, in words. */
function describeClientError(error: Error & { code?: string }): string {
  if (error.code === "HPE_HEADER_OVERFLOW") return "The request's headers are too large (the limit is 16 KB).";
  if (error.code === "HPE_INVALID_VERSION") return "The request's HTTP version is not one this server speaks (HTTP/1.0 or 1.1).";
  if (/host/i.test(error.message)) return "An HTTP/1.1 request must send a Host header.";
  return "The request is not valid HTTP/1.1 (for example a bare CR or a NUL in its headers).";
}

function rawResponse(response: MockResponse): string {
  const headers = Object.entries({ ...response.headers, "Content-Length": String(Buffer.byteLength(response.body)), Connection: "close" });
  return `HTTP/1.1 ${response.status} Bad Request\r\n${headers.map(([name, value]) => `${name}: ${value}`).join("\r\n")}\r\n\r\n${response.body}`;
}

/** The file checker validates records with ajv, which only a world given as data needs. */
async function loadChecker(): Promise<typeof import("../world/load-file.js")> {
  try {
    return await import("../world/load-file.js");
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error("a world given as data is checked with ajv, which is not installed. Install it with: npm install --save-dev ajv@8 ajv-formats@3");
  }
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? DEFAULT_MOCK_PORT;
  const host = options.host ?? DEFAULT_MOCK_HOST;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535 (0 picks a free port); got ${port}`);
  }
  if (options.secret !== undefined && options.secret.trim() === "") {
    throw new RangeError("secret must not be empty; leave it out to accept any non-empty secret");
  }
  checkScenario(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const world = options.data
    ? worldFromData((await loadChecker()).checkedWorldData(options.data, "data"))
    : createWorld({ seed, ...(options.users !== undefined && { users: options.users }) });
  const engine = await createPrismEngine(packageFile("openapi.yaml"));
  const handler = createMockHandler({ ...options, world, seed });
  const onResponse = options.onResponse;

  // Host is checked below rather than by Node, whose own refusal has an empty body.
  const server = http.createServer({ requireHostHeader: false }, async (request, response) => {
    const started = onResponse ? performance.now() : 0;
    let answer: MockResponse;
    let delayMs = 0;
    if (request.httpVersion === "1.1" && request.headers.host === undefined) {
      answer = errorResponse(400, "An HTTP/1.1 request must send a Host header.");
      response.setHeader("Connection", "close");
    } else if (hasBody(request)) {
      answer = errorResponse(400, "A GET request has no body; send the request without one.", [{ location: "body", message: "must be empty" }]);
      response.setHeader("Connection", "close");
    } else {
      ({ response: answer, delayMs } = await handler.handle(toMockRequest(request), engine));
    }
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return;
    response.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
    response.end(request.method === "HEAD" ? undefined : answer.body);
    onResponse?.({ method: request.method ?? "", path: request.url ?? "", status: answer.status, ms: performance.now() - started });
  });
  // Requests Node cannot parse get the contract's error body too, not Node's empty 400/431.
  server.on("clientError", (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
    socket.end(rawResponse(errorResponse(400, describeClientError(error))));
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
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
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
