/**
 * `verify` against the mock (everything passes), against a correct reference implementation (everything
 * passes, whichever of the choices the reference leaves open it makes), and against that implementation
 * broken one way at a time (exactly the right checks fail). Hostile servers are in hostile.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { formatVerifyReport } from "../../src/verify/report.js";
import { type VerifyReport, verifyServer } from "../../src/verify/run.js";
import { exitOf, startCli } from "../helpers/cli.js";
import { rawRequest } from "../helpers/http.js";
import {
  type ReferenceChoices,
  startReferenceServer,
  VIOLATIONS,
  type Violation,
} from "../helpers/reference-server.js";

const SECRET = "verify-test-secret-7c1f";
const failed = (report: VerifyReport) =>
  report.checks.filter((check) => check.status !== "pass").map((check) => check.id);

describe("verify against the mock", () => {
  let mock: RunningMock;
  let report: VerifyReport;
  beforeAll(async () => {
    mock = await startMock({ port: 0, secret: SECRET });
    report = await verifyServer({ baseUrl: mock.url, secret: SECRET, probeMethods: true });
  });
  afterAll(() => mock?.close());

  it("passes every check", () => {
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary).toEqual({ checks: 48, passed: 48, failed: 0, notRun: 0 });
  });

  it("derives its checks from the spec: every operation, list, documented error and parameter bound", () => {
    const ids = report.checks.map((check) => check.id);
    expect(ids.filter((id) => id.startsWith("success/"))).toEqual([
      "success/listUsers",
      "success/getUser",
      "success/listUserMessages",
      "success/getUserMessage",
    ]);
    expect(ids.filter((id) => id.startsWith("errors/listUsers/"))).toEqual([
      "errors/listUsers/401-missing",
      "errors/listUsers/401-wrong",
      "errors/listUsers/406-missing",
      "errors/listUsers/406-json",
      "errors/listUsers/400-offset-below-minimum",
      "errors/listUsers/400-offset-not-an-integer",
      "errors/listUsers/400-limit-below-minimum",
      "errors/listUsers/400-limit-above-maximum",
      "errors/listUsers/400-limit-not-an-integer",
      "errors/listUsers/405-post",
    ]);
    expect(ids.filter((id) => id.includes("/404-"))).toEqual([
      "errors/getUser/404-unknown-id",
      "errors/listUserMessages/404-unknown-user_id",
      "errors/getUserMessage/404-unknown-user_id",
      "errors/getUserMessage/404-unknown-id",
    ]);
  });

  it("starts from the records it is given instead of discovering them", async () => {
    const given = await verifyServer({
      baseUrl: mock.url,
      secret: SECRET,
      probeMethods: true,
      userId: 123,
      messageId: 1234,
      generatedRuns: 1,
    });
    expect(given.ok).toBe(true);
    const success = await verifyServer({
      baseUrl: mock.url,
      secret: SECRET,
      userId: 123,
      messageId: 1234,
      maxRequests: 4,
    });
    expect(success.requests).toBe(4); // no discovery requests: the four success checks only
    expect(success.checks.slice(0, 4).map((check) => check.status)).toEqual(["pass", "pass", "pass", "pass"]);
  });

  it("stays within its bounds: only GET unless asked, and a request budget", async () => {
    const onlyGet = await verifyServer({ baseUrl: mock.url, secret: SECRET });
    expect(
      onlyGet.checks.filter((check) => check.status === "not-run").map((check) => [check.id, check.reason]),
    ).toEqual(
      ["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => [
        `errors/${operation}/405-post`,
        "sends a POST: pass --probe-methods to run it (verify otherwise sends only GET)",
      ]),
    );
    // Not running what the user chose not to run is no failure: the run is ok, and says what it left out.
    expect(onlyGet.ok).toBe(true);
    expect(formatVerifyReport(onlyGet)).toContain(
      "SKIP errors/listUsers/405-post: 405 with Allow: GET for POST (sent only with --probe-methods) " +
        "(not run: sends a POST: pass --probe-methods to run it (verify otherwise sends only GET))",
    );
    expect(formatVerifyReport(onlyGet)).toMatch(
      /\nThe server keeps the contract in every check that ran \(4 not run: see above\)\.$/,
    );
    expect((await verifyServer({ baseUrl: mock.url, secret: SECRET, strict: true, generatedRuns: 1 })).ok).toBe(false);
    const bounded = await verifyServer({ baseUrl: mock.url, secret: SECRET, maxRequests: 10, probeMethods: true });
    expect(bounded.requests).toBe(10);
    expect(bounded.ok).toBe(false);
    expect(bounded.checks.at(-1)).toMatchObject({
      status: "not-run",
      reason: "the request budget of 10 is used up; raise --max-requests to run the remaining checks",
    });
  });
});

describe("verify against a reference implementation", () => {
  it("passes every check on the correct implementation", async () => {
    const server = await startReferenceServer(SECRET);
    try {
      const report = await verifyServer({ baseUrl: server.url, secret: SECRET, probeMethods: true });
      expect(failed(report)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  const expected: Record<Violation, string[]> = {
    "wrong-type": ["success/getUser", "generated/getUser"],
    "missing-required": [
      "success/listUsers",
      "pagination/listUsers/echo",
      "pagination/listUsers/walk",
      "pagination/listUsers/beyond-total",
      "generated/listUsers",
    ],
    "plain-json": [
      ...["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => `success/${operation}`),
      ...["listUsers", "listUserMessages"].flatMap((operation) =>
        ["echo", "walk", "beyond-total"].map((check) => `pagination/${operation}/${check}`),
      ),
      ...["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => `generated/${operation}`),
    ],
    "no-auth": ["listUsers", "getUser", "listUserMessages", "getUserMessage"].map(
      (operation) => `errors/${operation}/401-missing`,
    ),
    "500-on-limit-99": ["pagination/listUsers/walk", "generated/listUsers"],
    "repeated-id": ["pagination/listUsers/walk"],
    "no-echo": ["pagination/listUsers/echo"],
    "changing-total": ["pagination/listUsers/walk"],
    "oversize-page": ["pagination/listUsers/echo", "pagination/listUsers/walk", "generated/listUsers"],
    "ignores-accept": ["listUsers", "getUser", "listUserMessages", "getUserMessage"].flatMap((operation) => [
      `errors/${operation}/406-missing`,
      `errors/${operation}/406-json`,
    ]),
    "bad-error-body": [
      ...["listUsers", "listUserMessages"].flatMap((operation) =>
        [
          "400-offset-below-minimum",
          "400-offset-not-an-integer",
          "400-limit-below-minimum",
          "400-limit-above-maximum",
          "400-limit-not-an-integer",
        ].map((check) => `errors/${operation}/${check}`),
      ),
      ...["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => `generated/${operation}`),
    ],
    "extra-property": [
      "success/listUserMessages",
      "success/getUserMessage",
      "pagination/listUserMessages/echo",
      "pagination/listUserMessages/walk",
      "pagination/listUserMessages/beyond-total",
      "generated/listUserMessages",
      "generated/getUserMessage",
    ],
    "post-allowed": ["listUsers", "getUser", "listUserMessages", "getUserMessage"].map(
      (operation) => `errors/${operation}/405-post`,
    ),
    "beyond-total-400": ["pagination/listUsers/beyond-total", "generated/listUsers"],
    "invalid-as-404": [
      ...["listUsers", "listUserMessages"].flatMap((operation) =>
        [
          "400-offset-below-minimum",
          "400-offset-not-an-integer",
          "400-limit-below-minimum",
          "400-limit-above-maximum",
          "400-limit-not-an-integer",
        ].map((check) => `errors/${operation}/${check}`),
      ),
      "generated/listUsers",
      "generated/listUserMessages", // 404 for an invalid query about the known user, who exists
    ],
  };

  it("covers every violation the reference server can commit", () => {
    expect(Object.keys(expected).sort()).toEqual([...VIOLATIONS].sort());
  });

  it.each(VIOLATIONS)("reports %s by exactly the right checks", async (violation) => {
    const server = await startReferenceServer(SECRET, [violation]);
    try {
      const report = await verifyServer({ baseUrl: server.url, secret: SECRET, probeMethods: true });
      expect(failed(report).sort()).toEqual([...expected[violation]].sort());
      expect(report.ok).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("says where a body breaks the schema: request, response, the value, the rule", async () => {
    const server = await startReferenceServer(SECRET, ["wrong-type"]);
    try {
      const report = await verifyServer({ baseUrl: server.url, secret: SECRET, probeMethods: true });
      const finding = report.checks.find((check) => check.id === "success/getUser")!.findings[0]!;
      expect(finding).toMatchObject({
        message: "the body must be integer",
        instancePath: "/id",
        excerpt: '"1"',
        specPointer: "#/components/schemas/Id/type",
        keyword: "type",
        exchange: {
          request: {
            method: "GET",
            url: `${server.url}/users/1`,
            headers: { Authorization: "Bearer [redacted]", Accept: "application/vnd.signalzen.v1+json" },
          },
          response: { status: 200 },
        },
      });
      const text = formatVerifyReport(report);
      expect(text).toContain("FAIL success/getUser");
      expect(text).toContain('    at:   /id = "1"');
      expect(text).toContain("    rule: openapi.yaml#/components/schemas/Id/type (type)");
      expect(text).toMatch(/48 checks: 46 passed, 2 failed, 0 not run; \d+ requests in \d+\.\d s/);
      for (const output of [text, JSON.stringify(report)]) expect(output).not.toContain(SECRET);
    } finally {
      await server.close();
    }
  });
});

/** The CLI, with its stdout (the report) and stderr (progress, errors) apart. */
function startVerify(args: string[], env: Record<string, string> = {}) {
  const cli = startCli(["verify", ...args], env);
  let stdout = "";
  let stderr = "";
  cli.child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  cli.child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return { ...cli, stdout: () => stdout, stderr: () => stderr };
}

