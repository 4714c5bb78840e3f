/**
 * `@signalzen/api/query` with TanStack's own QueryClient over the MSW handlers: the "Done when" list, in
 * Node, with `retry: false` on the client as README's test snippets have it.
 */
import { hashKey, isCancelledError, QueryClient } from "@tanstack/query-core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSignalZenClient, InvalidArgumentError, NotFoundError } from "../../src/client/index.js";
import { createHandlers } from "../../src/mock/msw.js";
import { signalzenQueries } from "../../src/query/index.js";
import { createWorld } from "../../src/world/fixtures.js";

const SEED = "query";
const world = createWorld({ seed: SEED, users: 40 });
const everyUser = [...world.users()];
// The first user whose chat spans several pages of 7, and one that fits one page.
const chatty = everyUser.find((user) => world.chat(user.id)!.length > 15)!;
const quiet = everyUser.find((user) => world.chat(user.id)!.length <= 7)!;

describe("signalzenQueries over MSW", () => {
  const server = setupServer(...createHandlers({ seed: SEED, users: 40 }));
  const requests: string[] = [];
  server.events.on("request:start", ({ request }) => requests.push(new URL(request.url).search || request.url));
  // msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's key, so both are named.
  const failUnhandled = { onUnhandledRequest: "error", onUnhandledFrame: "error" } as const;
  beforeAll(() => server.listen(failUnhandled));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());

  const sz = createSignalZenClient({ apiSecret: "query-test", retry: false });
  const q = signalzenQueries(sz);
  const fresh = () => new QueryClient();

  it("fetchQuery(q.users.get(7)) equals the fixtures' user 7", async () => {
    expect(await fresh().fetchQuery(q.users.get(7))).toEqual(world.getUser(7));
  });

  it("users.list and messages.list/get answer the world's pages and records", async () => {
    const client = fresh();
    expect(await client.fetchQuery(q.users.list({ offset: 5, limit: 3 }))).toEqual(world.listUsers(5, 3));
    expect(await client.fetchQuery(q.users.list())).toEqual(world.listUsers(0, 50));
    expect(await client.fetchQuery(q.messages.list(chatty.id, { limit: 4 }))).toEqual(
      world.listMessages(chatty.id, 0, 4),
    );
    const message = world.chat(chatty.id)![2]!;
    expect(await client.fetchQuery(q.messages.get(chatty.id, message.id))).toEqual(message);
  });

  it("users.infinite at limit 15 gives 3 pages, all 40 users in id order, then no next page", async () => {
    const client = fresh();
    const options = q.users.infinite({ limit: 15 });
    await client.fetchInfiniteQuery(options);
    for (let page = 1; page < 3; page++) await client.fetchInfiniteQuery({ ...options, pages: page + 1 });
    const data = client.getQueryData(options.queryKey)!;
    expect(data.pages.map((page) => page.users.length)).toEqual([15, 15, 10]);
    expect(data.pages.flatMap((page) => page.users)).toEqual(everyUser);
    expect(data.pageParams).toEqual([{ limit: 15 }, { offset: 15, limit: 15 }, { offset: 30, limit: 15 }]);
    expect(options.getNextPageParam(data.pages[2]!, data.pages, data.pageParams[2]!, data.pageParams)).toBe(undefined);
  });

  it("an infinite list starts at the offset it is given", async () => {
    const options = q.users.infinite({ offset: 30, limit: 15 });
    const data = await fresh().fetchInfiniteQuery(options);
    expect(data.pages[0]!.users).toEqual(everyUser.slice(30));
    expect(options.getNextPageParam(data.pages[0]!, data.pages, data.pageParams[0]!, data.pageParams)).toBe(undefined);
  });

  it("an infinite chat at limit 7, oldest first, reaches every message in order, then no next page", async () => {
    const chat = world.chat(chatty.id)!;
    const client = fresh();
    const options = q.messages.infinite(chatty.id, { limit: 7 });
    const pages = Math.ceil(chat.length / 7);
    await client.fetchInfiniteQuery({ ...options, pages });
    const data = client.getQueryData(options.queryKey)!;
    expect(data.pages).toHaveLength(pages);
    expect(data.pages.flatMap((page) => page.messages)).toEqual(chat);
    expect(options.getNextPageParam(data.pages.at(-1)!, data.pages, data.pageParams.at(-1)!, data.pageParams)).toBe(
      undefined,
    );
  });

  it('start: "newest" opens at the latest full page and loads older pages down to the first message', async () => {
    const chat = world.chat(chatty.id)!;
    const client = fresh();
    const options = q.messages.infinite(chatty.id, { limit: 7, start: "newest" });
    const first = await client.fetchInfiniteQuery(options);
    // One request to learn the total (it is the first page), one for the last page.
    expect(requests).toEqual(["?limit=7", `?offset=${chat.length - 7}&limit=7`]);
    expect(first.pages[0]!.messages).toEqual(chat.slice(-7));
    const pages = Math.ceil(chat.length / 7);
    const data = await client.fetchInfiniteQuery({ ...options, pages });
    expect(data.pages).toHaveLength(pages);
    expect(data.pages.slice(0, -1).every((page) => page.messages.length === 7)).toBe(true);
    expect([...data.pages].reverse().flatMap((page) => page.messages)).toEqual(chat);
    expect(data.pages.at(-1)!.offset).toBe(0);
    expect(options.getNextPageParam(data.pages.at(-1)!, data.pages, data.pageParams.at(-1)!, data.pageParams)).toBe(
      undefined,
    );
  });

  it('start: "newest" on a chat of one page takes one request', async () => {
    const data = await fresh().fetchInfiniteQuery(q.messages.infinite(quiet.id, { limit: 7, start: "newest" }));
    expect(requests).toEqual(["?limit=7"]);
    expect(data.pages.flatMap((page) => page.messages)).toEqual(world.chat(quiet.id));
  });

  it("every key starts with q.keys.all, and invalidating it invalidates them all and nothing else", async () => {
    const client = fresh();
    await client.fetchQuery(q.users.list({ limit: 5 }));
    await client.fetchQuery(q.users.get(7));
    await client.fetchQuery(q.messages.list(chatty.id));
    await client.fetchQuery(q.messages.get(chatty.id, world.chat(chatty.id)![0]!.id));
    await client.fetchInfiniteQuery(q.users.infinite({ limit: 15 }));
    await client.fetchInfiniteQuery(q.messages.infinite(chatty.id, { start: "newest" }));
    await client.fetchQuery({ queryKey: ["the-app", "own"], queryFn: () => 1 });
    const ours = client.getQueryCache().findAll({ queryKey: q.keys.all });
    expect(ours).toHaveLength(6);
    for (const query of ours) expect(query.queryKey.slice(0, 2)).toEqual([...q.keys.all]);
    expect(q.keys.all).toEqual(["@signalzen/api", "default"]);
    await client.invalidateQueries({ queryKey: q.keys.all }, { cancelRefetch: false, throwOnError: false });
    expect(ours.every((query) => query.state.isInvalidated)).toBe(true);
    expect(client.getQueryState(["the-app", "own"])!.isInvalidated).toBe(false);
  });

  it("keys are serializable, distinct per operation and arguments, and the same for arguments in another order", () => {
    const keys = [
      q.users.list(),
      q.users.list({ limit: 5 }),
      q.users.infinite({ limit: 5 }),
      q.users.get(1),
      q.messages.list(1),
      q.messages.list(2),
      q.messages.get(1, 1),
      q.messages.infinite(1),
      q.messages.infinite(1, { start: "newest" }),
    ].map((options) => options.queryKey);
    expect(new Set(keys.map((key) => hashKey(key))).size).toBe(keys.length);
    for (const key of keys) expect(JSON.parse(JSON.stringify(key))).toEqual(key);
    expect(q.users.list({ offset: 0, limit: 20 }).queryKey).toEqual([
      "@signalzen/api",
      "default",
      "users",
      "list",
      { limit: 20, offset: 0 },
    ]);
    expect(q.messages.get(3, 4).queryKey).toEqual(["@signalzen/api", "default", "messages", 3, "get", 4]);
    expect(JSON.stringify(q.users.list({ offset: 0, limit: 20 }).queryKey)).toBe(
      JSON.stringify(q.users.list({ limit: 20, offset: 0 }).queryKey),
    );
    expect(q.users.list({ limit: undefined }).queryKey).toEqual(q.users.list().queryKey);
    expect(q.messages.infinite(1, { start: "oldest" }).queryKey).toEqual(q.messages.infinite(1).queryKey);
  });

  it("a scope keeps two clients' caches apart in one QueryClient", async () => {
    server.use(...createHandlers({ seed: "other", users: 40, baseUrl: "http://127.0.0.1:4010" }));
    const other = signalzenQueries(
      createSignalZenClient({ apiSecret: "query-test", retry: false, baseUrl: "http://127.0.0.1:4010" }),
      { scope: "local" },
    );
    const client = fresh();
    const ours = await client.fetchQuery(q.users.get(7));
    const theirs = await client.fetchQuery(other.users.get(7));
    expect(theirs).toEqual(createWorld({ seed: "other", users: 40 }).getUser(7));
    expect(theirs).not.toEqual(ours);
    expect(other.keys.all).toEqual(["@signalzen/api", "local"]);
    expect(client.getQueryData(q.users.get(7).queryKey)).toEqual(ours);
  });

  it("cancelQueries() aborts the request in flight; the query settles within a second", async () => {
    server.use(...createHandlers({ seed: SEED, users: 40, latency: 2000 }));
    const client = fresh();
    const aborted: boolean[] = [];
    const watch = ({ request }: { request: Request }) =>
      request.signal.addEventListener("abort", () => aborted.push(true));
    server.events.on("request:start", watch);
    const started = performance.now();
    const fetching = client.fetchQuery(q.users.get(7)).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.cancelQueries();
    const outcome = await fetching;
    expect(isCancelledError(outcome)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(aborted).toEqual([true]);
    expect(client.getQueryState(q.users.get(7).queryKey)!.fetchStatus).toBe("idle");
    server.events.removeListener("request:start", watch);
  });

  it("q.users.get(999999) rejects with the client's NotFoundError", async () => {
    const error = await fresh()
      .fetchQuery(q.users.get(999999))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    expect(requests).toHaveLength(1); // no second retry layer
  });

  it("bad arguments make no request and become the query's error, not a throw when the options are made", async () => {
    const client = fresh();
    const outcomes = [
      client.fetchQuery(q.users.list({ limit: 100 })),
      client.fetchQuery(q.users.get("1" as never)),
      client.fetchInfiniteQuery(q.users.infinite({ limit: 0 })),
      client.fetchInfiniteQuery(q.messages.infinite(1, { start: "latest" as never })),
      client.fetchInfiniteQuery(q.messages.infinite(1, { start: "newest", offset: 5 })),
      client.fetchQuery(q.messages.list(1, { limt: 5 } as never)),
    ].map((outcome) => (outcome as Promise<unknown>).catch((caught: unknown) => caught));
    const messages: string[] = [];
    for (const error of await Promise.all(outcomes)) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      messages.push((error as Error).message);
    }
    expect(messages).toEqual([
      "limit must be a whole number from 1 to 99; got 100",
      'id must be a whole number from 1 to 2147483647; got "1"',
      "limit must be a whole number from 1 to 99; got 0",
      'start must be "oldest" or "newest"; got "latest"',
      'offset cannot be given with start: "newest" (it starts at the last page)',
      "unknown option limt; the options are offset, limit",
    ]);
    expect(requests).toEqual([]);
  });

  it("says what to pass when it is not given a client or a usable scope", () => {
    expect(() => signalzenQueries({} as never)).toThrow(
      "signalzenQueries(client): pass the client createSignalZenClient() returned",
    );
    expect(() => signalzenQueries(sz, { scope: "" })).toThrow(
      'signalzenQueries: scope must be a non-empty string; got ""',
    );
  });
});
