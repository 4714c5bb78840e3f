/** The human form of a diff report: breaking changes first, each with both pointers and where it is seen. */
import type { DiffReport } from "./compare-documents.js";

/** How many places of a change the human form lists; --json lists them all. */
const PLACES_SHOWN = 3;

export function formatReport(report: DiffReport, sources: { base: string; head: string }): string {
  const lines: string[] = [];
  for (const change of report.changes) {
    lines.push(`${change.class === "breaking" ? "BREAKING  " : "compatible"} ${change.rule}: ${change.message}`);
    lines.push(`  base: ${change.base}`);
    lines.push(`  head: ${change.head}`);
    const more = change.where.length - PLACES_SHOWN;
    lines.push(`  in:   ${change.where.slice(0, PLACES_SHOWN).join("; ")}${more > 0 ? ` (and ${more} more)` : ""}`);
    if (change.class === "breaking") lines.push(`  why:  ${change.explanation}`);
  }
  if (lines.length > 0) lines.push("");
  lines.push(
    report.changes.length === 0
      ? `No change that matters to a consumer: ${sources.base} → ${sources.head}`
      : `${report.breaking} breaking, ${report.compatible} compatible: ${sources.base} → ${sources.head}`,
  );
  return lines.join("\n");
}
