/**
 * Compares two schemas from the consumer's side. Each difference is first told as a direction (the schema
 * now admits fewer values, more values, or different ones), then turned into a rule by where the schema is:
 * in a request the consumer sends values (fewer is breaking), in a response the consumer receives them
 * (more is breaking, with the exceptions in rules.ts).
 */
import { follow, type Located } from "../contract/pointer.js";
import type { RuleId } from "./rules.js";
import { viewOf, type Bound, type SchemaView, type Sourced } from "./schema-view.js";

export interface Finding {
  rule: RuleId;
  base: string;
  head: string;
  message: string;
  /** Where the difference was seen: an operation and status, a parameter, a component; then a path inside. */
  where: string;
}

export interface SchemaContext {
  base: unknown;
  head: unknown;
  side: "request" | "response";
  /** An error response's body: the `code` and `status` it pins are error codes. */
  errorBody: boolean;
  /** The label of what is compared, e.g. `GET /users 200` or `GET /users query limit`. */
  where: string;
  out: Finding[];
}

type Direction = "narrowed" | "widened" | "changed";

/** Pairs of views on the current path, so that a recursive schema is compared once. */
type Stack = Set<string>;

export function compareSchemas(context: SchemaContext, base: Located[], head: Located[]): void {
  compareParts(context, base, head, [], new Set());
}

function compareParts(context: SchemaContext, base: Located[], head: Located[], path: string[], stack: Stack): void {
  compareViews(context, viewOf(context.base, base), viewOf(context.head, head), path, stack);
}

function formatPath(path: string[]): string {
  return path.reduce((text, token) => (token === "[]" ? `${text}[]` : text ? `${text}.${token}` : token), "");
}

function emit(context: SchemaContext, path: string[], rule: RuleId, base: string, head: string, message: string) {
  const where = path.length > 0 ? `${context.where}: ${formatPath(path)}` : context.where;
  context.out.push({ rule, base, head, message, where });
}

/** In a request, a difference's rule follows from its direction alone; in a response, the caller names it. */
function ruleFor(context: SchemaContext, direction: Direction, response: RuleId): RuleId {
  if (context.side === "response") return response;
  return direction === "widened" ? "parameter-values-widened" : "parameter-values-narrowed";
}

/** Value constraints (bounds, patterns, lengths): fewer values break requests, more break responses. */
function boundsRule(context: SchemaContext, direction: Direction): RuleId {
  return ruleFor(context, direction, direction === "narrowed" ? "response-values-narrowed" : "response-values-widened");
}

const show = (value: unknown) => JSON.stringify(value);

function compareViews(context: SchemaContext, base: SchemaView, head: SchemaView, path: string[], stack: Stack): void {
  const pair = `${base.pointer} ${head.pointer}`;
  if (stack.has(pair)) return;
  const inner = new Set(stack).add(pair);
  compareTypes(context, base, head, path);
  compareFormats(context, base, head, path);
  compareValues(context, base, head, path);
  compareBounds(context, base, head, path);
  compareProperties(context, base, head, path, inner);
  compareUnions(context, base, head, path, inner);
  if (base.items.length > 0 && head.items.length > 0) {
    compareParts(context, base.items, head.items, [...path, "[]"], inner);
  } else if (base.items.length > 0 || head.items.length > 0) {
    const direction = head.items.length > 0 ? "narrowed" : "widened";
    emit(
      context,
      path,
      boundsRule(context, direction),
      base.pointer,
      head.pointer,
      `array items ${head.items.length > 0 ? "now" : "no longer"} described`,
    );
  }
  if (base.additional.length > 0 && head.additional.length > 0) {
    compareParts(context, base.additional, head.additional, [...path, "*"], inner);
  }
}

function withoutNull(types: Set<string> | undefined): Set<string> | undefined {
  return types && new Set([...types].filter((type) => type !== "null"));
}

const covers = (types: Set<string>, type: string) => types.has(type) || (type === "integer" && types.has("number"));
const showTypes = (types: Set<string> | undefined) => (types ? [...types].join(" | ") || "nothing" : "any type");

