/**
 * `startMock()`: the SignalZen mock server, for frontend developers and for other repos' test setup, and its
 * lifecycle (options checked before it listens, close). A server of its own (node:http): each request is read by
 * the Node transport (node-transport.ts), goes through the one handler both mock hosts share (handler.ts), with
 * Prism validating it, and the response is written once.
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
import { importPeer } from "../node/optional-peer.js";
import { packageFile } from "../node/package-file.js";
import { ASSETS_PATH, DEFAULT_SEED, type World, type WorldData } from "../world/index.js";
import { ownPathAnswer } from "./control.js";
import { encodedBodies } from "./encoded-body.js";
import { type MockHandler, prepareMock } from "./handler.js";
import { CONTRACT_PATH, contractFile, DOCS_PATH, docsPage, homePage, wantsPage } from "./home-page.js";
import {
  checkTransport,
  connectRefused,
  expectationRefused,
  rawResponse,
  readControlBody,
  toMockRequest,
  unparsedRequest,
} from "./node-transport.js";
import { createPrismValidator } from "./prism.js";
import type { MockRequest } from "./request.js";
import { type ContentResponse, mockFault } from "./responses.js";
import type { ScenarioOptions } from "./scenario.js";

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
   * Where the generated world's avatars and files are (not with `data`, whose records carry their own). The server
   * answers every URL under `/__signalzen/assets/` with a placeholder, so by default pictures load from the mock.
   * @default the server's own origin: `${url}/__signalzen/assets`
   */
  assetsBase?: string;
  /**
   * Serve this world (the load format `signalzen-api world` writes) instead of a generated one (not with `seed`,
   * `users` or `assetsBase`, which shape a generated world). It is checked whole first, and frozen: the mock
   * serves this very object, so it must not change under it.
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

/** The file checker validates records with ajv, which only a world given as data needs. */
function loadChecker(): Promise<typeof import("../world/load-file.js")> {
  return importPeer(() => import("../world/load-file.js"), {
    need: "a world given as data is checked with ajv and ajv-formats",
    install: ["ajv@8", "ajv-formats@3"],
  });
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? DEFAULT_MOCK_PORT;
  const host = options.host ?? DEFAULT_MOCK_HOST;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535 (0 picks a free port); got ${port}`);
  }
  // A world given as data is checked with ajv too, which only it needs.
  const checker = options.data && (await loadChecker());
  // Every option checked before listening, so a bad one never leaves a port taken; the world needs the URL.
  const prepared = prepareMock(options, checker && ((data) => checker.checkedWorldData(data, "data")));
  const validateRequest = await createPrismValidator(packageFile("openapi.yaml"));
  const onResponse = options.onResponse;
  // Set once the server listens (its URL is the default assets base), before any request can be read.
  let handler: MockHandler;
  let url: string;

  /** The mock's own answers: its home page, its docs, its scenario control and its placeholders. */
  async function ownAnswer(
    request: http.IncomingMessage,
    mockRequest: MockRequest,
  ): Promise<ContentResponse | undefined> {
    if (mockRequest.path === "/" && wantsPage(mockRequest)) {
      const { world } = handler;
      const description = options.data
        ? `A world given as data: ${world.userCount} users, ${world.operators().length} operators.`
        : `Seed "${options.seed ?? DEFAULT_SEED}": ${world.userCount} users and their chats, ${world.operators().length} operators.`;
      return homePage({
        url,
        world: description,
        secretRequired: options.secret !== undefined,
        scenario: handler.scenario.get(),
      });
    }
    if (mockRequest.path === DOCS_PATH && request.method === "GET") return docsPage();
    if (mockRequest.path === CONTRACT_PATH && request.method === "GET") return contractFile();
    return ownPathAnswer(mockRequest, handler, () => readControlBody(request));
  }

  // Sockets with a request of ours in flight: a parse error that follows it (a request Node dispatched, then
  // could not read on, such as `Transfer-Encoding: identity`) gets no second answer; the socket closes after ours.
  const inFlight = new WeakSet<Socket>();
  const encoded = encodedBodies();
  const closeAfter = new WeakSet<Socket>();

  async function answer(
    request: http.IncomingMessage,
  ): Promise<{ response: ContentResponse; delayMs: number; close: boolean }> {
    const target = checkTransport(request);
    if ("status" in target) return { response: target, delayMs: 0, close: true };
    const mockRequest = toMockRequest(request, target);
    const own = await ownAnswer(request, mockRequest);
    if (own) return { response: own, delayMs: 0, close: mockRequest.hasBody === true && !request.complete };
    const handled = await handler.handle(mockRequest);
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
      reply = { response: mockFault(error), delayMs: 0, close: false };
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
    socket.end(rawResponse(unparsedRequest(error)));
  });
  // CONNECT would otherwise close with no answer at all; `Expect:` anything but 100-continue would get Node's 417.
  server.on("connect", (_request: http.IncomingMessage, socket: Socket) => {
    socket.end(rawResponse(connectRefused()));
  });
  server.on("checkExpectation", (request: http.IncomingMessage, response: http.ServerResponse) => {
    const { status, headers, body } = expectationRefused(handler.redact(String(request.headers.expect)));
    response.writeHead(status, { ...headers, "Content-Length": Buffer.byteLength(body), Connection: "close" });
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
  handler = prepared.start({ assetsBase: `${url}${ASSETS_PATH}`, validateRequest });
  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    world: handler.world,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
