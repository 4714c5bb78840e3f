/**
 * `verify()`: runs every contract check against a server and returns the report. `verify` observes:
 * it speaks plain fetch, sends only GET (POST too with probeMethods), stays within its request budget,
 * and never records the secret.
 */
import * as contract from "../../generated/contract.js";
import { allChecks, discoverIds, type Finding } from "./checks.js";
import { BudgetExhausted, createSession } from "./http.js";

export interface VerifyOptions {
  baseUrl: string;
  secret: string;
  /** Start from these records instead of discovering them from the list endpoints. */
  userId?: number;
  messageId?: number;
  /** @default 500 */
  maxRequests?: number;
  /** Per request. @default 10_000 */
  timeoutMs?: number;
  /** Also send POST, for the 405 checks. @default false */
  probeMethods?: boolean;
  /** Seed of the generated requests. @default 1 */
  seed?: number;
  /** Generated requests per operation. @default 25 */
  generatedRuns?: number;
  fetch?: typeof fetch;
}

export interface CheckReport {
  id: string;
  title: string;
  status: "pass" | "fail" | "not-run";
  reason?: string;
  findings: Finding[];
}

export interface VerifyReport {
  baseUrl: string;
  contractVersion: string;
  ok: boolean;
  requests: number;
  durationMs: number;
  summary: { checks: number; passed: number; failed: number; notRun: number };
  checks: CheckReport[];
}

export const VERIFY_DEFAULTS = { maxRequests: 500, timeoutMs: 10_000, seed: 1, generatedRuns: 25, maxWalkPages: 20 } as const;

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const session = createSession({
    baseUrl: options.baseUrl,
    secret: options.secret,
    maxRequests: options.maxRequests ?? VERIFY_DEFAULTS.maxRequests,
    timeoutMs: options.timeoutMs ?? VERIFY_DEFAULTS.timeoutMs,
    ...(options.fetch && { fetch: options.fetch }),
  });
  const given = { ...(options.userId !== undefined && { user: options.userId }), ...(options.messageId !== undefined && { message: options.messageId }) };
  const results: CheckReport[] = [];
  let ids: Partial<Record<string, number>> = given;
  try {
    ids = await discoverIds(session, given);
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error;
  }
  const context = {
    session,
    ids,
    probeMethods: options.probeMethods ?? false,
    seed: options.seed ?? VERIFY_DEFAULTS.seed,
    generatedRuns: options.generatedRuns ?? VERIFY_DEFAULTS.generatedRuns,
    maxWalkPages: VERIFY_DEFAULTS.maxWalkPages,
  };
  for (const check of allChecks()) {
    try {
      const outcome = await check.run(context);
      if ("notRun" in outcome) results.push({ id: check.id, title: check.title, status: "not-run", reason: outcome.notRun, findings: [] });
      else results.push({ id: check.id, title: check.title, status: outcome.length ? "fail" : "pass", findings: outcome });
    } catch (error) {
      if (!(error instanceof BudgetExhausted)) throw error;
      results.push({ id: check.id, title: check.title, status: "not-run", reason: error.message, findings: [] });
    }
  }
  const count = (status: CheckReport["status"]) => results.filter((result) => result.status === status).length;
  const summary = { checks: results.length, passed: count("pass"), failed: count("fail"), notRun: count("not-run") };
  return {
    baseUrl: options.baseUrl,
    contractVersion: contract.version,
    ok: summary.failed === 0 && summary.notRun === 0,
    requests: session.requestsSent(),
    durationMs: Math.round(performance.now() - started),
    summary,
    checks: results,
  };
}
