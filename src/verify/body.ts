/**
 * Reads a response body up to a byte cap, so that no server can make `verify` hold more than the cap:
 * past it the stream is cancelled (which releases the connection) and only the body's start is kept.
 */

/**
 * What is kept of a body over the cap: room for a report's excerpt and for a secret, in any encoding,
 * that straddles the excerpt's end, so that redaction sees it whole before the excerpt is cut.
 */
const HEAD_BYTES = 64 * 1024;

export interface ReadBody {
  /** The body decoded as UTF-8: all of it, or only its start when `truncated`. */
  text: string;
  /** Bytes read: the whole body, or the cap and part of one chunk more when `truncated`. */
  bytes: number;
  /** The body is longer than the cap; the rest was not read. */
  truncated: boolean;
}

export async function readBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<ReadBody> {
  if (!body) return { text: "", bytes: 0, truncated: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: decode(chunks, bytes), bytes, truncated: false };
    chunks.push(value);
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      // Not awaited: a server that stops sending would otherwise hold the cancel up.
      reader.cancel().catch(() => undefined);
      return { text: decode(chunks, Math.min(bytes, HEAD_BYTES)), bytes, truncated: true };
    }
  }
}

/** The first `length` bytes of the chunks, decoded (a character cut at the end becomes U+FFFD). */
function decode(chunks: Uint8Array[], length: number): string {
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= length) break;
    const part = chunk.subarray(0, length - at);
    joined.set(part, at);
    at += part.byteLength;
  }
  return new TextDecoder().decode(joined);
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
