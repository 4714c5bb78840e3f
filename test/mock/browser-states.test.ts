/**
 * The mock server as a browser app on another origin uses it (issue 21): a page served from 127.0.0.2 calls the
 * mock on 127.0.0.1 with its own headers, asks for an error state, sees a run-time change of the scenario, loads
 * every avatar and file of the world with no network, and a tab at the mock's root shows its page.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { assetUrls, loadInPage } from "../helpers/assets.js";
import { launchChromium } from "../helpers/browser.js";
import { bundleClient } from "../helpers/bundle.js";

const HEADERS = { Authorization: "Bearer browser-secret", Accept: contract.mediaType };

describe("the mock server from a browser app on another origin", () => {
  let mock: RunningMock;
  let site: http.Server;
  let siteUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const outbound: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: "browser-states", users: 40 });
    const clientJs = await bundleClient();
    site = http.createServer((request, response) => {
      if (request.url === "/client.js")
        return response.writeHead(200, { "Content-Type": "text/javascript" }).end(clientJs);
      return response
        .writeHead(200, { "Content-Type": "text/html" })
        .end('<!doctype html><meta charset="utf-8"><title>app</title><body>app</body>');
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.2", resolve));
    siteUrl = `http://127.0.0.2:${(site.address() as AddressInfo).port}/`;
    browser = await launchChromium();
    // No request interception here: with a route in place, Chromium's preflights are not what the page sees.
    context = await browser.newContext();
    page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(siteUrl);
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await mock?.close();
  });

  it("answers a request carrying x-request-id and baggage (the preflight admits them)", async () => {
    const answer = await page.evaluate(
      async ({ url, headers }) => {
        const response = await fetch(`${url}/users/7`, {
          headers: {
            ...headers,
            "x-request-id": "req-1",
            baggage: "sentry-environment=dev",
            "sentry-trace": "abc-def",
          },
        });
        return { status: response.status, id: (await response.json()).id };
      },
      { url: mock.url, headers: HEADERS },
    );
    expect(answer).toEqual({ status: 200, id: 7 });
  });

  it("Prefer: code=503, retry-after=1 shows the error state within 3 s with the default client", async () => {
    await page.evaluate(
      ({ url }) => {
        // A page's own module: the default client, with Prefer sent per call.
        const script = document.createElement("script");
        script.type = "module";
        script.textContent = `
          import { createSignalZenClient, ServiceUnavailableError } from "/client.js";
          // A test page that knows the risk: it talks to the mock on another origin with a secret, no proxy.
          const sz = createSignalZenClient({
            apiSecret: "browser-secret",
            baseUrl: ${JSON.stringify(url)},
            dangerouslyAllowBrowser: true,
          });
          sz.users.get(3, { headers: { Prefer: "code=503, retry-after=1" } }).catch((error) => {
            document.body.dataset.state = error instanceof ServiceUnavailableError ? "error-503" : String(error);
          });`;
        document.body.append(script);
      },
      { url: mock.url },
    );
    // The default client waits Retry-After (1 s) out twice, then the caller sees the error.
    await page.waitForSelector("body[data-state=error-503]", { timeout: 3_000 });
  });

  it("a run-time change to a 100% failure rate turns the next answer into the chosen status, and back", async () => {
    const status = () =>
      page.evaluate(async ({ url, headers }) => (await fetch(`${url}/users/1`, { headers })).status, {
        url: mock.url,
        headers: HEADERS,
      });
    expect(await status()).toBe(200);
    const control = `${mock.url}/__signalzen/scenario`;
    expect((await fetch(control, { method: "PATCH", body: '{"failRate": 1, "failStatus": 500}' })).status).toBe(200);
    expect(await status()).toBe(500);
    // The same from the page itself, as a developer would from the console.
    const reset = await page.evaluate(async (url) => (await fetch(url, { method: "DELETE" })).status, control);
    expect(reset).toBe(200);
    expect(await status()).toBe(200);
  });

  it("every avatar and file of the world loads, with the network off", async () => {
    const world = mock.world;
    const urls = assetUrls(world);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.every((url) => url.startsWith(`${mock.url}/__signalzen/assets/`))).toBe(true);
    const offline = await browser.newContext();
    // The network is off: anything but the two local origins is recorded and refused.
    await offline.route(/^https?:\/\/(?!127\.0\.0\.[12][:/])/, (route) => {
      outbound.push(route.request().url());
      return route.abort();
    });
    const app = await offline.newPage();
    await app.goto(siteUrl);
    const loaded = await loadInPage(app, urls);
    expect(loaded.filter((result) => result !== "ok")).toEqual([]);
    expect(outbound).toEqual([]);
    await offline.close();
  });

  it("a tab at the mock's root shows its page", async () => {
    const tab = await context.newPage();
    await tab.goto(mock.url);
    expect(await tab.locator("h1").innerText()).toBe("SignalZen API mock");
    expect(await tab.locator("#world").innerText()).toBe(
      `Seed "browser-states": 40 users and their chats, ${mock.world.operators().length} operators.`,
    );
    expect(await tab.locator("#sample").innerText()).toContain(`${mock.url}/users/123`);
    await tab.close();
    expect(errors).toEqual([]);
  });
});
