/**
 * Where the client sends, and with what secret: baseUrl's checks (credentials never echoed, no query or fragment),
 * a path on the page's origin for calls through a proxy with no secret, and the browser opt-in for a secret.
 * A browser context is simulated with the globals the client looks at (`document`, `location`); the real browser
 * is in browser.test.ts.
 */
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ClientOptions, createSignalZenClient, InvalidArgumentError } from "../../src/client/index.js";
import { json, stubFetch } from "../helpers/stub-fetch.js";

const SECRET = "Sk_Live_AbCdEf0123456";
const user = { id: 7, name: "Ann" };

/** The error creating a client with these options throws: everything a user could print of it. */
function refusal(options: ClientOptions): { error: unknown; printed: string } {
  try {
    createSignalZenClient(options);
  } catch (error) {
    return { error, printed: `${String(error)} ${(error as Error).stack} ${inspect(error)} ${JSON.stringify(error)}` };
  }
  throw new Error("expected the client to be refused");
}

/** Makes this process look like a page at `origin` (jsdom does the same with its own `document`). */
function inBrowser(origin: string) {
  vi.stubGlobal("document", {});
  vi.stubGlobal("location", new URL(`${origin}/app/page`));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("baseUrl", () => {
  it.each([
    ["http://svc:SECRETPASS@api.example.test/external", "SECRETPASS"],
    ["https://SECRETPASS@api.example.test", "SECRETPASS"],
    ["http://svc:SECRET?PASS#x@api.example.test", "SECRET"], // a password that looks like a query
    ["svc:SECRETPASS@api.example.test", "SECRETPASS"], // not a URL at all
  ])("refuses %s without echoing its credentials", (baseUrl, password) => {
    const { error, printed } = refusal({ apiSecret: SECRET, baseUrl });
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(printed).not.toContain(password);
  });

  it("says what is wrong with credentials in the URL", () => {
    expect((refusal({ apiSecret: SECRET, baseUrl: "http://svc:pw@127.0.0.1:4010" }).error as Error).message).toBe(
      "baseUrl must not carry credentials (user:password@host): the client sends apiSecret in the Authorization" +
        " header; remove them from the URL",
    );
  });

  it.each(["http://127.0.0.1:4010/?", "http://127.0.0.1:4010/#", "http://127.0.0.1:4010/api?v=1"])(
    "refuses %s, which would put every path in the query or the fragment",
    (baseUrl) => {
      expect((refusal({ apiSecret: SECRET, baseUrl }).error as Error).message).toBe(
        `baseUrl must not have a query or fragment (the client appends each path to it); got ${JSON.stringify(
          baseUrl.replace(/\/+$/, ""),
        )}: remove from the ? or # on`,
      );
    },
  );

  it("refuses a path outside a browser, saying why and what to give", () => {
    const { error } = refusal({ baseUrl: "/api/signalzen" });
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toBe(
      'baseUrl "/api/signalzen" is a path, which only a page can resolve (against its own origin); here there is no' +
        " page (globalThis.location is not an http(s) URL): give an absolute URL such as" +
        " https://api.signalzen.com/external, or http://127.0.0.1:4010 for the mock",
    );
  });

  it("requires apiSecret for any other origin", () => {
    expect((refusal({ baseUrl: "https://api.signalzen.com/external" }).error as Error).message).toBe(
      "apiSecret is required: createSignalZenClient({ apiSecret: process.env.SIGNALZEN_API_SECRET }); only a" +
        " baseUrl on the page's own origin (a proxy that adds the secret) goes without",
    );
  });
});

describe("in a browser", () => {
  it("calls a path on the page's origin with no secret: no Authorization header leaves the page", async () => {
    inBrowser("https://app.example.test");
    const stub = stubFetch(() => json(user));
    const sz = createSignalZenClient({ baseUrl: "/api/signalzen/", fetch: stub.fetch });
    expect(await sz.users.get(7)).toEqual(user);
    expect(stub.requests[0]!.url).toBe("https://app.example.test/api/signalzen/users/7");
    expect([...stub.requests[0]!.headers]).toEqual([["accept", "application/vnd.signalzen.v1+json"]]);
    const raw = await sz.GET("/users/{id}", { params: { path: { id: 7 } } });
    expect(raw.data).toEqual(user);
    expect(stub.requests[1]!.headers.has("authorization")).toBe(false);
  });

  it("takes the page's own origin written out, with no secret", async () => {
    inBrowser("http://localhost:5173");
    const stub = stubFetch(() => json(user));
    await createSignalZenClient({ baseUrl: "http://localhost:5173/api", fetch: stub.fetch }).users.get(7);
    expect(stub.requests[0]!.url).toBe("http://localhost:5173/api/users/7");
  });

  it("refuses a secret without dangerouslyAllowBrowser, saying why and what to do instead", () => {
    inBrowser("https://app.example.test");
    const { error, printed } = refusal({ apiSecret: SECRET, baseUrl: "https://api.signalzen.com/external" });
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toBe(
      "refusing to create the client with apiSecret in a browser, where anyone who loads the page can read it:" +
        ' keep the secret on a server: give baseUrl a path on your own origin ("/api/signalzen") where a route of' +
        " yours adds it (README: The secret stays on a server). If you know the risk (a local tool, a test)," +
        " pass dangerouslyAllowBrowser: true",
    );
    expect(printed).not.toContain(SECRET);
  });

  it("refuses a secret in a web worker too", () => {
    vi.stubGlobal("importScripts", () => {});
    expect(refusal({ apiSecret: SECRET }).error).toBeInstanceOf(InvalidArgumentError);
  });

  it("sends the secret when the opt-in is given", async () => {
    inBrowser("https://app.example.test");
    const stub = stubFetch(() => json(user));
    const sz = createSignalZenClient({
      apiSecret: SECRET,
      baseUrl: "https://api.example.test",
      dangerouslyAllowBrowser: true,
      fetch: stub.fetch,
    });
    await sz.users.get(7);
    expect(stub.requests[0]!.headers.get("authorization")).toBe(`Bearer ${SECRET}`);
  });

  it("still requires the secret for another origin", () => {
    inBrowser("https://app.example.test");
    expect(refusal({ baseUrl: "https://api.signalzen.com/external" }).error).toBeInstanceOf(InvalidArgumentError);
  });
});
