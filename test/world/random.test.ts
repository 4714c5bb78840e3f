/** seededRandom: the same keys give the same numbers everywhere and in later versions; other keys, others. */
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/world/index.js";

const draws = (random: () => number, count: number) => Array.from({ length: count }, () => random());

describe("seededRandom", () => {
  // Pinned: the world's bytes depend on these numbers. A change here is a change of every world (CHANGELOG).
  it("gives the numbers it has always given", () => {
    expect(draws(seededRandom("signalzen", 1), 3)).toEqual([
      0.7079092268832028, 0.7962424773722887, 0.3916890777181834,
    ]);
  });

  it("is the same for the same keys, numbers keyed by their text", () => {
    expect(draws(seededRandom("seed", "latency", 42), 50)).toEqual(draws(seededRandom("seed", "latency", 42), 50));
    expect(draws(seededRandom("a", 1), 5)).toEqual(draws(seededRandom("a", "1"), 5));
  });

  it("differs for other keys, including keys that only differ in how they are split", () => {
    const first = (...keys: (string | number)[]) => seededRandom(...keys)();
    const values = [
      first("a", 1),
      first("a", 2),
      first("b", 1),
      first("a1"),
      first("a", 1, 0),
      first("a1", ""),
      first(),
    ];
    expect(new Set(values).size).toBe(values.length);
  });

  it("draws in [0, 1), spread evenly", () => {
    const values = draws(seededRandom("spread"), 20_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const tenths = Array.from(
      { length: 10 },
      (_, tenth) => values.filter((value) => Math.floor(value * 10) === tenth).length,
    );
    for (const count of tenths) expect(Math.abs(count - 2_000)).toBeLessThan(200);
  });
});
