/** What `verify` tells of a body before parsing it: how many JSON values it holds, bounded, strings not counted. */
import { describe, expect, it } from "vitest";
import { holdsMoreJsonValues, MAX_PARSED_VALUES } from "../../src/verify/body.js";

describe("holdsMoreJsonValues", () => {
  it("counts values by their commas and opening brackets, outside strings only", () => {
    const text = String.raw`["a,b,\"c,[{d", {"e":[1,2]}]`; // the array, the string, the object, [1,2], 1 and 2
    expect([5, 6].map((limit) => holdsMoreJsonValues(text, limit))).toEqual([true, false]);
    expect(holdsMoreJsonValues("1", 1)).toBe(false);
  });

  it("parses a full page of long message bodies full of commas, and refuses a million empty objects", () => {
    const message = JSON.stringify({ id: 1, body: ",".repeat(10_000), sender: { id: 2, name: "[{" } });
    const page = `{"limit":99,"offset":0,"total":99,"messages":[${Array(99).fill(message).join(",")}]}`;
    expect(holdsMoreJsonValues(page, MAX_PARSED_VALUES)).toBe(false);
    expect(holdsMoreJsonValues(`[${"{},".repeat(999_999)}{}]`, MAX_PARSED_VALUES)).toBe(true);
  });
});
