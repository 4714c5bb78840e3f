/**
 * Every rule `signalzen-api diff` applies, in the table's order. Each rule is declared beside the check that
 * finds it (operations.ts, parameters.ts, responses.ts, headers.ts, components.ts, schemas/*.ts), and a check
 * emits the rule itself, not its id; this list only orders them. CONTRIBUTING.md's table is written from it (a test
 * holds them equal), reports are sorted by it, and the mutation tests cover each rule.
 *
 * The point of view is the consumer's, for a read-only API: requests are contravariant (accepting fewer values
 * breaks callers), responses covariant (sending values consumers did not expect breaks them). Consumers are
 * assumed to ignore response fields they do not know; consumers compiling against the generated types are
 * assumed to switch on enums and discriminators, so a value added or removed there is breaking for them.
 */
import { COMPONENT_SCHEMA_REMOVED } from "./components.js";
import type { Rule } from "./context.js";
import {
  RESPONSE_HEADER_ADDED,
  RESPONSE_HEADER_BECAME_OPTIONAL,
  RESPONSE_HEADER_BECAME_REQUIRED,
  RESPONSE_HEADER_REMOVED,
  RETRY_AFTER_REMOVED,
} from "./headers.js";
import {
  OPERATION_ADDED,
  OPERATION_ID_CHANGED,
  OPERATION_REMOVED,
  REQUEST_BODY_CHANGED,
  SECURITY_CHANGED,
  SERVER_ADDED,
  SERVER_REMOVED,
} from "./operations.js";
import {
  PARAMETER_ADDED_OPTIONAL,
  PARAMETER_ADDED_REQUIRED,
  PARAMETER_BECAME_OPTIONAL,
  PARAMETER_BECAME_REQUIRED,
  PARAMETER_DEFAULT_ADDED,
  PARAMETER_DEFAULT_CHANGED,
  PARAMETER_REMOVED,
  PARAMETER_STYLE_CHANGED,
} from "./parameters.js";
import {
  RESPONSE_MEDIA_TYPE_ADDED,
  RESPONSE_MEDIA_TYPE_REMOVED,
  RESPONSE_STATUS_ADDED,
  RESPONSE_STATUS_REMOVED,
} from "./responses.js";
import {
  PARAMETER_VALUES_NARROWED,
  PARAMETER_VALUES_WIDENED,
  RESPONSE_VALUES_NARROWED,
  RESPONSE_VALUES_WIDENED,
} from "./schemas/direction.js";
import {
  RESPONSE_ADDITIONAL_PROPERTIES_CHANGED,
  RESPONSE_PROPERTY_ADDED,
  RESPONSE_PROPERTY_BECAME_OPTIONAL,
  RESPONSE_PROPERTY_BECAME_REQUIRED,
  RESPONSE_PROPERTY_REMOVED,
} from "./schemas/properties.js";
import {
  RESPONSE_BECAME_NON_NULLABLE,
  RESPONSE_BECAME_NULLABLE,
  RESPONSE_FORMAT_CHANGED,
  RESPONSE_TYPE_CHANGED,
} from "./schemas/types.js";
import { RESPONSE_UNION_MEMBER_ADDED, RESPONSE_UNION_MEMBER_REMOVED } from "./schemas/unions.js";
import { ERROR_CODE_CHANGED, RESPONSE_ENUM_VALUE_ADDED, RESPONSE_ENUM_VALUE_REMOVED } from "./schemas/values.js";

export const RULES = [
  OPERATION_REMOVED,
  OPERATION_ADDED,
  OPERATION_ID_CHANGED,
  SECURITY_CHANGED,
  SERVER_REMOVED,
  SERVER_ADDED,
  REQUEST_BODY_CHANGED,
  COMPONENT_SCHEMA_REMOVED,
  PARAMETER_REMOVED,
  PARAMETER_ADDED_REQUIRED,
  PARAMETER_ADDED_OPTIONAL,
  PARAMETER_BECAME_REQUIRED,
  PARAMETER_BECAME_OPTIONAL,
  PARAMETER_VALUES_NARROWED,
  PARAMETER_VALUES_WIDENED,
  PARAMETER_DEFAULT_CHANGED,
  PARAMETER_DEFAULT_ADDED,
  PARAMETER_STYLE_CHANGED,
  RESPONSE_STATUS_REMOVED,
  RESPONSE_STATUS_ADDED,
  RESPONSE_MEDIA_TYPE_REMOVED,
  RESPONSE_MEDIA_TYPE_ADDED,
  RESPONSE_HEADER_REMOVED,
  RESPONSE_HEADER_BECAME_OPTIONAL,
  RESPONSE_HEADER_BECAME_REQUIRED,
  RESPONSE_HEADER_ADDED,
  RESPONSE_PROPERTY_REMOVED,
  RESPONSE_PROPERTY_ADDED,
  RESPONSE_PROPERTY_BECAME_OPTIONAL,
  RESPONSE_PROPERTY_BECAME_REQUIRED,
  RESPONSE_BECAME_NULLABLE,
  RESPONSE_BECAME_NON_NULLABLE,
  RESPONSE_TYPE_CHANGED,
  RESPONSE_FORMAT_CHANGED,
  RESPONSE_VALUES_WIDENED,
  RESPONSE_VALUES_NARROWED,
  RESPONSE_ENUM_VALUE_ADDED,
  RESPONSE_ENUM_VALUE_REMOVED,
  RESPONSE_UNION_MEMBER_ADDED,
  RESPONSE_UNION_MEMBER_REMOVED,
  RESPONSE_ADDITIONAL_PROPERTIES_CHANGED,
  ERROR_CODE_CHANGED,
  RETRY_AFTER_REMOVED,
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

const byId = new Map<string, { rule: Rule; order: number }>(RULES.map((rule, order) => [rule.id, { rule, order }]));

export function ruleOf(id: RuleId): Rule {
  return byId.get(id)!.rule;
}

/** The position of a rule in RULES, to sort a report in the table's order. */
export function ruleOrder(id: RuleId): number {
  return byId.get(id)!.order;
}

/** CONTRIBUTING.md's rules table, written from RULES. */
export function rulesTableMarkdown(): string {
  const rows = RULES.map((rule) => `| \`${rule.id}\` | ${rule.class} | ${rule.explanation.replaceAll("|", "\\|")} |`);
  return ["| rule | class | why, from the consumer's side |", "| --- | --- | --- |", ...rows].join("\n");
}
