/**
 * States on demand, the same in both hosts (issue 21): Prefer's retry-after= and latency=, the failure draw's
 * status, the scenario changed at run time (over HTTP for the server and MSW, and `handlers.scenario`),
 * `mockError` for one test's override, a relative MSW base, the placeholders behind every avatar and file, and
 * the page at the server's root.
 */

import { readFileSync } from "node:fs";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import type { OptionTable } from "../../src/cli/help.js";
import { MOCK_HELP } from "../../src/cli/mock.js";
import { createSignalZenClient, ServiceUnavailableError } from "../../src/client/index.js";
import { createMockHandler } from "../../src/mock/handler.js";
import { createHandlers, mockError } from "../../src/mock/msw.js";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { DEFAULT_ASSETS_BASE, generateWorld } from "../../src/world/index.js";
import { assetUrls } from "../helpers/assets.js";
import { caught } from "../helpers/caught.js";
import { GOOD_HEADERS, rawRequest } from "../helpers/http.js";

const MSW_BASE = "https://api.signalzen.com/external";
// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's key, so both are named.
const PASS_UNHANDLED = { onUnhandledRequest: "bypass", onUnhandledFrame: "bypass" } as const;
const FAIL_UNHANDLED = { onUnhandledRequest: "error", onUnhandledFrame: "error" } as const;
const handlers = createHandlers({ seed: "controls", users: 30 });
const msw = setupServer(...handlers);
let mock: RunningMock;

beforeAll(async () => {
  msw.listen(PASS_UNHANDLED);
  mock = await startMock({ port: 0, seed: "controls", users: 30 });
});
afterEach(async () => {
  msw.resetHandlers();
  handlers.scenario.reset();
  await fetch(`${mock.url}/__signalzen/scenario`, { method: "DELETE" });
});
afterAll(async () => {
  msw.close();
  await mock.close();
});

/** The same request to both hosts: status, the headers that matter, and the body. */
async function both(path: string, headers: Record<string, string> = {}) {
  const answers = [];
  for (const base of [mock.url, MSW_BASE]) {
    const response = await fetch(`${base}${path}`, { headers: { ...GOOD_HEADERS, ...headers } });
    answers.push({
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      body: await response.text(),
    });
  }
  expect(answers[1]).toEqual(answers[0]);
  return answers[0]!;
}

describe("Prefer, per request", () => {
  it("code=503, retry-after=7: the contract's 503 with Retry-After 7, in both hosts; 1 by default", async () => {
    const asked = await both("/users/3", { Prefer: "code=503, retry-after=7" });
    expect(asked.status).toBe(503);
    expect(asked.retryAfter).toBe("7");
    expect(JSON.parse(asked.body)).toEqual({
      status: 503,
      code: "service_unavailable",
      message: contract.errors["503"].message,
    });
    expect((await both("/users", { Prefer: "code=429" })).retryAfter).toBe("1");
    expect((await both("/users", { Prefer: 'code=429; retry-after="2"' })).retryAfter).toBe("2");
  });

  it("a retry-after or latency that is not whole numbers gets a 400 that says so, in both hosts", async () => {
    const badRetry = await both("/users", { Prefer: "code=503, retry-after=soon" });
    expect(badRetry.status).toBe(400);
    expect(JSON.parse(badRetry.body).details).toEqual([
      { location: "header.Prefer", message: "retry-after must be whole seconds" },
    ]);
    const badLatency = await both("/users", { Prefer: "latency=60001" });
    expect(JSON.parse(badLatency.body).message).toBe(
      "Prefer: latency=60001 is not whole milliseconds from 0 to 60000.",
    );
  });

  it("latency=MS delays that answer alone, whatever the scenario's latency", async () => {
    const handler = createMockHandler({ users: 3, seed: "p", latency: 50 });
    const request = (prefer?: string) => ({
      method: "GET",
      path: "/users/1",
      search: "",
      header: (name: string) => ({ ...lower(GOOD_HEADERS), ...(prefer && { prefer }) })[name],
    });
    expect((await handler.handle(request("latency=1500"))).delayMs).toBe(1500);
    expect((await handler.handle(request())).delayMs).toBe(50);
    expect((await handler.handle(request("latency=0"))).delayMs).toBe(0);
  });

  it("the default client shows a preferred 503 after waiting its Retry-After out twice (3 requests)", async () => {
    let sent = 0;
    const sz = createSignalZenClient({
      apiSecret: "any",
      baseUrl: mock.url,
      fetch: (request: Request) => {
        sent++;
        request.headers.set("Prefer", "code=503, retry-after=0");
        return fetch(request);
      },
    });
    const error = await caught(sz.users.get(1));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).retryAfter).toBe(0);
    expect(sent).toBe(3);
  });
});

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

