/**
 * An operation's parameters (its path item's, overridden by its own), matched by location and name: whether
 * each is there and required, how it is serialized, its default, and the values it accepts (its schema, compared
 * as a request's).
 */
import { isObject } from "../shared/json.js";
import { childPointer, follow, type Located } from "../shared/pointer.js";
import { type DiffContext, type Document, entriesOf, pairBy, type Rule } from "./context.js";
import { type LocatedOperation, nodeOf } from "./operations.js";
import { compareSchemas } from "./schemas/compare.js";
import { viewOf } from "./schemas/view.js";

export const PARAMETER_REMOVED = {
  id: "parameter-removed",
  class: "breaking",
  explanation: "A parameter is gone: requests sending it may be refused, and typed calls passing it no longer compile.",
} as const satisfies Rule;

export const PARAMETER_ADDED_REQUIRED = {
  id: "parameter-added-required",
  class: "breaking",
  explanation: "A new required parameter: every existing request lacks it.",
} as const satisfies Rule;

export const PARAMETER_ADDED_OPTIONAL = {
  id: "parameter-added-optional",
  class: "compatible",
  explanation: "A new optional parameter: existing requests stay valid.",
} as const satisfies Rule;

export const PARAMETER_BECAME_REQUIRED = {
  id: "parameter-became-required",
  class: "breaking",
  explanation: "A parameter became required: requests that leave it out are refused.",
} as const satisfies Rule;

export const PARAMETER_BECAME_OPTIONAL = {
  id: "parameter-became-optional",
  class: "compatible",
  explanation: "A parameter became optional: existing requests stay valid.",
} as const satisfies Rule;

export const PARAMETER_DEFAULT_CHANGED = {
  id: "parameter-default-changed",
  class: "breaking",
  explanation: "A parameter's default changed or was dropped: requests that leave it out get a different answer.",
} as const satisfies Rule;

export const PARAMETER_DEFAULT_ADDED = {
  id: "parameter-default-added",
  class: "compatible",
  explanation: "A parameter now documents a default: requests that leave it out are answered as before.",
} as const satisfies Rule;

export const PARAMETER_STYLE_CHANGED = {
  id: "parameter-style-changed",
  class: "breaking",
  explanation:
    "How a parameter is serialized (style, explode) changed: the requests consumers build are read differently.",
} as const satisfies Rule;

interface Parameter {
  located: Located;
  node: Record<string, unknown>;
  name: string;
  in: string;
}

/** Path-level parameters, overridden by the operation's own, keyed by location and name. */
function parametersOf(document: Document, operation: LocatedOperation): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  const collect = (owner: Located) => {
    const list = nodeOf(owner).parameters;
    if (!Array.isArray(list)) return;
    list.forEach((raw, index) => {
      const located = follow(document, { node: raw, pointer: childPointer(owner.pointer, "parameters", index) });
      if (!isObject(located.node)) return;
      const name = String(located.node.name);
      const where = String(located.node.in);
      // Header names are case-insensitive.
      const key = `${where} ${where === "header" ? name.toLowerCase() : name}`;
      parameters.set(key, { located, node: located.node, name, in: where });
    });
  };
  collect(operation.item);
  collect(operation.operation);
  return parameters;
}

const describe = (parameter: Parameter) => `${parameter.in} parameter ${JSON.stringify(parameter.name)}`;
const required = (parameter: Parameter) => parameter.in === "path" || parameter.node.required === true;

function schemaOf(parameter: Parameter): Located[] {
  if (parameter.node.schema !== undefined)
    return [{ node: parameter.node.schema, pointer: childPointer(parameter.located.pointer, "schema") }];
  const [media] = entriesOf(parameter.node.content);
  if (media && isObject(media[1]) && media[1].schema !== undefined) {
    return [{ node: media[1].schema, pointer: childPointer(parameter.located.pointer, "content", media[0], "schema") }];
  }
  return [];
}

function serialization(parameter: Parameter): string {
  const style =
    typeof parameter.node.style === "string"
      ? parameter.node.style
      : ["query", "cookie"].includes(parameter.in)
        ? "form"
        : "simple";
  const explode = typeof parameter.node.explode === "boolean" ? parameter.node.explode : style === "form";
  return `style ${style}, explode ${explode}`;
}

export function compareParameters(context: DiffContext, before: LocatedOperation, after: LocatedOperation): void {
  pairBy(parametersOf(context.base, before), parametersOf(context.head, after), {
    removed: (key, parameter) =>
      context
        .at(`${context.where} ${key}`)
        .emit(
          PARAMETER_REMOVED,
          { base: parameter.located.pointer, head: after.operation.pointer },
          `${describe(parameter)} removed`,
        ),
    matched: (key, parameter, match) => compareParameter(context.at(`${context.where} ${key}`), parameter, match),
    added: (key, parameter) => {
      const rule = required(parameter) ? PARAMETER_ADDED_REQUIRED : PARAMETER_ADDED_OPTIONAL;
      const text = `new ${required(parameter) ? "required" : "optional"} ${describe(parameter)}`;
      context
        .at(`${context.where} ${key}`)
        .emit(rule, { base: before.operation.pointer, head: parameter.located.pointer }, text);
    },
  });
}

function compareParameter(context: DiffContext, parameter: Parameter, match: Parameter): void {
  const name = describe(parameter);
  const pointers = { base: parameter.located.pointer, head: match.located.pointer };
  if (!required(parameter) && required(match))
    context.emit(PARAMETER_BECAME_REQUIRED, pointers, `${name} is now required`);
  if (required(parameter) && !required(match))
    context.emit(PARAMETER_BECAME_OPTIONAL, pointers, `${name} is now optional`);
  if (serialization(parameter) !== serialization(match)) {
    context.emit(PARAMETER_STYLE_CHANGED, pointers, `${serialization(parameter)} → ${serialization(match)}`);
  }
  const [baseSchema, headSchema] = [schemaOf(parameter), schemaOf(match)];
  const baseDefault = viewOf(context.base, baseSchema).default;
  const headDefault = viewOf(context.head, headSchema).default;
  if (JSON.stringify(baseDefault?.value) !== JSON.stringify(headDefault?.value)) {
    const [from, to] = [baseDefault, headDefault].map((value) => JSON.stringify(value?.value) ?? "(none)");
    const rule = baseDefault === undefined ? PARAMETER_DEFAULT_ADDED : PARAMETER_DEFAULT_CHANGED;
    const at = { base: baseDefault?.pointer ?? pointers.base, head: headDefault?.pointer ?? pointers.head };
    context.emit(rule, at, `default ${from} → ${to}`);
  }
  compareSchemas(context, "request", baseSchema, headSchema);
}
