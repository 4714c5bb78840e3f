/** The client with an injected fetch: headers, arguments, every error class, retries, timeouts, secret hygiene. */
import { describe, expect, it, vi } from "vitest";
import * as contract from "../../generated/contract.js";
import { errorClassByStatus } from "../../src/client/errors.js";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createSignalZenClient,
  GoneError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestError,
  ServiceUnavailableError,
  SignalZenError,
  TimeoutError,
} from "../../src/client/index.js";
import { caught } from "../helpers/caught.js";
import { errorResponse, json, stubFetch } from "../helpers/stub-fetch.js";

const SECRET = "sz_live_0123456789abcdef";
const user = {
  id: 123,
  name: "John Smith",
  email: "john.smith@gmail.com",
  reference: "123",
  created_at: "2017-11-25T20:27:42.000Z",
  updated_at: "2017-11-25T20:27:42.000Z",
  online_at: null,
  last_url: null,
  user_attributes: [],
};
const noRetry = { retry: false as const };

function client(
  handler: Parameters<typeof stubFetch>[0],
  options: Partial<Parameters<typeof createSignalZenClient>[0]> = {},
) {
  const stub = stubFetch(handler);
  return {
    sz: createSignalZenClient({
      apiSecret: SECRET,
      baseUrl: "https://api.example.test/external",
      fetch: stub.fetch,
      ...options,
    }),
    requests: stub.requests,
  };
}

describe("creation", () => {
  it.each([
    [{}, "apiSecret is required"],
    [{ apiSecret: "" }, "apiSecret is required"],
    [{ apiSecret: "   " }, "apiSecret is required"],
    [{ apiSecret: "has space" }, "apiSecret has characters an HTTP header cannot carry"],
    [
      { apiSecret: SECRET, baseUrl: "not a url" },
      'baseUrl must be an http(s) URL such as https://api.signalzen.com/external, or in a browser a path on the page\'s origin ("/api/signalzen"); got "not a url"',
    ],
    [
      { apiSecret: SECRET, baseUrl: "ftp://x" },
      'baseUrl must be an http(s) URL such as https://api.signalzen.com/external, or in a browser a path on the page\'s origin ("/api/signalzen"); got "ftp://x"',
    ],
    [
      { apiSecret: SECRET, baseUrl: "https://u:p@api.example.test" },
      "baseUrl must not carry credentials (user:password@host): the client sends apiSecret in the Authorization header; remove them from the URL",
    ],
    [
      { apiSecret: SECRET, baseUrl: "http://api.example.test" },
      "refusing to send the API secret over plain http:// to api.example.test",
    ],
    [{ apiSecret: SECRET, timeoutMs: 0 }, "timeoutMs must be a whole number from 1 to 2147483647; got 0"],
    [{ apiSecret: SECRET, retry: { limit: -1 } }, "retry.limit must be a whole number from 0 to 2147483647; got -1"],
    [{ apiSecret: SECRET, retry: { statusCodes: [404] } }, "retry.statusCodes must not include 404"],
  ])("refuses %j with a clear error", (options, message) => {
    expect(() => createSignalZenClient(options as never)).toThrow(InvalidArgumentError);
    expect(() => createSignalZenClient(options as never)).toThrow(message);
  });

  it("never echoes the secret when refusing it", () => {
    const error = (() => {
      try {
        createSignalZenClient({ apiSecret: "secret-with\nnewline" });
      } catch (caughtError) {
        return caughtError as Error;
      }
    })();
    expect(String(error)).not.toContain("secret-with");
  });

  it.each(["http://127.0.0.1:4010", "http://localhost:4010", "http://[::1]:4010"])(
    "allows plain http to loopback %s",
    (baseUrl) => {
      expect(() => createSignalZenClient({ apiSecret: SECRET, baseUrl })).not.toThrow();
    },
  );

  it("allows plain http elsewhere only with allowInsecureHttp", () => {
    expect(() =>
      createSignalZenClient({ apiSecret: SECRET, baseUrl: "http://staging.internal", allowInsecureHttp: true }),
    ).not.toThrow();
  });

  it("defaults to the production server", async () => {
    const stub = stubFetch(() => json(user));
    await createSignalZenClient({ apiSecret: SECRET, fetch: stub.fetch }).users.get(123);
    expect(stub.requests[0]!.url).toBe("https://api.signalzen.com/external/users/123");
  });
});

