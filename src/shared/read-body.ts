/**
 * Reads a body as a stream, up to a number of bytes: a body is never held whole before its size is known, so a
 * server cannot make the client or `verify` buffer more than the limit. (`Content-Length` bounds nothing: a
 * compressed body is larger once decoded, and a browser hides `Content-Encoding` from cross-origin callers.)
 * Past the limit the rest is cancelled, which also releases the connection. Browser-safe (see json.ts for why
 * src/shared/).
 */

export interface BodyBytes {
  /** What was read: the whole body, or, past the limit, the limit and part of one chunk more. */
  bytes: Uint8Array;
  /** False when the body went on past the limit; the rest was not read. */
  complete: boolean;
}

const ignore = () => {};

/** Reads from `reader` (undefined: no body) to its end, or until more than `limit` bytes have come. */
export async function readBounded(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  limit: number,
): Promise<BodyBytes> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a server that stops sending would otherwise hold the cancel up.
      reader.cancel().catch(ignore);
      complete = false;
      break;
    }
  }
  if (chunks.length === 1) return { bytes: chunks[0]!, complete };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, complete };
}
