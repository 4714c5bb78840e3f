/**
 * The verify report: what each check found, bounded in size whatever the server sent (at most 20
 * findings a check, each with an excerpt of its body), as text for people or as JSON.
 */
import type { Check, CheckOutcome } from "./check.js";
import type { Finding } from "./conformance.js";

/** Findings kept per check: enough to see the pattern, few enough that the report stays small. */
export const MAX_FINDINGS_PER_CHECK = 20;
/** Findings the text report shows per check. */
const SHOWN_FINDINGS = 5;

export interface CheckReport {
  id: string;
  title: string;
  status: "pass" | "fail" | "not-run";
  reason?: string;
  /** The first 20 findings. */
  findings: Finding[];
  /** How many more findings there were, when more than 20. */
  omittedFindings?: number;
}

export interface VerifyReport {
  baseUrl: string;
  contractVersion: string;
  ok: boolean;
  requests: number;
  durationMs: number;
  /** Why the run stopped before every check could run (its request budget, its deadline), if it did. */
  stopped?: string;
  summary: { checks: number; passed: number; failed: number; notRun: number };
  checks: CheckReport[];
}

/** A check's report from its outcome, its findings bounded. */
export function checkReport(check: Check, outcome: CheckOutcome): CheckReport {
  const { id, title } = check;
  if ("notRun" in outcome) return { id, title, status: "not-run", reason: outcome.notRun, findings: [] };
  const omitted = outcome.length - MAX_FINDINGS_PER_CHECK;
  return {
    id,
    title,
    status: outcome.length ? "fail" : "pass",
    findings: outcome.slice(0, MAX_FINDINGS_PER_CHECK),
    ...(omitted > 0 && { omittedFindings: omitted }),
  };
}

const MARKS = { pass: "PASS", fail: "FAIL", "not-run": "SKIP" } as const;

/** One line as a check finishes, e.g. `[ 7/50] FAIL success/getUser (2 findings)`. */
export function formatProgress(check: CheckReport, done: number, total: number): string {
  const findings = check.findings.length + (check.omittedFindings ?? 0);
  const detail =
    check.status === "fail"
      ? ` (${findings} finding${findings === 1 ? "" : "s"})`
      : check.status === "not-run"
        ? ` (not run: ${check.reason})`
        : "";
  return `[${String(done).padStart(String(total).length)}/${total}] ${MARKS[check.status]} ${check.id}${detail}`;
}

export function formatVerifyReport(report: VerifyReport, options: { verbose?: boolean } = {}): string {
  const lines = [
    `signalzen-api verify: ${report.baseUrl} against the SignalZen API contract ${report.contractVersion}`,
    "",
  ];
  for (const check of report.checks) {
    if (check.status === "pass" && !options.verbose) continue;
    lines.push(
      `${MARKS[check.status]} ${check.id}: ${check.title}${check.reason ? ` (not run: ${check.reason})` : ""}`,
    );
    for (const finding of check.findings.slice(0, SHOWN_FINDINGS)) lines.push(...formatFinding(finding));
    const more = check.findings.length + (check.omittedFindings ?? 0) - SHOWN_FINDINGS;
    if (more > 0) lines.push(`  ... and ${more} more findings (--json has the first ${MAX_FINDINGS_PER_CHECK})`);
  }
  const { checks, passed, failed, notRun } = report.summary;
  const seconds = (report.durationMs / 1000).toFixed(1);
  const counts = `${checks} checks: ${passed} passed, ${failed} failed, ${notRun} not run`;
  lines.push("", `${counts}; ${report.requests} requests in ${seconds} s`);
  if (report.stopped) lines.push(`Stopped early: ${report.stopped}.`);
  lines.push(verdict(report));
  return lines.join("\n");
}

/** The report's last line: what `ok` (and the exit code) rests on. */
function verdict(report: VerifyReport): string {
  const { failed, notRun } = report.summary;
  if (failed) return "The server breaks the contract: see above.";
  if (report.stopped) return "The run stopped before every check ran: see above.";
  if (!report.ok) return "Some checks did not run, and --strict asks for every one: see above.";
  return notRun
    ? `The server keeps the contract in every check that ran (${notRun} not run: see above).`
    : "The server keeps the contract.";
}

function formatFinding(finding: Finding): string[] {
  const lines = [`  - ${finding.message}`];
  if (finding.exchange) {
    const { request, response } = finding.exchange;
    lines.push(`    sent: ${request.method} ${request.url}`);
    for (const [name, value] of Object.entries(request.headers)) lines.push(`          ${name}: ${value}`);
    if (response) {
      lines.push(`    got:  ${response.status}`);
      for (const name of ["content-type", "www-authenticate", "allow", "retry-after"]) {
        if (response.headers[name] !== undefined) lines.push(`          ${name}: ${response.headers[name]}`);
      }
    }
  }
  if (finding.instancePath !== undefined) {
    const value = finding.excerpt !== undefined ? ` = ${finding.excerpt}` : "";
    lines.push(`    at:   ${finding.instancePath || "(the whole body)"}${value}`);
  } else if (finding.excerpt) lines.push(`    body: ${finding.excerpt}`);
  if (finding.specPointer) lines.push(`    rule: openapi.yaml${finding.specPointer} (${finding.keyword})`);
  return lines;
}
