/**
 * `verify` against the mock (everything passes), against a correct reference implementation (everything
 * passes), and against that implementation broken one way at a time (exactly the right checks fail).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/mock/server.js";
import { formatReport } from "../../src/verify/report.js";
import { verify, type VerifyReport } from "../../src/verify/run.js";
import { exitOf, startCli } from "../helpers/cli.js";
import { startReferenceServer, VIOLATIONS, type Violation } from "../helpers/reference-server.js";

const SECRET = "verify-test-secret-7c1f";
const failed = (report: VerifyReport) => report.checks.filter((check) => check.status !== "pass").map((check) => check.id);

describe("verify against the mock", () => {
  let mock: RunningMock;
  let report: VerifyReport;
  beforeAll(async () => {
    mock = await startMock({ port: 0, secret: SECRET });
    report = await verify({ baseUrl: mock.url, secret: SECRET, probeMethods: true });
  });
  afterAll(() => mock?.close());

  it("passes every check", () => {
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary).toEqual({ checks: 50, passed: 50, failed: 0, notRun: 0 });
  });

  it("derives its checks from the spec: every operation, list, documented error and parameter bound", () => {
    const ids = report.checks.map((check) => check.id);
    expect(ids.filter((id) => id.startsWith("success/"))).toEqual(["success/listUsers", "success/getUser", "success/listUserMessages", "success/getUserMessage"]);
    expect(ids.filter((id) => id.startsWith("errors/listUsers/"))).toEqual([
      "errors/listUsers/401-missing",
      "errors/listUsers/401-wrong",
      "errors/listUsers/406-missing",
      "errors/listUsers/406-json",
      "errors/listUsers/400-offset-below-minimum",
      "errors/listUsers/400-offset-above-maximum",
      "errors/listUsers/400-offset-not-an-integer",
      "errors/listUsers/400-limit-below-minimum",
      "errors/listUsers/400-limit-above-maximum",
      "errors/listUsers/400-limit-not-an-integer",
      "errors/listUsers/405-post",
    ]);
    expect(ids.filter((id) => id.includes("/404-"))).toEqual(["errors/getUser/404-unknown-id", "errors/listUserMessages/404-unknown-user_id", "errors/getUserMessage/404-unknown-user_id", "errors/getUserMessage/404-unknown-id"]);
  });

  it("starts from the records it is given instead of discovering them", async () => {
    const given = await verify({ baseUrl: mock.url, secret: SECRET, probeMethods: true, userId: 77, messageId: 9, generatedRuns: 1 });
    expect(given.ok).toBe(true);
    const success = await verify({ baseUrl: mock.url, secret: SECRET, userId: 77, messageId: 9, maxRequests: 4 });
    expect(success.requests).toBe(4); // no discovery requests: the four success checks only
    expect(success.checks.slice(0, 4).map((check) => check.status)).toEqual(["pass", "pass", "pass", "pass"]);
  });

  it("stays within its bounds: only GET unless asked, and a request budget", async () => {
    const onlyGet = await verify({ baseUrl: mock.url, secret: SECRET });
    expect(onlyGet.checks.filter((check) => check.status === "not-run").map((check) => [check.id, check.reason])).toEqual(
      ["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => [`errors/${operation}/405-post`, "sends a POST: pass --probe-methods to run it (verify otherwise sends only GET)"]),
    );
    expect(onlyGet.ok).toBe(false);
    const bounded = await verify({ baseUrl: mock.url, secret: SECRET, maxRequests: 10, probeMethods: true });
    expect(bounded.requests).toBe(10);
    expect(bounded.ok).toBe(false);
    expect(bounded.checks.at(-1)).toMatchObject({ status: "not-run", reason: "the request budget of 10 is used up; raise --max-requests to run the remaining checks" });
  });
});

describe("verify against a reference implementation", () => {
  it("passes every check on the correct implementation", async () => {
    const server = await startReferenceServer(SECRET);
    try {
      const report = await verify({ baseUrl: server.url, secret: SECRET, probeMethods: true });
      expect(failed(report)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  const expected: Record<Violation, string[]> = {
    "wrong-type": ["success/getUser", "generated/getUser"],
    "missing-required": ["success/listUsers", "pagination/listUsers/echo", "pagination/listUsers/walk", "pagination/listUsers/beyond-total", "generated/listUsers"],
    "plain-json": [
      ...["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => `success/${operation}`),
      ...["listUsers", "listUserMessages"].flatMap((operation) => ["echo", "walk", "beyond-total"].map((check) => `pagination/${operation}/${check}`)),
      ...["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => `generated/${operation}`),
    ],
    "no-auth": ["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => `errors/${operation}/401-missing`),
    "500-on-limit-99": ["pagination/listUsers/walk", "generated/listUsers"],
    "repeated-id": ["pagination/listUsers/walk"],
    "no-echo": ["pagination/listUsers/echo"],
    "changing-total": ["pagination/listUsers/walk"],
    "oversize-page": ["pagination/listUsers/echo", "pagination/listUsers/walk", "generated/listUsers"],
    "ignores-accept": ["listUsers", "getUser", "listUserMessages", "getUserMessage"].flatMap((operation) => [`errors/${operation}/406-missing`, `errors/${operation}/406-json`]),
    "bad-error-body": [
      ...["listUsers", "listUserMessages"].flatMap((operation) => ["offset", "limit"].flatMap((name) => ["below-minimum", "above-maximum", "not-an-integer"].map((kind) => `errors/${operation}/400-${name}-${kind}`))),
      ...["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => `generated/${operation}`),
    ],
    "extra-property": ["success/listUserMessages", "success/getUserMessage", "pagination/listUserMessages/echo", "pagination/listUserMessages/walk", "pagination/listUserMessages/beyond-total", "generated/listUserMessages", "generated/getUserMessage"],
    "post-allowed": ["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => `errors/${operation}/405-post`),
    "beyond-total-400": ["pagination/listUsers/beyond-total", "generated/listUsers"],
  };

  it("covers every violation the reference server can commit", () => {
    expect(Object.keys(expected).sort()).toEqual([...VIOLATIONS].sort());
  });

  it.each(VIOLATIONS)("reports %s by exactly the right checks", async (violation) => {
    const server = await startReferenceServer(SECRET, [violation]);
    try {
      const report = await verify({ baseUrl: server.url, secret: SECRET, probeMethods: true });
      expect(failed(report).sort()).toEqual([...expected[violation]].sort());
      expect(report.ok).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("says where a body breaks the schema: request, response, the value, the rule", async () => {
    const server = await startReferenceServer(SECRET, ["wrong-type"]);
    try {
      const report = await verify({ baseUrl: server.url, secret: SECRET, probeMethods: true });
      const finding = report.checks.find((check) => check.id === "success/getUser")!.findings[0]!;
      expect(finding).toMatchObject({
        message: "the body must be integer",
        instancePath: "/id",
        excerpt: '"1"',
        specPointer: "#/components/schemas/Id/type",
        keyword: "type",
        exchange: { request: { method: "GET", url: `${server.url}/users/1`, headers: { Authorization: "Bearer [redacted]", Accept: "application/vnd.signalzen.v1+json" } }, response: { status: 200 } },
      });
      const text = formatReport(report);
      expect(text).toContain("FAIL success/getUser");
      expect(text).toContain("    at:   /id = \"1\"");
      expect(text).toContain("    rule: openapi.yaml#/components/schemas/Id/type (type)");
      expect(text).toMatch(/50 checks: 48 passed, 2 failed, 0 not run; \d+ requests in \d+\.\d s/);
      for (const output of [text, JSON.stringify(report)]) expect(output).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });
});

describe("signalzen-api verify (the command)", () => {
  it("exits 0 with a JSON report against a conforming server, 1 against a broken one", async () => {
    const good = await startMock({ port: 0, secret: SECRET });
    const bad = await startReferenceServer(SECRET, ["no-echo"]);
    try {
      const pass = startCli(["verify", "--base-url", good.url, "--secret", SECRET, "--probe-methods", "--json"]);
      expect(await exitOf(pass.child)).toEqual({ code: 0, signal: null });
      expect(JSON.parse(pass.output()).summary).toEqual({ checks: 50, passed: 50, failed: 0, notRun: 0 });
      const fail = startCli(["verify", "--base-url", bad.url, "--probe-methods"]);
      fail.child.stdin.end();
      expect(await exitOf(fail.child)).toEqual({ code: 2, signal: null }); // no secret given
      const withEnv = startCli(["verify", "--base-url", bad.url, "--probe-methods"], { SIGNALZEN_API_SECRET: SECRET });
      expect(await exitOf(withEnv.child)).toEqual({ code: 1, signal: null });
      expect(withEnv.output()).toContain("FAIL pagination/listUsers/echo");
      expect(withEnv.output()).not.toContain(SECRET);
    } finally {
      await good.close();
      await bad.close();
    }
  });

  it("refuses a missing base URL with exit code 2", async () => {
    const cli = startCli(["verify", "--secret", "x"]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.output()).toContain("--base-url must be an http(s) URL, e.g. --base-url http://127.0.0.1:4010; got nothing");
  });
});
