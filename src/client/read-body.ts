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

/** Reads from `reader` (undefined: no body) up to `limit` bytes. */
export async function readBody(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  limit: number,
): Promise<BodyText> {
  if (!reader) return { text: "", complete: true };
  const decoder = new TextDecoder();
  let text = "";
  for (let size = 0; ; ) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), complete: true };
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(ignore);
      return { text: text + decoder.decode(value.subarray(0, value.byteLength - (size - limit))), complete: false };
    }
    text += decoder.decode(value, { stream: true });
  }
}
