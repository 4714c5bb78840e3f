/**
 * Reads a body as a stream, up to a number of bytes: a body is never held whole before its size is known, so a
 * server cannot make the client buffer more than the limit. (`Content-Length` bounds nothing: a compressed body is
 * larger once decoded, and a browser hides `Content-Encoding` from cross-origin callers.) Past the limit the rest
 * is cancelled, which also releases the connection.
 */
export interface BodyText {
  text: string;
  /** False when the body went on past the limit and was cut there. */
  complete: boolean;
}

const ignore = () => {};

export interface BodyBytes {
  bytes: Uint8Array;
  /** False when the body went on past the limit and was cut there. */
  complete: boolean;
}

/** Reads from `reader` (undefined: no body) up to `limit` bytes. */
export async function readBytes(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  limit: number,
): Promise<BodyBytes> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(ignore);
      chunks.push(value.subarray(0, value.byteLength - (size - limit)));
      size = limit;
      complete = false;
      break;
    }
    chunks.push(value);
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

/** Reads from `reader` up to `limit` bytes, as UTF-8 text. */
export async function readBody(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  limit: number,
): Promise<BodyText> {
  const { bytes, complete } = await readBytes(reader, limit);
  return { text: new TextDecoder().decode(bytes), complete };
}

/**
 * The decoder for a `Content-Type`'s `charset` (an error page in UTF-16 or Latin-1 reads as what it says);
 * undefined when it names none or one this runtime does not know (the body is then read as UTF-8). JSON is always UTF-8 (RFC 8259 §8.1): this is for error
 * bodies, which a proxy or a framework may send as any text.
 */
export function decoderFor(contentType: string | null): TextDecoder | undefined {
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  try {
    return charset === undefined ? undefined : new TextDecoder(charset);
  } catch {
    return undefined; // a label this runtime does not know
  }
}