describe("requests", () => {
  it("sends both required headers on every request; callers never pass Accept", async () => {
    const { sz, requests } = client(() => json({ limit: 10, offset: 0, total: 0, users: [] }));
    await sz.users.list({ limit: 10 });
    expect(requests[0]!.method).toBe("GET");
    expect(requests[0]!.url).toBe("https://api.example.test/external/users?limit=10");
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${SECRET}`);
    expect(requests[0]!.headers.get("accept")).toBe(contract.mediaType);
  });

  it("builds each operation's path", async () => {
    const { sz, requests } = client((request) =>
      json(request.url.includes("messages") ? { limit: 50, offset: 0, total: 0, messages: [] } : user),
    );
    await sz.users.get(123);
    await sz.messages.list(123, { offset: 5 });
    await sz.messages.get(123, 1234).catch(() => undefined);
    expect(requests.map((request) => request.url.replace("https://api.example.test/external", ""))).toEqual([
      "/users/123",
      "/users/123/messages?offset=5",
      "/users/123/messages/1234",
    ]);
  });

  it.each([
    [() => 0, "id must be a whole number from 1 to 2147483647; got 0"],
    [() => 1.5, "got 1.5"],
    [() => "1/../../admin", 'got "1/../../admin"'],
    [() => 2 ** 31, "got 2147483648"],
  ])("refuses a bad id before sending anything (%#)", async (id, message) => {
    const { sz, requests } = client(() => json(user));
    await expect(sz.users.get(id() as number)).rejects.toThrow(message);
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ limit: 0 }, "limit must be a whole number from 1 to 99; got 0"],
    [{ limit: 100 }, "got 100"],
    [{ offset: -1 }, "offset must be a whole number from 0 to 2147483647; got -1"],
    [{ limt: 5 }, "unknown option limt; the options are offset, limit"],
  ])("refuses page options %j before sending anything", async (page, message) => {
    const { sz, requests } = client(() => json(user));
    await expect(sz.users.list(page as never)).rejects.toThrow(message);
    await expect(sz.messages.list(1, page as never)).rejects.toThrow(message);
    expect(requests).toHaveLength(0);
  });

  it("encodes path parameters in raw calls: an id cannot change the path", async () => {
    const { sz, requests } = client(() => json(user));
    await sz.GET("/users/{id}", { params: { path: { id: "1/../../admin" as unknown as number } } });
    expect(new URL(requests[0]!.url).pathname).toBe("/external/users/1%2F..%2F..%2Fadmin");
  });

  it("returns the raw openapi-fetch result from GET", async () => {
    const { sz } = client(() => errorResponse(404));
    const { data, error, response } = await sz.GET("/users/{id}", { params: { path: { id: 5 } } });
    expect(data).toBeUndefined();
    expect(error).toEqual({ status: 404, code: "not_found", message: "The specified resource could not be found." });
    expect(response.status).toBe(404);
  });
});

describe("per-call options", () => {
  it.each([
    ["a record", { Prefer: "code=503", "X-Request-Id": "r1" }],
    ["a Headers", new Headers({ Prefer: "code=503", "X-Request-Id": "r1" })],
    [
      "pairs",
      [
        ["Prefer", "code=503"],
        ["X-Request-Id", "r1"],
      ] as [string, string][],
    ],
  ])("sends a call's headers (%s) besides the client's own, on that call only", async (_name, headers) => {
    const { sz, requests } = client(() => json(user));
    await sz.users.get(123, { headers });
    await sz.users.get(123);
    expect([...requests[0]!.headers]).toEqual([
      ["accept", contract.mediaType],
      ["authorization", `Bearer ${SECRET}`],
      ["prefer", "code=503"],
      ["x-request-id", "r1"],
    ]);
    expect(requests[1]!.headers.has("prefer")).toBe(false);
  });

  it("sends them on every method, on each retry, and on every page of all() and pages()", async () => {
    const page = (key: string, items: unknown[]) => json({ limit: 99, offset: 0, total: items.length, [key]: items });
    const { sz, requests } = client(
      (request, attempt) => {
        if (attempt === 1) return errorResponse(503);
        if (request.url.includes("/messages/")) return json({ id: 1 });
        if (request.url.includes("/messages")) return page("messages", [{ id: 1 }]);
        return request.url.endsWith("/users/7") ? json(user) : page("users", [{ id: 7 }]);
      },
      { retry: { backoffMs: 0 } },
    );
    const headers = { Prefer: "example=one" };
    await sz.users.get(7, { headers });
    await sz.users.list(undefined, { headers });
    await sz.messages.list(7, {}, { headers });
    await sz.messages.get(7, 1, { headers });
    for await (const _ of sz.users.all({ headers }));
    for await (const _ of sz.messages.all(7, { headers }).pages());
    expect(requests.map((request) => request.headers.get("prefer"))).toEqual(Array(7).fill("example=one"));
  });

  it.each([
    [{ Authorization: "Bearer other" }, "headers must not include authorization: the client sets it"],
    [{ accept: "*/*" }, "headers must not include accept: the client sets it"],
    [
      [
        ["ACCEPT", "x"],
        ["Authorization", "y"],
      ],
      "headers must not include authorization or accept: the client sets them",
    ],
  ])("refuses %j before sending anything", async (headers, start) => {
    const { sz, requests } = client(() => json(user));
    const error = await caught(sz.users.get(1, { headers: headers as never }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toBe(
      `${start} (Authorization from apiSecret, Accept to the contract's media type); send the rest`,
    );
    expect(() => sz.users.all({ headers: headers as never })).toThrow(error.message);
    expect(requests).toHaveLength(0);
  });

  it.each([[{ "bad name": "x" }], [{ "X-Ok": "line\nbreak" }], [42]])(
    "refuses headers HTTP cannot carry: %j",
    async (headers) => {
      const error = await caught(
        createSignalZenClient({ apiSecret: SECRET }).users.get(1, { headers: headers as never }),
      );
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toBe(
        "headers must be a Headers, a record of names to strings, or [name, value] pairs, with names of letters," +
          " digits and !#$%&'*+-.^_`|~ and values of Latin-1 characters without line breaks",
      );
    },
  );

  it("is an InvalidArgumentError about no request: no method or url, in its fields or its JSON", async () => {
    const error = await caught(createSignalZenClient({ apiSecret: SECRET }).users.get(0));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).not.toBeInstanceOf(RequestError);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "InvalidArgumentError",
      message: "id must be a whole number from 1 to 2147483647; got 0",
    });
  });

  it("refuses an unknown call option, naming the known ones", async () => {
    const error = await caught(createSignalZenClient({ apiSecret: SECRET }).users.get(1, { timeout: 5 } as never));
    expect(error.message).toBe("unknown option timeout; the options are signal, headers");
  });
});

