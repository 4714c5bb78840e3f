/**
 * `verify` against hostile servers: bodies far larger than it reads, a server that never answers, one
 * that stops answering halfway. Each server is a tiny node:http server on 127.0.0.1, bounded in bytes
 * and in requests, and closed at the end. No test asserts a wall time: a run that waited for its
 * per-request timeout instead of its deadline would outlast the test's own timeout.
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as contract from "../../generated/contract.js";
import { formatVerifyReport } from "../../src/verify/report.js";
import { type CheckReport, verifyServer } from "../../src/verify/run.js";
import { exitOf, startCli } from "../helpers/cli.js";
import { startHostileServer } from "../helpers/hostile-server.js";
import { startReferenceServer } from "../helpers/reference-server.js";

const SECRET = "hostile-test-secret-93ab";
const CHECKS = 48;
const DEADLINE_MESSAGE = (ms: number) =>
  `the deadline of ${ms} ms passed; raise --deadline-ms to run the remaining checks`;

/** A node:http server on 127.0.0.1 that counts requests and destroys every socket when closed. */
async function startServer(handle: http.RequestListener) {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests++;
    handle(request, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
async function serve(handle: http.RequestListener) {
  const server = await startServer(handle);
  closers.push(server.close);
  return server;
}

describe("bodies far larger than verify reads", () => {
  const BODY_BYTES = 32 * 1024 * 1024; // well past what the loopback socket buffers can hold
  const CAP = 256 * 1024;

  /** Answers 200 with a 32 MiB body that starts with the secret, streamed as the client reads it. */
  async function startBigBodyServer() {
    const unfinished: number[] = [];
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": contract.mediaType });
      const chunk = Buffer.alloc(64 * 1024, "x");
      let written = 0;
      const pump = () => {
        while (written < BODY_BYTES && !response.destroyed) {
          const head = written === 0 ? Buffer.from(`{"message":"Bearer ${SECRET}","pad":"`) : chunk;
          written += head.byteLength;
          if (!response.write(head)) return void response.once("drain", pump);
        }
        if (!response.destroyed) response.end();
      };
      response.on("close", () => {
        if (!response.writableFinished) unfinished.push(written);
      });
      pump();
    });
    return { ...server, unfinished };
  }

  it("reads at most the cap of each body, releases the connection, and keeps the report small", async () => {
    const server = await startBigBodyServer();
    const report = await verifyServer({ baseUrl: server.url, secret: SECRET, maxBodyBytes: CAP, maxRequests: 60 });
    const json = JSON.stringify(report);

    // Every request was cut short by verify: the server never got to send a whole body.
    await vi.waitFor(() => expect(server.unfinished).toHaveLength(server.requests()));
    expect(report.requests).toBe(server.requests());
    const exchanges = report.checks.flatMap((check) =>
      check.findings.flatMap((finding) => (finding.exchange ? [finding.exchange] : [])),
    );
    expect(exchanges.length).toBeGreaterThan(30);
    for (const { response } of exchanges) {
      expect(response!.truncatedAt).toBe(CAP);
      expect(response!.bodyBytes).toBeGreaterThan(CAP);
      expect(response!.bodyBytes).toBeLessThan(2 * CAP);
      expect(response!.bodyExcerpt).toBe(
        `${`{"message":"Bearer [redacted]","pad":"${"x".repeat(500)}`.slice(0, 500)}...`,
      );
    }
    expect(
      report.checks.find((check) => check.id === "success/listUsers")!.findings.map((finding) => finding.message),
    ).toEqual([`the body is longer than the ${CAP} bytes verify reads (--max-body-bytes): not checked`]);
    // 25 generated requests, each a finding: the report keeps 20 and counts the rest.
    const generated = report.checks.find((check) => check.id === "generated/listUsers")!;
    expect([generated.findings.length, generated.omittedFindings]).toEqual([20, 5]);
    expect(formatVerifyReport(report)).toContain("  ... and 20 more findings (--json has the first 20)");

    // About a kilobyte per finding, whatever the bodies' size: less than the cap of a single body.
    expect(json.length).toBeLessThan(CAP);
    expect(json).not.toContain(SECRET);
  });
});

describe("a deadline for the whole run", () => {
  it("ends a run against a server that never answers, and reports every check as not run", async () => {
    const server = await serve(() => undefined); // takes each request and never answers
    const progress: string[] = [];
    const report = await verifyServer({
      baseUrl: server.url,
      secret: SECRET,
      probeMethods: true,
      timeoutMs: 600_000,
      deadlineMs: 1_000,
      onProgress: (check, done, total) => progress.push(`${done}/${total} ${check.status} ${check.id}`),
    });
    expect(report.stopped).toBe(DEADLINE_MESSAGE(1_000));
    expect(report.summary).toEqual({ checks: CHECKS, passed: 0, failed: 0, notRun: CHECKS });
    expect(new Set(report.checks.map((check) => check.reason))).toEqual(new Set([DEADLINE_MESSAGE(1_000)]));
    // The one request in flight (looking for a user) was abandoned at the deadline, and none was sent after it.
    expect([report.requests, server.requests()]).toEqual([1, 1]);
    expect(progress).toEqual(report.checks.map((check, index) => `${index + 1}/${CHECKS} not-run ${check.id}`));
    expect(formatVerifyReport(report)).toContain(`Stopped early: ${DEADLINE_MESSAGE(1_000)}.`);
  });

  it("reports what finished before the deadline and what did not", async () => {
    const reference = await startReferenceServer(SECRET);
    closers.push(reference.close);
    // The first six requests (two to find records, one per success check) are answered; then nothing is.
    let answered = 0;
    const server = await serve(async (request, response) => {
      if (answered++ >= 6) return;
      const { accept = "", authorization = "" } = request.headers;
      const upstream = await fetch(reference.url + request.url, { headers: { accept, authorization } });
      const type = upstream.headers.get("content-type") ?? "";
      response.writeHead(upstream.status, { "Content-Type": type }).end(Buffer.from(await upstream.arrayBuffer()));
    });
    const finished: CheckReport[] = [];
    const report = await verifyServer({
      baseUrl: server.url,
      secret: SECRET,
      probeMethods: true,
      timeoutMs: 600_000,
      deadlineMs: 4_000,
      onProgress: (check) => finished.push(check),
    });
    expect(report.checks.slice(0, 4).map((check) => [check.id, check.status])).toEqual(
      ["listUsers", "getUser", "listUserMessages", "getUserMessage"].map((operation) => [
        `success/${operation}`,
        "pass",
      ]),
    );
    expect(
      report.checks.slice(4).every((check) => check.status === "not-run" && check.reason === DEADLINE_MESSAGE(4_000)),
    ).toBe(true);
    expect(report.summary).toEqual({ checks: CHECKS, passed: 4, failed: 0, notRun: CHECKS - 4 });
    expect([report.requests, server.requests()]).toEqual([7, 7]);
    expect(finished).toEqual(report.checks);
  });

  it("the command prints the JSON report and exits 1 when the deadline stops it", async () => {
    const server = await serve(() => undefined);
    const cli = startCli([
      "verify",
      "--base-url",
      server.url,
      "--secret",
      SECRET,
      "--json",
      "--timeout-ms",
      "600000",
      "--deadline-ms",
      "1000",
    ]);
    let stdout = "";
    let stderr = "";
    cli.child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    cli.child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(cli.child)).toEqual({ code: 1, signal: null });
    const report = JSON.parse(stdout);
    expect(report.stopped).toBe(DEADLINE_MESSAGE(1_000));
    expect(report.summary).toEqual({ checks: CHECKS, passed: 0, failed: 0, notRun: CHECKS });
    expect(stderr.trimEnd().split("\n")).toHaveLength(CHECKS);
    expect(stderr).toContain(`[ 1/${CHECKS}] SKIP success/listUsers (not run: ${DEADLINE_MESSAGE(1_000)})`);
  });
});

