/**
 * The shapes `signalzenQueries` returns: TanStack Query v5 options objects, declared with query-core's types only,
 * so they fit `useQuery`/`useInfiniteQuery` in every adapter (React, Vue, Solid, Svelte, Angular) and
 * `QueryClient.fetchQuery` itself.
 *
 * The error type is carried twice, so that every place TanStack reads it from says `SignalZenError`: in `retry`
 * (what `useQuery` infers its error from) and in the key's tag (what `getQueryData`/`getQueryState` read).
 */
import type { DataTag, GetNextPageParamFunction, InfiniteData, QueryFunction, QueryKey } from "@tanstack/query-core";
import type { SignalZenError } from "../client/errors.js";
import type { PageParam } from "./window.js";

/** TanStack's `retry` option with the client's error (query-core does not export its own alias). */
type Retry = boolean | number | ((failureCount: number, error: SignalZenError) => boolean);

/** A key tagged with what its query holds, so `setQueryData(key, ...)` and `getQueryData(key)` are typed. */
export type SignalZenQueryKey<Key extends QueryKey, Data> = DataTag<Key, Data, SignalZenError>;

/** What `q.users.get(id)` and the other single queries return: spread it into `useQuery` and add your own. */
export interface SignalZenQueryOptions<Data, Key extends QueryKey = QueryKey> {
  queryKey: SignalZenQueryKey<Key, Data>;
  queryFn: QueryFunction<Data, Key>;
  /**
   * `false`: the client already retries under its own policy (`retry` of `createSignalZenClient`); a second layer
   * here would multiply the requests. Set a number or a function to add one anyway.
   */
  retry: Retry;
}

/** What `q.users.infinite()` and `q.messages.infinite()` return: spread it into `useInfiniteQuery`. */
export interface SignalZenInfiniteQueryOptions<Page, Key extends QueryKey = QueryKey> {
  queryKey: SignalZenQueryKey<Key, InfiniteData<Page, PageParam>>;
  queryFn: QueryFunction<Page, Key, PageParam>;
  initialPageParam: PageParam;
  getNextPageParam: GetNextPageParamFunction<PageParam, Page>;
  /** As for single queries: retrying is the client's. */
  retry: Retry;
}