describe("errors", () => {
  const classes: [number, abstract new (...args: never[]) => APIError][] = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [405, MethodNotAllowedError],
    [406, NotAcceptableError],
    [410, GoneError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, ServiceUnavailableError],
  ];

  it("has one class for each status the spec documents", () => {
    expect(Object.keys(errorClassByStatus)).toEqual(Object.keys(contract.errors));
    expect(classes.map(([status]) => String(status))).toEqual(Object.keys(contract.errors));
  });

  it.each(classes)("%d gives %O with status, body, headers, method and URL", async (status, ErrorClass) => {
    const { sz } = client(() => errorResponse(status, { "Retry-After": "7", "X-Trace": "t1" }), noRetry);
    const error = await caught(sz.users.get(5));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toBeInstanceOf(SignalZenError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.code).toBe(contract.errors[String(status) as keyof typeof contract.errors].code);
    expect(error.error).toEqual({
      status,
      code: error.code,
      message: contract.errors[String(status) as keyof typeof contract.errors].message,
    });
    expect(error.headers.get("x-trace")).toBe("t1");
    expect(error.retryAfter).toBe(7000);
    expect(error.method).toBe("GET");
    expect(error.url).toBe("https://api.example.test/external/users/5");
    expect(error.message).toBe(
      `GET https://api.example.test/external/users/5 failed with ${status}: ${error.code}: ${error.error.message}`,
    );
  });

  it("gives APIError for a status the API does not document", async () => {
    const { sz } = client(() => new Response("teapot", { status: 418 }), noRetry);
    const error = await caught(sz.users.get(5));
    expect(error.constructor).toBe(APIError);
    expect([error.status, error.rawBody, error.error, error.code]).toEqual([418, "teapot", undefined, undefined]);
  });

  it("keeps the raw text of a body that is not JSON, with the right class", async () => {
    const { sz } = client(
      () => new Response("<html>Bad gateway</html>", { status: 503, headers: { "Content-Type": "text/html" } }),
      noRetry,
    );
    const error = await caught(sz.users.get(5));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.rawBody).toBe("<html>Bad gateway</html>");
    expect(error.error).toBeUndefined();
    expect(error.message).toContain("failed with 503: <html>Bad gateway</html>");
  });

  it("keeps JSON that is not the error schema as raw text, with the right class", async () => {
    const { sz } = client(() => json({ error: "nope" }, 404), noRetry);
    const error = await caught(sz.users.get(5));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.error).toBeUndefined();
    expect(error.rawBody).toBe('{"error":"nope"}');
  });

  it.each([
    [
      "not JSON",
      () => new Response("<html>ok</html>", { status: 200 }),
      "answered 200 with a body that is not JSON: <html>ok</html>",
    ],
    [
      "empty",
      () => new Response("", { status: 200, headers: { "Content-Length": "0" } }),
      "answered 200 with an empty body",
    ],
  ])(
    "turns a 2xx body that is %s into InvalidResponseError, not a bare SyntaxError",
    async (_name, handler, message) => {
      const { sz } = client(handler, noRetry);
      const error = await caught(sz.users.get(5));
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.message).toBe(`GET https://api.example.test/external/users/5 ${message}`);
    },
  );

  it("turns a network failure into ConnectionError, chaining the cause", async () => {
    const cause = new TypeError("fetch failed");
    const { sz } = client(() => Promise.reject(cause), noRetry);
    const error = await caught(sz.users.get(5));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe("GET https://api.example.test/external/users/5 got no answer: fetch failed");
  });
});

