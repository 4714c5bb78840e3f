/**
 * The example app (examples/react/, README's frontend quick start whole), as CI builds and tests it: it compiles
 * under its own tsconfig, its component test passes, `vite build` bundles it, and the built app in Chromium shows
 * the user list and a chat, opened at its newest messages, from MSW's service worker.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateWorld } from "../../src/world/index.js";
import { launchChromium, openOfflinePage } from "../helpers/browser.js";
import { repoRoot } from "../helpers/cli.js";

const example = path.join(repoRoot, "examples/react");
const bin = (name: string) => path.join(repoRoot, "node_modules/.bin", name);

describe("examples/react", () => {
  const out = mkdtempSync(path.join(tmpdir(), "signalzen-example-"));
  let site: http.Server;
  let siteUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    await build({
      configFile: path.join(example, "vite.config.ts"),
      build: { outDir: out, emptyOutDir: true },
      logLevel: "silent",
    });
    const worker = readFileSync(fileURLToPath(import.meta.resolve("msw/mockServiceWorker.js")));
    site = http.createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://localhost").pathname;
      if (url === "/mockServiceWorker.js")
        return response.writeHead(200, { "Content-Type": "text/javascript" }).end(worker);
      if (url.startsWith("/assets/") && !url.includes(".."))
        return response
          .writeHead(200, { "Content-Type": url.endsWith(".css") ? "text/css" : "text/javascript" })
          .end(readFileSync(path.join(out, url)));
      return response.writeHead(200, { "Content-Type": "text/html" }).end(readFileSync(path.join(out, "index.html")));
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    rmSync(out, { recursive: true, force: true });
  });

  it("compiles under its own tsconfig (strict, JSX, bundler resolution)", () => {
    expect(execFileSync(bin("tsc"), ["--noEmit", "-p", example], { encoding: "utf8" })).toBe("");
  }, 120_000);

  it("passes its own component test", () => {
    const output = execFileSync(bin("vitest"), ["run", "--root", example], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    expect(output).toMatch(/Tests\s+3 passed \(3\)/);
  }, 120_000);

  it("shows the user list and a chat from MSW in Chromium, older messages loading on scroll", async () => {
    const { context, page, outbound, errors } = await openOfflinePage(browser);
    await page.goto(siteUrl);

    const world = generateWorld({ users: 40 });
    const users = page.locator('nav[aria-label="users"] a');
    await users.first().waitFor({ timeout: 30_000 });
    expect(await users.allInnerTexts()).toEqual(
      world.listUsers(0, 10).users.map((user) => user.name ?? `Visitor ${user.id}`),
    );

    // The longest chat: more than one page of 20.
    const user = [...world.users()].reduce((longest, candidate) =>
      world.chat(candidate.id)!.length > world.chat(longest.id)!.length ? candidate : longest,
    );
    expect(world.chat(user.id)!.length).toBeGreaterThan(20);
    const chat = world.chat(user.id)!.map((message) => String(message.id));
    await page.evaluate((id) => (window.location.hash = `#/users/${id}`), user.id);
    const shown = page.locator('section[aria-label="chat"] li');
    await shown.first().waitFor({ timeout: 10_000 });
    const ids = () => shown.evaluateAll((items) => items.map((item) => item.getAttribute("data-id")));
    expect(await ids()).toEqual(chat.slice(-20));
    // The list opens scrolled to the bottom, at the newest message.
    const list = page.locator('section[aria-label="chat"] ol');
    expect(await list.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight)).toBe(0);
    await list.evaluate((element) => element.scrollTo({ top: 0 }));
    await expect.poll(ids, { timeout: 10_000 }).toEqual(chat.slice(-40)); // or all of it, when shorter
    expect(errors).toEqual([]);
    expect(outbound).toEqual([]);
    await context.close();
  }, 90_000);
});
