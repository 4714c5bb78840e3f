/** The `signalzen-api` command line, run as a user runs it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createWorld } from "../../src/world/index.js";
import { exitOf, startCli } from "../helpers/cli.js";
import { GOOD_HEADERS, rawRequest } from "../helpers/http.js";

describe("signalzen-api mock", () => {
  it("prints its URL and secret rule, logs one line per request, and stops cleanly on SIGTERM", async () => {
    const cli = startCli(["mock", "--port", "0"]);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/secret: any non-empty Bearer secret is accepted \(--secret S requires one\)/);
      expect((await rawRequest(`${url}/users?limit=2`, { headers: GOOD_HEADERS })).status).toBe(200);
      await cli.waitFor(/GET \/users\?limit=2 200 \d+\.\dms/);
    } finally {
      cli.child.kill("SIGTERM");
    }
    expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null });
    expect(cli.output()).toContain("mock: SIGTERM, stopping");
  });

  it("with --secret, says only that secret is accepted and never prints it", async () => {
    const cli = startCli(["mock", "--port", "0", "--secret", "hunter2-secret", "--quiet"]);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/[^\s]+)/);
      expect(
        (await rawRequest(`${url}/users`, { headers: { ...GOOD_HEADERS, Authorization: "Bearer nope" } })).status,
      ).toBe(401);
      await cli.waitFor(/secret: only the secret given with --secret is accepted/);
    } finally {
      cli.child.kill("SIGINT");
    }
    expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null });
    expect(cli.output()).not.toContain("hunter2-secret");
    expect(cli.output()).not.toContain("GET /users"); // --quiet
  });

  it.each([
    [["mock", "--port", "abc"], '--port must be a whole number from 0 to 65535; got "abc"'],
    [["mock", "--users", "1000001"], '--users must be a whole number from 0 to 1000000; got "1000001"'],
    [["mock", "--latency", "fast"], '--latency must be milliseconds (300) or a range (200-800); got "fast"'],
    [["mock", "--fail-rate", "1.5"], '--fail-rate must be a fraction from 0 to 1, such as 0.1; got "1.5"'],
    [["mock", "--rate-limit", "0"], '--rate-limit must be a whole number from 1 to 1000000; got "0"'],
    [
      ["mock", "--data", "w.json", "--seed", "1"],
      "--data serves the world in that file; --seed, --users and --assets-base shape a generated world",
    ],
    [["mock", "--fail-status", "418"], "--fail-status must be one of 400, 401, 403, 405, 406, 429, 500, 503"],
    [["mock", "--assets-base", "cdn"], "--assets-base: The world's assetsBase must be an absolute http(s) URL"],
    [["world", "--assets-base", "cdn/x"], "The world's assetsBase must be an absolute http(s) URL with no query"],
    [["world", "--users", "2000000"], '--users must be a whole number from 0 to 1000000; got "2000000"'],
    [["mock", "--secret", ""], "--secret must not be empty"],
    [["mock", "--bogus"], "Unknown option '--bogus'"],
    [["serve"], 'unknown command "serve"'],
  ])("refuses %j with exit code 2 and says why", async (args, message) => {
    const cli = startCli(args);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.output()).toContain(`signalzen-api: ${message}`);
    expect(cli.output()).toContain("Usage: signalzen-api <command>");
    expect(cli.output()).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe("signalzen-api world and mock --data", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "signalzen-world-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("world writes the load format; mock --data serves exactly it, and says so at start-up", async () => {
    const file = path.join(directory, "world.json");
    const writer = startCli(["world", "--seed", "cli", "--users", "30", "--output", file]);
    expect(await exitOf(writer.child)).toEqual({ code: 0, signal: null });
    expect(writer.output()).toContain(
      `world: wrote ${file} (30 users); serve it with: signalzen-api mock --data ${file}`,
    );
    const data = JSON.parse(readFileSync(file, "utf8"));
    expect(data).toEqual(createWorld({ seed: "cli", users: 30 }).toData());
    const cli = startCli([
      "mock",
      "--port",
      "0",
      "--data",
      file,
      "--latency",
      "5-10",
      "--fail-rate",
      "0",
      "--rate-limit",
      "100",
      "--fail-status",
      "503",
    ]);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/rate limit: 100 requests per second per secret/);
      expect(cli.output()).toContain(`world: ${file}: 30 users`);
      expect(cli.output()).toContain("latency: 5-10 ms per answer (drawn per request)");
      expect(cli.output()).toContain(
        `change the scenario while it runs: ${url}/__signalzen/scenario (GET, PATCH, DELETE)`,
      );
      const page = await rawRequest(`${url}/users?limit=99`, { headers: GOOD_HEADERS });
      expect(page.json().users).toEqual(data.users);
    } finally {
      cli.child.kill("SIGTERM");
    }
    expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null });
  });

  const good = () => createWorld({ seed: "bad", users: 5 }).toData();
  it.each([
    ["not JSON", () => "{ users: [", /not valid JSON/],
    [
      "a record that breaks its schema",
      () => {
        const d = good();
        (d.users[1] as { email: unknown }).email = 42;
        return JSON.stringify(d);
      },
      /\$\.users\[1\]/,
    ],
    [
      "a duplicate id",
      () => {
        const d = good();
        d.users[2]!.id = d.users[1]!.id;
        return JSON.stringify(d);
      },
      /\$\.users\[2\]/,
    ],
    [
      "a sender that contradicts its chat",
      () => {
        const d = good();
        const chat = Object.values(d.messages).find((messages) => messages.some((m) => m.sender_type === "user"))!;
        const index = chat.findIndex((m) => m.sender_type === "user");
        (chat[index]!.sender as { id: number }).id += 1;
        return JSON.stringify(d);
      },
      /\$\.messages\["\d+"\]\[\d+\]/,
    ],
  ])("mock --data refuses %s before listening: exit 2, the JSON path and the rule", async (_name, content, pattern) => {
    const file = path.join(directory, "bad.json");
    writeFileSync(file, content());
    const cli = startCli(["mock", "--port", "0", "--data", file]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.output()).toMatch(pattern);
    expect(cli.output()).not.toContain("listening");
    expect(cli.output()).not.toMatch(/\n\s+at /);
  });
});