describe("a page far beyond what the contract allows", () => {
  // A million empty users, 3 MB: collecting every error of it would take ajv hours (the cost grows with the
  // square of the errors), synchronously, so no timer could fire.
  const page = (items: number) =>
    Buffer.from(`{"limit":50,"offset":0,"total":${items},"users":[${"{},".repeat(items - 1)}{}]}`);
  const MILLION_ITEM_PAGE = page(1_000_000);
  /** Answers the first `answered` requests with the page, and takes the rest without ever answering. */
  const servePage = (body: Buffer, answered = Number.POSITIVE_INFINITY) =>
    startHostileServer(
      (_request, response, server) => {
        if (server.requests.length > answered) return;
        response.writeHead(200, { "Content-Type": contract.mediaType }).end(body);
      },
      { maxRequests: 1_000 },
    );
  const FIRST_ONLY =
    "the body must NOT have more than 99 items " +
    "(the value holds more than 3000 values: only its first violation was looked for, not every one)";

  it("reports the page's first violation, and that it looked no further", async () => {
    // 10,000 items: small enough that a run without the bound ends (in seconds), and fails here.
    const server = await servePage(page(10_000));
    closers.push(server.close);
    const report = await verifyServer({ baseUrl: server.url, secret: SECRET, userId: 1, messageId: 1, maxRequests: 1 });
    expect(report.checks[0]).toMatchObject({
      id: "success/listUsers",
      status: "fail",
      findings: [
        {
          message: FIRST_ONLY,
          instancePath: "/users",
          specPointer: "#/components/schemas/UserList/allOf/1/properties/users/maxItems",
          keyword: "maxItems",
          excerpt: `${`[${"{},".repeat(40)}`.slice(0, 117)}...`,
        },
      ],
    });
  });

  it("the command keeps its deadline against a server sending it, and writes the report", async () => {
    expect(MILLION_ITEM_PAGE.byteLength).toBe(3_000_049);
    // Ten answers (a run reads the page in a few seconds now), then silence: the deadline is sure to come mid-run.
    const server = await servePage(MILLION_ITEM_PAGE, 10);
    closers.push(server.close);
    const cli = startCli(["verify", "--base-url", server.url, "--secret", SECRET, "--json", "--deadline-ms", "3000"]);
    // A safety net, not the assertion: a run that ignored its deadline would be killed here, with no report.
    const safetyNet = setTimeout(() => cli.child.kill("SIGKILL"), 3_000 + 20_000);
    let stdout = "";
    cli.child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exit = await exitOf(cli.child);
    clearTimeout(safetyNet);
    expect(exit).toEqual({ code: 1, signal: null });
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.stopped).toBe(DEADLINE_MESSAGE(3_000));
    expect(report.checks[0].findings.map((finding: { message: string }) => finding.message)).toEqual([
      "the body holds more than 100000 JSON values, more than any answer the contract allows: " +
        "not parsed, nor checked against its schema",
    ]);
    expect(report.summary.checks).toBe(CHECKS);
    expect(report.checks.at(-1)).toMatchObject({ status: "not-run", reason: DEADLINE_MESSAGE(3_000) });
  }, 40_000);
});

