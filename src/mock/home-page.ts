/**
 * The mock server's page for a person: a browser tab at the mock's root (any GET of `/` whose Accept names
 * text/html) gets a small page naming the world, the controls in force, a sample request and links to the docs.
 * API requests are untouched: `GET /` with the API's Accept is still the contract's 404.
 */

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import * as contract from "../contract/facts.js";
import { packageFile } from "../node/package-file.js";
import { MOCK_PATH } from "../world/index.js";
import { SCENARIO_PATH } from "./control.js";
import type { MockRequest } from "./request.js";
import { type ContentResponse, contentResponse } from "./responses.js";
import { describeScenario, type Scenario } from "./scenario.js";

const HTML = "text/html; charset=utf-8";

export const DOCS_PATH = `${MOCK_PATH}/docs`;
export const CONTRACT_PATH = `${MOCK_PATH}/openapi.yaml`;

export interface HomePageFacts {
  url: string;
  /** One line about the world: its seed and size, or the file it came from. */
  world: string;
  secretRequired: boolean;
  scenario: Scenario;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Whether a request is a person's browser asking for a page (a navigation sends `Accept: text/html,...`). */
export function wantsPage(request: MockRequest): boolean {
  return request.method === "GET" && /(^|,)\s*text\/html\s*(;|,|$)/i.test(request.header("accept") ?? "");
}

const page = (title: string, body: string): ContentResponse =>
  contentResponse(
    HTML,
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}" +
      "pre,code{background:#f3f3f5;border-radius:4px}pre{padding:.75rem;overflow-x:auto}</style>" +
      `<body>${body}</body></html>`,
    {
      // Nothing on the page runs or loads: it is text and one inline style.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  );

export function homePage(facts: HomePageFacts): ContentResponse {
  const { url } = facts;
  const controls = describeScenario(facts.scenario);
  const secret = facts.secretRequired
    ? "only the secret the mock was started with (Authorization: Bearer &lt;secret&gt;)"
    : "any non-empty Bearer secret";
  const sample = `curl -H "Authorization: Bearer any-secret" -H "Accept: ${contract.mediaType}" ${url}/users/123`;
  return page(
    "SignalZen API mock",
    "<h1>SignalZen API mock</h1>" +
      `<p>This is a mock of the SignalZen API v1 at <code>${escapeHtml(url)}</code>, for development: it answers as ` +
      "the contract says, with the data of its world.</p>" +
      `<h2>World</h2><p id="world">${escapeHtml(facts.world)}</p>` +
      '<h2>Controls in force</h2><ul id="controls">' +
      `<li>secret: ${secret}</li>` +
      (controls.length
        ? controls.map((line) => `<li>${escapeHtml(line)}</li>`).join("")
        : "<li>no latency, failures or rate limit</li>") +
      "</ul>" +
      `<p>Change them without a restart: <code>curl -X PATCH ${escapeHtml(url)}${SCENARIO_PATH} -d '{"failRate": 1, "failStatus": 503}'</code>` +
      ` (<code>GET</code> reads them, <code>DELETE</code> resets them). One request can ask for its own answer with ` +
      "<code>Prefer: code=503, retry-after=1</code>, <code>Prefer: latency=2000</code> or <code>Prefer: example=NAME</code>.</p>" +
      `<h2>Try it</h2><pre id="sample">${escapeHtml(sample)}</pre>` +
      `<p><a href="${DOCS_PATH}">The API's documentation</a> · <a href="${CONTRACT_PATH}">openapi.yaml</a></p>`,
  );
}

/** The docs page when it has been built (`npm run docs`), or a page that says how to build it. */
export function docsPage(): ContentResponse {
  const root = path.dirname(packageFile("openapi.yaml"));
  const built = path.join(root, "docs", "index.html");
  if (existsSync(built)) {
    return contentResponse(HTML, readFileSync(built));
  }
  return page(
    "SignalZen API docs",
    "<h1>The docs page is not built</h1><p>Build it with <code>npx @signalzen/api docs --output docs.html</code> " +
      "and open that file (it works offline), or read the contract itself: " +
      `<a href="${CONTRACT_PATH}">openapi.yaml</a>.</p>`,
  );
}

export function contractFile(): ContentResponse {
  return contentResponse("application/yaml; charset=utf-8", readFileSync(packageFile("openapi.yaml")));
}
