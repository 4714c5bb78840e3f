/** Walking pages: order, concurrency, early exit, and every rule for a list that misbehaves. */
import { describe, expect, it } from "vitest";
import { createSignalZenClient, InvalidResponseError, PaginationError, type User } from "../../src/client/index.js";
import { makeUser, type PagedListOptions, pagedFetch } from "../helpers/paged-server.js";

/** A client over the fake paged list of `count` users; `tamper` may rewrite any page. */
function usersServer(count: number, tamper?: PagedListOptions["tamper"], delayMs = 0) {
  return listServer({ count, tamper, delayMs });
}

function listServer<Key extends "users" | "messages" = "users">(options: PagedListOptions<Key>) {
  const stub = pagedFetch(options);
  const sz = createSignalZenClient({
    apiSecret: "test-secret",
    baseUrl: "http://127.0.0.1:1",
    fetch: stub.fetch,
    retry: false,
  });
  return { sz, requests: stub.requests, maxInFlight: stub.maxInFlight, aborted: stub.aborted };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const ids = (users: User[]) => users.map((user) => user.id);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe("walking pages", () => {
  it("yields every item in order, in pages of 99 by default", async () => {
    const server = usersServer(250);
    expect(ids(await collect(server.sz.users.all()))).toEqual(range(1, 250));
    expect(server.requests.map((request) => new URL(request.url).search)).toEqual([
      "?offset=0&limit=99",
      "?offset=99&limit=99",
      "?offset=198&limit=99",
    ]);
  });

  it("yields pages with .pages()", async () => {
    const server = usersServer(25);
    const pages = await collect(server.sz.users.all({ limit: 10 }).pages());
    expect(pages.map((page) => [page.offset, page.limit, page.total, page.users.length])).toEqual([
      [0, 10, 25, 10],
      [10, 10, 25, 10],
      [20, 10, 25, 5],
    ]);
  });

  it("starts at an offset", async () => {
    const server = usersServer(30);
    expect(ids(await collect(server.sz.users.all({ offset: 25, limit: 10 })))).toEqual(range(26, 30));
  });

  it("yields the one empty page of an empty list", async () => {
    const server = usersServer(0);
    expect(await collect(server.sz.users.all().pages())).toEqual([{ limit: 99, offset: 0, total: 0, users: [] }]);
  });

  it("with concurrency, keeps that many pages in flight and still yields in order", async () => {
    const server = usersServer(1000, undefined, 5);
    expect(ids(await collect(server.sz.users.all({ limit: 10, concurrency: 4 })))).toEqual(range(1, 1000));
    expect(server.maxInFlight()).toBe(4);
    expect(server.requests).toHaveLength(100);
  });

  it("aborts the requests in flight when the loop is left early", async () => {
    // Pages past the second never answer on their own: they are in flight until the walk aborts them.
    const server = listServer({ count: 1000, delayMs: (offset) => (offset < 20 ? 0 : Infinity) });
    const seen: number[] = [];
    for await (const user of server.sz.users.all({ limit: 10, concurrency: 4 })) {
      seen.push(user.id);
      if (user.id === 15) break;
    }
    expect(seen).toEqual(range(1, 15));
    expect(server.aborted.sort((a, b) => a - b)).toEqual([20, 30, 40]); // launched behind offset 10, never awaited
  });

  it("aborts with the caller's signal", async () => {
    const server = usersServer(1000, undefined, 20);
    const controller = new AbortController();
    const walk = collect(server.sz.users.all({ limit: 10, concurrency: 2, signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("enough")), 30);
    await expect(walk).rejects.toThrow("enough");
  });

  it("walks a user's messages", async () => {
    const server = listServer({ count: 3, key: "messages" });
    expect((await collect(server.sz.messages.all(7, { limit: 1 }))).map((message) => message.id)).toEqual([1, 2, 3]);
    expect(new URL(server.requests[0]!.url).pathname).toBe("/users/7/messages");
  });
});

describe("the rules for a list that misbehaves", () => {
  it("ends the walk at an empty page before total is reached", async () => {
    const server = usersServer(100, (page) => (page.offset >= 20 ? { ...page, users: [] } : page));
    expect(ids(await collect(server.sz.users.all({ limit: 10 })))).toEqual(range(1, 20));
    expect(server.requests).toHaveLength(3);
  });

  it("follows a total that grows during the walk (records appended)", async () => {
    const server = listServer({ count: (call) => 20 + 5 * call }); // five new users arrive between requests
    const walked = ids(await collect(server.sz.users.all({ limit: 10 })));
    expect(walked).toEqual(range(1, walked.length));
    expect(walked.length).toBeGreaterThan(20);
  });

  it("throws PaginationError when total shrinks during the walk", async () => {
    const server = usersServer(50, (page, call) => (call === 3 ? { ...page, total: 40 } : page));
    const error = await collect(server.sz.users.all({ limit: 10 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toBe(
      "http://127.0.0.1:1/users: total fell from 50 to 40, so records may have been skipped; restart the walk",
    );
    // About a walk, not one request: it names the list, and has no method or url of its own.
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PaginationError",
      message: (error as Error).message,
      list: "http://127.0.0.1:1/users",
    });
  });

  it("throws PaginationError for a page with more items than limit", async () => {
    const server = usersServer(50, (page) =>
      page.offset === 10 ? { ...page, users: [...page.users, makeUser(999)] } : page,
    );
    await expect(collect(server.sz.users.all({ limit: 10 }))).rejects.toThrow(
      "the page at offset 10 has 11 items for limit 10; restart the walk",
    );
  });

  it("throws PaginationError for an id seen on an earlier page", async () => {
    const server = usersServer(50, (page) =>
      page.offset === 20 ? { ...page, users: [makeUser(15), ...page.users.slice(1)] } : page,
    );
    await expect(collect(server.sz.users.all({ limit: 10, concurrency: 3 }))).rejects.toThrow(
      "id 15 came again at offset 20; restart the walk",
    );
  });

  it("never loops forever on a server that repeats the same full page", async () => {
    const server = usersServer(1_000_000, (page) => ({
      ...page,
      users: page.users.map((_, index) => makeUser(index + 1)),
    }));
    await expect(collect(server.sz.users.all({ limit: 10 }))).rejects.toBeInstanceOf(PaginationError);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [{ concurrency: 0 }, "concurrency must be a whole number from 1 to 16; got 0"],
    [{ limit: 100 }, "limit must be a whole number from 1 to 99"],
    [{ offset: -1 }, "offset must be a whole number from 0 to 2147483647; got -1"],
    [{ pageSize: 5 }, "unknown option pageSize; the options are limit, offset, concurrency, signal"],
  ])("refuses %j", (options, message) => {
    const server = usersServer(1);
    expect(() => server.sz.users.all(options as never)).toThrow(message);
  });
});

describe("pages that are not what the contract says", () => {
  /** A walk that never stops would starve the test's own timeout (its fetch answers at once): fail it instead. */
  const stopAt = (call: number, total: number) => {
    if (call > 1_000) throw new Error("the walk did not stop");
    return total;
  };
  const firstPage = "http://127.0.0.1:1/users?offset=0&limit=10";
  it.each([
    ["null", () => null, "JSON that is not an object: null"],
    ["a list", () => [], "JSON that is not an object: []"],
    [
      "a page without total",
      ({ total: _total, ...page }: Record<string, unknown>) => page,
      "a page whose total is undefined, not a whole number",
    ],
    [
      "a page whose total is text",
      (page: Record<string, unknown>) => ({ ...page, total: "50" }),
      'a page whose total is "50", not a whole number',
    ],
    [
      "a page without its list",
      ({ users: _users, ...page }: Record<string, unknown>) => page,
      "a page whose users is undefined, not a list",
    ],
    [
      "a page with a null record",
      (page: Record<string, unknown>) => ({ ...page, users: [null] }),
      "a page whose users includes null, not a record with a whole-number id",
    ],
    [
      "a page with a record without id",
      (page: Record<string, unknown>) => ({ ...page, users: [{ name: "x" }] }),
      'a page whose users includes {"name":"x"}, not a record with a whole-number id',
    ],
  ])("throws InvalidResponseError for %s, saying what the server sent", async (_name, tamper, problem) => {
    const server = usersServer(50, tamper);
    const error = await collect(server.sz.users.all({ limit: 10 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toBe(`GET ${firstPage} answered 200 with ${problem}`);
    await expect(server.sz.users.list({ offset: 0, limit: 10 })).rejects.toThrow(
      `GET ${firstPage} answered 200 with ${problem}`,
    );
    expect(server.requests).toHaveLength(2); // never retried
  });

  it("stops following a total that grows past twice its first value plus a page", async () => {
    const server = listServer({ count: (call) => stopAt(call, 100 * call) });
    const error = await collect(server.sz.users.all({ limit: 10 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toBe(
      "http://127.0.0.1:1/users: total grew to 300 during the walk, past 210 (twice the first page's total plus one page); restart the walk",
    );
    expect(server.requests).toHaveLength(3);
  });

  it("ends a walk whose total grows as fast as it walks", async () => {
    // A page more per request: the walk never catches up.
    const server = listServer({ count: (call) => stopAt(call, 100 + 10 * call) });
    await expect(collect(server.sz.users.all({ limit: 10 }))).rejects.toThrow(
      "total grew to 240 during the walk, past 230",
    );
    expect(server.requests).toHaveLength(14);
  });

  it("removes each page's abort listener when the page is done: a long walk draws no MaxListenersExceededWarning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      const server = usersServer(2_000);
      expect(ids(await collect(server.sz.users.all({ limit: 1, concurrency: 4 })))).toEqual(range(1, 2_000));
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on a later tick
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
