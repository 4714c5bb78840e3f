/**
 * oneOf/anyOf unions: members matched by discriminator value when every member has one, else by position; a
 * member gained or lost is a rule of its own, a matched pair is compared like any schema.
 */
import { follow, type Located } from "../../shared/pointer.js";
import { type Document, pairBy, type Rule } from "../context.js";
import { ruleFor, show } from "./direction.js";
import type { SchemaScope } from "./scope.js";
import { nullabilityRule } from "./types.js";
import { type SchemaView, viewOf } from "./view.js";

export const RESPONSE_UNION_MEMBER_ADDED = {
  id: "response-union-member-added",
  class: "breaking",
  explanation:
    "A union gained a member (e.g. a third sender_type): breaking for TypeScript consumers, whose " +
    "narrowing and exhaustive switches miss it.",
} as const satisfies Rule;

export const RESPONSE_UNION_MEMBER_REMOVED = {
  id: "response-union-member-removed",
  class: "breaking",
  explanation:
    "A union lost a member: breaking for TypeScript consumers, whose narrowing to it no longer compiles (TS2367).",
} as const satisfies Rule;

/** Each member under a key: its discriminator value when every member has one, else its position (`#1`...). */
interface Member {
  member: Located;
  label: string;
}

function keyedMembers(document: Document, view: SchemaView, discriminator: string | undefined): Map<string, Member> {
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

export function compareUnions(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  const added = ruleFor(scope, "widened", RESPONSE_UNION_MEMBER_ADDED);
  const removed = ruleFor(scope, "narrowed", RESPONSE_UNION_MEMBER_REMOVED);
  if (!base.union && !head.union) return;
  if (!base.union || !head.union) {
    const union = (head.union ?? base.union)!;
    const text = `is ${head.union ? "now" : "no longer"} a union of ${union.members.length} members`;
    const pointers = { base: base.union?.pointer ?? base.pointer, head: head.union?.pointer ?? head.pointer };
    scope.emit(head.union ? added : removed, pointers, text);
    return;
  }
  const [baseUnion, headUnion] = [base.union, head.union];
  if (baseUnion.nullable !== headUnion.nullable) {
    const nullable = headUnion.nullable;
    const pointers = { base: baseUnion.pointer, head: headUnion.pointer };
    scope.emit(nullabilityRule(scope, nullable), pointers, nullable ? "may now be null" : "is no longer null");
  }
  const discriminator = headUnion.discriminator ?? baseUnion.discriminator;
  const before = keyedMembers(scope.base, base, discriminator);
  const after = keyedMembers(scope.head, head, discriminator);
  // Keys by discriminator on one side and by position on the other cannot be matched: pair by position.
  const byPosition = [...before.keys(), ...after.keys()].some((key) => key.startsWith("#"));
  const entries = (members: Map<string, Member>) =>
    byPosition ? [...members.values()].map((member, index): [string, Member] => [String(index), member]) : members;
  pairBy<Member>(entries(before), entries(after), {
    matched: (_key, baseMember, headMember) => scope.descend(undefined, [baseMember.member], [headMember.member]),
    added: (_key, { member, label }) => {
      const pointers = { base: baseUnion.pointer, head: follow(scope.head, member).pointer };
      scope.emit(added, pointers, `new union member (${label})`);
    },
    removed: (_key, { member, label }) => {
      const pointers = { base: follow(scope.base, member).pointer, head: headUnion.pointer };
      scope.emit(removed, pointers, `union member (${label}) removed`);
    },
  });
}
