/**
 * `createSignalZenClient()`: the typed client. A call goes: argument checks, then openapi-fetch (which
 * sends both required headers), each attempt under its own timeout (body included), retries by the
 * policy in retry.ts, and either the typed record or a typed error (errors.ts).
 *
 * No Node-only API is used here: it runs in Node, browsers, Deno and Bun.
 */
import createClient, { type Client } from "openapi-fetch";
import * as contract from "../../generated/contract.js";
import type { paths } from "../../generated/schema.js";
import { checkId, checkInteger, checkKnown, checkPage, isLoopback } from "./arguments.js";
import { APIError, ConnectionError, InvalidArgumentError, InvalidResponseError, TimeoutError, errorFromResponse, type RequestInfo } from "./errors.js";
import type { Message, MessageList, PageParams, User, UserList } from "./models.js";
import { walkPages, type WalkOptions } from "./paginate.js";
import { redactSecret } from "./redact.js";
import { backoffDelay, parseRetryAfter, resolveRetryPolicy, sleep, type RetryPolicy } from "./retry.js";

export interface ClientOptions {
  /** Your SignalZen API secret key, sent as `Authorization: Bearer ...` on every request. Required. */
  apiSecret: string;
  /**
   * Where the API is.
   * @default "https://api.signalzen.com/external"
   * @example "http://127.0.0.1:4010" // the mock server
   */
  baseUrl?: string;
  /**
   * The Fetch API function to use: for tests, proxies, MSW.
   * @default globalThis.fetch
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * How long one attempt may take, headers and body, in milliseconds.
   * @default 30_000
   */
  timeoutMs?: number;
  /**
   * The retry policy (see `RetryPolicy` for every field and its default), or `false` for no retries.
   * @default { limit: 2, afterStatusCodes: [429, 503], statusCodes: [500, 502, 504], maxRetryAfter: 60_000, backoffMs: 300, backoffLimit: 10_000, retryOnNetworkError: true }
   * @example { limit: 5, maxRetryAfter: 120_000 }
   */
  retry?: Partial<RetryPolicy> | false;
  /**
   * Send the secret over plain `http://` to a host that is not loopback. Without it the client refuses:
   * the secret would cross the network readable by anyone on the path.
   * @default false
   */
  allowInsecureHttp?: boolean;
}

export interface CallOptions {
  /** Aborts the call, including a retry wait. */
  signal?: AbortSignal;
}

export interface AllOptions extends WalkOptions {}

