/** Finds the records `verify` checks with: one id of each resource, from the list endpoints, unless given. */
import { operations } from "../contract/facts.js";
import type { Json } from "../shared/json.js";
import { type Ids, pathWithIds } from "./requests.js";
import type { Session } from "./session.js";

export async function discoverIds(session: Session, given: Ids): Promise<Ids> {
  const ids = { ...given };
  // Parents first: a user's messages can only be listed once a user is known.
  const lists = operations
    .filter((operation) => operation.listKey)
    .sort((a, b) => a.pathParams.length - b.pathParams.length);
  for (const operation of lists) {
    if (ids[operation.resource] !== undefined) continue;
    const path = pathWithIds(operation, ids);
    if (typeof path !== "string") continue;
    const reply = await session.send(`${path}?limit=1`);
    const first = ((reply.json as Json | undefined)?.[operation.listKey!] as Json[] | undefined)?.[0];
    if (typeof first?.id === "number") ids[operation.resource] = first.id;
  }
  return ids;
}
