/**
 * `@signalzen/api/query`: TanStack Query v5 options for every operation, from a client made by
 * `createSignalZenClient`. `@tanstack/query-core` 5 is an optional peer, used for its types only: this entry adds
 * no runtime dependency.
 *
 * Each function returns a plain options object (key, `queryFn`, `retry: false`); nothing is checked when it is made,
 * so a bad argument becomes the query's error (an `InvalidArgumentError` from `queryFn`), never a throw during render.
 * `queryFn` passes TanStack's `signal` to the client: a cancelled or unmounted query aborts its request.
 */
import type { Resources } from "../client/resources.js";
import type { Message, MessageList, PageParams, User, UserList } from "../contract/models.js";
import { DEFAULT_SCOPE, KEY_ROOT, keyArguments, keyValue } from "./keys.js";
import type { SignalZenInfiniteQueryOptions, SignalZenQueryOptions } from "./options.js";
import { checkWindow, firstPage, type InfiniteWindow, newestPage, nextNewerFirst, nextOlderFirst } from "./window.js";

export type { SignalZenInfiniteQueryOptions, SignalZenQueryKey, SignalZenQueryOptions } from "./options.js";
export type { InfiniteWindow, PageParam, Start } from "./window.js";

export interface QueriesOptions {
  /**
   * Goes into every key, after `"@signalzen/api"`: two clients (for two base URLs, or two secrets) sharing one
   * `QueryClient` need two scopes, or they would read each other's cached answers.
   * @default "default"
   * @example signalzenQueries(createSignalZenClient({ apiSecret, baseUrl: staging }), { scope: "staging" })
   */
  scope?: string;
}

/** The client's resources: what `createSignalZenClient()` returns is one. */
export type QueriesClient = Pick<Resources, "users" | "messages">;

/**
 * Query and infinite query options for every operation of `client`, and the keys they use.
 * @example
 * const q = signalzenQueries(sz);
 * const { data, error } = useQuery(q.users.get(123));
 */
export function signalzenQueries(client: QueriesClient, options: QueriesOptions = {}) {
  const { scope = DEFAULT_SCOPE } = options ?? {};
  if (typeof client?.users?.get !== "function" || typeof client?.messages?.get !== "function")
    throw new TypeError("signalzenQueries(client): pass the client createSignalZenClient() returned");
  if (typeof scope !== "string" || scope === "")
    throw new TypeError(`signalzenQueries: scope must be a non-empty string; got ${JSON.stringify(scope)}`);
  const all = [KEY_ROOT, scope] as const;
  const { users, messages } = client;

  return {
    keys: {
      /** The prefix of every key: `queryClient.invalidateQueries({ queryKey: q.keys.all })` refreshes them all. */
      all,
    },
    users: {
      /** One page of users (`UserList`). */
      list(page?: PageParams): SignalZenQueryOptions<UserList> {
        return {
          queryKey: [...all, "users", "list", keyArguments(page)] as never,
          queryFn: ({ signal }) => users.list(page, { signal }),
          retry: false,
        };
      },
      /** One user (`User`); the query's error is a `NotFoundError` when there is none with that id. */
      get(id: number): SignalZenQueryOptions<User> {
        return {
          queryKey: [...all, "users", "get", keyValue(id)] as never,
          queryFn: ({ signal }) => users.get(id, { signal }),
          retry: false,
        };
      },
      /** Pages of users (`UserList`), oldest first (or `start: "newest"`); no next page after the last. */
      infinite(window?: InfiniteWindow): SignalZenInfiniteQueryOptions<UserList> {
        return infinite(
          [...all, "users", "infinite", keyArguments(window, { start: "oldest" })],
          window,
          (page, signal) => users.list(page, { signal }),
        );
      },
    },
    messages: {
      /** One page of a user's chat (`MessageList`), oldest message first. */
      list(userId: number, page?: PageParams): SignalZenQueryOptions<MessageList> {
        return {
          queryKey: [...all, "messages", keyValue(userId), "list", keyArguments(page)] as never,
          queryFn: ({ signal }) => messages.list(userId, page, { signal }),
          retry: false,
        };
      },
      /** One message of a user's chat (`Message`, narrow it on `sender_type`). */
      get(userId: number, id: number): SignalZenQueryOptions<Message> {
        return {
          queryKey: [...all, "messages", keyValue(userId), "get", keyValue(id)] as never,
          queryFn: ({ signal }) => messages.get(userId, id, { signal }),
          retry: false,
        };
      },
      /**
       * Pages of a user's chat (`MessageList`). With `start: "newest"` the first page holds the latest messages and
       * each next page the ones before it: render `pages` in reverse for a chat that scrolls up.
       */
      infinite(userId: number, window?: InfiniteWindow): SignalZenInfiniteQueryOptions<MessageList> {
        const key = [...all, "messages", keyValue(userId), "infinite", keyArguments(window, { start: "oldest" })];
        return infinite(key, window, (page, signal) => messages.list(userId, page, { signal }));
      },
    },
  };
}

export type SignalZenQueries = ReturnType<typeof signalzenQueries>;

/** The infinite query over one list operation; `fetchPage` is the client's call for that list. */
function infinite<Page extends { offset: number; limit: number; total: number }>(
  queryKey: unknown[],
  window: InfiniteWindow | undefined,
  fetchPage: (page: PageParams, signal: AbortSignal) => Promise<Page>,
): SignalZenInfiniteQueryOptions<Page> {
  const { start, page } = firstPage(window);
  return {
    queryKey: queryKey as never,
    initialPageParam: page,
    queryFn: async ({ signal, pageParam }) => {
      checkWindow(window);
      if (pageParam !== null) return fetchPage(pageParam, signal);
      return newestPage(window?.limit, (newest) => fetchPage(newest, signal));
    },
    getNextPageParam: start === "newest" ? nextNewerFirst : nextOlderFirst,
    retry: false,
  };
}
