/**
 * Records a world hands out are frozen, deeply: they are shared (remembered by the memo, served again), so a
 * caller that sorted a chat or renamed a user in place would change the world for every later reader, and
 * only until the memo forgot it. Frozen, the mistake is an error at the line that makes it.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
