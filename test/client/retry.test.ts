/** The retry policy's parts: Retry-After parsing, backoff, policy checks, the wait. */
import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../src/client/backoff.js";
import { parseRetryAfter } from "../../src/client/retry-after.js";
import { defaultRetryPolicy, NEVER_RETRIED, resolveRetryPolicy } from "../../src/client/retry-policy.js";
import { sleep } from "../../src/client/sleep.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  it.each([
    ["30", 30_000],
    ["0", 0],
    [" 5 ", 5_000],
    ["Mon, 23 Nov 2026 10:01:00 GMT", 60_000],
    ["Mon, 23 Nov 2026 09:00:00 GMT", 0], // a date in the past: retry now
    ["soon", undefined],
    ["-5", undefined],
    ["1.5", undefined],
    [null, undefined],
    ["100000000000000000000000000", 2_147_483_647], // clamped to what a timer can wait: 1e29 ms would fire at once
    ["2147484", 2_147_483_647],
    ["Fri, 31 Dec 9999 23:59:59 GMT", 2_147_483_647],
  ])("%j gives %j ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("backoffDelay", () => {
  const policy = { backoffMs: 300, backoffLimit: 10_000 };
  it("doubles the ceiling per retry, up to the limit, with full jitter", () => {
    expect([1, 2, 3, 4, 10].map((retry) => backoffDelay(retry, policy, () => 1))).toEqual([
      300, 600, 1200, 2400, 10_000,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(600);
  });
});

describe("the policy", () => {
  it("defaults: at most 2 retries, Retry-After on 429 and 503, backoff on 500, 502, 504", () => {
    expect(defaultRetryPolicy).toEqual({
      limit: 2,
      afterStatusCodes: [429, 503],
      statusCodes: [500, 502, 504],
      maxRetryAfter: 60_000,
      backoffMs: 300,
      backoffLimit: 10_000,
      retryOnNetworkError: true,
    });
  });

  it("never retries the documented 4xx but 429", () => {
    expect(NEVER_RETRIED).toEqual([400, 401, 403, 404, 405, 406, 410]);
  });

  it("merges overrides and turns retries off with false", () => {
    expect(resolveRetryPolicy({ limit: 5 }).limit).toBe(5);
    expect(resolveRetryPolicy({ limit: 5 }).statusCodes).toEqual([500, 502, 504]);
    expect(resolveRetryPolicy(false).limit).toBe(0);
  });

  it.each([
    [{ backoffMs: Number.NaN }, "retry.backoffMs must be a whole number from 0 to 2147483647; got NaN"],
    [{ limit: 1.5 }, "retry.limit must be a whole number from 0 to 2147483647; got 1.5"],
    [{ afterStatusCodes: [429, 410] }, "retry.afterStatusCodes must not include 410"],
  ])("refuses %j", (overrides, message) => {
    expect(() => resolveRetryPolicy(overrides)).toThrow(message);
  });
});

describe("sleep", () => {
  it("rejects at once with the signal's reason", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error("now"));
    await expect(waiting).rejects.toThrow("now");
  });
});
