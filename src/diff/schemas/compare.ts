/**
 * Compares two schemas from the consumer's side. Each difference is first told as a direction (the schema now
 * admits fewer values, more values, or different ones), then turned into a rule by where the schema is: in a
 * request the consumer sends values (fewer is breaking), in a response it receives them (more is breaking,
 * with the exceptions in the rules' explanations).
 *
 * Each pair of schemas is compared once per side and mode, however many routes lead to it: the comparison is a
 * node holding its observations and links to the pairs below it, kept for the whole diff. Schemas that refer to the
 * next twice, 16 levels deep, have 2^16 routes to the last; walking every route took seconds, then minutes. The
 * places a change is seen in are then read off the nodes (routes.ts), each link followed once per entry point.
 */
import type { Located } from "../../shared/pointer.js";
import type { DiffContext, Observation } from "../context.js";
import { compareBounds } from "./bounds.js";
import { boundsRule } from "./direction.js";
import { compareProperties } from "./properties.js";
import { placeObservations } from "./routes.js";
import { MAX_SCHEMA_DEPTH, type Mode, type SchemaScope, type Side } from "./scope.js";
import { compareFormats, compareTypes } from "./types.js";
import { compareUnions } from "./unions.js";
import { compareValues } from "./values.js";
import { type SchemaView, viewOf } from "./view.js";

/** One comparison of a pair of schemas: its own observations and its links to the pairs below, in the order found. */
export interface SchemaNode {
  id: number;
  steps: Step[];
  parents: SchemaNode[];
  /** An observation is in this node or below it: routes that cannot lead to one are not walked. */
  leadsToObservation: boolean;
}

type Step = { observation: Omit<Observation, "where"> } | { step: string | undefined; node: SchemaNode };

/** The comparisons of one diff, by side, mode and the pair of schemas compared. */
export interface SchemaMemo {
  nodes: Map<string, SchemaNode>;
  /** A number for each schema object, so that a key tells apart two nodes found at one pointer. */
  ids: WeakMap<object, number>;
  nextId: number;
}

export const createSchemaMemo = (): SchemaMemo => ({ nodes: new Map(), ids: new WeakMap(), nextId: 0 });

/** Compares two schemas (each one or more allOf parts) and records what differs, placed under `context.where`. */
export function compareSchemas(
  context: DiffContext,
  side: Side,
  base: Located[],
  head: Located[],
  mode: Mode = "plain",
): void {
  const root = nodeFor(context, side, mode, base, head, 0);
  placeObservations(root, context.where, (observation) => context.record(observation));
}

function partsKey(memo: SchemaMemo, parts: Located[]): string {
  const idOf = (node: unknown) => {
    if (typeof node !== "object" || node === null) return JSON.stringify(node);
    if (!memo.ids.has(node)) memo.ids.set(node, memo.nextId++);
    return String(memo.ids.get(node));
  };
  return parts.map((part) => `${part.pointer} ${idOf(part.node)}`).join(" + ");
}

function nodeFor(context: DiffContext, side: Side, mode: Mode, base: Located[], head: Located[], depth: number) {
  const { schemaMemo: memo } = context;
  const key = `${side} ${mode} ${partsKey(memo, base)} / ${partsKey(memo, head)}`;
  const known = memo.nodes.get(key);
  if (known) return known;
  if (depth > MAX_SCHEMA_DEPTH) {
    const at = head[0]?.pointer ?? base[0]?.pointer ?? "#";
    throw new Error(`schemas nest more than ${MAX_SCHEMA_DEPTH} levels deep (at ${at}); diff stops there`);
  }
  // Kept before its comparison starts: a schema that contains itself links back to its own node.
  const node: SchemaNode = { id: memo.nodes.size, steps: [], parents: [], leadsToObservation: false };
  memo.nodes.set(key, node);
  const scope: SchemaScope = {
    base: context.base,
    head: context.head,
    side,
    mode,
    emit: (rule, pointers, message) => {
      node.steps.push({ observation: { rule: rule.id, ...pointers, message } });
      markLeadsToObservation(node);
    },
    descend: (step, baseParts, headParts, childMode = mode) => {
      const child = nodeFor(context, side, childMode, baseParts, headParts, depth + 1);
      node.steps.push({ step, node: child });
      child.parents.push(node);
      if (child.leadsToObservation) markLeadsToObservation(node);
    },
  };
  compareViews(scope, viewOf(context.base, base), viewOf(context.head, head));
  return node;
}

function markLeadsToObservation(node: SchemaNode): void {
  const pending = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.leadsToObservation) continue;
    next.leadsToObservation = true;
    for (const parent of next.parents) pending.push(parent);
  }
}

function compareViews(scope: SchemaScope, base: SchemaView, head: SchemaView): void {
  compareTypes(scope, base, head);
  compareFormats(scope, base, head);
  compareValues(scope, base, head);
  compareBounds(scope, base, head);
  compareProperties(scope, base, head);
  compareUnions(scope, base, head);
  if (base.items.length > 0 && head.items.length > 0) {
    scope.descend("[]", base.items, head.items, "plain");
  } else if (base.items.length > 0 || head.items.length > 0) {
    const described = head.items.length > 0;
    const rule = boundsRule(scope, described ? "narrowed" : "widened");
    const text = `array items ${described ? "now" : "no longer"} described`;
    scope.emit(rule, { base: base.pointer, head: head.pointer }, text);
  }
  if (base.additional.length > 0 && head.additional.length > 0) {
    scope.descend("*", base.additional, head.additional, "plain");
  }
}
