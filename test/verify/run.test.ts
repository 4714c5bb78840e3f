/**
 * How `verifyServer()` runs its checks, apart from what they check: each check here is a stand-in, so the run's own
 * rules are seen alone. A check that throws is that check's finding; a deadline ends a check that never settles.
 */
import { describe, expect, it, vi } from "vitest";
import type { Check } from "../../src/verify/check.js";
import { formatVerifyReport } from "../../src/verify/report.js";
import { verifyServer } from "../../src/verify/run.js";

const SECRET = "run-test-secret-5d2e";
const standIns = vi.hoisted(() => ({ checks: [] as Check[] }));
vi.mock("../../src/verify/checks/index.js", () => ({ allChecks: () => standIns.checks }));

const passing: Check = { id: "stand-in/passes", title: "passes", run: async () => [] };
// No server: discovering records gets an empty page, and no check here sends anything.
const emptyPage = async () =>
  new Response('{"limit":1,"offset":0,"total":0,"users":[]}', {
    headers: { "Content-Type": "application/vnd.signalzen.v1+json" },
  });

describe("verifyServer() runs every check to an outcome", () => {
  it("reports a check that throws as that check's finding, and runs the rest", async () => {
    standIns.checks = [
      {
        id: "stand-in/throws",
        title: "throws",
        run: async () => {
          throw new RangeError(`Maximum call stack size exceeded near Bearer ${SECRET}`);
        },
      },
      passing,
    ];
    const report = await verifyServer({ baseUrl: "http://127.0.0.1:9", secret: SECRET, fetch: emptyPage });
    expect(report.checks.map(({ id, status, findings }) => ({ id, status, findings }))).toEqual([
      {
        id: "stand-in/throws",
        status: "fail",
        findings: [{ message: "the check could not finish: Maximum call stack size exceeded near Bearer [redacted]" }],
      },
      { id: "stand-in/passes", status: "pass", findings: [] },
    ]);
    expect(report.ok).toBe(false);
    expect(formatVerifyReport(report)).toContain("The server breaks the contract: see above.");
  });

  it("ends a check that never settles at the deadline, and still reports", async () => {
    standIns.checks = [
      passing,
      { id: "stand-in/hangs", title: "hangs", run: () => new Promise(() => undefined) },
      passing,
    ];
    const report = await verifyServer({
      baseUrl: "http://127.0.0.1:9",
      secret: SECRET,
      fetch: emptyPage,
      deadlineMs: 300,
    });
    const deadline = "the deadline of 300 ms passed; raise --deadline-ms to run the remaining checks";
    expect(report.checks.map(({ status, reason }) => [status, reason])).toEqual([
      ["pass", undefined],
      ["not-run", deadline],
      ["not-run", deadline],
    ]);
    expect([report.stopped, report.ok]).toEqual([deadline, false]);
    expect(formatVerifyReport(report)).toContain("The run stopped before every check ran: see above.");
  });

  it("is ok when every check that ran passed; --strict asks for every check to run", async () => {
    const optional: Check = { id: "stand-in/optional", title: "optional", run: async () => ({ notRun: "not asked" }) };
    standIns.checks = [passing, optional];
    const options = { baseUrl: "http://127.0.0.1:9", secret: SECRET, fetch: emptyPage };
    const report = await verifyServer(options);
    expect([report.ok, report.summary]).toEqual([true, { checks: 2, passed: 1, failed: 0, notRun: 1 }]);
    expect(formatVerifyReport(report)).toContain(
      "SKIP stand-in/optional: optional (not run: not asked)\n\n2 checks: 1 passed, 0 failed, 1 not run;",
    );
    expect(formatVerifyReport(report)).toMatch(
      /\nThe server keeps the contract in every check that ran \(1 not run: see above\)\.$/,
    );
    const strict = await verifyServer({ ...options, strict: true });
    expect(strict.ok).toBe(false);
    expect(formatVerifyReport(strict)).toMatch(
      /\nSome checks did not run, and --strict asks for every one: see above\.$/,
    );
  });
});
