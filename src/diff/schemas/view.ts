/**
 * A schema as a consumer sees it: `$ref`s followed, `allOf` parts merged into one set of constraints, and
 * nullability read the same whether it is written `type: [string, "null"]` or `oneOf: [X, {type: "null"}]`.
 * So moving a schema into components, splitting it into allOf parts, or switching between the two nullable
 * spellings changes nothing here. Each constraint keeps the pointer of the keyword it came from.
 */
import { isObject } from "../../shared/json.js";
import { childPointer, follow, type Located, resolveRef } from "../../shared/pointer.js";
import { MAX_SCHEMA_DEPTH } from "./scope.js";

export interface Sourced<T> {
  value: T;
  pointer: string;
}

export interface Bound {
  value: number;
  exclusive: boolean;
  pointer: string;
}

interface Union {
  pointer: string;
  /** The members other than `{type: "null"}`. */
  members: Located[];
  /** A `{type: "null"}` member is among them. */
  nullable: boolean;
  discriminator?: string;
  mapping?: Record<string, string>;
}

export interface SchemaView {
  /** Where the schema is, after its `$ref`. */
  pointer: string;
  /** The JSON types allowed, "null" included; absent: any. */
  types?: Sourced<Set<string>>;
  format?: Sourced<string>;
  /** The values allowed by `enum` and `const`; absent: any. */
  values?: Sourced<unknown[]>;
  lower?: Bound;
  upper?: Bound;
  minLength?: Sourced<number>;
  maxLength?: Sourced<number>;
  minItems?: Sourced<number>;
  maxItems?: Sourced<number>;
  multipleOf?: Sourced<number>;
  patterns: Sourced<string>[];
  /** Each property's schemas, one per allOf part that names it. */
  properties: Map<string, Located[]>;
  required: Set<string>;
  /** The pointer of the `additionalProperties: false` or `unevaluatedProperties: false` closing the object. */
  closed?: string;
  additional: Located[];
  items: Located[];
  union?: Union;
  default?: Sourced<unknown>;
}

function emptyView(pointer: string): SchemaView {
  return { pointer, patterns: [], properties: new Map(), required: new Set(), additional: [], items: [] };
}

/** The view of a schema made of one or more parts (a property named by several allOf parts has several). */
export function viewOf(document: unknown, parts: Located[]): SchemaView {
  const [first, ...rest] = parts;
  if (!first) return emptyView("#");
  return rest.reduce(
    (view, part) => merge(view, single(document, part, new Set())),
    single(document, first, new Set()),
  );
}

function isNullSchema(document: unknown, located: Located): boolean {
  const { node } = follow(document, located);
  if (!isObject(node)) return false;
  return node.type === "null" || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === "null");
}

function single(document: unknown, located: Located, visiting: Set<string>): SchemaView {
  const { node, pointer } = located;
  if (node === false) return { ...emptyView(pointer), types: { value: new Set(), pointer } };
  if (!isObject(node)) return emptyView(pointer);
  if (typeof node.$ref === "string") {
    const target = node.$ref;
    // A schema that contains itself through allOf adds nothing the second time round.
    if (visiting.has(target)) return emptyView(target);
    if (visiting.size >= MAX_SCHEMA_DEPTH) {
      throw new Error(
        `schemas refer to one another more than ${MAX_SCHEMA_DEPTH} levels deep (at ${pointer}); diff stops there`,
      );
    }
    const { $ref: _ref, ...siblings } = node;
    const inner = single(
      document,
      { node: resolveRef(document, target), pointer: target },
      new Set([...visiting, target]),
    );
    // In 3.1, keywords beside a $ref apply too, as if both were allOf parts.
    return Object.keys(siblings).length > 0
      ? merge(inner, single(document, { node: siblings, pointer }, visiting))
      : inner;
  }
  let view = emptyView(pointer);
  const at = (keyword: string) => childPointer(pointer, keyword);
  if (node.type !== undefined) {
    const types = (Array.isArray(node.type) ? node.type : [node.type]).filter((type) => typeof type === "string");
    view.types = { value: new Set(types), pointer: at("type") };
  }
  if (typeof node.format === "string") view.format = { value: node.format, pointer: at("format") };
  if (Array.isArray(node.enum)) view.values = { value: node.enum, pointer: at("enum") };
  if (node.const !== undefined) {
    view = merge(view, { ...emptyView(pointer), values: { value: [node.const], pointer: at("const") } });
  }
  const numberAt = (keyword: string) => (typeof node[keyword] === "number" ? (node[keyword] as number) : undefined);
  const sourced = (keyword: string) => {
    const value = numberAt(keyword);
    return value === undefined ? undefined : { value, pointer: at(keyword) };
  };
  const bound = (keyword: string, exclusive: boolean): Bound | undefined => {
    const value = numberAt(keyword);
    return value === undefined ? undefined : { value, exclusive, pointer: at(keyword) };
  };
  view.lower = tighter(bound("minimum", false), bound("exclusiveMinimum", true), "lower");
  view.upper = tighter(bound("maximum", false), bound("exclusiveMaximum", true), "upper");
  for (const keyword of ["minLength", "maxLength", "minItems", "maxItems", "multipleOf"] as const) {
    const value = sourced(keyword);
    if (value) view[keyword] = value;
  }
  if (typeof node.pattern === "string") view.patterns = [{ value: node.pattern, pointer: at("pattern") }];
  if (isObject(node.properties)) {
    for (const [name, property] of Object.entries(node.properties)) {
      view.properties.set(name, [{ node: property, pointer: childPointer(pointer, "properties", name) }]);
    }
  }
  if (Array.isArray(node.required)) view.required = new Set(node.required.filter((name) => typeof name === "string"));
  if (node.additionalProperties === false) view.closed = at("additionalProperties");
  else if (node.unevaluatedProperties === false) view.closed = at("unevaluatedProperties");
  if (isObject(node.additionalProperties))
    view.additional = [{ node: node.additionalProperties, pointer: at("additionalProperties") }];
  if (isObject(node.items)) view.items = [{ node: node.items, pointer: at("items") }];
  if (node.default !== undefined) view.default = { value: node.default, pointer: at("default") };
  const kind = Array.isArray(node.oneOf) ? "oneOf" : Array.isArray(node.anyOf) ? "anyOf" : undefined;
  if (kind) {
    const members = (node[kind] as unknown[]).map((member, index) => ({
      node: member,
      pointer: childPointer(pointer, kind, index),
    }));
    const others = members.filter((member) => !isNullSchema(document, member));
    const nullable = others.length < members.length;
    if (others.length === 0) {
      view = merge(view, { ...emptyView(pointer), types: { value: new Set(["null"]), pointer: at(kind) } });
    } else if (others.length === 1) {
      // `oneOf: [X, {type: "null"}]` is X, nullable: the same as X with "null" added to its types.
      const inner = single(document, others[0]!, visiting);
      if (nullable && inner.types)
        inner.types = { value: new Set([...inner.types.value, "null"]), pointer: inner.types.pointer };
      view = merge(view, inner);
    } else {
      const discriminator = isObject(node.discriminator) ? node.discriminator : undefined;
      view.union = {
        pointer: at(kind),
        members: others,
        nullable,
        ...(typeof discriminator?.propertyName === "string" && { discriminator: discriminator.propertyName }),
        ...(isObject(discriminator?.mapping) && { mapping: discriminator.mapping as Record<string, string> }),
      };
    }
  }
  if (Array.isArray(node.allOf)) {
    node.allOf.forEach((part, index) => {
      view = merge(view, single(document, { node: part, pointer: childPointer(pointer, "allOf", index) }, visiting));
    });
  }
  return view;
}