describe("retries", () => {
  const fast = { backoffMs: 1, backoffLimit: 2 };

  it.each([429, 500, 502, 503, 504])(
    "retries %d, at most twice by default, and returns the success",
    async (status) => {
      const { sz, requests } = client((_request, attempt) => (attempt < 3 ? errorResponse(status) : json(user)), {
        retry: fast,
      });
      await expect(sz.users.get(123)).resolves.toEqual(user);
      expect(requests).toHaveLength(3);
    },
  );

  it("gives up after the limit with the last error", async () => {
    const { sz, requests } = client(() => errorResponse(500), { retry: fast });
    await expect(sz.users.get(123)).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 405, 406, 410] as const)("never retries %d", async (status) => {
    const { sz, requests } = client(() => errorResponse(status), { retry: { ...fast, limit: 5 } });
    await expect(sz.users.get(123)).rejects.toBeInstanceOf(errorClassByStatus[status]);
    expect(requests).toHaveLength(1);
  });

  it("retries a network failure", async () => {
    const { sz, requests } = client(
      (_request, attempt) => (attempt === 1 ? Promise.reject(new TypeError("fetch failed")) : json(user)),
      { retry: fast },
    );
    await expect(sz.users.get(123)).resolves.toEqual(user);
    expect(requests).toHaveLength(2);
  });

  it("waits for Retry-After in seconds", async () => {
    vi.useFakeTimers();
    try {
      const { sz, requests } = client((_request, attempt) =>
        attempt === 1 ? errorResponse(429, { "Retry-After": "3" }) : json(user),
      );
      const result = sz.users.get(123);
      await vi.advanceTimersByTimeAsync(2_999);
      expect(requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toEqual(user);
      expect(requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("waits for Retry-After as an HTTP date", async () => {
    vi.useFakeTimers({ now: Date.parse("2026-11-23T10:00:00Z") });
    try {
      const { sz, requests } = client((_request, attempt) =>
        attempt === 1 ? errorResponse(503, { "Retry-After": "Mon, 23 Nov 2026 10:00:05 GMT" }) : json(user),
      );
      const result = sz.users.get(123);
      await vi.advanceTimersByTimeAsync(4_999);
      expect(requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toEqual(user);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not wait for a Retry-After longer than maxRetryAfter: throws at once with retryAfter", async () => {
    const { sz, requests } = client(() => errorResponse(429, { "Retry-After": "3600" }), {
      retry: { maxRetryAfter: 60_000 },
    });
    const error = await caught(sz.users.get(123));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfter).toBe(3_600_000);
    expect(requests).toHaveLength(1);
  });

  it("stops a retry wait at once when the signal aborts", async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const { sz, requests } = client(() => errorResponse(503, { "Retry-After": "30" }));
      const result = sz.users.get(123, { signal: controller.signal });
      result.catch(() => undefined);
      await vi.advanceTimersByTimeAsync(0); // the first attempt is answered; the client now waits 30 s
      expect(requests).toHaveLength(1);
      const reason = new Error("user cancelled");
      controller.abort(reason); // no timer advanced: the wait must end on the abort alone
      await expect(result).rejects.toBe(reason);
      expect(requests).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(0); // the 30 s wait was cleared
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ["3600", "which would end the retries"],
    ["5", "which would stall the call five seconds"],
  ])("backs off on a 500 whatever its Retry-After (%s s, %s): Retry-After is for afterStatusCodes", async (after) => {
    vi.useFakeTimers();
    try {
      const { sz, requests } = client(
        (_request, attempt) => (attempt === 1 ? errorResponse(500, { "Retry-After": after }) : json(user)),
        { retry: { backoffMs: 100, backoffLimit: 100 } },
      );
      const result = sz.users.get(123);
      await vi.advanceTimersByTimeAsync(100); // the backoff's ceiling: full jitter waits 0 to 100 ms
      expect(requests).toHaveLength(2);
      await expect(result).resolves.toEqual(user);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not retry when retry is false", async () => {
    const { sz, requests } = client(() => errorResponse(503), noRetry);
    await expect(sz.users.get(123)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(requests).toHaveLength(1);
  });
});

describe("timeouts", () => {
  const hang = (request: Request) =>
    new Promise<Response>((_resolve, reject) =>
      request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true }),
    );

  it("times out an attempt whose headers never come", async () => {
    const { sz } = client(hang, { timeoutMs: 50, retry: false });
    const error = await caught(sz.users.get(123));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(50);
    expect(error.message).toBe("GET https://api.example.test/external/users/123 timed out after 50 ms");
  });

  it("times out an attempt whose body stalls after the headers", async () => {
    const stalled = (request: Request) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          request.signal.addEventListener("abort", () => controller.error(request.signal.reason), { once: true });
        },
      });
      return new Response(body, { status: 200 });
    };
    const { sz } = client(stalled, { timeoutMs: 50, retry: false });
    await expect(sz.users.get(123)).rejects.toBeInstanceOf(TimeoutError);
  });

  it("retries a timed-out attempt, and the next attempt gets a fresh timeout", async () => {
    const { sz, requests } = client((request, attempt) => (attempt === 1 ? hang(request) : json(user)), {
      timeoutMs: 50,
      retry: { backoffMs: 1 },
    });
    await expect(sz.users.get(123)).resolves.toEqual(user);
    expect(requests).toHaveLength(2);
  });

  it("rejects with the caller's reason when the caller aborts mid-request", async () => {
    const controller = new AbortController();
    const { sz } = client(hang);
    const result = sz.users.get(123, { signal: controller.signal });
    controller.abort(new Error("stop"));
    await expect(result).rejects.toThrow("stop");
  });
});

describe("secret hygiene", () => {
  const leakyFetch = () => Promise.reject(new TypeError(`connect failed for Authorization: Bearer ${SECRET}`));
  const echoingServer = (request: Request) =>
    json({ status: 401, code: "unauthorized", message: `wrong secret: ${request.headers.get("authorization")}` }, 401);

  it.each([
    ["a network error whose message has it", leakyFetch],
    ["an error body that echoes it", echoingServer],
    [
      "a raw body that echoes it",
      (request: Request) => new Response(`echo ${request.headers.get("authorization")}`, { status: 500 }),
    ],
  ])("keeps the secret out of %s: message, toString, JSON, stack, cause", async (_name, handler) => {
    const { sz } = client(handler, noRetry);
    const error = await caught(sz.users.get(5));
    expect(error).toBeInstanceOf(SignalZenError);
    const surfaces = [
      error.message,
      String(error),
      JSON.stringify(error),
      error.stack,
      String(error.cause?.message ?? ""),
      String(error.cause?.stack ?? ""),
      error.rawBody ?? "",
      JSON.stringify(error.error ?? ""),
    ];
    for (const surface of surfaces) expect(surface).not.toContain(SECRET);
    expect(surfaces.join(" ")).toContain("[redacted]");
  });

  it("keeps the secret out of every error class's surfaces, and out of any console output", async () => {
    const log = vi.spyOn(console, "log");
    const warn = vi.spyOn(console, "warn");
    const errorLog = vi.spyOn(console, "error");
    try {
      for (const status of [400, 401, 403, 404, 405, 406, 410, 429, 500, 503, 418]) {
        const { sz } = client(() => errorResponse(status), noRetry);
        const error = await caught(sz.users.get(5));
        for (const surface of [error.message, String(error), JSON.stringify(error), error.stack])
          expect(surface).not.toContain(SECRET);
      }
      expect([...log.mock.calls, ...warn.mock.calls, ...errorLog.mock.calls]).toEqual([]);
    } finally {
      log.mockRestore();
      warn.mockRestore();
      errorLog.mockRestore();
    }
  });
});
