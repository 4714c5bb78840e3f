/**
 * The mock's memory stays flat under traffic that makes every answer new (issue 19): a `--data` world of one user
 * with 300 messages of 10,000 characters (`\u0001`, six bytes each in JSON) and 200 distinct pages of about 6 MB.
 * Its answer cache was bounded by count only (2,000 answers), and the mock died of heap exhaustion after a few
 * hundred requests. Run as a user runs it, in a child whose heap is capped at 768 MB: it must answer every page,
 * and its resident memory must grow by less than 512 MB.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createScenario } from "../../src/mock/scenario.js";
import { generateWorld } from "../../src/world/index.js";
import { exitOf, startCli } from "../helpers/cli.js";
import { GOOD_HEADERS, rawRequest } from "../helpers/http.js";

const directory = mkdtempSync(path.join(tmpdir(), "mock-memory-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function heavyWorldFile(): string {
  const world = generateWorld();
  const user = world.getUser(123)!;
  const template = world.chat(123)!.find((message) => message.sender_type === "user")!;
  const messages = Array.from({ length: 300 }, (_, index) => ({
    ...template,
    id: index + 1,
    body: "\u0001".repeat(10_000),
  }));
  const file = path.join(directory, "heavy.json");
  writeFileSync(file, JSON.stringify({ users: [user], messages: { [user.id]: messages } }));
  return file;
}

const residentMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

describe("mock memory under distinct heavy pages", () => {
  it("answers 200 distinct ~6 MB pages with its heap capped at 768 MB, growing by less than 512 MB", async () => {
    const file = heavyWorldFile();
    const mock = startCli(["mock", "--data", file, "--port", "0", "--quiet"], {
      NODE_OPTIONS: "--max-old-space-size=768",
    });
    try {
      const [, url] = await mock.waitFor(/listening on (http:\/\/\S+)/, 60_000);
      const first = await rawRequest(`${url}/users/123/messages?limit=1`, { headers: GOOD_HEADERS });
      expect(first.status).toBe(200);
      const before = residentMb(mock.child.pid!);
      let most = before;
      for (let offset = 0; offset < 200; offset++) {
        const limit = 99 - (offset % 10);
        const page = await rawRequest(`${url}/users/123/messages?offset=${offset}&limit=${limit}`, {
          headers: GOOD_HEADERS,
        }).catch((error: Error) => {
          throw new Error(`the mock stopped at offset ${offset} (${error.message}): ${mock.output().slice(-300)}`);
        });
        expect(page.status, `page at offset ${offset}: ${page.text.slice(0, 300)}`).toBe(200);
        expect(page.text.length).toBeGreaterThan(limit * 60_000);
        const { total, messages } = page.json();
        expect([total, messages.length, messages[0].id]).toEqual([300, limit, offset + 1]);
        most = Math.max(most, residentMb(mock.child.pid!));
      }
      expect(most - before, `resident memory from ${before} MB to ${most} MB`).toBeLessThan(512);
      expect(mock.child.exitCode).toBe(null);
    } finally {
      mock.child.kill("SIGTERM");
      await exitOf(mock.child);
    }
  }, 180_000);
});

describe("the rate limit's windows, under a flood of long secrets", () => {
  it("are bounded by the secrets' bytes, not only their count: the oldest window is forgotten", () => {
    const scenario = createScenario({ seed: "flood", rateLimit: 1 }, () => 5_000);
    expect(scenario.rateLimited("first-secret")).toBeUndefined();
    expect(scenario.rateLimited("first-secret")?.status).toBe(429);
    // 300 secrets of 16,000 characters (the most a 16 KB header holds): 9.6 MB of keys, far fewer than 10,000.
    for (let index = 0; index < 300; index++) scenario.rateLimited(`${index}`.padEnd(16_000, "x"));
    expect(scenario.rateLimited("first-secret")).toBeUndefined(); // a fresh window: the old one was forgotten
  });
});
