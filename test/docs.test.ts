/**
 * The rendered docs page works offline in a real browser, shows what readers come for (the reference's
 * introduction and error table, a code sample in four languages on every operation), and sends nothing
 * to any other host while it is read, Redoc's telemetry included.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errors, operations, servers } from "../generated/contract.js";
import openapi from "../generated/openapi.json" with { type: "json" };
import { buildDocs } from "../src/docs/build.js";
import { concretePath, sampleRequest } from "../src/docs/sample-request.js";
import { codeSamples } from "../src/docs/samples.js";
import { referenceSampleFor } from "./docs/reference-samples.js";
import { launchChromium } from "./helpers/browser.js";
import { repoRoot } from "./helpers/cli.js";

/** Redoc's telemetry fired about 6 s after the page loaded: a reader's first 15 s cover it with room. */
const READING_MS = 15_000;
const LANGUAGES = ["Shell", "Ruby", "TypeScript", "JavaScript"];
const isLocal = (url: string) => /^(file|data|blob|about):/.test(url);

/** The anchor Redoc gives an operation: `/users/getuser`. */
const anchorOf = (operationId: string, tag: string) => `/${tag.toLowerCase()}/${operationId.toLowerCase()}`;
const tagOf = (operationId: string): string => {
  for (const item of Object.values(openapi.paths)) if (item.get.operationId === operationId) return item.get.tags[0]!;
  throw new Error(`no operation ${operationId} in generated/openapi.json`);
};

