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