function tighter(a: Bound | undefined, b: Bound | undefined, side: "lower" | "upper"): Bound | undefined {
  if (!a || !b) return a ?? b;
  if (a.value === b.value) return a.exclusive ? a : b;
  return (side === "lower" ? a.value > b.value : a.value < b.value) ? a : b;
}

function smaller(a: Sourced<number> | undefined, b: Sourced<number> | undefined): Sourced<number> | undefined {
  if (!a || !b) return a ?? b;
  return b.value < a.value ? b : a;
}

function larger(a: Sourced<number> | undefined, b: Sourced<number> | undefined): Sourced<number> | undefined {
  if (!a || !b) return a ?? b;
  return b.value > a.value ? b : a;
}

function intersectTypes(a: Set<string>, b: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const type of a) {
    if (b.has(type) || (type === "integer" && b.has("number"))) out.add(type);
    else if (type === "number" && b.has("integer")) out.add("integer");
  }
  return out;
}

const keyOf = (value: unknown) => JSON.stringify(value);

/** Both views at once (allOf): each constraint the tighter of the two. */
function merge(a: SchemaView, b: SchemaView): SchemaView {
  const properties = new Map(a.properties);
  for (const [name, parts] of b.properties) properties.set(name, [...(properties.get(name) ?? []), ...parts]);
  const merged: SchemaView = {
    pointer: a.pointer,
    patterns: [...a.patterns, ...b.patterns],
    properties,
    required: new Set([...a.required, ...b.required]),
    additional: [...a.additional, ...b.additional],
    items: [...a.items, ...b.items],
  };
  if (a.types && b.types)
    merged.types = { value: intersectTypes(a.types.value, b.types.value), pointer: b.types.pointer };
  else if (a.types ?? b.types) merged.types = (a.types ?? b.types)!;
  if (a.format ?? b.format) merged.format = (a.format ?? b.format)!;
  if (a.values && b.values) {
    const allowed = new Set(b.values.value.map(keyOf));
    merged.values = { value: a.values.value.filter((value) => allowed.has(keyOf(value))), pointer: b.values.pointer };
  } else if (a.values ?? b.values) merged.values = (a.values ?? b.values)!;
  const lower = tighter(a.lower, b.lower, "lower");
  const upper = tighter(a.upper, b.upper, "upper");
  if (lower) merged.lower = lower;
  if (upper) merged.upper = upper;
  const optional = {
    minLength: larger(a.minLength, b.minLength),
    maxLength: smaller(a.maxLength, b.maxLength),
    minItems: larger(a.minItems, b.minItems),
    maxItems: smaller(a.maxItems, b.maxItems),
    multipleOf: a.multipleOf ?? b.multipleOf,
    closed: a.closed ?? b.closed,
    union: a.union ?? b.union,
    default: a.default ?? b.default,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(merged, { [key]: value });
  return merged;
}
