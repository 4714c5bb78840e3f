/** The bounded memo: the same value for the same key while remembered, never more than its count or its bytes. */
import { describe, expect, it } from "vitest";
import { boundedMemo, stringBytes } from "../../src/shared/memo.js";

describe("boundedMemo", () => {
  it("makes each key once while remembered, and forgets the oldest past its count", () => {
    const made: number[] = [];
    const remember = boundedMemo<number, { id: number }>({ entries: 3, bytes: 1_000, weigh: () => 1 });
    const memo = (id: number) =>
      remember(id, () => {
        made.push(id);
        return { id };
      });
    const first = memo(1);
    expect(memo(1)).toBe(first);
    memo(2);
    memo(3);
    memo(4); // 1 is forgotten
    expect(memo(2)).toEqual({ id: 2 });
    expect(memo(1)).not.toBe(first);
    expect(memo(1)).toEqual(first);
    expect(made).toEqual([1, 2, 3, 4, 1]);
  });

  it("forgets the oldest past its bytes, and never keeps a value heavier than all of them", () => {
    const made: string[] = [];
    const remember = boundedMemo<string, string>({ entries: 1_000, bytes: 100, weigh: stringBytes });
    const memo = (text: string) =>
      remember(text, () => {
        made.push(text);
        return text;
      });
    memo("a".repeat(20)); // 40 bytes
    memo("b".repeat(20)); // 80
    memo("c".repeat(20)); // 120 > 100: the a's go
    memo("b".repeat(20));
    memo("c".repeat(20));
    memo("a".repeat(20)); // made again; the b's go
    memo("x".repeat(51)); // 102 bytes: served, not kept, and nothing is forgotten for it
    memo("x".repeat(51));
    memo("c".repeat(20));
    memo("a".repeat(20));
    expect(made.map((text) => `${text[0]}${text.length}`)).toEqual(["a20", "b20", "c20", "a20", "x51", "x51"]);
  });
});
