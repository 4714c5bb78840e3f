/**
 * A diff's observations as a report: one change per rule, place and message, listing every place it was seen,
 * breaking changes first; and the human form of a report. Aggregation is one pass over the observations, with a set
 * per change for its places, so a report of many observations costs what reading them does.
 */
import type { ChangeClass, Observation } from "./context.js";
import { type RuleId, ruleOf, ruleOrder } from "./rules.js";

interface Change {
  class: ChangeClass;
  rule: RuleId;
  /** What changed, in one line. */
  message: string;
  /** Why it is breaking or compatible: the rule's explanation. */
  explanation: string;
  /** Where it is in the base document and in the head document (JSON pointers). */
  base: string;
  head: string;
  /**
   * Every place the change is seen: `GET /users 200: users[].name`, `components/schemas/User: name`, ...
   * (from one entry, each link between schemas is followed once: see schemas/routes.ts).
   */
  where: string[];
}

export interface DiffReport {
  breaking: number;
  compatible: number;
  /** Breaking changes first, then in the order of the rules table. */
  changes: Change[];
}

/** How many places of a change the human form lists; --json lists them all. */
const PLACES_SHOWN = 3;

export function aggregate(observations: Iterable<Observation>): DiffReport {
  const changes = new Map<string, { change: Change; places: Set<string> }>();
  for (const observation of observations) {
    const key = `${observation.rule} ${observation.base} ${observation.head} ${observation.message}`;
    const known = changes.get(key);
    if (known) {
      if (!known.places.has(observation.where)) {
        known.places.add(observation.where);
        known.change.where.push(observation.where);
      }
      continue;
    }
    const rule = ruleOf(observation.rule);
    const change: Change = {
      class: rule.class,
      rule: observation.rule,
      message: observation.message,
      explanation: rule.explanation,
      base: observation.base,
      head: observation.head,
      where: [observation.where],
    };
    changes.set(key, { change, places: new Set([observation.where]) });
  }
  const sorted = [...changes.values()]
    .map(({ change }) => change)
    .sort(
      (a, b) =>
        Number(a.class !== "breaking") - Number(b.class !== "breaking") ||
        ruleOrder(a.rule) - ruleOrder(b.rule) ||
        a.base.localeCompare(b.base) ||
        a.head.localeCompare(b.head),
    );
  const breaking = sorted.filter((change) => change.class === "breaking").length;
  return { breaking, compatible: sorted.length - breaking, changes: sorted };
}

export function formatDiffReport(report: DiffReport, sources: { base: string; head: string }): string {
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
