/**
 * What every check of the differ shares: the two documents, one way to report an observation (`emit`), and one way
 * to pair what the base has with what the head has (`pairBy`), so that no check writes its own
 * removed/matched/added loop.
 */
import { isObject } from "../shared/json.js";
import type { RULES, RuleId } from "./rules.js";
import { createSchemaMemo, type SchemaMemo } from "./schemas/compare.js";

export type Document = Record<string, unknown>;
export type ChangeClass = "breaking" | "compatible";

/** A rule, declared beside the check that finds it, and listed in the table's order in rules.ts. */
export interface Rule {
  id: string;
  class: ChangeClass;
  /** Why this change is breaking or compatible, from the consumer's side: one sentence. */
  explanation: string;
}

/** A rule of the table: a check may only emit those. */
export type KnownRule = (typeof RULES)[number];

/** Where a change is in the base document and in the head document (JSON pointers). */
export interface Pointers {
  base: string;
  head: string;
}

/**
 * A change as seen at one place, as a check emits it. The report (report.ts) gathers the observations of one
 * change, seen at many places, into one `Change` that lists them all.
 */
export interface Observation extends Pointers {
  rule: RuleId;
  message: string;
  /** Where the difference was seen: an operation and status, a parameter, a component; then a path inside. */
  where: string;
}

export interface DiffContext {
  base: Document;
  head: Document;
  /** The label of what is compared, e.g. `GET /users 200` or `GET /users query limit`. */
  where: string;
  emit(rule: KnownRule, pointers: Pointers, message: string): void;
  /** The same context, for observations seen at another place. */
  at(where: string): DiffContext;
  /** Records an observation as it is (a schema comparison's, which carries its own place). */
  record(observation: Observation): void;
  /** Every schema comparison of this diff, so that each pair of schemas is compared once. */
  schemaMemo: SchemaMemo;
}

/** The context of one diff: its observations are pushed onto `observations`, in the order they are found. */
export function createContext(base: Document, head: Document, observations: Observation[]): DiffContext {
  const schemaMemo = createSchemaMemo();
  const at = (where: string): DiffContext => ({
    base,
    head,
    where,
    emit: (rule, pointers, message) => observations.push({ rule: rule.id, ...pointers, message, where }),
    at,
    record: (observation) => observations.push(observation),
    schemaMemo,
  });
  return at("");
}

export interface PairHooks<T> {
  /** In the base only; called in the base's order, interleaved with `matched`. */
  removed?(key: string, before: T): void;
  /** In both. */
  matched?(key: string, before: T, after: T): void;
  /** In the head only; called after every base entry, in the head's order. */
  added?(key: string, after: T): void;
}

/** Pairs the base's entries with the head's by key (the head's last entry wins when a key repeats). */
export function pairBy<T>(before: Iterable<[string, T]>, after: Iterable<[string, T]>, hooks: PairHooks<T>): void {
  const afterList = [...after];
  const afterByKey = new Map(afterList);
  const beforeKeys = new Set<string>();
  for (const [key, value] of before) {
    beforeKeys.add(key);
    if (afterByKey.has(key)) hooks.matched?.(key, value, afterByKey.get(key) as T);
    else hooks.removed?.(key, value);
  }
  for (const [key, value] of afterList) if (!beforeKeys.has(key)) hooks.added?.(key, value);
}

/** A mapping's entries; nothing for anything else. */
export const entriesOf = (value: unknown): [string, unknown][] => (isObject(value) ? Object.entries(value) : []);
