/**
 * Every rule `signalzen-api diff` applies, in one list: the differ emits only these ids, CONTRIBUTING.md's table is
 * written from this list (a test holds them equal), and the mutation tests cover each id.
 *
 * The point of view is the consumer's, for a read-only API: requests are contravariant (accepting fewer values
 * breaks callers), responses covariant (sending values consumers did not expect breaks them). Consumers are
 * assumed to ignore response fields they do not know; consumers compiling against the generated types are
 * assumed to switch on enums and discriminators, so a value added or removed there is breaking for them.
 */
export type ChangeClass = "breaking" | "compatible";

export interface Rule {
  id: string;
  class: ChangeClass;
  area: "operations" | "parameters" | "responses" | "errors";
  /** Why this change is breaking or compatible, from the consumer's side: one sentence. */
  explanation: string;
}

export const RULES = [
  {
    id: "operation-removed",
    class: "breaking",
    area: "operations",
    explanation:
      "An operation, or its whole path, is gone: calls fail, and typed calls naming the path no longer compile.",
  },
  {
    id: "operation-added",
    class: "compatible",
    area: "operations",
    explanation: "A new operation: nothing consumers do today changes.",
  },
  {
    id: "operation-id-changed",
    class: "breaking",
    area: "operations",
    explanation:
      "An operationId changed: TypeScript code naming operations[id] in the generated types no longer compiles.",
  },
  {
    id: "security-changed",
    class: "breaking",
    area: "operations",
    explanation:
      "The security an operation requires changed: the credentials consumers send may no longer be accepted.",
  },
  {
    id: "server-removed",
    class: "breaking",
    area: "operations",
    explanation: "A server URL is gone: consumers configured with it can no longer reach the API.",
  },
  { id: "server-added", class: "compatible", area: "operations", explanation: "A new server URL." },
  {
    id: "request-body-changed",
    class: "breaking",
    area: "operations",
    explanation:
      "A request body was added, removed or changed; this read-only API has none, so any change is breaking.",
  },
  {
    id: "component-schema-removed",
    class: "breaking",
    area: "operations",
    explanation:
      'A named schema left components: TypeScript code naming components["schemas"][name] no longer compiles.',
  },
  {
    id: "parameter-removed",
    class: "breaking",
    area: "parameters",
    explanation:
      "A parameter is gone: requests sending it may be refused, and typed calls passing it no longer compile.",
  },
  {
    id: "parameter-added-required",
    class: "breaking",
    area: "parameters",
    explanation: "A new required parameter: every existing request lacks it.",
  },
  {
    id: "parameter-added-optional",
    class: "compatible",
    area: "parameters",
    explanation: "A new optional parameter: existing requests stay valid.",
  },
  {
    id: "parameter-became-required",
    class: "breaking",
    area: "parameters",
    explanation: "A parameter became required: requests that leave it out are refused.",
  },
  {
    id: "parameter-became-optional",
    class: "compatible",
    area: "parameters",
    explanation: "A parameter became optional: existing requests stay valid.",
  },
  {
    id: "parameter-values-narrowed",
    class: "breaking",
    area: "parameters",
    explanation:
      "A parameter accepts fewer values (type, minimum raised, maximum lowered, enum value removed, " +
      "pattern or format added): some requests that worked are refused.",
  },
  {
    id: "parameter-values-widened",
    class: "compatible",
    area: "parameters",
    explanation: "A parameter accepts more values: every request that worked still does.",
  },
  {
    id: "parameter-default-changed",
    class: "breaking",
    area: "parameters",
    explanation: "A parameter's default changed or was dropped: requests that leave it out get a different answer.",
  },
  {
    id: "parameter-default-added",
    class: "compatible",
    area: "parameters",
    explanation: "A parameter now documents a default: requests that leave it out are answered as before.",
  },
  {
    id: "parameter-style-changed",
    class: "breaking",
    area: "parameters",
    explanation:
      "How a parameter is serialized (style, explode) changed: the requests consumers build are read differently.",
  },
  {
    id: "response-status-removed",
    class: "breaking",
    area: "errors",
    explanation:
      "A documented status (success or error) is gone from an operation: code handling it no longer " +
      "matches the contract.",
  },
  {
    id: "response-status-added",
    class: "compatible",
    area: "errors",
    explanation: "An operation documents a new status: compatible, but listed so that consumers can handle it.",
  },
  {
    id: "response-media-type-removed",
    class: "breaking",
    area: "responses",
    explanation:
      "A response media type is gone or renamed: consumers asking for it (Accept) are refused, and typed " +
      "code reading it no longer compiles.",
  },
  {
    id: "response-media-type-added",
    class: "compatible",
    area: "responses",
    explanation: "A response may also be sent in a new media type, which consumers only get if they ask for it.",
  },
  {
    id: "response-header-removed",
    class: "breaking",
    area: "responses",
    explanation: "A documented response header is gone: consumers reading it get nothing.",
  },
  {
    id: "response-header-became-optional",
    class: "breaking",
    area: "responses",
    explanation: "A response header is no longer always sent: consumers reading it may get nothing.",
  },
  {
    id: "response-header-became-required",
    class: "compatible",
    area: "responses",
    explanation: "A response header is now always sent.",
  },
  { id: "response-header-added", class: "compatible", area: "responses", explanation: "A new response header." },
  {
    id: "response-property-removed",
    class: "breaking",
    area: "responses",
    explanation:
      "A response field is gone (or renamed): consumers reading it get undefined, and TypeScript code " +
      "using it no longer compiles.",
  },
  {
    id: "response-property-added",
    class: "compatible",
    area: "responses",
    explanation: "A new response field: consumers ignore fields they do not know.",
  },
  {
    id: "response-property-became-optional",
    class: "breaking",
    area: "responses",
    explanation: "A response field may now be missing: consumers reading it may get undefined.",
  },
  {
    id: "response-property-became-required",
    class: "compatible",
    area: "responses",
    explanation: "A response field is now always present.",
  },
  {
    id: "response-became-nullable",
    class: "breaking",
    area: "responses",
    explanation:
      "A response value may now be null: code using it as non-null fails, and no longer compiles under strict.",
  },
  {
    id: "response-became-non-nullable",
    class: "compatible",
    area: "responses",
    explanation: "A response value is no longer null: every value consumers get was allowed before.",
  },
  {
    id: "response-type-changed",
    class: "breaking",
    area: "responses",
    explanation:
      "A response value may be of a type consumers did not expect (changed, or widened as integer to number).",
  },
  {
    id: "response-format-changed",
    class: "breaking",
    area: "responses",
    explanation:
      "A response value's format changed or was dropped (e.g. date-time): consumers parsing it by format fail.",
  },
  {
    id: "response-values-widened",
    class: "breaking",
    area: "responses",
    explanation:
      "A response value's range widened (maximum or length raised, minimum lowered, a pattern or item " +
      "limit dropped): consumers relying on the documented range fail.",
  },
  {
    id: "response-values-narrowed",
    class: "compatible",
    area: "responses",
    explanation:
      "A response value's range shrank (tighter bounds, narrower type, a format added): every value " +
      "was allowed before.",
  },
  {
    id: "response-enum-value-added",
    class: "breaking",
    area: "responses",
    explanation:
      "A value consumers switch on may be new (enum value added, const dropped): breaking for TypeScript " +
      "consumers, whose exhaustive switches and mappings miss it.",
  },
  {
    id: "response-enum-value-removed",
    class: "breaking",
    area: "responses",
    explanation:
      "A value consumers switch on was removed: breaking for TypeScript consumers, whose comparisons " +
      "with it no longer compile (TS2367).",
  },
  {
    id: "response-union-member-added",
    class: "breaking",
    area: "responses",
    explanation:
      "A union gained a member (e.g. a third sender_type): breaking for TypeScript consumers, whose " +
      "narrowing and exhaustive switches miss it.",
  },
  {
    id: "response-union-member-removed",
    class: "breaking",
    area: "responses",
    explanation:
      "A union lost a member: breaking for TypeScript consumers, whose narrowing to it no longer compiles (TS2367).",
  },
  {
    id: "response-additional-properties-changed",
    class: "compatible",
    area: "responses",
    explanation:
      "Whether a response object may carry undocumented fields changed: consumers ignore fields they do not know.",
  },
  {
    id: "error-code-changed",
    class: "breaking",
    area: "errors",
    explanation:
      "The code (or status) an error response pins in its body changed: consumers matching on it miss the error.",
  },
  {
    id: "retry-after-removed",
    class: "breaking",
    area: "errors",
    explanation:
      "Retry-After is gone from a 429 or 503: consumers (and this package's client) cannot wait as the server asks.",
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

const byId = new Map<string, Rule>(RULES.map((rule) => [rule.id, rule]));

export function ruleOf(id: RuleId): Rule {
  return byId.get(id)!;
}

/** The position of a rule in RULES, to sort a report in the table's order. */
export function ruleOrder(id: RuleId): number {
  return RULES.findIndex((rule) => rule.id === id);
}

/** CONTRIBUTING.md's rules table, written from RULES. */
export function rulesTableMarkdown(): string {
  const rows = RULES.map((rule) => `| \`${rule.id}\` | ${rule.class} | ${rule.explanation.replaceAll("|", "\\|")} |`);
  return ["| rule | class | why, from the consumer's side |", "| --- | --- | --- |", ...rows].join("\n");
}
