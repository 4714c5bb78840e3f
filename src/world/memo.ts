/**
 * A bounded memo of records by id. Making a user costs tens of microseconds (its chat is planned to know when
 * it was last online), and a mock answers the same pages again and again: remembering what was made keeps it
 * as fast as Prism, and the bound keeps memory growing with what is read, up to a ceiling, never with the size.
 */
export function memoById<T>(make: (id: number) => T, capacity: number): (id: number) => T {
  const made = new Map<number, T>();
  return (id) => {
    let value = made.get(id);
    if (value === undefined) {
      value = make(id);
      // The oldest entry goes first: cheaper than true LRU, and a walk over a big world still streams through.
      if (made.size >= capacity) made.delete(made.keys().next().value!);
      made.set(id, value);
    }
    return value;
  };
}
