/**
 * From a direction to a rule. In a request, a difference's rule follows from its direction alone; in a response,
 * each check names its own rule (more values are breaking, with the exceptions in the rules' explanations).
 */
import type { KnownRule, Rule } from "../context.js";
import type { Direction, SchemaScope } from "./scope.js";

export const PARAMETER_VALUES_NARROWED = {
  id: "parameter-values-narrowed",
  class: "breaking",
  explanation:
    "A parameter accepts fewer values (type, minimum raised, maximum lowered, enum value removed, " +
    "pattern or format added): some requests that worked are refused.",
} as const satisfies Rule;

export const PARAMETER_VALUES_WIDENED = {
  id: "parameter-values-widened",
  class: "compatible",
  explanation: "A parameter accepts more values: every request that worked still does.",
} as const satisfies Rule;

export const RESPONSE_VALUES_WIDENED = {
  id: "response-values-widened",
  class: "breaking",
  explanation:
    "A response value's range widened (maximum or length raised, minimum lowered, a pattern or item " +
    "limit dropped): consumers relying on the documented range fail.",
} as const satisfies Rule;

export const RESPONSE_VALUES_NARROWED = {
  id: "response-values-narrowed",
  class: "compatible",
  explanation:
    "A response value's range shrank (tighter bounds, narrower type, a format added): every value " +
    "was allowed before.",
} as const satisfies Rule;

export function ruleFor(scope: SchemaScope, direction: Direction, response: KnownRule): KnownRule {
  if (scope.side === "response") return response;
  return direction === "widened" ? PARAMETER_VALUES_WIDENED : PARAMETER_VALUES_NARROWED;
}

/** Value constraints (bounds, patterns, lengths): fewer values break requests, more break responses. */
export function boundsRule(scope: SchemaScope, direction: Direction): KnownRule {
  return ruleFor(scope, direction, direction === "narrowed" ? RESPONSE_VALUES_NARROWED : RESPONSE_VALUES_WIDENED);
}

export const show = (value: unknown) => JSON.stringify(value);
