/**
 * `Prefer` (RFC 7240): what a single request asks of the mock. Prism's forms are kept as Prism has them:
 * `code=N` (or its `?__code=N` query parameter) for any status the operation declares, `example=NAME` for a
 * named example. The mock adds two: `retry-after=SECONDS`, the `Retry-After` of a 429 or 503 it makes up, and
 * `latency=MS`, a delay of this answer alone. Preferences are separated by commas (RFC 7240) or semicolons:
 * `Prefer: code=503, retry-after=1, latency=500`.
 */
import { declares, type Operation } from "../contract/facts.js";
import type { MockRequest } from "./request.js";
import { type ErrorDetail, errorResponse, type MockResponse } from "./responses.js";
import { MAX_LATENCY_MS } from "./scenario.js";

/** What a request asks for, as sent (checked by `checkPreference`). */
export interface Preference {
  code?: string;
  example?: string;
  retryAfter?: string;
  latency?: string;
}

function preference(prefer: string, name: string): string | undefined {
  if (!prefer) return undefined; // most requests send none: no pattern compiled for them (3% of the mock's CPU)
  const value = new RegExp(`(?:^|[,;\\s])${name}=("[^"]*"|[^,;\\s]*)`, "i").exec(prefer)?.[1];
  return value?.replace(/^"(.*)"$/, "$1");
}

export function readPreference(request: MockRequest): Preference {
  const prefer = request.header("prefer") ?? "";
  const code = preference(prefer, "code") ?? new URLSearchParams(request.search).get("__code") ?? undefined;
  const example = preference(prefer, "example");
  const retryAfter = preference(prefer, "retry-after");
  const latency = preference(prefer, "latency");
  return {
    ...(code !== undefined && { code }),
    ...(example !== undefined && { example }),
    ...(retryAfter !== undefined && { retryAfter }),
    ...(latency !== undefined && { latency }),
  };
}

const refused = (message: string, detail: string): MockResponse =>
  errorResponse(400, message, [{ location: "header.Prefer", message: detail }]);

/** A 400 that says what is wrong with a preference, or nothing. */
export function checkPreference(operation: Operation, preference: Preference): MockResponse | undefined {
  const { code, retryAfter, latency } = preference;
  if (code !== undefined && code !== "200" && !(/^\d{3}$/.test(code) && declares(operation, Number(code)))) {
    const wanted = code.slice(0, 10);
    const declared = operation.statuses.join(", ");
    return refused(
      `GET ${operation.path} does not declare status ${wanted}; it can answer ${declared}.`,
      `code=${wanted} is not declared for this operation`,
    );
  }
  // The contract's Retry-After is at most 9 digits of seconds.
  if (retryAfter !== undefined && !/^\d{1,9}$/.test(retryAfter)) {
    const message = `Prefer: retry-after=${retryAfter.slice(0, 20)} is not a whole number of seconds (0 to 999999999).`;
    return refused(message, "retry-after must be whole seconds");
  }
  if (latency !== undefined && !(/^\d{1,5}$/.test(latency) && Number(latency) <= MAX_LATENCY_MS)) {
    const message = `Prefer: latency=${latency.slice(0, 20)} is not whole milliseconds from 0 to ${MAX_LATENCY_MS}.`;
    return refused(message, "latency must be whole milliseconds");
  }
  return undefined;
}

/** The detail a preferred 400 carries, so that it is not mistaken for a real one. */
export const PREFERRED_400: ErrorDetail[] = [{ location: "header.Prefer", message: "code=400 was asked for" }];
