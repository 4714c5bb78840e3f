/**
 * The mock serves its world (issue 10), seen from a plain HTTP client: full walks at every page size
 * yield exactly `total` records, each equal to its detail; unknown and cross-chat ids are 404; the same
 * seed answers the same bytes; the scenario controls behave as stated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import { createMockHandler, type MockHost } from "../../src/mock/handler.js";
import type { MockRequest } from "../../src/mock/request.js";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { DEFAULT_ASSETS_BASE, generateWorld } from "../../src/world/index.js";
import { GOOD_HEADERS, rawRequest } from "../helpers/http.js";

type Page = { limit: number; offset: number; total: number; [list: string]: unknown };

async function walk(base: string, path: string, listKey: string, limit: number) {
  const records: { id: number }[] = [];
  let total = -1;
  for (let offset = 0; total === -1 || offset < total; offset += limit) {
    const response = await rawRequest(`${base}${path}?offset=${offset}&limit=${limit}`, { headers: GOOD_HEADERS });
    expect(response.status).toBe(200);
    const page = response.json() as Page;
    expect([page.offset, page.limit]).toEqual([offset, limit]);
    if (total !== -1) expect(page.total).toBe(total);
    total = page.total;
    const items = page[listKey] as { id: number }[];
    expect(items.length).toBe(Math.min(limit, total - offset));
    records.push(...items);
  }
  return { records, total };
}

function expectAscendingUnique(ids: number[]): void {
  for (let index = 1; index < ids.length; index++) expect(ids[index]!).toBeGreaterThan(ids[index - 1]!);
}

describe("mock serves the world", () => {
  let mock: RunningMock;
  const world = generateWorld();
  beforeAll(async () => {
    // The default world's URLs, not the server's own origin: the same options, the same bytes.
    mock = await startMock({ port: 0, assetsBase: DEFAULT_ASSETS_BASE });
  });
  afterAll(() => mock?.close());

  it.each([1, 50, 99])(
    "a walk of the users at limit %d yields total records, ascending, each equal to its detail",
    async (limit) => {
      const { records, total } = await walk(mock.url, "/users", "users", limit);
      expect(total).toBe(250);
      expect(records).toHaveLength(total);
      expectAscendingUnique(records.map((user) => user.id));
      if (limit === 99) {
        for (const user of records) {
          expect((await rawRequest(`${mock.url}/users/${user.id}`, { headers: GOOD_HEADERS })).json()).toEqual(user);
        }
      }
    },
  );

  it("walks several chats, a long one among them, at limits 1, 50 and 99; each message equals its detail", async () => {
    const users = [...world.users()];
    const long = users.find((user) => world.chat(user.id)!.length > 50)!;
    const short = users.filter((user) => world.chat(user.id)!.length > 0).slice(0, 3);
    const empty = users.find((user) => world.chat(user.id)!.length === 0)!;
    expect(long && empty && short.length === 3).toBeTruthy();
    for (const user of [long, ...short, empty]) {
      for (const limit of [1, 50, 99]) {
        const { records, total } = await walk(mock.url, `/users/${user.id}/messages`, "messages", limit);
        expect(total).toBe(world.chat(user.id)!.length);
        expect(records).toEqual(world.chat(user.id));
        expectAscendingUnique(records.map((message) => message.id));
      }
      for (const message of world.chat(user.id)!.slice(0, 60)) {
        const detail = await rawRequest(`${mock.url}/users/${user.id}/messages/${message.id}`, {
          headers: GOOD_HEADERS,
        });
        expect(detail.json()).toEqual(message);
      }
    }
  });

  it("a message of another user's chat is 404 on this one; so are the messages of a user who does not exist", async () => {
    const [first, second] = [...world.users()].filter((user) => world.chat(user.id)!.length > 0);
    const foreign = world.chat(second!.id)![0]!;
    const cross = await rawRequest(`${mock.url}/users/${first!.id}/messages/${foreign.id}`, { headers: GOOD_HEADERS });
    expect(cross.status).toBe(404);
    expect(cross.json()).toEqual({
      status: 404,
      code: "not_found",
      message: `No message with id ${foreign.id} in the chat of user ${first!.id}.`,
    });
    for (const path of ["/users/251", "/users/251/messages", "/users/251/messages/1234"]) {
      expect((await rawRequest(mock.url + path, { headers: GOOD_HEADERS })).json()).toEqual({
        status: 404,
        code: "not_found",
        message: "No user with id 251.",
      });
    }
  });

  it("the reference's own examples resolve: user 123 and message 1234", async () => {
    expect((await rawRequest(`${mock.url}/users/123`, { headers: GOOD_HEADERS })).json().id).toBe(123);
    const message = await rawRequest(`${mock.url}/users/123/messages/1234`, { headers: GOOD_HEADERS });
    expect([message.status, message.json().id]).toEqual([200, 1234]);
  });
});

describe("mock worlds by seed and size", () => {
  const urls = [
    "/users?limit=99",
    "/users/7",
    "/users/123/messages?limit=99",
    "/users/123/messages/1234",
    "/users?offset=240",
  ];
  const bodies = async (mock: RunningMock) =>
    Promise.all(urls.map(async (url) => (await rawRequest(mock.url + url, { headers: GOOD_HEADERS })).text));

  it("two starts with the same seed answer byte-identical bodies; another seed differs", async () => {
    const [a, b, c] = await Promise.all([
      startMock({ port: 0, seed: "s1" }),
      startMock({ port: 0, seed: "s1" }),
      startMock({ port: 0, seed: "s2" }),
    ]);
    try {
      const [first, second, other] = await Promise.all([bodies(a), bodies(b), bodies(c)]);
      expect(second).toEqual(first);
      expect(other[0]).not.toEqual(first[0]);
      expect(JSON.parse(first[0]!).users).toEqual(generateWorld({ seed: "s1" }).listUsers(0, 99).users);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("--users shapes the size, from 0 to 1,000,000", async () => {
    const [none, million] = await Promise.all([
      startMock({ port: 0, users: 0 }),
      startMock({ port: 0, users: 1_000_000 }),
    ]);
    try {
      expect((await rawRequest(`${none.url}/users`, { headers: GOOD_HEADERS })).json()).toEqual({
        limit: 50,
        offset: 0,
        total: 0,
        users: [],
      });
      const last = (await rawRequest(`${million.url}/users?offset=999999`, { headers: GOOD_HEADERS })).json();
      expect([last.total, last.users.length]).toEqual([1_000_000, 1]);
      await expect(startMock({ port: 0, users: 1_000_001 })).rejects.toThrow(/users/);
    } finally {
      await Promise.all([none.close(), million.close()]);
    }
  });

  it("serves a world given as data, exactly; a bad one is refused before listening, naming the record and rule", async () => {
    const data = generateWorld({ seed: "data", users: 12 }).toData();
    const mock = await startMock({ port: 0, data });
    try {
      expect((await rawRequest(`${mock.url}/users?limit=99`, { headers: GOOD_HEADERS })).json()).toEqual({
        limit: 99,
        offset: 0,
        total: 12,
        users: data.users,
      });
    } finally {
      await mock.close();
    }
    const broken = structuredClone(data);
    broken.users[3]!.id = broken.users[2]!.id;
    await expect(startMock({ port: 0, data: broken })).rejects.toThrow(/^data: \$\.users\[3\]/);
  });
});

describe("scenario controls", () => {
  const request = (path: string, headers: Record<string, string> = GOOD_HEADERS): MockRequest => ({
    method: "GET",
    path,
    search: "",
    header: (name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1],
  });

  it("--latency MIN-MAX: each answer's delay is drawn per request, deterministic given the seed, within the range", async () => {
    const delays = async (seed: string) => {
      const handler = createMockHandler({ users: 3, seed, latency: [100, 400] });
      const out: number[] = [];
      for (let index = 0; index < 20; index++) out.push((await handler.handle(request("/users"))).delayMs);
      return out;
    };
    const first = await delays("a");
    expect(await delays("a")).toEqual(first);
    expect(await delays("b")).not.toEqual(first);
    expect(first.every((delay) => delay >= 100 && delay <= 400)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(5);
  });

  it("the server waits the latency before answering", async () => {
    const mock = await startMock({ port: 0, latency: 300 });
    try {
      const started = performance.now();
      expect((await rawRequest(`${mock.url}/users/1`, { headers: GOOD_HEADERS })).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290); // a lower bound: the delay was waited
    } finally {
      await mock.close();
    }
  });

  it("--fail-rate P: that fraction of answers become 500 or 503 (with Retry-After), the same ones for the same seed", async () => {
    const statuses = async (seed: string) => {
      const handler = createMockHandler({ users: 3, seed, failRate: 0.3 });
      const out: number[] = [];
      for (let index = 0; index < 400; index++) {
        const { response } = await handler.handle(request("/users/1"));
        out.push(response.status);
        if (response.status !== 200) {
          expect(JSON.parse(response.body)).toEqual({
            status: response.status,
            code: contract.errors[String(response.status) as "500" | "503"].code,
            message: expect.any(String),
          });
          expect(response.headers["Retry-After"]).toBe(response.status === 503 ? "1" : undefined);
        }
      }
      return out;
    };
    const first = await statuses("x");
    expect(await statuses("x")).toEqual(first);
    const failed = first.filter((status) => status !== 200);
    expect(failed.length / first.length).toBeGreaterThan(0.22);
    expect(failed.length / first.length).toBeLessThan(0.38);
    expect(new Set(failed)).toEqual(new Set([500, 503]));
  });

  it("--fail-rate: concurrent requests draw as sequential ones do, whatever the request validator's timing", async () => {
    const make = (host?: MockHost) => createMockHandler({ users: 3, seed: "c", failRate: 0.5 }, host);
    const sequential: number[] = [];
    const one = make();
    for (let index = 0; index < 16; index++) sequential.push((await one.handle(request("/users"))).response.status);
    // A request validator that answers in reverse order of arrival, as a slow one (Prism) under load might.
    const validateRequest = async (accepted: { request: MockRequest }) => {
      await new Promise((resolve) => setTimeout(resolve, 40 - Number(accepted.request.header("x-n"))));
      return undefined;
    };
    const concurrent = make({ validateRequest });
    const statuses = await Promise.all(
      Array.from({ length: 16 }, (_, n) => concurrent.handle(request("/users", { ...GOOD_HEADERS, "x-n": String(n) }))),
    );
    expect(statuses.map((handled) => handled.response.status)).toEqual(sequential);
    expect(new Set(sequential).size).toBeGreaterThan(1);
  });

  it("--rate-limit N: at most N per second per secret; the rest get 429 with the Retry-After the window implies", async () => {
    let now = 10_250;
    const handler = createMockHandler({ users: 3, seed: "r", rateLimit: 2, now: () => now });
    const status = async (secret: string) => {
      const { response } = await handler.handle(
        request("/users", { ...GOOD_HEADERS, Authorization: `Bearer ${secret}` }),
      );
      return [response.status, response.headers["Retry-After"]];
    };
    expect([await status("a"), await status("a"), await status("b"), await status("a")]).toEqual([
      [200, undefined],
      [200, undefined],
      [200, undefined],
      [429, "1"],
    ]);
    now = 11_000; // the next window
    expect(await status("a")).toEqual([200, undefined]);
  });

  it("the server enforces the rate limit with a real 429", async () => {
    const mock = await startMock({ port: 0, rateLimit: 1 });
    try {
      const responses = await Promise.all(
        [1, 2, 3].map(() => rawRequest(`${mock.url}/users`, { headers: GOOD_HEADERS })),
      );
      const limited = responses.filter((response) => response.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(1);
      expect(limited[0]!.headers["retry-after"]).toBe("1");
      expect(limited[0]!.json().code).toBe("too_many_requests");
    } finally {
      await mock.close();
    }
  });

  it("refuses bad controls with a message that says what is allowed", async () => {
    await expect(startMock({ port: 0, failRate: 2 })).rejects.toThrow("failRate must be a number from 0 to 1");
    await expect(startMock({ port: 0, latency: [500, 100] })).rejects.toThrow("latency must be whole milliseconds");
    await expect(startMock({ port: 0, rateLimit: 0 })).rejects.toThrow("rateLimit must be a whole number");
  });
});
