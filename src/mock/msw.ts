/**
 * `@signalzen/api/msw`: MSW request handlers that behave like the documented API and the mock server,
 * down to the bytes: the same rules (one module, handler.ts) over the same world. For component tests
 * (`setupServer` in Node) and the browser (`setupWorker`). Browser-safe; `msw` 2.15+ or 3.x is an optional peer.
 *
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createHandlers } from "@signalzen/api/msw";
 * const server = setupServer(...createHandlers());
 * ```
 */
// Static named imports, no top-level await: `require("@signalzen/api/msw")` works on Node 20.19+/22+ (a module
// graph with top-level await cannot be required), and a bundler keeps only these three, not msw's graphql.
// Without msw installed the runtime says "Cannot find package 'msw'"; README says what to install.
import { delay, HttpResponse, http } from "msw";
import * as contract from "../../generated/contract.js";
import {
  checkWorldData,
  createWorld,
  DEFAULT_SEED,
  type World,
  type WorldData,
  worldFromData,
} from "../world/index.js";
import { announcesBody, type MockRequest } from "./exchange.js";
import { createMockHandler } from "./handler.js";
import { checkScenario, type ScenarioOptions } from "./scenario.js";

export interface HandlersOptions extends ScenarioOptions {
  /** The world's seed; the same seed and size give the same bodies as `signalzen-api mock`. @default DEFAULT_SEED */
  seed?: string;
  /** How many users, 0 to 1,000,000. @default 250 */
  users?: number;
  /** Serve this world (the load format of `signalzen-api world`) instead of a generated one. */
  data?: WorldData;
  /** Only this Bearer secret is accepted; others get 401. @default any non-empty secret */
  secret?: string;
  /**
   * Where the handled API lives: every request under it is answered, unknown paths included (404).
   * @default "https://api.signalzen.com/external"
   * @example "http://127.0.0.1:4010"
   */
  baseUrl?: string;
}

/** The handlers for every request under `baseUrl`: pass them to `setupServer(...)` or `setupWorker(...)`. */
export function createHandlers(options: HandlersOptions = {}) {
  checkScenario(options);
  const given = options.baseUrl ?? contract.servers[0];
  const base = URL.canParse(given) ? new URL(given.replace(/\/+$/, "")) : undefined;
  if (!base || !/^https?:$/.test(base.protocol) || base.search || base.hash) {
    const example = contract.servers[0];
    throw new RangeError(
      `baseUrl must be an http(s) URL with no query or fragment, such as ${example}; got ${JSON.stringify(given)}`,
    );
  }
  const seed = options.seed ?? DEFAULT_SEED;
  let world: World;
  if (options.data) {
    // Structural rules only: the JSON Schema check (ajv) stays out of the browser bundle;
    // `signalzen-api mock --data` runs both.
    const check = checkWorldData(options.data);
    if (!check.ok) throw new RangeError(`data: ${check.path} ${check.rule}`);
    world = worldFromData(check.data);
  } else {
    world = createWorld({ seed, ...(options.users !== undefined && { users: options.users }) });
  }
  const handler = createMockHandler({ ...options, world, seed });
  const basePath = base.pathname === "/" ? "" : base.pathname;
  // A predicate rather than a path pattern: msw's pattern matcher throws on a malformed percent-encoding
  // (`/users/%ZZ`), which the contract answers with a 400 like any other bad request.
  const underBase = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    return url.origin === base.origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`));
  };

  return [
    http.all(underBase, async ({ request }) => {
      const url = new URL(request.url);
      const header = (name: string) => request.headers.get(name) ?? undefined;
      const mockRequest: MockRequest = {
        method: request.method,
        path: url.pathname.slice(basePath.length) || "/",
        search: url.search,
        header,
        // msw drops a GET's body but keeps its Content-Length or Transfer-Encoding: judged as the server judges.
        hasBody: request.body !== null || announcesBody(header),
      };
      const { response, delayMs } = await handler.handle(mockRequest);
      if (delayMs) await delay(delayMs);
      const empty = request.method === "HEAD" || response.status === 204;
      return new HttpResponse(empty ? null : response.body, { status: response.status, headers: response.headers });
    }),
  ];
}

export { DEFAULT_SEED };