function compareTypes(context: SchemaContext, base: SchemaView, head: SchemaView, path: string[]): void {
  const baseTypes = base.types?.value;
  const headTypes = head.types?.value;
  const basePointer = base.types?.pointer ?? base.pointer;
  const headPointer = head.types?.pointer ?? head.pointer;
  if (baseTypes && headTypes && baseTypes.has("null") !== headTypes.has("null")) {
    const nullable = headTypes.has("null");
    const rule = nullable ? "response-became-nullable" : "response-became-non-nullable";
    const text = nullable ? "may now be null" : "is no longer null";
    emit(context, path, ruleFor(context, nullable ? "widened" : "narrowed", rule), basePointer, headPointer, text);
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
  const rule = ruleFor(
    context,
    direction,
    direction === "narrowed" ? "response-values-narrowed" : "response-type-changed",
  );
  emit(context, path, rule, basePointer, headPointer, `type ${showTypes(before)} → ${showTypes(after)}`);
}

/** Formats that admit every value of another: int32 values are int64 values. */
const WIDER_FORMAT: Record<string, string[]> = { int32: ["int64"], float: ["double"] };

function compareFormats(context: SchemaContext, base: SchemaView, head: SchemaView, path: string[]): void {
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
  const rule = ruleFor(
    context,
    direction,
    direction === "narrowed" ? "response-values-narrowed" : "response-format-changed",
  );
  const basePointer = base.format?.pointer ?? base.pointer;
  const headPointer = head.format?.pointer ?? head.pointer;
  emit(context, path, rule, basePointer, headPointer, `format ${before ?? "(none)"} → ${after ?? "(none)"}`);
}

function compareValues(context: SchemaContext, base: SchemaView, head: SchemaView, path: string[]): void {
  const before = base.values?.value;
  const after = head.values?.value;
  if (!before && !after) return;
  const basePointer = base.values?.pointer ?? base.pointer;
  const headPointer = head.values?.pointer ?? head.pointer;
  // The `code` and `status` an error response pins are what consumers match errors on.
  const errorCode = context.errorBody && path.length === 1 && ["code", "status"].includes(path[0]!);
  const pick = (direction: Direction, response: RuleId) =>
    ruleFor(context, direction, errorCode ? "error-code-changed" : response);
  if (before && !after) {
    const rule = pick("widened", "response-enum-value-added");
    emit(context, path, rule, basePointer, headPointer, `no longer limited to ${before.map(show).join(", ")}`);
    return;
  }
  if (!before && after) {
    const rule = ruleFor(context, "narrowed", "response-values-narrowed");
    emit(context, path, rule, basePointer, headPointer, `now limited to ${after.map(show).join(", ")}`);
    return;
  }
  const beforeKeys = new Set(before!.map(show));
  const afterKeys = new Set(after!.map(show));
  const added = after!.filter((value) => !beforeKeys.has(show(value)));
  const removed = before!.filter((value) => !afterKeys.has(show(value)));
  if (added.length > 0) {
    const rule = pick("widened", "response-enum-value-added");
    emit(context, path, rule, basePointer, headPointer, `may now be ${added.map(show).join(", ")}`);
  }
  if (removed.length > 0) {
    const rule = pick("narrowed", "response-enum-value-removed");
    emit(context, path, rule, basePointer, headPointer, `can no longer be ${removed.map(show).join(", ")}`);
  }
}

/** Exclusive bounds on integers as the inclusive bounds they mean: `exclusiveMinimum: 0` is `minimum: 1`. */
function normalize(bound: Bound | undefined, side: "lower" | "upper", integer: boolean): Bound | undefined {
  if (!bound?.exclusive || !integer) return bound;
  const value = side === "lower" ? Math.floor(bound.value) + 1 : Math.ceil(bound.value) - 1;
  return { value, exclusive: false, pointer: bound.pointer };
}

const BOUND_NAMES = {
  lower: { inclusive: "minimum", exclusive: "exclusiveMinimum" },
  upper: { inclusive: "maximum", exclusive: "exclusiveMaximum" },
};

function showBound(bound: Bound | undefined, side: "lower" | "upper"): string {
  if (!bound) return `no ${BOUND_NAMES[side].inclusive}`;
  return `${BOUND_NAMES[side][bound.exclusive ? "exclusive" : "inclusive"]} ${bound.value}`;
}

/** Whether bound `a` admits fewer values than bound `b` (no bound admits every value). */
function stricter(a: Bound | undefined, b: Bound | undefined, side: "lower" | "upper"): boolean {
  if (!a) return false;
  if (!b) return true;
  if (a.value === b.value) return a.exclusive && !b.exclusive;
  return side === "lower" ? a.value > b.value : a.value < b.value;
}

function compareBounds(context: SchemaContext, base: SchemaView, head: SchemaView, path: string[]): void {
  const integer = (view: SchemaView) => {
    const types = withoutNull(view.types?.value);
    return types !== undefined && types.size === 1 && types.has("integer");
  };
  for (const side of ["lower", "upper"] as const) {
    const before = normalize(base[side], side, integer(base));
    const after = normalize(head[side], side, integer(head));
    const direction: Direction | undefined = stricter(after, before, side)
      ? "narrowed"
      : stricter(before, after, side)
        ? "widened"
        : undefined;
    if (!direction) continue;
    const text = `${showBound(before, side)} → ${showBound(after, side)}`;
    emit(
      context,
      path,
      boundsRule(context, direction),
      before?.pointer ?? base.pointer,
      after?.pointer ?? head.pointer,
      text,
    );
  }
  const limits = [
    ["minLength", "lower"],
    ["maxLength", "upper"],
    ["minItems", "lower"],
    ["maxItems", "upper"],
  ] as const;
  for (const [keyword, side] of limits) {
    const before: Sourced<number> | undefined = base[keyword];
    const after: Sourced<number> | undefined = head[keyword];
    if (before?.value === after?.value) continue;
    const narrowed =
      side === "lower"
        ? (after?.value ?? 0) > (before?.value ?? 0)
        : after !== undefined && (before === undefined || after.value < before.value);
    const show = (limit: Sourced<number> | undefined) => (limit ? String(limit.value) : "(none)");
    emit(
      context,
      path,
      boundsRule(context, narrowed ? "narrowed" : "widened"),
      before?.pointer ?? base.pointer,
      after?.pointer ?? head.pointer,
      `${keyword} ${show(before)} → ${show(after)}`,
    );
  }
  const before = base.multipleOf;
  const after = head.multipleOf;
  if (before?.value !== after?.value) {
    const direction: Direction = !before
      ? "narrowed"
      : !after
        ? "widened"
        : after.value % before.value === 0
          ? "narrowed"
          : before.value % after.value === 0
            ? "widened"
            : "changed";
    emit(
      context,
      path,
      boundsRule(context, direction),
      before?.pointer ?? base.pointer,
      after?.pointer ?? head.pointer,
      `multipleOf ${before?.value ?? "(none)"} → ${after?.value ?? "(none)"}`,
    );
  }
  const beforePatterns = new Set(base.patterns.map((pattern) => pattern.value));
  const afterPatterns = new Set(head.patterns.map((pattern) => pattern.value));
  const added = head.patterns.filter((pattern) => !beforePatterns.has(pattern.value));
  const removed = base.patterns.filter((pattern) => !afterPatterns.has(pattern.value));
  if (added.length > 0 || removed.length > 0) {
    const direction: Direction = removed.length === 0 ? "narrowed" : added.length === 0 ? "widened" : "changed";
    const text = (list: Sourced<string>[]) => list.map((pattern) => show(pattern.value)).join(", ") || "(none)";
    emit(
      context,
      path,
      boundsRule(context, direction),
      removed[0]?.pointer ?? base.pointer,
      added[0]?.pointer ?? head.pointer,
      `pattern ${text(removed)} → ${text(added)}`,
    );
  }
}

function compareProperties(
  context: SchemaContext,
  base: SchemaView,
  head: SchemaView,
  path: string[],
  stack: Stack,
): void {
  for (const [name, baseParts] of base.properties) {
    const headParts = head.properties.get(name);
    const basePointer = baseParts[0]!.pointer;
    if (!headParts) {
      const rule = ruleFor(context, "narrowed", "response-property-removed");
      emit(context, path, rule, basePointer, head.pointer, `field ${show(name)} removed`);
      continue;
    }
    const headPointer = headParts[0]!.pointer;
    const wasRequired = base.required.has(name);
    const isRequired = head.required.has(name);
    if (wasRequired && !isRequired) {
      const rule = ruleFor(context, "widened", "response-property-became-optional");
      emit(context, path, rule, basePointer, headPointer, `field ${show(name)} is no longer required`);
    } else if (!wasRequired && isRequired) {
      const rule = ruleFor(context, "narrowed", "response-property-became-required");
      emit(context, path, rule, basePointer, headPointer, `field ${show(name)} is now required`);
    }
    compareParts(context, baseParts, headParts, [...path, name], stack);
  }
  for (const [name, headParts] of head.properties) {
    if (base.properties.has(name)) continue;
    const required = head.required.has(name);
    const rule = ruleFor(context, required ? "narrowed" : "widened", "response-property-added");
    emit(
      context,
      path,
      rule,
      base.pointer,
      headParts[0]!.pointer,
      `new ${required ? "required" : "optional"} field ${show(name)}`,
    );
  }
  if (Boolean(base.closed) !== Boolean(head.closed)) {
    const closed = Boolean(head.closed);
    const rule = ruleFor(context, closed ? "narrowed" : "widened", "response-additional-properties-changed");
    const message = closed ? "no longer admits undocumented fields" : "may now carry undocumented fields";
    emit(context, path, rule, base.closed ?? base.pointer, head.closed ?? head.pointer, message);
  }
}

/** Each member under a key: its discriminator value when every member has one, else its position. */
function keyedMembers(
  document: unknown,
  view: SchemaView,
  discriminator: string | undefined,
): Map<string, { member: Located; label: string }> {
  const members = view.union?.members ?? [];
  const keys = members.map((member) => {
    if (!discriminator) return undefined;
    const property = viewOf(document, [member]).properties.get(discriminator);
    const values = property && viewOf(document, property).values?.value;
    if (values?.length === 1) return `${discriminator} ${show(values[0])}`;
    const ref = (member.node as { $ref?: unknown }).$ref;
    const mapped = Object.entries(view.union?.mapping ?? {}).find(
      ([, target]) => target === ref || `#/components/schemas/${target}` === ref,
    );
    return mapped ? `${discriminator} ${show(mapped[0])}` : undefined;
  });
  const byKey = keys.every((key) => key !== undefined) && new Set(keys).size === keys.length;
  return new Map(
    members.map((member, index) => {
      const label = byKey ? keys[index]! : `#${index + 1}`;
      return [label, { member, label }];
    }),
  );
}

function compareUnions(context: SchemaContext, base: SchemaView, head: SchemaView, path: string[], stack: Stack): void {
  const added = ruleFor(context, "widened", "response-union-member-added");
  const removed = ruleFor(context, "narrowed", "response-union-member-removed");
  if (!base.union && !head.union) return;
  if (!base.union || !head.union) {
    const union = (head.union ?? base.union)!;
    const rule = head.union ? added : removed;
    const text = head.union
      ? `is now a union of ${union.members.length} members`
      : `is no longer a union of ${union.members.length} members`;
    emit(context, path, rule, base.union?.pointer ?? base.pointer, head.union?.pointer ?? head.pointer, text);
    return;
  }
  if (base.union.nullable !== head.union.nullable) {
    const nullable = head.union.nullable;
    const rule = ruleFor(
      context,
      nullable ? "widened" : "narrowed",
      nullable ? "response-became-nullable" : "response-became-non-nullable",
    );
    emit(
      context,
      path,
      rule,
      base.union.pointer,
      head.union.pointer,
      nullable ? "may now be null" : "is no longer null",
    );
  }
  const discriminator = head.union.discriminator ?? base.union.discriminator;
  const before = keyedMembers(context.base, base, discriminator);
  const after = keyedMembers(context.head, head, discriminator);
  // Keys by discriminator on one side and by position on the other cannot be matched: compare by position.
  const byPosition = [...before.keys(), ...after.keys()].some((key) => key.startsWith("#"));
  const beforeList = [...before.values()];
  const afterList = [...after.values()];
  const pairs = byPosition
    ? Array.from(
        { length: Math.max(beforeList.length, afterList.length) },
        (_, index) => [beforeList[index], afterList[index]] as const,
      )
    : [...new Set([...before.keys(), ...after.keys()])].map((key) => [before.get(key), after.get(key)] as const);
  for (const [baseMember, headMember] of pairs) {
    if (baseMember && headMember) {
      compareParts(context, [baseMember.member], [headMember.member], path, stack);
    } else if (headMember) {
      emit(
        context,
        path,
        added,
        base.union.pointer,
        follow(context.head, headMember.member).pointer,
        `new union member (${headMember.label})`,
      );
    } else if (baseMember) {
      emit(
        context,
        path,
        removed,
        follow(context.base, baseMember.member).pointer,
        head.union.pointer,
        `union member (${baseMember.label}) removed`,
      );
    }
  }
}
