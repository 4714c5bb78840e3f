/** The client in real headless Chromium, on a page from another origin, calling the mock (CORS included). */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { generateWorld } from "../../src/world/index.js";
import { launchChromium } from "../helpers/browser.js";
import { bundleClient } from "../helpers/bundle.js";

// The mock serves the default world: what each runtime sees must be exactly it.
const world = generateWorld();

describe("client in a browser", () => {
  let mock: RunningMock;
  let page: http.Server;
  let pageUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    const clientJs = await bundleClient();
    mock = await startMock({ port: 0, secret: "browser-secret" });
    const html = `<!doctype html><meta charset="utf-8"><title>client</title><script type="module">
      import { createSignalZenClient, NotFoundError, AuthenticationError } from "/client.js";
      const results = {};
      try { createSignalZenClient({ apiSecret: "browser-secret", baseUrl: ${JSON.stringify(mock.url)} }); } catch (error) { results.refused = error.name; }
      // This page stands for a local tool: it takes the risk of holding the secret, explicitly.
      const sz = createSignalZenClient({ apiSecret: "browser-secret", baseUrl: ${JSON.stringify(mock.url)}, dangerouslyAllowBrowser: true });
      try {
        results.page = await sz.users.list({ limit: 5 });
        results.user = (await sz.users.get(123)).name;
        results.messages = [];
        for await (const message of sz.messages.all(123, { limit: 1, concurrency: 2 })) results.messages.push(message.sender_type === "operator" ? message.sender.forename : message.sender.name);
        try { await sz.users.get(1500000000); } catch (error) { results.notFound = [error instanceof NotFoundError, error.status, error.code]; }
        const wrong = createSignalZenClient({ apiSecret: "wrong-secret", baseUrl: ${JSON.stringify(mock.url)}, dangerouslyAllowBrowser: true });
        try { await wrong.users.list(); } catch (error) { results.auth = [error instanceof AuthenticationError, error.status, error.headers.get("www-authenticate")]; }
      } catch (error) { results.failure = String(error); }
      window.results = results;
    </script>`;
    page = http.createServer((request, response) => {
      if (request.url === "/client.js")
        return response.writeHead(200, { "Content-Type": "text/javascript" }).end(clientJs);
      return response.writeHead(200, { "Content-Type": "text/html" }).end(html);
    });
    await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
    // "localhost" for the page and 127.0.0.1 for the mock: two origins, so every call is cross-origin.
    pageUrl = `http://localhost:${(page.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    await new Promise((resolve) => page?.close(resolve));
  });

  it("lists, gets, walks and gets typed errors across origins, with no console error", async () => {
    const tab = await browser.newPage();
    const consoleErrors: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error" && !message.text().includes("401")) consoleErrors.push(message.text());
    });
    tab.on("pageerror", (error) => consoleErrors.push(error.message));
    await tab.goto(pageUrl);
    await tab.waitForFunction(() => (window as unknown as { results?: unknown }).results !== undefined, undefined, {
      timeout: 20_000,
    });
    const results = await tab.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results);
    expect(results.failure).toBeUndefined();
    expect(results.refused).toBe("InvalidArgumentError"); // a secret in a page, without the opt-in
    expect(results.page).toEqual(world.listUsers(0, 5));
    expect(results.user).toBe(world.getUser(123)!.name);
    expect(results.messages).toEqual(
      world
        .chat(123)!
        .map((message) => (message.sender_type === "operator" ? message.sender.forename : message.sender.name)),
    );
    expect(results.notFound).toEqual([true, 404, "not_found"]);
    expect(results.auth).toEqual([true, 401, 'Bearer realm="SignalZen API", error="invalid_token"']);
    expect(consoleErrors.filter((text) => !text.includes("404"))).toEqual([]);
  });
});
