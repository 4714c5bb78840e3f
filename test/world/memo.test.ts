/** The world's memo: the same record for the same id while remembered, and never more than its capacity. */
import { describe, expect, it } from "vitest";
import { memoById } from "../../src/world/memo.js";

describe("memoById", () => {
  it("makes each id once while remembered, and forgets the oldest past its capacity", () => {
    const made: number[] = [];
    const memo = memoById((id) => {
      made.push(id);
      return { id };
    }, 3);
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
});