describe("the scenario at run time", () => {
  it("over HTTP (PATCH, GET, DELETE on /__signalzen/scenario), the same in both hosts", async () => {
    for (const base of [mock.url, MSW_BASE]) {
      const control = `${base}/__signalzen/scenario`;
      const patched = await fetch(control, { method: "PATCH", body: JSON.stringify({ failRate: 1, failStatus: 503 }) });
      expect(patched.status).toBe(200);
      expect(await patched.json()).toEqual({ latency: 0, failRate: 1, failStatus: 503, rateLimit: null });
      const failing = await fetch(`${base}/users/1`, { headers: GOOD_HEADERS });
      expect([failing.status, failing.headers.get("retry-after")]).toEqual([503, "1"]);
      expect(await (await fetch(control)).json()).toEqual({
        latency: 0,
        failRate: 1,
        failStatus: 503,
        rateLimit: null,
      });
      expect((await fetch(control, { method: "PATCH", body: '{"failStatus": 500}' })).status).toBe(200);
      expect((await fetch(`${base}/users/1`, { headers: GOOD_HEADERS })).status).toBe(500);
      expect(await (await fetch(control, { method: "DELETE" })).json()).toEqual({
        latency: 0,
        failRate: 0,
        failStatus: null,
        rateLimit: null,
      });
      expect((await fetch(`${base}/users/1`, { headers: GOOD_HEADERS })).status).toBe(200);
    }
  });

  it("a bad change is refused with what is allowed, and changes nothing", async () => {
    for (const base of [mock.url, MSW_BASE]) {
      const control = `${base}/__signalzen/scenario`;
      const cases: [string, string][] = [
        ['{"failRate": 2}', "failRate must be a number from 0 to 1 (0.1 fails one answer in ten); got 2"],
        [
          '{"failStatus": 418}',
          "failStatus must be one of 400, 401, 403, 405, 406, 429, 500, 503 (an error every operation declares)",
        ],
        ['{"fail": 1}', 'Unknown control "fail"; the controls are latency, failRate, failStatus, rateLimit.'],
        ["not json", 'The body is not JSON; send an object such as {"failRate": 1, "failStatus": 503}.'],
        [`{"latency": "${"1".repeat(20_000)}"}`, "The body is larger than 16384 bytes"],
      ];
      for (const [body, message] of cases) {
        const response = await fetch(control, { method: "PATCH", body });
        expect(response.status).toBe(400);
        expect((await response.json()).message).toContain(message);
      }
      expect((await fetch(control, { method: "PUT", body: "{}" })).status).toBe(405);
      expect(await (await fetch(control)).json()).toEqual({
        latency: 0,
        failRate: 0,
        failStatus: null,
        rateLimit: null,
      });
    }
  });

  it("handlers.scenario changes MSW's answers from a test; latency takes what the CLI takes", async () => {
    expect(handlers.scenario.set({ failRate: 1, failStatus: 429, latency: "0-0" })).toEqual({
      latency: [0, 0],
      failRate: 1,
      failStatus: 429,
      rateLimit: null,
    });
    expect((await fetch(`${MSW_BASE}/users`, { headers: GOOD_HEADERS })).status).toBe(429);
    handlers.scenario.set({ failRate: null });
    expect((await fetch(`${MSW_BASE}/users`, { headers: GOOD_HEADERS })).status).toBe(200);
  });

  it('latency "200-800" is accepted as [200, 800]; a malformed one says exactly what is accepted', () => {
    expect(createHandlers({ latency: "200-800" }).scenario.get().latency).toEqual([200, 800]);
    expect(createHandlers({ latency: "300" }).scenario.get().latency).toBe(300);
    expect(() => createHandlers({ latency: "200-" })).toThrow(
      'latency must be whole milliseconds from 0 to 60000 (300 or "300"), or a range with min <= max ([200, 800] or "200-800"); got "200-"',
    );
  });

  it("a world is given as data or shaped by seed and users, never both, in MSW as in the server", () => {
    const data = generateWorld({ users: 2 }).toData();
    for (const shape of [{ seed: "x" }, { users: 2 }]) {
      expect(() => createHandlers({ data, ...shape })).toThrow(
        "give data, or seed, users and assetsBase to generate a world, not both",
      );
    }
    expect(createHandlers({ data }).scenario.get().failRate).toBe(0);
  });

  it("beside data, MSW's assetsBase says where placeholders are answered: a data world's own pictures load", async () => {
    const assetsBase = "https://cdn.example.test/chat-assets";
    const world = generateWorld({ users: 3, seed: "cdn", assetsBase });
    const urls = assetUrls(world);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith(`${assetsBase}/`))).toBe(true);
    msw.use(...createHandlers({ data: world.toData(), assetsBase }));
    for (const url of urls) {
      const response = await fetch(url);
      expect([url, response.status, response.headers.get("cross-origin-resource-policy")]).toEqual([
        url,
        200,
        "cross-origin",
      ]);
    }
    const user = world.getUser([...world.users()][0]!.id)!;
    const answer = await fetch(`${MSW_BASE}/users/${user.id}`, { headers: GOOD_HEADERS });
    expect(await answer.json()).toEqual(user);
  });

  it("the mock's own paths are never the API's: another /__signalzen path is a 404, the API is untouched", async () => {
    const other = await rawRequest(`${mock.url}/__signalzen/users`, { headers: GOOD_HEADERS });
    expect(other.status).toBe(404);
    expect(other.json().message).toContain("The mock's own paths are /__signalzen/scenario and /__signalzen/assets/.");
    expect((await rawRequest(`${mock.url}/users/1`, { headers: GOOD_HEADERS })).status).toBe(200);
  });
});

