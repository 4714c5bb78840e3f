/** A schema's JSON types, its nullability, and its format. */
import type { Rule } from "../context.js";
import { RESPONSE_VALUES_NARROWED, ruleFor } from "./direction.js";
import type { Direction, SchemaScope } from "./scope.js";
import type { SchemaView } from "./view.js";

export const RESPONSE_BECAME_NULLABLE = {
  id: "response-became-nullable",
  class: "breaking",
  explanation:
    "A response value may now be null: code using it as non-null fails, and no longer compiles under strict.",
} as const satisfies Rule;

export const RESPONSE_BECAME_NON_NULLABLE = {
  id: "response-became-non-nullable",
  class: "compatible",
  explanation: "A response value is no longer null: every value consumers get was allowed before.",
} as const satisfies Rule;

export const RESPONSE_TYPE_CHANGED = {
  id: "response-type-changed",
  class: "breaking",
  explanation: "A response value may be of a type consumers did not expect (changed, or widened as integer to number).",
} as const satisfies Rule;

export const RESPONSE_FORMAT_CHANGED = {
  id: "response-format-changed",
  class: "breaking",
  explanation:
    "A response value's format changed or was dropped (e.g. date-time): consumers parsing it by format fail.",
} as const satisfies Rule;

export function withoutNull(types: Set<string> | undefined): Set<string> | undefined {
  return types && new Set([...types].filter((type) => type !== "null"));
}

const covers = (types: Set<string>, type: string) => types.has(type) || (type === "integer" && types.has("number"));
const showTypes = (types: Set<string> | undefined) => (types ? [...types].join(" | ") || "nothing" : "any type");

/** `null` allowed or not, whichever way it is spelled (the view reads both spellings as a type). */
export function nullabilityRule(scope: SchemaScope, nullable: boolean) {
  return ruleFor(
    scope,
    nullable ? "widened" : "narrowed",
    nullable ? RESPONSE_BECAME_NULLABLE : RESPONSE_BECAME_NON_NULLABLE,
  );
}

export function compareTypes(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  const baseTypes = base.types?.value;
  const headTypes = head.types?.value;
  const pointers = { base: base.types?.pointer ?? base.pointer, head: head.types?.pointer ?? head.pointer };
  if (baseTypes && headTypes && baseTypes.has("null") !== headTypes.has("null")) {
    const nullable = headTypes.has("null");
    scope.emit(nullabilityRule(scope, nullable), pointers, nullable ? "may now be null" : "is no longer null");
  }
  // A union's own type is its members' business.
  if (base.union || head.union) return;
  const before = withoutNull(baseTypes);
  const after = withoutNull(headTypes);
  if (!before && !after) return;
  const headWithin = !before || (after !== undefined && [...after].every((type) => covers(before, type)));
  const baseWithin = !after || (before !== undefined && [...before].every((type) => covers(after, type)));
  if (headWithin && baseWithin) return;
  const direction: Direction = headWithin ? "narrowed" : baseWithin ? "widened" : "changed";
  const rule = ruleFor(scope, direction, direction === "narrowed" ? RESPONSE_VALUES_NARROWED : RESPONSE_TYPE_CHANGED);
  scope.emit(rule, pointers, `type ${showTypes(before)} → ${showTypes(after)}`);
}

/** Formats that admit every value of another: int32 values are int64 values. */
const WIDER_FORMAT: Record<string, string[]> = { int32: ["int64"], float: ["double"] };

export function compareFormats(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  const before = base.format?.value;
  const after = head.format?.value;
  if (before === after) return;
  const direction: Direction =
    before === undefined
      ? "narrowed"
      : after === undefined || WIDER_FORMAT[before]?.includes(after)
        ? "widened"
        : WIDER_FORMAT[after]?.includes(before)
          ? "narrowed"
          : "changed";
  const rule = ruleFor(scope, direction, direction === "narrowed" ? RESPONSE_VALUES_NARROWED : RESPONSE_FORMAT_CHANGED);
  const pointers = { base: base.format?.pointer ?? base.pointer, head: head.format?.pointer ?? head.pointer };
  scope.emit(rule, pointers, `format ${before ?? "(none)"} → ${after ?? "(none)"}`);
}
