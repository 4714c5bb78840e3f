/**
 * The world's only source of chance: a small deterministic PRNG keyed by what is being made.
 *
 * Each record draws from its own stream, keyed by (seed, what, id), so any record can be made on its own, in
 * any order, without making the ones before it: that is what lets a 1,000,000-user world cost nothing up front.
 *
 * The same keys give the same numbers in every JavaScript engine and in every later version of this package,
 * because only 32-bit integer operations (`Math.imul`, shifts, xor) and exact divisions by 2^32 are used.
 * Code that turns these numbers into records keeps to the same rule: `+ - * /` and `Math.floor` only, never
 * `Math.log`, `Math.exp` or `Math.pow`, whose last bits the language leaves to each engine.
 */

/** cyrb128: hashes a string into four 32-bit words, a well-mixed starting state for sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A deterministic generator of numbers in [0, 1), the same for the same keys everywhere (sfc32 seeded by
 * cyrb128 of the keys). Numbers and strings are keyed by their text: `seededRandom("a", 1)` equals
 * `seededRandom("a", "1")`.
 *
 * @example
 * const random = seededRandom(seed, "latency", requestNumber);
 * const delayMs = min + Math.floor(random() * (max - min + 1));
 */
export function seededRandom(...keys: (string | number)[]): () => number {
  let [a, b, c, d] = hash128(keys.join("\u001f"));
  const next = (): number => {
    const sum = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + sum) | 0;
    return (sum >>> 0) / 4294967296;
  };
  for (let warmUp = 0; warmUp < 12; warmUp++) next();
  return next;
}

/** Draw helpers over one stream, so the generators read as what they choose. */
export interface Chance {
  /** A number in [0, 1). */
  next(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function chance(...keys: (string | number)[]): Chance {
  const next = seededRandom(...keys);
  return {
    next,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
