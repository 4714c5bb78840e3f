/**
 * A bounded memo: values made by key, remembered up to a count and a weight in bytes, whichever comes first.
 * Making a user costs tens of microseconds and serializing a page more, and a mock answers the same pages again
 * and again: remembering what was made keeps it as fast as Prism. The bounds keep memory flat under any traffic:
 * a count alone did not (2,000 answers of 6 MB each, issue 19), so every value is weighed as it is made.
 * Browser-safe, used by the world and the mock alike (see json.ts for why src/shared/).
 */
export interface MemoBounds<T> {
  /** At most this many values. */
  entries: number;
  /** At most this many bytes of values, as `weigh` counts them; a heavier value is made, not remembered. */
  bytes: number;
  /** A value's weight in bytes (an upper estimate is fine: it only makes the memo forget sooner). */
  weigh(value: T): number;
}

/** `remember(key, make)`: the value remembered for `key`, or `make()`'s, remembered within the bounds. */
export function boundedMemo<K, T>(bounds: MemoBounds<T>): (key: K, make: () => T) => T {
  const made = new Map<K, { value: T; weight: number }>();
  let weight = 0;
  return (key, make) => {
    const found = made.get(key);
    if (found) return found.value;
    const value = make();
    const added = bounds.weigh(value);
    if (added > bounds.bytes) return value;
    // The oldest entry goes first: cheaper than true LRU, and a walk over a big world still streams through.
    while (made.size >= bounds.entries || weight + added > bounds.bytes) {
      const [oldest, entry] = made.entries().next().value!;
      made.delete(oldest);
      weight -= entry.weight;
    }
    made.set(key, { value, weight: added });
    weight += added;
    return value;
  };
}

/** What a string costs at most: V8 keeps two bytes per character once any is outside Latin-1. */
export const stringBytes = (text: string) => 2 * text.length;
