/**
 * Value constraints, four families: numeric bounds, length and item limits, multipleOf, patterns. Each finds a
 * direction (fewer values admitted, or more); boundsRule turns it into a rule by the side the schema is on (a
 * request's or a response's).
 */

import { boundsRule, show } from "./direction.js";
import type { Direction, SchemaScope } from "./scope.js";
import { withoutNull } from "./types.js";
import type { Bound, SchemaView, Sourced } from "./view.js";

/** Which end of a range a bound holds. */
type RangeEnd = "lower" | "upper";

export function compareBounds(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  compareRange(scope, base, head);
  compareLimits(scope, base, head);
  compareMultipleOf(scope, base, head);
  comparePatterns(scope, base, head);
}

/** Exclusive bounds on integers as the inclusive bounds they mean: `exclusiveMinimum: 0` is `minimum: 1`. */
function normalize(bound: Bound | undefined, end: RangeEnd, integer: boolean): Bound | undefined {
  if (!bound?.exclusive || !integer) return bound;
  const value = end === "lower" ? Math.floor(bound.value) + 1 : Math.ceil(bound.value) - 1;
  return { value, exclusive: false, pointer: bound.pointer };
}

const BOUND_NAMES = {
  lower: { inclusive: "minimum", exclusive: "exclusiveMinimum" },
  upper: { inclusive: "maximum", exclusive: "exclusiveMaximum" },
};

function showBound(bound: Bound | undefined, end: RangeEnd): string {
  if (!bound) return `no ${BOUND_NAMES[end].inclusive}`;
  return `${BOUND_NAMES[end][bound.exclusive ? "exclusive" : "inclusive"]} ${bound.value}`;
}

/** Whether bound `a` admits fewer values than bound `b` (no bound admits every value). */
function stricter(a: Bound | undefined, b: Bound | undefined, end: RangeEnd): boolean {
  if (!a) return false;
  if (!b) return true;
  if (a.value === b.value) return a.exclusive && !b.exclusive;
  return end === "lower" ? a.value > b.value : a.value < b.value;
}

/** minimum, maximum and their exclusive forms. */
function compareRange(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  const integer = (view: SchemaView) => {
    const types = withoutNull(view.types?.value);
    return types !== undefined && types.size === 1 && types.has("integer");
  };
  for (const end of ["lower", "upper"] as const) {
    const before = normalize(base[end], end, integer(base));
    const after = normalize(head[end], end, integer(head));
    const direction = stricter(after, before, end) ? "narrowed" : stricter(before, after, end) ? "widened" : undefined;
    if (!direction) continue;
    const pointers = { base: before?.pointer ?? base.pointer, head: after?.pointer ?? head.pointer };
    scope.emit(boundsRule(scope, direction), pointers, `${showBound(before, end)} → ${showBound(after, end)}`);
  }
}

const LIMITS = [
  ["minLength", "lower"],
  ["maxLength", "upper"],
  ["minItems", "lower"],
  ["maxItems", "upper"],
] as const;

/** minLength, maxLength, minItems, maxItems. */
function compareLimits(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  const text = (limit: Sourced<number> | undefined) => (limit ? String(limit.value) : "(none)");
  for (const [keyword, end] of LIMITS) {
    const before = base[keyword];
    const after = head[keyword];
    if (before?.value === after?.value) continue;
    const narrowed =
      end === "lower"
        ? (after?.value ?? 0) > (before?.value ?? 0)
        : after !== undefined && (before === undefined || after.value < before.value);
    const pointers = { base: before?.pointer ?? base.pointer, head: after?.pointer ?? head.pointer };
    const rule = boundsRule(scope, narrowed ? "narrowed" : "widened");
    scope.emit(rule, pointers, `${keyword} ${text(before)} → ${text(after)}`);
  }
}

function compareMultipleOf(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  const before = base.multipleOf;
  const after = head.multipleOf;
  if (before?.value === after?.value) return;
  const direction: Direction = !before
    ? "narrowed"
    : !after
      ? "widened"
      : after.value % before.value === 0
        ? "narrowed"
        : before.value % after.value === 0
          ? "widened"
          : "changed";
  const pointers = { base: before?.pointer ?? base.pointer, head: after?.pointer ?? head.pointer };
  scope.emit(
    boundsRule(scope, direction),
    pointers,
    `multipleOf ${before?.value ?? "(none)"} → ${after?.value ?? "(none)"}`,
  );
}

function comparePatterns(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  const beforePatterns = new Set(base.patterns.map((pattern) => pattern.value));
  const afterPatterns = new Set(head.patterns.map((pattern) => pattern.value));
  const added = head.patterns.filter((pattern) => !beforePatterns.has(pattern.value));
  const removed = base.patterns.filter((pattern) => !afterPatterns.has(pattern.value));
  if (added.length === 0 && removed.length === 0) return;
  const direction: Direction = removed.length === 0 ? "narrowed" : added.length === 0 ? "widened" : "changed";
  const text = (list: Sourced<string>[]) => list.map((pattern) => show(pattern.value)).join(", ") || "(none)";
  const pointers = { base: removed[0]?.pointer ?? base.pointer, head: added[0]?.pointer ?? head.pointer };
  scope.emit(boundsRule(scope, direction), pointers, `pattern ${text(removed)} → ${text(added)}`);
}