describe("docs page", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "signalzen-docs-"));
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageUrl: string;
  let lastLoad = 0;
  const remoteRequests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const output = buildDocs({ output: path.join(directory, "index.html") });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    page.on("load", () => (lastLoad = Date.now()));
    // Offline: any request, from the page or its workers, that is not the file itself or inline data is
    // recorded and refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
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
    for (const tag of ["Users", "Messages"])
      await page.locator('[data-component-name="Menu/MenuItem"]', { hasText: tag }).first().click();
    const menu = await page.locator('[data-component-name="Menu/Menu"]').first().innerText();
    for (const summary of ["Get users", "Get a specific user", "Get messages", "Get a specific message"])
      expect(menu).toContain(summary);
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

  describe("code samples", () => {
    /** The operation's request panel: its header holds the server menu, then the language menu. */
    const samplePanel = (section: Locator): Locator =>
      section
        .locator('[data-component-name="Panel/Panel"]')
        .filter({ has: page.locator('[data-component-name="Panel/PanelHeader"]') });

    /** Picks a language tab from the panel's menu and returns the code it then shows. */
    async function showLanguage(panel: Locator, label: string): Promise<string> {
      const menuButton = panel
        .locator('[data-component-name="Panel/PanelHeader"] [data-component-name="Dropdown/Dropdown"]')
        .last()
        .locator('button[aria-haspopup="menu"]');
      await menuButton.click();
      await page.getByRole("menu").getByRole("menuitem", { name: label, exact: true }).click();
      await expect.poll(() => menuButton.innerText()).toBe(label);
      return panel.locator('pre[data-testid="source-code"]').innerText();
    }

    async function openOperation(operationId: string): Promise<Locator> {
      const anchor = anchorOf(operationId, tagOf(operationId));
      await page.goto(`${pageUrl}#${anchor}`);
      const section = page.locator(`[data-section-id="${anchor}"]`);
      await section.waitFor({ timeout: 10_000 });
      const panel = samplePanel(section);
      expect(await panel.count(), operationId).toBe(1);
      return panel;
    }

    it("shows the four language tabs, in order, on each of the four operations", async () => {
      for (const { operationId } of operations) {
        const panel = await openOperation(operationId);
        await panel
          .locator('[data-component-name="Panel/PanelHeader"] [data-component-name="Dropdown/Dropdown"]')
          .last()
          .locator("button")
          .first()
          .click();
        const tabs = await page.getByRole("menu").getByRole("menuitem").allInnerTexts();
        await page.keyboard.press("Escape");
        expect(
          tabs.map((tab) => tab.trim()),
          operationId,
        ).toEqual(LANGUAGES);
      }
    });

    it("holds the reference's request in the Shell and Ruby tabs: the same path and the same two headers", async () => {
      for (const operation of operations) {
        const request = sampleRequest(openapi, operation);
        const reference = referenceSampleFor(`${servers[0]}${concretePath(request)}`);
        const panel = await openOperation(operation.operationId);
        // The list samples add a page window (`?offset=0&limit=50`, `query: { ... }`); the rest is the reference's.
        const shell = (await showLanguage(panel, "Shell")).replace(/\?[^"]*"/, '"');
        expect(shell, operation.operationId).toBe(reference.shell);
        const ruby = (await showLanguage(panel, "Ruby")).replace(/query: \{[^}]*\}, /, "");
        expect(ruby, operation.operationId).toBe(reference.ruby);
      }
    });

    it("shows in every tab exactly the sample the template writes", async () => {
      for (const operation of operations) {
        const panel = await openOperation(operation.operationId);
        for (const sample of codeSamples(sampleRequest(openapi, operation))) {
          expect(await showLanguage(panel, sample.label), `${operation.operationId} ${sample.label}`).toBe(
            sample.source,
          );
        }
      }
    });
  });

  describe("introduction", () => {
    it("renders the sections: authentication, the two headers, Accept, pagination, errors, the mock", async () => {
      await page.goto(pageUrl);
      for (const [anchor, title] of [
        ["authentication", "Authentication"],
        ["the-two-headers", "The two headers"],
        ["the-required-accept-header", "The required Accept header"],
        ["pagination", "Pagination"],
        ["errors", "Errors"],
        ["running-the-mock-server", "Running the mock server"],
      ]) {
        await expect(page.locator(`h2[id="section/${anchor}"]`).innerText()).resolves.toBe(title);
      }
      const authentication = await page.locator('[data-section-id="/section/authentication"]').innerText();
      expect(authentication).toContain("Authorization: Bearer YOUR_API_SECRET");
      const headers = await page.locator('[data-section-id="/section/the-two-headers"]').innerText();
      expect(headers).toContain("Authorization: Bearer YOUR_API_SECRET\nAccept: application/vnd.signalzen.v1+json");
      expect(headers).toContain(
        "Both headers must be sent with every request, otherwise you cannot access the resources.",
      );
      // The reference's own "To authorize" request, in both of its languages.
      const usersList = referenceSampleFor(`${servers[0]}/users`);
      expect(headers).toContain(usersList.shell);
      expect(headers).toContain(usersList.ruby);
      const mock = await page.locator('[data-section-id="/section/running-the-mock-server"]').innerText();
      expect(mock).toContain("npx @signalzen/api mock");
      expect(mock).toContain(usersList.shell.replace(`${servers[0]}/users`, `${servers[1]}/users/123`));
      // The same as README's mock section: the world, how to shape it, the controls, the three ways to mock.
      for (const said of ["250 users", "--seed demo --users 5000", "world --output world.json", "--data world.json"]) {
        expect(mock).toContain(said);
      }
      for (const said of [
        "--latency",
        "--fail-rate",
        "--rate-limit",
        "@signalzen/api/msw",
        "setupWorker",
        "@signalzen/api/fixtures",
      ]) {
        expect(mock).toContain(said);
      }
    });

    it("gives the ten error codes in the reference's table wording, each beside its error body's code", async () => {
      const reference = readFileSync(new URL("./contract/fixtures/signalzen-api-v1.md", import.meta.url), "utf8");
      // The reference misspells "resource" once, which the docs correct; its last row runs into the closing fence.
      const published = [...reference.matchAll(/^\s*(\d{3}) ([A-Za-z ]+ -- .+?)(?:```)?$/gm)].map((match) => ({
        status: match[1]! as keyof typeof errors,
        meaning: match[2]!.replace("resurce", "resource"),
      }));
      expect(published.map(({ status }) => status)).toEqual(Object.keys(errors));
      const rows = await page.locator('[data-section-id="/section/errors"] table tr').allInnerTexts();
      for (const { status, meaning } of published) {
        expect(rows, status).toContainEqual(`${status}\t${meaning}\t${errors[status].code}`);
      }
      const errorsSection = await page.locator('[data-section-id="/section/errors"]').innerText();
      expect(errorsSection).toContain(
        '{ "status": 404, "code": "not_found", "message": "The specified resource could not be found." }',
      );
    });
  });

  it(
    `asks nothing from another host and logs no console error during ${READING_MS / 1000} s of reading`,
    async () => {
      const unread = lastLoad + READING_MS - Date.now();
      if (unread > 0) await page.waitForTimeout(unread);
      expect(remoteRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
    READING_MS + 10_000,
  );
});

describe("Redocly's own usage telemetry", () => {
  /** Logs every HTTP request a Node process starts (Redocly's CLI reports through its bundled undici). */
  const watcher = [
    'import { subscribe } from "node:diagnostics_channel";',
    'import { appendFileSync } from "node:fs";',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the watcher's own source, written to a file
    "const log = (url) => appendFileSync(process.env.REQUEST_LOG, `${url}\\n`);",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: as above
    'subscribe("undici:request:create", ({ request }) => log(`${request.origin}${request.path}`));',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: as above
    'subscribe("http.client.request.start", ({ request }) => log(`${request.host}${request.path}`));',
    "",
  ].join("\n");

  it("is off where the project runs the CLI: `npm run docs` and the lint script's Redocly step", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "signalzen-telemetry-"));
    try {
      const preload = path.join(directory, "watch.mjs");
      const log = path.join(directory, "requests.log");
      writeFileSync(preload, watcher);
      writeFileSync(log, "");
      const scripts = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).scripts as Record<
        string,
        string
      >;
      const redoclyLint = scripts["lint:spec"]!.split("&&")
        .find((part) => part.includes("redocly "))!
        .trim();
      const env = {
        ...process.env,
        PATH: `${path.join(repoRoot, "node_modules/.bin")}${path.delimiter}${process.env.PATH}`,
        NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
        REQUEST_LOG: log,
        REDOCLY_TELEMETRY: "",
      };
      const run = promisify(execFile);
      await run("sh", ["-c", redoclyLint], { cwd: repoRoot, env, timeout: 60_000 });
      await run("sh", ["-c", `${scripts.docs} ${path.join(directory, "index.html")}`], {
        cwd: repoRoot,
        env,
        timeout: 60_000,
      });
      expect(readFileSync(log, "utf8")).toBe("");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
});