describe("the secret and the mock's own paths", () => {
  it("a required secret sent in a path or a control's name never comes back", async () => {
    const secret = "s3cret-value-1";
    const guarded = await startMock({ port: 0, secret, users: 1 });
    try {
      for (const path of [`/__signalzen/${secret}`, `/__signalzen/assets/files/1/${secret}/x`]) {
        const response = await rawRequest(`${guarded.url}${path}`);
        expect(response.status).toBe(404);
        expect(response.text).not.toContain(secret);
      }
      const patched = await fetch(`${guarded.url}/__signalzen/scenario`, { method: "PATCH", body: `{"${secret}": 1}` });
      expect(patched.status).toBe(400);
      expect(await patched.text()).not.toContain(secret);
    } finally {
      await guarded.close();
    }
  });
});

describe("MSW for tests", () => {
  it("server.use(mockError(503)) gives the client a ServiceUnavailableError with the contract's body", async () => {
    msw.use(mockError(503, { retryAfter: 0 }));
    const sz = createSignalZenClient({ apiSecret: "any" });
    const error = (await caught(sz.users.get(1))) as ServiceUnavailableError;
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.error).toEqual({ status: 503, code: "service_unavailable", message: contract.errors["503"].message });
    expect(error.headers.get("retry-after")).toBe("0");
    expect(error.headers.get("content-type")).toBe(contract.mediaType);
  });

  it("mockError on one path only, once; an undocumented status is refused", async () => {
    msw.use(mockError(404, { path: "/users/{id}", message: "gone for this test", once: true }));
    const first = await fetch(`${MSW_BASE}/users/2`, { headers: GOOD_HEADERS });
    expect([first.status, (await first.json()).message]).toEqual([404, "gone for this test"]);
    expect((await fetch(`${MSW_BASE}/users/2`, { headers: GOOD_HEADERS })).status).toBe(200);
    expect(() => mockError(418)).toThrow(/^mockError takes a status the contract documents \(400, 401/);
  });

  it('createHandlers({ baseUrl: "/api/signalzen" }) answers that path (any origin in Node)', async () => {
    const proxy = setupServer(...createHandlers({ baseUrl: "/api/signalzen", seed: "controls", users: 30 }));
    msw.close();
    proxy.listen(FAIL_UNHANDLED);
    try {
      const response = await fetch("http://localhost:5173/api/signalzen/users/3", { headers: GOOD_HEADERS });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(generateWorld({ seed: "controls", users: 30 }).getUser(3));
      expect((await fetch("http://localhost:5173/api/signalzen/nope", { headers: GOOD_HEADERS })).status).toBe(404);
    } finally {
      proxy.close();
      msw.listen(PASS_UNHANDLED);
    }
    expect(() => createHandlers({ baseUrl: "api/signalzen" })).toThrow(
      'baseUrl must be an http(s) URL or a path (such as https://api.signalzen.com/external or /api/signalzen), with no credentials, query or fragment; got "api/signalzen"',
    );
  });

  it('createHandlers({ baseUrl: "/api/signalzen" }) answers a client made with that base and no secret', async () => {
    const proxy = setupServer(...createHandlers({ baseUrl: "/api/signalzen", seed: "controls", users: 30 }));
    msw.close();
    proxy.listen(FAIL_UNHANDLED);
    // A page's origin, as a browser or jsdom has it: the client resolves its path base against it.
    const page = globalThis as { location?: unknown };
    page.location = new URL("http://localhost:5173/users");
    try {
      const sz = createSignalZenClient({ baseUrl: "/api/signalzen", retry: false });
      expect(await sz.users.get(3)).toEqual(generateWorld({ seed: "controls", users: 30 }).getUser(3));
      expect((await sz.users.list({ limit: 2 })).total).toBe(30);
      // What the proxy route does not add: a malformed Authorization sent by the page is still the contract's 401.
      const refused = await fetch("http://localhost:5173/api/signalzen/users/3", {
        headers: { ...GOOD_HEADERS, Authorization: "Basic eDp5" },
      });
      expect(refused.status).toBe(401);
    } finally {
      delete page.location;
      proxy.close();
      msw.listen(PASS_UNHANDLED);
    }
  });

  it.each([
    ["http://svc:Sk_Live_Secret42@api.test/external", '"http://***@api.test/external"'],
    ["https://api.test/external?", '"https://api.test/external?"'],
    ["https://api.test/external#", '"https://api.test/external#"'],
  ])("createHandlers refuses baseUrl %s, never quoting credentials", (baseUrl, shown) => {
    let error: unknown;
    try {
      createHandlers({ baseUrl });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toEqual(
      new RangeError(
        "baseUrl must be an http(s) URL or a path (such as https://api.signalzen.com/external or /api/signalzen)," +
          ` with no credentials, query or fragment; got ${shown}`,
      ),
    );
    expect(String(error).toLowerCase()).not.toContain("sk_live_secret42");
  });
});

describe("placeholders for every avatar and file", () => {
  const world = generateWorld({ seed: "controls", users: 30 });
  const urls = assetUrls(world);
  const typeOf = (url: string) =>
    /\.(png|jpe?g)$/.test(url)
      ? "image/png"
      : url.endsWith(".pdf")
        ? "application/pdf"
        : url.endsWith(".txt")
          ? "text/plain; charset=utf-8"
          : url.endsWith(".csv")
            ? "text/csv; charset=utf-8"
            : "application/octet-stream";

  it("the server points them at itself and answers each; MSW answers the same URLs with the same bytes", async () => {
    expect(urls.length).toBeGreaterThan(5);
    const served = await fetch(`${mock.url}/users/1/messages?limit=99`, { headers: GOOD_HEADERS });
    expect(JSON.stringify(await served.json())).not.toContain(DEFAULT_ASSETS_BASE);
    const onServer = urls.map((url) => url.replace(DEFAULT_ASSETS_BASE, `${mock.url}/__signalzen/assets`));
    for (const [index, url] of urls.entries()) {
      const fromServer = await fetch(onServer[index]!);
      const fromMsw = await fetch(url); // the default base, which MSW intercepts
      expect([fromServer.status, fromServer.headers.get("content-type")]).toEqual([200, typeOf(url)]);
      expect(fromMsw.headers.get("content-type")).toBe(typeOf(url));
      const bytes = new Uint8Array(await fromServer.arrayBuffer());
      expect(new Uint8Array(await fromMsw.arrayBuffer())).toEqual(bytes);
      if (typeOf(url) === "image/png") expect([...bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
      if (typeOf(url) === "application/pdf")
        expect(new TextDecoder().decode(bytes)).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
    }
  });

  it("a path that is not an avatar or a file is a 404 in the contract's body", async () => {
    const response = await fetch(`${mock.url}/__signalzen/assets/avatars/x/thumb.png`);
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe("not_found");
  });
});

describe("the page at the server's root", () => {
  it("a browser navigation gets a page naming the world, the controls, a sample request and the docs", async () => {
    await fetch(`${mock.url}/__signalzen/scenario`, { method: "PATCH", body: '{"failRate": 0.25}' });
    const response = await rawRequest(`${mock.url}/`, {
      headers: { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
    });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.text).toContain('<p id="world">Seed &#34;controls&#34;: 30 users and their chats');
    expect(response.text).toContain("<li>fail rate: 0.25 of answers are 500 or 503</li>");
    expect(response.text).toContain(
      `curl -H &#34;Authorization: Bearer any-secret&#34; -H &#34;Accept: ${contract.mediaType}&#34; ${mock.url}/users/123`,
    );
    expect(response.text).toContain('<a href="/__signalzen/docs">');
    const docs = await rawRequest(`${mock.url}/__signalzen/docs`);
    expect([docs.status, docs.headers["content-type"]]).toEqual([200, "text/html; charset=utf-8"]);
  });

  it("an API request at the root is still the contract's answer", async () => {
    const response = await rawRequest(`${mock.url}/`, { headers: GOOD_HEADERS });
    expect(response.status).toBe(404);
    expect(response.json().code).toBe("not_found");
    expect((await rawRequest(`${mock.url}/`, { headers: { Accept: "*/*" } })).json().code).toBe("not_found");
  });
});

describe("README's one table of controls", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const table = readme.slice(readme.indexOf("**Every control**"), readme.indexOf("**What else the server answers.**"));

  it("names every named example of every operation and every flag of `signalzen-api mock`", () => {
    expect(table.length).toBeGreaterThan(1000);
    for (const [operationId, examples] of Object.entries(contract.successExamples)) {
      expect(table).toContain(`\`${operationId}\`: `);
      for (const name of Object.keys(examples)) expect(table).toContain(`\`${name}\``);
    }
    const flags = Object.entries(MOCK_HELP.options as OptionTable)
      .filter(([, option]) => !option.hidden)
      .map(([name]) => `--${name}`);
    expect(flags.length).toBeGreaterThan(10);
    for (const flag of flags) expect(table).toContain(`\`${flag}`);
  });
});
