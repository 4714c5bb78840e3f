/**
 * Named schemas are part of the TypeScript API (`components["schemas"]["User"]`): one removed is breaking,
 * and each is compared on its own too, so a change to a schema no operation reaches (an enum only exported as a
 * type, say) is still seen. It is compared as a response unless only requests use it. A schema added to
 * components is not a change: it is new to the types only.
 */
import { isObject } from "../shared/json.js";
import { childPointer, resolveRef } from "../shared/pointer.js";
import { type DiffContext, type Document, entriesOf, pairBy, type Rule } from "./context.js";
import { nodeOf, operationsOf } from "./operations.js";
import { compareSchemas } from "./schemas/compare.js";

export const COMPONENT_SCHEMA_REMOVED = {
  id: "component-schema-removed",
  class: "breaking",
  explanation: 'A named schema left components: TypeScript code naming components["schemas"][name] no longer compiles.',
} as const satisfies Rule;

export function compareComponentSchemas(context: DiffContext): void {
  const schemasOf = (document: Document) =>
    isObject(document.components) ? entriesOf(document.components.schemas) : [];
  const [requests, responses] = refsReached(context.base);
  pairBy(schemasOf(context.base), schemasOf(context.head), {
    removed: (name) =>
      context
        .at(`components/schemas/${name}`)
        .emit(
          COMPONENT_SCHEMA_REMOVED,
          { base: childPointer("#/components/schemas", name), head: "#/components/schemas" },
          `schema ${name} removed from components`,
        ),
    matched: (name, before, after) => {
      const pointer = childPointer("#/components/schemas", name);
      const side = requests.has(pointer) && !responses.has(pointer) ? "request" : "response";
      const where = context.at(`components/schemas/${name}`);
      compareSchemas(where, side, [{ node: before, pointer }], [{ node: after, pointer }]);
    },
  });
}

/** The `$ref` targets the operations' requests reach, and those their responses reach, through any refs. */
function refsReached(document: Document): [Set<string>, Set<string>] {
  // Walked with a stack of its own: a document may nest deeper than the call stack goes.
  const collect = (roots: unknown[]) => {
    const reached = new Set<string>();
    const pending = [...roots].reverse();
    while (pending.length > 0) {
      const node = pending.pop();
      if (Array.isArray(node)) {
        for (let index = node.length - 1; index >= 0; index--) pending.push(node[index]);
        continue;
      }
      if (!isObject(node)) continue;
      const inner: unknown[] = [];
      if (typeof node.$ref === "string" && !reached.has(node.$ref)) {
        reached.add(node.$ref);
        inner.push(resolveRef(document, node.$ref));
      }
      for (const [key, value] of Object.entries(node)) if (key !== "examples" && key !== "example") inner.push(value);
      for (let index = inner.length - 1; index >= 0; index--) pending.push(inner[index]);
    }
    return reached;
  };
  const operations = [...operationsOf(document).values()];
  const requests = operations.flatMap(({ item, operation }) => [
    nodeOf(item).parameters,
    nodeOf(operation).parameters,
    nodeOf(operation).requestBody,
  ]);
  return [collect(requests), collect(operations.map(({ operation }) => nodeOf(operation).responses))];
}