/** Every record of a list: `for await (const user of sz.users.all())`, or page by page with `.pages()`. */
export interface Paginator<Item, PageType> extends AsyncIterable<Item> {
  pages(): AsyncIterable<PageType>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_CONCURRENCY = 16;
const TIMED_OUT = Symbol("timed out");

type Params = { path?: Record<string, number>; query?: PageParams };

function checkOptions(options: ClientOptions): { baseUrl: string; timeoutMs: number } {
  const { apiSecret, allowInsecureHttp } = options ?? {};
  if (typeof apiSecret !== "string" || !apiSecret.trim()) throw new InvalidArgumentError("apiSecret is required: createSignalZenClient({ apiSecret: process.env.SIGNALZEN_API_SECRET })");
  // Never echo the secret: say what is wrong with it, not what it is.
  if (!/^[\x21-\x7e]+$/.test(apiSecret)) throw new InvalidArgumentError("apiSecret has characters an HTTP header cannot carry (spaces, control or non-ASCII); check it was copied whole");
  const baseUrl = (options.baseUrl ?? contract.servers[0]).replace(/\/+$/, "");
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new InvalidArgumentError(`baseUrl must be an http(s) URL with no credentials, query or fragment, such as ${contract.servers[0]}; got ${JSON.stringify(baseUrl.slice(0, 100))}`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname) && !allowInsecureHttp) {
    throw new InvalidArgumentError(`refusing to send the API secret over plain http:// to ${url.hostname}: use https://, or pass allowInsecureHttp: true (loopback hosts need neither)`);
  }
  const timeoutMs = checkInteger("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, 2_147_483_647);
  return { baseUrl, timeoutMs };
}

function serializeQuery(query: Record<string, unknown>): string {
  let search = "";
  for (const key in query) {
    const value = query[key];
    if (value !== undefined) search += `${search ? "&" : ""}${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
  }
  return search;
}

export function createSignalZenClient(options: ClientOptions) {
  const { baseUrl, timeoutMs } = checkOptions(options);
  const policy = resolveRetryPolicy(options.retry);
  const secret = options.apiSecret;
  const customFetch = options.fetch;
  const raw: Client<paths, `${string}/${string}`> = createClient<paths>({
    baseUrl,
    // Resolved per call, not at creation, so a fetch patched later (MSW) still applies.
    fetch: (request: Request) => (customFetch ?? globalThis.fetch)(request),
    headers: { Authorization: `Bearer ${secret}`, Accept: contract.mediaType },
    // Queries here are only offset and limit, checked integers: a plain serializer, made once (openapi-fetch
    // otherwise builds its general one on every call).
    querySerializer: serializeQuery,
  });

  const redact = (text: string) => redactSecret(text, secret);

  function requestInfo(path: string, params: Params): RequestInfo {
    let url = baseUrl + path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params.path?.[name])));
    const query = Object.entries(params.query ?? {}).filter(([, value]) => value !== undefined);
    if (query.length) url += `?${query.map(([key, value]) => `${key}=${value}`).join("&")}`;
    return { method: "GET", url };
  }

  function connectionError(error: unknown, request: RequestInfo): ConnectionError {
    const cause = error instanceof Error && redact(error.message) !== error.message ? new Error(redact(error.message)) : error;
    const reason = error instanceof Error ? redact(error.message) : "the request failed";
    return new ConnectionError(`${request.method} ${request.url} got no answer: ${reason}`, request, { cause });
  }

  /** How long to wait before retry number `retries + 1`, or undefined to give up. */
  function retryDelay(failure: Error, retries: number): number | undefined {
    if (retries >= policy.limit) return undefined;
    if (failure instanceof APIError) {
      const retried = policy.afterStatusCodes.includes(failure.status) || policy.statusCodes.includes(failure.status);
      if (!retried) return undefined;
      if (failure.retryAfter !== undefined) return failure.retryAfter > policy.maxRetryAfter ? undefined : failure.retryAfter;
      return backoffDelay(retries + 1, policy);
    }
    if (failure instanceof ConnectionError || failure instanceof TimeoutError) return policy.retryOnNetworkError ? backoffDelay(retries + 1, policy) : undefined;
    return undefined;
  }

  /**
   * One call: attempts under a timeout, retried by the policy. The timeout races the attempt (response
   * and body) rather than putting an AbortSignal on every request: undici makes a signal cost about a
   * third of a call's throughput. So a timed-out attempt is abandoned, not aborted (Node's fetch drops
   * it after its own 300 s timeouts); a caller's `signal` is put on the request and aborts it outright.
   * `params` is a thunk so that argument checks throw inside this async function, as rejections.
   */
  async function call<T>(path: keyof paths, params: () => Params, signal: AbortSignal | undefined): Promise<T> {
    const resolved = params();
    for (let retries = 0; ; retries++) {
      if (signal?.aborted) throw signal.reason;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let failure: Error;
      try {
        // parseAs "text": a 2xx body that is not JSON must become an InvalidResponseError with the text kept.
        const pending = raw.GET(path as "/users", { params: resolved as never, parseAs: "text", ...(signal && { signal }) });
        const { data, error, response } = await new Promise<Awaited<typeof pending>>((resolve, reject) => {
          pending.then(resolve, reject);
          timer = setTimeout(reject, timeoutMs, TIMED_OUT);
        });
        if (response.ok) {
          try {
            return JSON.parse(data as string) as T;
          } catch (cause) {
            const rawBody = redact(typeof data === "string" ? data : "");
            throw new InvalidResponseError(requestInfo(path, resolved), response.status, rawBody, { cause });
          }
        }
        const rawBody = redact(typeof error === "string" ? error : error === undefined ? "" : JSON.stringify(error));
        let parsed: unknown;
        try {
          parsed = rawBody ? JSON.parse(rawBody) : undefined;
        } catch {
          parsed = undefined;
        }
        failure = errorFromResponse(requestInfo(path, resolved), { status: response.status, headers: response.headers, rawBody, retryAfter: parseRetryAfter(response.headers.get("retry-after")) }, parsed);
      } catch (error) {
        if (error instanceof InvalidResponseError) throw error;
        if (signal?.aborted) throw signal.reason; // the caller's own abort: no retry, no wrapping
        failure = error === TIMED_OUT ? new TimeoutError(requestInfo(path, resolved), timeoutMs) : connectionError(error, requestInfo(path, resolved));
      } finally {
        clearTimeout(timer);
      }
      const wait = retryDelay(failure, retries);
      if (wait === undefined) throw failure;
      await sleep(wait, signal);
    }
  }

  function paginator<PageType extends UserList | MessageList, Item extends { id: number }>(
    fetchPage: (window: { offset: number; limit: number }, signal: AbortSignal) => Promise<PageType>,
    itemsOf: (page: PageType) => Item[],
    options: AllOptions,
    describe: string,
  ): Paginator<Item, PageType> {
    const { limit = contract.bounds.limit.maximum, offset = contract.bounds.offset.default, concurrency = 1, signal, ...rest } = options ?? {};
    checkKnown(rest, "limit, offset, concurrency, signal");
    checkPage({ limit, offset });
    checkInteger("concurrency", concurrency, 1, MAX_CONCURRENCY);
    const walk = () => walkPages(fetchPage, itemsOf, { limit, offset, concurrency, signal, describe });
    return {
      pages: walk,
      async *[Symbol.asyncIterator]() {
        for await (const page of walk()) yield* itemsOf(page);
      },
    };
  }

  return {
    users: {
      /** One page of users: `{ limit, offset, total, users }`. */
      list(page?: PageParams, callOptions?: CallOptions): Promise<UserList> {
        return call("/users", () => ({ query: checkPage(page) }), callOptions?.signal);
      },
      /** One user; throws `NotFoundError` when there is none with that id. */
      get(id: number, callOptions?: CallOptions): Promise<User> {
        return call("/users/{id}", () => ({ path: { id: checkId("id", id) } }), callOptions?.signal);
      },
      /** Every user, in order of id, across pages. */
      all(options: AllOptions = {}): Paginator<User, UserList> {
        return paginator((window, signal) => call<UserList>("/users", () => ({ query: window }), signal), (page) => page.users, options, `${baseUrl}/users`);
      },
    },
    messages: {
      /** One page of a user's chat: `{ limit, offset, total, messages }`. */
      list(userId: number, page?: PageParams, callOptions?: CallOptions): Promise<MessageList> {
        return call("/users/{user_id}/messages", () => ({ path: { user_id: checkId("userId", userId) }, query: checkPage(page) }), callOptions?.signal);
      },
      /** One message of a user's chat; narrow it on `sender_type`. */
      get(userId: number, id: number, callOptions?: CallOptions): Promise<Message> {
        return call("/users/{user_id}/messages/{id}", () => ({ path: { user_id: checkId("userId", userId), id: checkId("id", id) } }), callOptions?.signal);
      },
      /** Every message of a user's chat, oldest first, across pages. */
      all(userId: number, options: AllOptions = {}): Paginator<Message, MessageList> {
        const user_id = checkId("userId", userId);
        return paginator((window, signal) => call<MessageList>("/users/{user_id}/messages", () => ({ path: { user_id }, query: window }), signal), (page) => page.messages, options, `${baseUrl}/users/${user_id}/messages`);
      },
    },
    /**
     * Raw, fully typed openapi-fetch: `{ data, error, response }`, with both headers sent. No argument
     * checks, retries, timeout or typed errors: use it to see exactly what the server answered.
     */
    // Typed through Client["GET"]: the inferred ClientMethod<paths> would be written into the .d.ts with a
    // constraint openapi-fetch's own types do not meet for an interface, failing consumers' lib checks.
    GET: raw.GET as Client<paths, `${string}/${string}`>["GET"],
    /** The underlying openapi-fetch client (for `use()` middleware). */
    raw,
  };
}

export type SignalZenClient = ReturnType<typeof createSignalZenClient>;
