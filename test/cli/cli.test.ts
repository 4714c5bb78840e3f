/** The `signalzen-api` command line, run as a user runs it. */
import { describe, expect, it } from "vitest";
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
      expect((await rawRequest(`${url}/users`, { headers: { ...GOOD_HEADERS, Authorization: "Bearer nope" } })).status).toBe(401);
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
    [["mock", "--seed", "1"], "--seed only applies with --dynamic"],
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
