/** The verify report as text for people (the JSON form is the report object itself). */
import type { VerifyReport } from "./run.js";

export function formatReport(report: VerifyReport, options: { verbose?: boolean } = {}): string {
  const lines = [`signalzen-api verify: ${report.baseUrl} against the SignalZen API contract ${report.contractVersion}`, ""];
  for (const check of report.checks) {
    const mark = check.status === "pass" ? "PASS" : check.status === "fail" ? "FAIL" : "SKIP";
    if (check.status === "pass" && !options.verbose) continue;
    lines.push(`${mark} ${check.id}: ${check.title}${check.reason ? ` (not run: ${check.reason})` : ""}`);
    for (const finding of check.findings.slice(0, 5)) {
      lines.push(`  - ${finding.message}`);
      if (finding.exchange) {
        const { request, response } = finding.exchange;
        lines.push(`    sent: ${request.method} ${request.url}`);
        for (const [name, value] of Object.entries(request.headers)) lines.push(`          ${name}: ${value}`);
        if (response) {
          lines.push(`    got:  ${response.status}`);
          for (const name of ["content-type", "www-authenticate", "allow", "retry-after"]) if (response.headers[name] !== undefined) lines.push(`          ${name}: ${response.headers[name]}`);
        }
      }
      if (finding.instancePath !== undefined) lines.push(`    at:   ${finding.instancePath || "(the whole body)"}${finding.excerpt !== undefined ? ` = ${finding.excerpt}` : ""}`);
      else if (finding.excerpt) lines.push(`    body: ${finding.excerpt}`);
      if (finding.specPointer) lines.push(`    rule: openapi.yaml${finding.specPointer} (${finding.keyword})`);
    }
    if (check.findings.length > 5) lines.push(`  ... and ${check.findings.length - 5} more findings (--json has them all)`);
  }
  const { checks, passed, failed, notRun } = report.summary;
  lines.push("", `${checks} checks: ${passed} passed, ${failed} failed, ${notRun} not run; ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s`);
  lines.push(report.ok ? "The server keeps the contract." : "The server breaks the contract (or some checks could not run): see above.");
  return lines.join("\n");
}
