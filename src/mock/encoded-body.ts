/**
 * A response body's bytes, as the Node server sends them. The world's answers are remembered strings (answer.ts),
 * and encoding a page of 50 users (17 KB) for every response, twice with its Content-Length, cost about a fifth
 * of the mock's CPU under load (a profile of the built bin): large bodies' bytes are remembered too. Keyed by the
 * very string sent, so the bytes are always that body's, scrubbed or not; bounded like the answers, so memory
 * stays flat under any traffic.
 */
import { boundedMemo } from "../shared/memo.js";

/** Smaller bodies are encoded each time: cheaper than looking them up. */
const REMEMBERED_FROM_CHARS = 1024;

export function encodedBodies(bounds = { entries: 2_000, bytes: 64 << 20 }): (body: string | Uint8Array) => Uint8Array {
  // The key is the body string itself, and weighs too: at most two bytes a character, and a character is at least one
  // byte of UTF-8, so the bytes and their key together weigh at most three times the bytes.
  const remember = boundedMemo<string, Buffer>({ ...bounds, weigh: (bytes) => 3 * bytes.length });
  return (body) => {
    if (typeof body !== "string") return body;
    return body.length < REMEMBERED_FROM_CHARS ? Buffer.from(body) : remember(body, () => Buffer.from(body));
  };
}
