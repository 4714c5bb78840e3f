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
import { hasCredentials, hasQueryOrFragment, isPath, shownUrl } from "../contract/base-url.js";
import * as contract from "../contract/facts.js";
import { errorFact } from "../contract/facts.js";
import { DEFAULT_ASSETS_BASE, DEFAULT_SEED, type WorldData } from "../world/index.js";
import { placeholder } from "./assets.js";
import { MAX_CONTROL_BODY_BYTES, ownPathAnswer } from "./control.js";
import { createMockHandler } from "./handler.js";
import { announcesBody, type MockRequest } from "./request.js";
import { type MadeUpError, madeUpError } from "./responses.js";
import type { ScenarioControl, ScenarioOptions } from "./scenario.js";

export interface HandlersOptions extends ScenarioOptions {
  /** The world's seed; the same seed and size give the same bodies as `signalzen-api mock`. @default DEFAULT_SEED */
  seed?: string;
  /** How many users, 0 to 1,000,000. @default 250 */
  users?: number;
  /** Serve this world (the load format of `signalzen-api world`), not one made from `seed` and `users`. */
  data?: WorldData;
  /** Only this Bearer secret is accepted; others get 401. @default any non-empty secret */
  secret?: string;
  /**
   * Where the handled API lives: every request under it is answered, unknown paths included (404). A path alone
   * (`"/api/signalzen"`, the proxy path a frontend calls) is resolved against the page's URL where there is one
   * (a browser, jsdom), and matches that path on any origin where there is none (Node). Such a path stands for
   * your own route that adds the secret on a server, so a request there without `Authorization` is answered as
   * that route would have it answered (with `secret`, or a stand-in); one that sends its own is checked as usual.
   * @default "https://api.signalzen.com/external"
   * @example "/api/signalzen"
   */
  baseUrl?: string;
  /**
   * Where the generated world's avatars and files are. Every URL under it is answered with a placeholder, and so
   * is `/__signalzen/assets/` under `baseUrl`. Beside `data`, whose records keep their own URLs, it only says where
   * the placeholders are answered (give the base the data was written with).
   * @default DEFAULT_ASSETS_BASE, "http://127.0.0.1:4010/__signalzen/assets" (what the default mock server serves)
   */
  assetsBase?: string;
}

/** The handlers, with the scenario controls beside them: `handlers.scenario.set({ failRate: 1 })`. */
export type SignalZenHandlers = ReturnType<typeof http.all>[] & { scenario: ScenarioControl };

/** Where the handlers answer: a fixed origin, or any origin (a path-only base outside a page). */
interface Base {
  origin: string | undefined;
  path: string;
}

function resolveBase(given: string): Base {
  const page = (globalThis as { document?: { baseURI?: string } }).document?.baseURI;
  const relative = isPath(given);
  const absolute = relative ? (page ?? "http://any-origin.invalid") : undefined;
  const url = URL.canParse(given, absolute) ? new URL(given.replace(/\/+$/, "") || "/", absolute) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || hasQueryOrFragment(given) || hasCredentials(given)) {
    throw new RangeError(
      `baseUrl must be an http(s) URL or a path (such as ${contract.servers[0]} or /api/signalzen), with no ` +
        `credentials, query or fragment; got ${shownUrl(given)}`,
    );
  }
  return { origin: relative && !page ? undefined : url.origin, path: url.pathname === "/" ? "" : url.pathname };
}

/** Whether a request's URL is at or under the base. */
function under(base: Base, url: URL): boolean {
  if (base.origin !== undefined && url.origin !== base.origin) return false;
  return url.pathname === base.path || url.pathname.startsWith(`${base.path}/`);
}

/**
 * One error in the contract's body with its status's headers (`Retry-After: 1` on 429 and 503), for any request
 * under `baseUrl` (or only `path`, a path of the contract such as `/users/{id}`, or a concrete one): an override
 * for one test, `server.use(mockError(503))`.
 */
