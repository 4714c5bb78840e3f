/** An object's properties, matched by name (whether each is there and required), and whether it is closed. */
import type { Located } from "../../shared/pointer.js";
import { pairBy, type Rule } from "../context.js";
import { ruleFor, show } from "./direction.js";
import type { SchemaScope } from "./scope.js";
import type { SchemaView } from "./view.js";

export const RESPONSE_PROPERTY_REMOVED = {
  id: "response-property-removed",
  class: "breaking",
  explanation:
    "A response field is gone (or renamed): consumers reading it get undefined, and TypeScript code " +
    "using it no longer compiles.",
} as const satisfies Rule;

export const RESPONSE_PROPERTY_ADDED = {
  id: "response-property-added",
  class: "compatible",
  explanation: "A new response field: consumers ignore fields they do not know.",
} as const satisfies Rule;

export const RESPONSE_PROPERTY_BECAME_OPTIONAL = {
  id: "response-property-became-optional",
  class: "breaking",
  explanation: "A response field may now be missing: consumers reading it may get undefined.",
} as const satisfies Rule;

export const RESPONSE_PROPERTY_BECAME_REQUIRED = {
  id: "response-property-became-required",
  class: "compatible",
  explanation: "A response field is now always present.",
} as const satisfies Rule;

export const RESPONSE_ADDITIONAL_PROPERTIES_CHANGED = {
  id: "response-additional-properties-changed",
  class: "compatible",
  explanation:
    "Whether a response object may carry undocumented fields changed: consumers ignore fields they do not know.",
} as const satisfies Rule;

/** An error body's properties that are error codes. */
const ERROR_CODE_PROPERTIES = new Set(["code", "status"]);

export function compareProperties(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  pairBy<Located[]>(base.properties, head.properties, {
    removed: (name, parts) => {
      const rule = ruleFor(scope, "narrowed", RESPONSE_PROPERTY_REMOVED);
      scope.emit(rule, { base: parts[0]!.pointer, head: head.pointer }, `field ${show(name)} removed`);
    },
    matched: (name, baseParts, headParts) => {
      const pointers = { base: baseParts[0]!.pointer, head: headParts[0]!.pointer };
      const [wasRequired, isRequired] = [base.required.has(name), head.required.has(name)];
      if (wasRequired && !isRequired) {
        const rule = ruleFor(scope, "widened", RESPONSE_PROPERTY_BECAME_OPTIONAL);
        scope.emit(rule, pointers, `field ${show(name)} is no longer required`);
      } else if (!wasRequired && isRequired) {
        const rule = ruleFor(scope, "narrowed", RESPONSE_PROPERTY_BECAME_REQUIRED);
        scope.emit(rule, pointers, `field ${show(name)} is now required`);
      }
      const errorCode = scope.mode === "error-body" && ERROR_CODE_PROPERTIES.has(name);
      scope.descend(name, baseParts, headParts, errorCode ? "error-code" : "plain");
    },
    added: (name, parts) => {
      const required = head.required.has(name);
      const rule = ruleFor(scope, required ? "narrowed" : "widened", RESPONSE_PROPERTY_ADDED);
      const text = `new ${required ? "required" : "optional"} field ${show(name)}`;
      scope.emit(rule, { base: base.pointer, head: parts[0]!.pointer }, text);
    },
  });
  if (Boolean(base.closed) !== Boolean(head.closed)) {
    const closed = Boolean(head.closed);
    const rule = ruleFor(scope, closed ? "narrowed" : "widened", RESPONSE_ADDITIONAL_PROPERTIES_CHANGED);
    const message = closed ? "no longer admits undocumented fields" : "may now carry undocumented fields";
    scope.emit(rule, { base: base.closed ?? base.pointer, head: head.closed ?? head.pointer }, message);
  }
}
