/** The Node server's body bytes: always the body's own UTF-8, large ones remembered within a bound. */
import { describe, expect, it } from "vitest";
import { encodedBodies } from "../../src/mock/encoded-body.js";

describe("encodedBodies", () => {
  it("gives each body's UTF-8 bytes, small or large, and bytes as they are", () => {
    const encoded = encodedBodies();
    for (const body of ["", '{"a":"é"}', `{"a":"${"ü€".repeat(2000)}"}`]) {
      expect(Buffer.from(encoded(body)).toString("utf8")).toBe(body);
      expect(encoded(body).length).toBe(Buffer.byteLength(body));
    }
    const bytes = new Uint8Array([1, 2, 3]);
    expect(encoded(bytes)).toBe(bytes);
  });

  it("remembers a large body's bytes, and forgets the oldest past its count", () => {
    const encoded = encodedBodies({ entries: 2, bytes: 1 << 20 });
    const page = (n: number) => `[${String(n).repeat(2000)}]`;
    const first = encoded(page(1));
    expect(encoded(page(1))).toBe(first);
    encoded(page(2));
    encoded(page(3));
    expect(encoded(page(1))).not.toBe(first);
    expect(encoded(page(1))).toEqual(first);
  });
});