describe("verify accepts every answer the reference leaves open", () => {
  const choices: [string, ReferenceChoices][] = [
    ["existence checked before validity", { existenceFirst: true }],
    ["no upper bound on offset", { unboundedOffset: true }],
    ["both", { existenceFirst: true, unboundedOffset: true }],
  ];

  it("is held to a server that really makes those choices", async () => {
    const server = await startReferenceServer(SECRET, [], { existenceFirst: true, unboundedOffset: true });
    try {
      const headers = { Accept: "application/vnd.signalzen.v1+json", Authorization: `Bearer ${SECRET}` };
      const [invalidUser, unknownParent, knownParent, pastInt32] = await Promise.all(
        ["/users/abc", "/users/151/messages?limit=abc", "/users/1/messages?limit=abc", "/users?offset=2147483648"].map(
          (path) => rawRequest(server.url + path, { headers }),
        ),
      );
      expect([invalidUser!.status, unknownParent!.status, knownParent!.status]).toEqual([404, 404, 400]);
      expect(pastInt32!.status).toBe(200);
      expect(pastInt32!.json()).toEqual({ limit: 50, offset: 2147483648, total: 150, users: [] });
    } finally {
      await server.close();
    }
  });

  it.each(choices)("passes a conforming server with %s, --probe-methods, with no failure", async (_name, choice) => {
    const server = await startReferenceServer(SECRET, [], choice);
    try {
      const report = await verifyServer({ baseUrl: server.url, secret: SECRET, probeMethods: true });
      expect(failed(report)).toEqual([]);
      expect(report.summary).toEqual({ checks: 48, passed: 48, failed: 0, notRun: 0 });
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
      const pass = startVerify(["--base-url", good.url, "--secret", SECRET, "--probe-methods", "--json"]);
      expect(await exitOf(pass.child)).toEqual({ code: 0, signal: null });
      expect(JSON.parse(pass.stdout()).summary).toEqual({ checks: 48, passed: 48, failed: 0, notRun: 0 });
      const fail = startVerify(["--base-url", bad.url, "--probe-methods"]);
      fail.child.stdin.end();
      expect(await exitOf(fail.child)).toEqual({ code: 2, signal: null }); // no secret given
      const withEnv = startVerify(["--base-url", bad.url, "--probe-methods"], { SIGNALZEN_API_SECRET: SECRET });
      expect(await exitOf(withEnv.child)).toEqual({ code: 1, signal: null });
      expect(withEnv.stdout()).toContain("FAIL pagination/listUsers/echo");
      expect(withEnv.output()).not.toContain(SECRET);
    } finally {
      await good.close();
      await bad.close();
    }
  });

  it("exits 0 against a conforming server with the default flags; --strict asks for the POST checks too", async () => {
    const server = await startReferenceServer(SECRET);
    try {
      const plain = startVerify(["--base-url", server.url, "--secret", SECRET, "--json"]);
      expect(await exitOf(plain.child)).toEqual({ code: 0, signal: null });
      const report = JSON.parse(plain.stdout()) as VerifyReport;
      expect([report.ok, report.summary]).toEqual([true, { checks: 48, passed: 44, failed: 0, notRun: 4 }]);
      const strict = startVerify(["--base-url", server.url, "--secret", SECRET, "--strict"]);
      expect(await exitOf(strict.child)).toEqual({ code: 1, signal: null });
      expect(strict.stdout()).toContain("Some checks did not run, and --strict asks for every one: see above.");
    } finally {
      await server.close();
    }
  });

  it("prints a progress line to stderr as each check finishes, keeping stdout the JSON report alone", async () => {
    const server = await startReferenceServer(SECRET, ["no-echo"]);
    try {
      const cli = startVerify(["--base-url", server.url, "--secret", SECRET, "--probe-methods", "--json"]);
      expect(await exitOf(cli.child)).toEqual({ code: 1, signal: null });
      const report = JSON.parse(cli.stdout()) as VerifyReport;
      const lines = cli.stderr().trimEnd().split("\n");
      expect(lines).toHaveLength(48);
      expect(lines[0]).toBe("[ 1/48] PASS success/listUsers");
      expect(lines[4]).toBe("[ 5/48] FAIL pagination/listUsers/echo (1 finding)");
      expect(lines.map((line) => line.replace(/^\[\s*\d+\/48\] \w+ (\S+).*$/, "$1"))).toEqual(
        report.checks.map((check) => check.id),
      );
    } finally {
      await server.close();
    }
  });

  it("refuses a missing base URL with exit code 2", async () => {
    const cli = startVerify(["--secret", "x"]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.stderr()).toContain(
      "--base-url must be an http(s) URL, e.g. --base-url http://127.0.0.1:4010; got nothing",
    );
  });

  it.each([
    ["http://127.0.0.1:9/external?key=1", "must have no query or fragment (the API's paths are appended to it)"],
    ["http://127.0.0.1:9/external#top", "must have no query or fragment (the API's paths are appended to it)"],
    ["http://127.0.0.1:9/external?", "must have no query or fragment (the API's paths are appended to it)"],
    ["http://127.0.0.1:9/external#", "must have no query or fragment (the API's paths are appended to it)"],
    ["ftp://127.0.0.1/external", "must be an http(s) URL"],
  ])("refuses --base-url %s with exit code 2 and says why, before sending anything", async (baseUrl, why) => {
    const cli = startVerify(["--base-url", baseUrl, "--secret", "x"]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.stderr()).toContain(
      `signalzen-api: --base-url ${why}, e.g. --base-url http://127.0.0.1:4010; got ${JSON.stringify(baseUrl)}`,
    );
    expect(cli.stdout()).toBe("");
    await expect(verifyServer({ baseUrl, secret: "x" })).rejects.toThrow(
      new TypeError(`baseUrl ${why}; got ${JSON.stringify(baseUrl)}`),
    );
  });

  it.each([
    "http://svc:Sk_Live_Secret42@127.0.0.1:9/external",
    "http://svc:Sk_Live_Secret42@bad host/",
    "http://Sk_Live_Secret42@127.0.0.1:9/",
  ])("refuses --base-url with credentials (%s) without echoing them, exit code 2", async (baseUrl) => {
    const why = "must not carry credentials (give the secret with --secret)";
    const cli = startVerify(["--base-url", baseUrl, "--secret", "x"]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    const shown = JSON.stringify(`http://***@${baseUrl.split("@")[1]}`);
    expect(cli.stderr()).toContain(
      `signalzen-api: --base-url ${why}, e.g. --base-url http://127.0.0.1:4010; got ${shown}`,
    );
    expect(cli.stderr().toLowerCase()).not.toContain("sk_live_secret42");
    const refused = await verifyServer({ baseUrl, secret: "x" }).catch((error: Error) => error);
    expect(refused).toEqual(new TypeError(`baseUrl ${why}; got ${shown}`));
  });
});
