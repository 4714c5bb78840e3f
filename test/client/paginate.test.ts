/** Walking pages: order, concurrency, early exit, and every rule for a list that misbehaves. */
import { describe, expect, it } from "vitest";
import { createSignalZenClient, PaginationError, type User } from "../../src/client/index.js";
import { json, stubFetch } from "../helpers/stub-fetch.js";

const makeUser = (id: number): User => ({ id, name: null, email: null, reference: null, created_at: "2018-02-09T17:18:50.000Z", updated_at: "2018-02-09T17:18:50.000Z", online_at: null, last_url: null, user_attributes: [] });

/** A server over `count` users; `tamper` may rewrite any page. */
function usersServer(count: number, tamper?: (page: { limit: number; offset: number; total: number; users: User[] }, call: number) => unknown, delayMs = 0) {
  let inFlight = 0;
  let maxInFlight = 0;
  const aborted: number[] = [];
  const stub = stubFetch(async (request, call) => {
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 50);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (delayMs) {
        await new Promise<void>((resolve, reject) => {
          const onAbort = () => {
            clearTimeout(timer);
            aborted.push(offset);
            reject(request.signal.reason);
          };
          const timer = setTimeout(() => {
            request.signal.removeEventListener("abort", onAbort); // answered: a later abort is not this request's
            resolve();
          }, delayMs);
          request.signal.addEventListener("abort", onAbort);
        });
      }
      const users = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, index) => makeUser(offset + index + 1));
      const page = { limit, offset, total: count, users };
      return json(tamper ? tamper(page, call) : page);
    } finally {
      inFlight--;
    }
  });
  const sz = createSignalZenClient({ apiSecret: "test-secret", baseUrl: "http://127.0.0.1:1", fetch: stub.fetch, retry: false });
  return { sz, requests: stub.requests, maxInFlight: () => maxInFlight, aborted };
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
    expect(server.requests.map((request) => new URL(request.url).search)).toEqual(["?offset=0&limit=99", "?offset=99&limit=99", "?offset=198&limit=99"]);
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
    const aborted: number[] = [];
    // Pages past the second never answer on their own: they are in flight until the walk aborts them.
    const stub = stubFetch((request) => {
      const offset = Number(new URL(request.url).searchParams.get("offset"));
      if (offset < 20) return json({ limit: 10, offset, total: 1000, users: range(offset + 1, offset + 10).map(makeUser) });
      return new Promise<Response>((_resolve, reject) =>
        request.signal.addEventListener("abort", () => {
          aborted.push(offset);
          reject(request.signal.reason);
        }),
      );
    });
    const sz = createSignalZenClient({ apiSecret: "test-secret", baseUrl: "http://127.0.0.1:1", fetch: stub.fetch, retry: false });
    const seen: number[] = [];
    for await (const user of sz.users.all({ limit: 10, concurrency: 4 })) {
      seen.push(user.id);
      if (user.id === 15) break;
    }
    expect(seen).toEqual(range(1, 15));
    expect(aborted.sort((a, b) => a - b)).toEqual([20, 30, 40]); // launched behind offset 10, never awaited
  });

  it("aborts with the caller's signal", async () => {
    const server = usersServer(1000, undefined, 20);
    const controller = new AbortController();
    const walk = collect(server.sz.users.all({ limit: 10, concurrency: 2, signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("enough")), 30);
    await expect(walk).rejects.toThrow("enough");
  });

  it("walks a user's messages", async () => {
    const stub = stubFetch((request) => {
      const offset = Number(new URL(request.url).searchParams.get("offset"));
      const messages = offset < 3 ? [{ id: offset + 1, body: "hi", read_by_user: true, read_by_operator: true, created_at: "2018-02-09T17:18:50.000Z", file_url: null, auto_invitation: false, sender_type: "user", sender: { id: 1, name: null, email: null } }] : [];
      return json({ limit: 1, offset, total: 3, messages });
    });
    const sz = createSignalZenClient({ apiSecret: "test-secret", baseUrl: "http://127.0.0.1:1", fetch: stub.fetch });
    expect((await collect(sz.messages.all(7, { limit: 1 }))).map((message) => message.id)).toEqual([1, 2, 3]);
    expect(new URL(stub.requests[0]!.url).pathname).toBe("/users/7/messages");
  });
});

describe("the rules for a list that misbehaves", () => {
  it("ends the walk at an empty page before total is reached", async () => {
    const server = usersServer(100, (page) => (page.offset >= 20 ? { ...page, users: [] } : page));
    expect(ids(await collect(server.sz.users.all({ limit: 10 })))).toEqual(range(1, 20));
    expect(server.requests).toHaveLength(3);
  });

  it("follows a total that grows during the walk (records appended)", async () => {
    let total = 20;
    const stub = stubFetch((request) => {
      const offset = Number(new URL(request.url).searchParams.get("offset"));
      total += 5; // five new users arrive between requests
      const users = Array.from({ length: Math.max(0, Math.min(10, total - offset)) }, (_, index) => makeUser(offset + index + 1));
      return json({ limit: 10, offset, total, users });
    });
    const sz = createSignalZenClient({ apiSecret: "test-secret", baseUrl: "http://127.0.0.1:1", fetch: stub.fetch });
    const walked = ids(await collect(sz.users.all({ limit: 10 })));
    expect(walked).toEqual(range(1, walked.length));
    expect(walked.length).toBeGreaterThan(20);
  });

  it("throws PaginationError when total shrinks during the walk", async () => {
    const server = usersServer(50, (page, call) => (call === 3 ? { ...page, total: 40 } : page));
    const error = await collect(server.sz.users.all({ limit: 10 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toBe("http://127.0.0.1:1/users: total fell from 50 to 40, so records may have been skipped; restart the walk");
  });

  it("throws PaginationError for a page with more items than limit", async () => {
    const server = usersServer(50, (page) => (page.offset === 10 ? { ...page, users: [...page.users, makeUser(999)] } : page));
    await expect(collect(server.sz.users.all({ limit: 10 }))).rejects.toThrow("the page at offset 10 has 11 items for limit 10; restart the walk");
  });

  it("throws PaginationError for an id seen on an earlier page", async () => {
    const server = usersServer(50, (page) => (page.offset === 20 ? { ...page, users: [makeUser(15), ...page.users.slice(1)] } : page));
    await expect(collect(server.sz.users.all({ limit: 10, concurrency: 3 }))).rejects.toThrow("id 15 came again at offset 20; restart the walk");
  });

  it("never loops forever on a server that repeats the same full page", async () => {
    const server = usersServer(1_000_000, (page) => ({ ...page, users: page.users.map((_, index) => makeUser(index + 1)) }));
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
