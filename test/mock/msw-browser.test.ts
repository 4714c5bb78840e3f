/**
 * MSW in the browser (issue 11): a page served from its own origin registers MSW's service worker and
 * calls the client; the handlers answer from the world, and the page shows a user list and a chat equal to
 * the world's records. No mock server runs; nothing leaves for the real API.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateWorld } from "../../src/world/index.js";
import { assetUrls, loadInPage } from "../helpers/assets.js";
import { launchChromium, openOfflinePage } from "../helpers/browser.js";
import { bundleEntry } from "../helpers/bundle.js";

describe("MSW handlers in a real browser", () => {
  let site: http.Server;
  let siteUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    const appJs = await bundleEntry("test/mock/browser-app/app.ts");
    const worker = readFileSync(fileURLToPath(import.meta.resolve("msw/mockServiceWorker.js")));
    const html =
      '<!doctype html><meta charset="utf-8"><title>chat</title><script type="module" src="/app.js"></script>';
    site = http.createServer((request, response) => {
      if (request.url === "/app.js") return response.writeHead(200, { "Content-Type": "text/javascript" }).end(appJs);
      if (request.url === "/mockServiceWorker.js")
        return response.writeHead(200, { "Content-Type": "text/javascript" }).end(worker);
      return response.writeHead(200, { "Content-Type": "text/html" }).end(html);
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  it("shows a user list and a chat from the world, through setupWorker, with no console error", async () => {
    const { context, page, outbound, errors } = await openOfflinePage(browser);
    await page.goto(siteUrl);
    await page.waitForSelector("body[data-ready=yes]", { timeout: 30_000 });

    const world = generateWorld({ seed: "browser", users: 30 });
    const users = await page.locator("#users li").allInnerTexts();
    expect(users).toEqual(world.listUsers(0, 10).users.map((user) => `${user.id} ${user.name ?? "anonymous visitor"}`));
    expect(await page.locator("body").getAttribute("data-total")).toBe("30");
    const chatUser = Number(await page.locator("body").getAttribute("data-chat-user"));
    const chat = await page.locator("#chat li").allInnerTexts();
    expect(chat).toEqual(
      world.chat(chatUser)!.map((message) => {
        const who = message.sender_type === "operator" ? message.sender.forename : (message.sender.name ?? "visitor");
        return `${message.id} ${who}: ${message.body ?? message.file_url}`;
      }),
    );
    expect(chat.length).toBeGreaterThan(0);

    // Every avatar and file of the world loads: the service worker answers their URLs (DEFAULT_ASSETS_BASE,
    // where no server listens here) with the same placeholders as the mock server (issue 21).
    const urls = assetUrls(world);
    expect(urls.length).toBeGreaterThan(5);
    const loaded = await loadInPage(page, urls);
    expect(loaded.filter((result) => result !== "ok")).toEqual([]);
    expect(errors).toEqual([]);
    expect(outbound).toEqual([]);
    await context.close();
  }, 60_000);
});
