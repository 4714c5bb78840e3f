/**
 * A response body as `verify` keeps it: read with the shared bounded reader, so that no server can make `verify`
 * hold more than the cap, and a bound on how many JSON values it parses.
 */
import { readBounded } from "../shared/read-body.js";

/**
 * What is kept of a body over the cap: room for a report's excerpt and for a secret, in any encoding,
 * that straddles the excerpt's end, so that redaction sees it whole before the excerpt is cut.
 */
const HEAD_BYTES = 64 * 1024;

export interface ReadBody {
  /** The body decoded as UTF-8: all of it, or only its start when `truncated` (a character cut there is U+FFFD). */
  text: string;
  /** Bytes read: the whole body, or the cap and part of one chunk more when `truncated`. */
  bytes: number;
  /** The body is longer than the cap; the rest was not read. */
  truncated: boolean;
}

export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<ReadBody> {
  const { bytes, complete } = await readBounded(body?.getReader(), maxBytes);
  const text = new TextDecoder().decode(complete ? bytes : bytes.subarray(0, HEAD_BYTES));
  return { text, bytes: bytes.byteLength, truncated: !complete };
}

/**
 * The most JSON values `verify` parses in one body. The largest answer the contract allows holds about 31,000
 * (99 users, each with 100 attributes); parsing a million empty objects takes V8 about a second and tens of
 * megabytes, and a 64 MiB body could hold twenty million.
 */
export const MAX_PARSED_VALUES = 100_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * Whether a JSON text holds more than `limit` values, told without parsing it: every value but the first
 * follows a comma or opens its container, so commas and opening brackets outside strings bound the count.
 */
export function holdsMoreJsonValues(text: string, limit: number): boolean {
  let count = 1;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if ((code === COMMA || code === OPEN_BRACE || code === OPEN_BRACKET) && ++count > limit) return true;
  }
  return false;
}