export function mockError(
  status: number,
  options: MadeUpError & { baseUrl?: string; path?: string; once?: boolean } = {},
): ReturnType<typeof http.all> {
  if (!errorFact(status)) {
    throw new RangeError(
      `mockError takes a status the contract documents (${Object.keys(contract.errors).join(", ")}); got ${status}`,
    );
  }
  const base = resolveBase(options.baseUrl ?? contract.servers[0]);
  const pattern =
    options.path === undefined
      ? undefined
      : new RegExp(`^${options.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);
  const { status: _, headers, body } = madeUpError(status, options);
  const matches = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    return under(base, url) && (!pattern || pattern.test(url.pathname.slice(base.path.length)));
  };
  return http.all(matches, () => new HttpResponse(body, { status, headers }), { once: options.once ?? false });
}

/**
 * The handlers for every request under `baseUrl`, and for the world's avatars and files: pass them to
 * `setupServer(...)` or `setupWorker(...)`. `scenario` beside them changes the controls at run time.
 */
export function createHandlers(options: HandlersOptions = {}): SignalZenHandlers {
  const base = resolveBase(options.baseUrl ?? contract.servers[0]);
  // A path base is the app's own proxy route, which adds the secret: the browser's client sends none.
  const proxied = options.baseUrl !== undefined && isPath(options.baseUrl);
  const addedByProxy = `Bearer ${options.secret ?? "added-by-your-proxy"}`;
  // A world given as data is checked by the rules between records only: the JSON Schema check (ajv) stays out of
  // the browser bundle; `signalzen-api mock --data` runs both.
  // Beside data, assetsBase does not shape the world (its records keep their URLs): it only says which URLs get
  // placeholders, so a data world written with its own assets base loads its pictures offline here too.
  const { assetsBase: _placeholdersOnly, ...worldOptions } = options;
  const handler = createMockHandler(options.data ? worldOptions : options, { assetsBase: DEFAULT_ASSETS_BASE });
  const assets = resolveBase(options.assetsBase ?? DEFAULT_ASSETS_BASE);
  // Predicates rather than path patterns: msw's pattern matcher throws on a malformed percent-encoding
  // (`/users/%ZZ`), which the contract answers with a 400 like any other bad request.
  const isAsset = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    return url.pathname !== assets.path && under(assets, url);
  };
  const underBase = ({ request }: { request: Request }) => under(base, new URL(request.url));
  const send = (
    request: Request,
    response: { status: number; headers: Record<string, string>; body: string | Uint8Array },
  ) => {
    const empty = request.method === "HEAD" || response.status === 204;
    return new HttpResponse(empty ? null : response.body, { status: response.status, headers: response.headers });
  };

  const handlers = [
    http.all(isAsset, ({ request }) =>
      send(request, placeholder(request.method, new URL(request.url).pathname.slice(assets.path.length))),
    ),
    http.all(underBase, async ({ request }) => {
      const url = new URL(request.url);
      const header = (name: string) =>
        request.headers.get(name) ?? (proxied && name.toLowerCase() === "authorization" ? addedByProxy : undefined);
      const mockRequest: MockRequest = {
        method: request.method,
        path: url.pathname.slice(base.path.length) || "/",
        search: url.search,
        header,
        // msw drops a GET's body but keeps its Content-Length or Transfer-Encoding: judged as the server judges.
        hasBody: request.body !== null || announcesBody(header),
      };
      const readControlBody = async () => {
        const text = await request.text();
        return new TextEncoder().encode(text).length > MAX_CONTROL_BODY_BYTES ? undefined : text;
      };
      const own = await ownPathAnswer(mockRequest, handler, readControlBody);
      if (own) return send(request, own);
      const { response, delayMs } = await handler.handle(mockRequest);
      if (delayMs) await delay(delayMs);
      return send(request, response);
    }),
  ];
  return Object.assign(handlers, { scenario: handler.scenario });
}

export { DEFAULT_SEED };
