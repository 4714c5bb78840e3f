/** The values a schema allows by `enum` and `const`: the ones consumers switch on, and error codes. */
import type { KnownRule, Rule } from "../context.js";
import { RESPONSE_VALUES_NARROWED, ruleFor, show } from "./direction.js";
import type { Direction, SchemaScope } from "./scope.js";
import type { SchemaView } from "./view.js";

export const RESPONSE_ENUM_VALUE_ADDED = {
  id: "response-enum-value-added",
  class: "breaking",
  explanation:
    "A value consumers switch on may be new (enum value added, const dropped): breaking for TypeScript " +
    "consumers, whose exhaustive switches and mappings miss it.",
} as const satisfies Rule;

export const RESPONSE_ENUM_VALUE_REMOVED = {
  id: "response-enum-value-removed",
  class: "breaking",
  explanation:
    "A value consumers switch on was removed: breaking for TypeScript consumers, whose comparisons " +
    "with it no longer compile (TS2367).",
} as const satisfies Rule;

export const ERROR_CODE_CHANGED = {
  id: "error-code-changed",
  class: "breaking",
  explanation:
    "The code (or status) an error response pins in its body changed: consumers matching on it miss the error.",
} as const satisfies Rule;

export function compareValues(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  const before = base.values?.value;
  const after = head.values?.value;
  if (!before && !after) return;
  const pointers = { base: base.values?.pointer ?? base.pointer, head: head.values?.pointer ?? head.pointer };
  // The `code` and `status` an error response pins are what consumers match errors on.
  const pick = (direction: Direction, response: KnownRule) =>
    ruleFor(scope, direction, scope.mode === "error-code" ? ERROR_CODE_CHANGED : response);
  if (before && !after) {
    const text = `no longer limited to ${before.map(show).join(", ")}`;
    scope.emit(pick("widened", RESPONSE_ENUM_VALUE_ADDED), pointers, text);
    return;
  }
  if (!before && after) {
    const text = `now limited to ${after.map(show).join(", ")}`;
    scope.emit(ruleFor(scope, "narrowed", RESPONSE_VALUES_NARROWED), pointers, text);
    return;
  }
  const beforeKeys = new Set(before!.map(show));
  const afterKeys = new Set(after!.map(show));
  const added = after!.filter((value) => !beforeKeys.has(show(value)));
  const removed = before!.filter((value) => !afterKeys.has(show(value)));
  if (added.length > 0) {
    scope.emit(pick("widened", RESPONSE_ENUM_VALUE_ADDED), pointers, `may now be ${added.map(show).join(", ")}`);
  }
  if (removed.length > 0) {
    const text = `can no longer be ${removed.map(show).join(", ")}`;
    scope.emit(pick("narrowed", RESPONSE_ENUM_VALUE_REMOVED), pointers, text);
  }
}
