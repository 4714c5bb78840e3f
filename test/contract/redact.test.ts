/** The secret redactor: the forms it scrubs, what it leaves, and the cut tail. */
import { describe, expect, it } from "vitest";
import { redactSecret, secretRedactor } from "../../src/contract/redact.js";

const SECRET = "sz_live_0123456789abcdef";

describe("redactSecret", () => {
  it.each([
    ["as sent", `token ${SECRET}.`, "token [redacted]."],
    ["twice", `${SECRET}${SECRET}`, "[redacted][redacted]"],
    ["some characters escaped", "sz\\u005flive_0123456789abcdef", "[redacted]"],
    ["URL-encoded, either hex case", "sz%5Flive%5f0123456789abcdef", "[redacted]"],
    ["decimal and hex HTML references", "sz&#95;live&#x5F;0123456789abcdef", "[redacted]"],
  ])("scrubs the secret %s", (_name, text, expected) => {
    expect(redactSecret(text, SECRET)).toBe(expected);
  });

  it("leaves text without the secret as it is, including near misses", () => {
    const text = "sz_live_0123456789abcdeX and sz_live_ and 0123456789abcdef";
    expect(redactSecret(text, SECRET)).toBe(text);
  });

  it("does not scrub a secret of fewer than 4 characters (every such run of letters would go)", () => {
    expect(redactSecret("abc abc", "abc")).toBe("abc abc");
    expect(redactSecret("abcd abcd", "abcd")).toBe("[redacted] [redacted]");
  });

  it("treats characters special in a regular expression as text", () => {
    expect(redactSecret("a.b*c+d? and aXbbcd", "a.b*c+d?")).toBe("[redacted] and aXbbcd");
  });
});

describe("cut", () => {
  it("drops the tail of a cut text where the start of a form could be, 6 characters per secret character", () => {
    const redact = secretRedactor("abcd-1234");
    const cutText = `${"x".repeat(100)}Bearer abcd-1`;
    expect(redact.cut(cutText)).toBe("x".repeat(cutText.length - (6 * 9 - 1)));
    expect(redact.cut(`${SECRET}`)).toBe("");
  });
});
