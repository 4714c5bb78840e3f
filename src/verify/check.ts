/** What every family of checks shares: a check's shape, what it runs with, and running on a filled path. */
import type { Operation } from "../contract/facts.js";
import type { Finding } from "./conformance.js";
import { type Ids, pathWithIds } from "./requests.js";
import type { Session } from "./session.js";

export interface CheckContext {
  session: Session;
  /** Known record ids by resource, discovered or given. */
  ids: Ids;
  probeMethods: boolean;
  seed: number;
  generatedRuns: number;
  maxWalkPages: number;
}

/** What a check found: its findings (none when it passes), or why it could not run here. */
export type CheckOutcome = Finding[] | { notRun: string };

export interface Check {
  id: string;
  title: string;
  run(context: CheckContext): Promise<CheckOutcome>;
}

/** Runs a check on an operation's path filled with known ids; not run when one is unknown. */
export async function withPath(
  context: CheckContext,
  operation: Operation,
  run: (path: string) => Promise<Finding[]>,
  overrides: Record<string, string | number> = {},
): Promise<CheckOutcome> {
  const path = pathWithIds(operation, context.ids, overrides);
  if (typeof path !== "string")
    return { notRun: `no ${path.missing} was found to check with; pass --${path.missing}-id` };
  return run(path);
}
