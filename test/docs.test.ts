/** The rendered docs page works offline in a real browser and shows what readers come for. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildDocs } from "../src/docs/build.js";
import { launchChromium } from "./helpers/browser.js";

describe("docs page", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "signalzen-docs-"));
  let browser: Browser;
  let page: Page;
  let pageUrl: string;
  const remoteRequests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const output = buildDocs({ output: path.join(directory, "index.html") });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    // Offline: any request that is not the file itself or inline data is recorded and refused.
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (/^(file|data|blob|about):/.test(url)) return route.continue();
      remoteRequests.push(url);
      return route.abort();
    });
    pageUrl = pathToFileURL(output).href;
    await page.goto(pageUrl, { waitUntil: "load" });
    await page.waitForSelector('[data-section-id="/section/errors"]', { timeout: 20_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("lists all four operations in the menu, and renders each one's page", async () => {
    for (const tag of ["Users", "Messages"]) await page.locator('[data-component-name="Menu/MenuItem"]', { hasText: tag }).first().click();
    const menu = await page.locator('[data-component-name="Menu/Menu"]').first().innerText();
    for (const summary of ["Get users", "Get a specific user", "Get messages", "Get a specific message"]) expect(menu).toContain(summary);
    for (const [anchor, summary, route] of [
      ["/users/listusers", "Get users", "/users"],
      ["/users/getuser", "Get a specific user", "/users/{id}"],
      ["/messages/listusermessages", "Get messages", "/users/{user_id}/messages"],
      ["/messages/getusermessage", "Get a specific message", "/users/{user_id}/messages/{id}"],
    ]) {
      await page.goto(`${pageUrl}#${anchor}`);
      const section = page.locator(`[data-section-id="${anchor}"]`);
      await section.waitFor({ timeout: 10_000 });
      const text = await section.innerText();
      expect(text, anchor).toContain(summary);
      expect(text, anchor).toContain("apiSecret");
      const responses = await page.locator("main, #api-content").first().innerText();
      expect(responses, anchor).toContain(route);
      expect(responses, anchor).toContain("406");
    }
  });

  it("renders the introduction's sections: authentication, Accept, pagination, errors, the mock", async () => {
    await page.goto(pageUrl);
    for (const [anchor, title] of [
      ["authentication", "Authentication"],
      ["the-required-accept-header", "The required Accept header"],
      ["pagination", "Pagination"],
      ["errors", "Errors"],
      ["running-the-mock-server", "Running the mock server"],
    ]) {
      await expect(page.locator(`h2[id="section/${anchor}"]`).innerText()).resolves.toBe(title);
    }
    await expect(page.locator('[data-section-id="/section/authentication"]').innerText()).resolves.toContain("Authorization: Bearer YOUR_API_SECRET");
    await expect(page.locator('[data-section-id="/section/the-required-accept-header"]').innerText()).resolves.toContain("Accept: application/vnd.signalzen.v1+json");
  });

  it("renders every documented error code", async () => {
    const errors = await page.locator('[data-section-id="/section/errors"]').innerText();
    for (const code of ["400", "401", "403", "404", "405", "406", "410", "429", "500", "503"]) expect(errors).toContain(code);
    for (const code of ["bad_request", "unauthorized", "forbidden", "not_found", "method_not_allowed", "not_acceptable", "gone", "too_many_requests", "internal_server_error", "service_unavailable"]) expect(errors).toContain(code);
  });

  it("asks nothing from another host and logs no console error", () => {
    expect(remoteRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
