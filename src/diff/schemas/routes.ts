/**
 * Where each observation of a schema comparison is seen: the entry's label (`GET /users 200`), then the path a
 * consumer follows down to it (`users[].name`). Every route is listed, except that from one entry each link
 * between two comparisons is followed once: schemas that refer to the next twice, n levels deep, have 2^n routes
 * to the last, and this keeps the places of a change in proportion to the document.
 */
import type { Observation } from "../context.js";
import type { SchemaNode } from "./compare.js";

/** `users` + `[]` → `users[]`; `users[]` + `name` → `users[].name`; a union member adds no step. */
function extend(path: string, step: string | undefined): string {
  if (step === undefined) return path;
  if (step === "[]") return `${path}[]`;
  return path ? `${path}.${step}` : step;
}

/** Calls `record` with each observation under `root`, placed, in the order the comparison found them. */
export function placeObservations(root: SchemaNode, label: string, record: (observation: Observation) => void): void {
  if (!root.leadsToObservation) return;
  const followed = new Set<string>();
  // Its own stack, not the call stack's: a route may be as long as the document has schemas.
  const stack = [{ node: root, path: "", next: 0 }];
  const onRoute = new Set<SchemaNode>([root]);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const step = frame.node.steps[frame.next++];
    if (!step) {
      stack.pop();
      onRoute.delete(frame.node);
      continue;
    }
    if ("observation" in step) {
      record({ ...step.observation, where: frame.path ? `${label}: ${frame.path}` : label });
      continue;
    }
    // A schema inside itself is compared once, on the way in.
    if (!step.node.leadsToObservation || onRoute.has(step.node)) continue;
    const link = `${frame.node.id} ${frame.next - 1}`;
    if (followed.has(link)) continue;
    followed.add(link);
    onRoute.add(step.node);
    stack.push({ node: step.node, path: extend(frame.path, step.step), next: 0 });
  }
}