describe("answers built to break the report", () => {
  it("scrubs the secret from response header names, whatever their case", async () => {
    const secret = "Echoed-Secret-In-A-Header-Name-77";
    const server = await startHostileServer((request, response) => {
      const token = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
      response.setHeader(`x-echo-${token}`, "1");
      response.writeHead(200, { "Content-Type": contract.mediaType }).end("{}");
    });
    closers.push(server.close);
    const report = await verifyServer({ baseUrl: server.url, secret, maxRequests: 8 });
    const exchange = report.checks[0]!.findings[0]!.exchange!;
    expect(exchange.response!.headers).toMatchObject({ "x-echo-[redacted]": "1" });
    const json = JSON.stringify(report).toLowerCase();
    expect(json).not.toContain(secret.toLowerCase());
    expect(formatVerifyReport(report).toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it("reports a body nested 6,000 deep as a finding, and goes on with the run", async () => {
    const deep = `{"limit":50,"offset":0,"total":1,"users":${"[".repeat(6_000)}${"]".repeat(6_000)}}`;
    expect(deep.length).toBeGreaterThan(12_000);
    const server = await startHostileServer((_request, response) => {
      response.writeHead(200, { "Content-Type": contract.mediaType }).end(deep);
    });
    closers.push(server.close);
    const report = await verifyServer({ baseUrl: server.url, secret: SECRET, maxRequests: 20 });
    expect(report.checks[0]).toMatchObject({
      id: "success/listUsers",
      status: "fail",
      findings: [
        {
          message:
            "the body must be object " +
            "(the value holds more than 3000 values: only its first violation was looked for, not every one)",
          instancePath: "/users/0",
          excerpt: `${"[".repeat(117)}...`,
        },
      ],
    });
    // Every check has its outcome: the run went on after the deep body, until its request budget.
    expect(report.summary.checks).toBe(CHECKS);
    expect(report.stopped).toBe(
      "the request budget of 20 is used up; raise --max-requests to run the remaining checks",
    );
    expect(report.summary.failed).toBeGreaterThan(5);
  });
});
