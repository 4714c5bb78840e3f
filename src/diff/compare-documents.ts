/**
 * `diffDocuments(base, head)`: every change between two OpenAPI 3.1 documents that matters to a consumer,
 * found by the checks of each area (servers and operations, parameters, responses, headers, component schemas,
 * schemas) and aggregated by report.ts. Everything is compared after following `$ref`s, so where a schema,
 * parameter or response is written (inline or in components) does not matter, only what it says.
 */
import { resolvePointer } from "../shared/pointer.js";
import { compareComponentSchemas } from "./components.js";
import { createContext, type Document, type Observation } from "./context.js";
import { compareOperations, compareServers } from "./operations.js";
import { aggregate, type DiffReport } from "./report.js";

export type { DiffReport } from "./report.js";

/** The observations of a diff, before aggregation, and how many pairs of schemas it compared. */
export function compareDocuments(base: Document, head: Document): { observations: Observation[]; schemaPairs: number } {
  const observations: Observation[] = [];
  const context = createContext(base, head, observations);
  compareServers(context);
  compareOperations(context);
  compareComponentSchemas(context);
  // A pointer to where something would be (the headers of a response that has none left) becomes the
  // nearest node that is there, so that every pointer in a report can be followed.
  const [nearestInBase, nearestInHead] = [nearestExisting(base), nearestExisting(head)];
  for (const observation of observations) {
    observation.base = nearestInBase(observation.base);
    observation.head = nearestInHead(observation.head);
  }
  return { observations, schemaPairs: context.schemaMemo.nodes.size };
}

export function diffDocuments(base: Document, head: Document): DiffReport {
  return aggregate(compareDocuments(base, head).observations);
}

function nearestExisting(document: Document): (pointer: string) => string {
  const known = new Map<string, string>();
  return (pointer) => {
    let nearest = known.get(pointer);
    if (nearest !== undefined) return nearest;
    let at = pointer;
    while (at.includes("/") && resolvePointer(document, at) === undefined) at = at.slice(0, at.lastIndexOf("/"));
    nearest = at === "#" || at === "" ? "#" : at;
    known.set(pointer, nearest);
    return nearest;
  };
}
