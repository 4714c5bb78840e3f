/**
 * Checks on what callers pass, before anything is sent: a bad id or page size gets an error that
 * says the allowed range, never a request the server must refuse. The bounds come from openapi.yaml.
 */
import * as contract from "../contract/facts.js";
import type { PageParams } from "../contract/models.js";
import { InvalidArgumentError } from "./errors.js";

const { id: idBounds, limit: limitBounds, offset: offsetBounds } = contract.bounds;

/** A whole number within bounds, or an error that says the allowed range and what was given. */
export function checkInteger(name: string, value: unknown, minimum: number, maximum: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw new InvalidArgumentError(
      `${name} must be a whole number from ${minimum} to ${maximum}; got ` +
        (typeof value === "string" ? JSON.stringify(value.slice(0, 50)) : String(value)),
    );
  }
  return value;
}

/** A user or message id: a whole number from 1 to 2147483647. */
export function checkId(name: string, value: unknown): number {
  return checkInteger(name, value, idBounds.minimum, idBounds.maximum);
}

/** `offset` and `limit` for a list call; unknown keys are refused (a typo would otherwise be ignored). */
export function checkPage(params: unknown): PageParams {
  const { offset, limit, ...rest } = (params ?? {}) as Record<string, unknown>;
  checkKnown(rest, "offset, limit");
  return {
    ...(offset !== undefined && { offset: checkInteger("offset", offset, offsetBounds.minimum, offsetBounds.maximum) }),
    ...(limit !== undefined && { limit: checkLimit(limit) }),
  };
}

function checkLimit(limit: unknown): number {
  return checkInteger("limit", limit, limitBounds.minimum, limitBounds.maximum);
}

/** Refuses option names that are not known (a typo would otherwise be silently ignored). */
export function checkKnown(rest: object, known: string): void {
  const unknown = Object.keys(rest);
  if (unknown.length) throw new InvalidArgumentError(`unknown option ${unknown.join(", ")}; the options are ${known}`);
}

/**
 * A call's headers as a caller may give them (spelt out rather than the DOM's `HeadersInit`, which a project
 * compiled without the DOM lib does not have).
 */
export type CallHeaders = Headers | Record<string, string> | [string, string][];

/** Headers the client sets itself; a call cannot override them. */
const CLIENT_HEADERS = ["authorization", "accept"];

/**
 * A call's own headers (`{ Prefer: "code=503" }`, a `Headers`, or `[name, value]` pairs), checked now: a name or
 * value HTTP cannot carry, or one of the client's own headers, is refused with what to do instead.
 */
export function checkHeaders(init: unknown): Headers | undefined {
  if (init === undefined) return undefined;
  let headers: Headers;
  try {
    headers = new Headers(init as HeadersInit);
  } catch {
    // Not quoted: a header's value may be a credential of the caller's.
    throw new InvalidArgumentError(
      "headers must be a Headers, a record of names to strings, or [name, value] pairs, with names of letters," +
        " digits and !#$%&'*+-.^_`|~ and values of Latin-1 characters without line breaks",
    );
  }
  const fixed = CLIENT_HEADERS.filter((name) => headers.has(name));
  if (fixed.length) {
    throw new InvalidArgumentError(
      `headers must not include ${fixed.join(" or ")}: the client sets ${fixed.length > 1 ? "them" : "it"}` +
        " (Authorization from apiSecret, Accept to the contract's media type); send the rest",
    );
  }
  return headers;
}

/** Loopback hosts, where plain http:// never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
