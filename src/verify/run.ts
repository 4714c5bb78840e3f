/**
 * `verifyServer()`: runs every contract check against a server and returns the report. `verify` observes:
 * it speaks plain fetch, sends only GET (POST too with probeMethods), stays within its request budget
 * and its deadline, reads each body up to a cap, and never records the secret.
 */

import { shownUrl } from "../contract/base-url.js";
import * as contract from "../contract/facts.js";
import type { CheckContext } from "./check.js";
import { allChecks } from "./checks/index.js";
import { VERIFY_DEFAULTS } from "./defaults.js";
import { discoverIds } from "./ids.js";
import { type CheckReport, checkReport, type VerifyReport } from "./report.js";
import type { Ids } from "./requests.js";
import { baseUrlProblem, createSession, RunStopped } from "./session.js";

export { VERIFY_DEFAULTS } from "./defaults.js";
export type { CheckReport, VerifyReport } from "./report.js";

export interface VerifyOptions {
  /** The server, e.g. `https://api.signalzen.com/external`: http(s), no credentials, query or fragment. */
  baseUrl: string;
  secret: string;
  /** Start from these records instead of discovering them from the list endpoints. */
  userId?: number;
  messageId?: number;
  /** @default 500 */
  maxRequests?: number;
  /** Per request, headers and body. @default 10_000 */
  timeoutMs?: number;
  /** For the whole run: checks not finished by then are reported as not run. @default 300_000 */
  deadlineMs?: number;
  /** Bytes read of a body; a longer body is a finding, and the rest is not read. @default 67_108_864 (64 MiB) */
  maxBodyBytes?: number;
  /** Also send POST, for the 405 checks. @default false */
  probeMethods?: boolean;
  /**
   * Count a check that did not run (a POST check without probeMethods, a record not found to check with) as a
   * failure: `ok` only when every check ran and passed. @default false
   */
  strict?: boolean;
  /** Seed of the generated requests. @default 1 */
  seed?: number;
  /** Generated requests per operation. @default 25 */
  generatedRuns?: number;
  /** Called as each check finishes, in order (`done` of `total`). */
  onProgress?: (check: CheckReport, done: number, total: number) => void;
  fetch?: typeof fetch;
}

export async function verifyServer(options: VerifyOptions): Promise<VerifyReport> {
  const problem = baseUrlProblem(options.baseUrl);
  if (problem) throw new TypeError(`baseUrl ${problem}; got ${shownUrl(options.baseUrl)}`);
  const started = performance.now();
  const deadlineMs = options.deadlineMs ?? VERIFY_DEFAULTS.deadlineMs;
  const deadline = new AbortController();
  const timer = setTimeout(() => {
    const message = `the deadline of ${deadlineMs} ms passed; raise --deadline-ms to run the remaining checks`;
    deadline.abort(new RunStopped(message));
  }, deadlineMs);
  try {
    const session = createSession({
      baseUrl: options.baseUrl,
      secret: options.secret,
      maxRequests: options.maxRequests ?? VERIFY_DEFAULTS.maxRequests,
      timeoutMs: options.timeoutMs ?? VERIFY_DEFAULTS.timeoutMs,
      maxBodyBytes: options.maxBodyBytes ?? VERIFY_DEFAULTS.maxBodyBytes,
      deadline: deadline.signal,
      ...(options.fetch && { fetch: options.fetch }),
    });
    const given: Ids = {
      ...(options.userId !== undefined && { user: options.userId }),
      ...(options.messageId !== undefined && { message: options.messageId }),
    };
    let stopped: string | undefined;
    let ids = given;
    try {
      ids = await untilDeadline(discoverIds(session, given), deadline.signal);
    } catch (error) {
      // A server's answer that breaks the search (a body nested too deep for some step, say) leaves the
      // records unknown: the checks that need one say so, and the run goes on.
      if (error instanceof RunStopped) stopped = error.message;
    }
    const context: CheckContext = {
      session,
      ids,
      probeMethods: options.probeMethods ?? false,
      seed: options.seed ?? VERIFY_DEFAULTS.seed,
      generatedRuns: options.generatedRuns ?? VERIFY_DEFAULTS.generatedRuns,
      maxWalkPages: VERIFY_DEFAULTS.maxWalkPages,
    };
    const checks = allChecks();
    const results: CheckReport[] = [];
    for (const check of checks) {
      let result: CheckReport;
      try {
        // Past the deadline nothing more is run (a check that sends nothing would otherwise still report).
        if (deadline.signal.aborted) throw deadline.signal.reason;
        result = checkReport(check, await untilDeadline(check.run(context), deadline.signal));
      } catch (error) {
        if (error instanceof RunStopped) {
          stopped ??= error.message;
          result = checkReport(check, { notRun: error.message });
        } else {
          // One check's failure is that check's finding: the run goes on and reports.
          const why = session.redact(error instanceof Error ? error.message : String(error)).slice(0, 500);
          result = checkReport(check, [{ message: `the check could not finish: ${why}` }]);
        }
      }
      results.push(result);
      options.onProgress?.(result, results.length, checks.length);
    }
    const count = (status: CheckReport["status"]) => results.filter((result) => result.status === status).length;
    const summary = { checks: results.length, passed: count("pass"), failed: count("fail"), notRun: count("not-run") };
    // A check the user chose not to run (or that had no record to run on) is no failure, unless --strict; a run
    // stopped by its deadline or request budget did not check what it was asked to, and is not ok.
    const ok = summary.failed === 0 && !stopped && !(options.strict && summary.notRun > 0);
    return {
      baseUrl: options.baseUrl,
      contractVersion: contract.version,
      ok,
      requests: session.requestsSent(),
      durationMs: Math.round(performance.now() - started),
      ...(stopped && { stopped }),
      summary,
      checks: results,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The promise, or the deadline's RunStopped if that comes first: a check that is between requests when the
 * deadline passes (reading a body, validating one) ends at once; its requests are abandoned with the deadline.
 */
function untilDeadline<T>(promise: Promise<T>, deadline: AbortSignal): Promise<T> {
  if (deadline.aborted) return Promise.reject(deadline.reason);
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(deadline.reason);
    deadline.addEventListener("abort", onAbort, { once: true });
  });
  // The check goes on alone after the deadline (its next request throws at once): its failure is not news.
  promise.catch(() => undefined);
  return Promise.race([promise, aborted]).finally(() => deadline.removeEventListener("abort", onAbort));
}
