/**
 * The required secret never goes back out, and the world's data is never altered: only what quotes the request
 * is scrubbed. A success body is the world's record or the contract's example, and quotes nothing (scrubbing it
 * turned `"read_by_user":true` into `"read_by_user":[redacted]` under `--secret true`, issue 19). What can quote
 * a request is an error body's `message` and `details` (a path, an Accept header, a Prefer value, Prism's
 * violations) and the CORS headers that echo request headers; those are scrubbed, and nothing else.
 */
import { type ErrorBody, errorBody, type MockResponse } from "./responses.js";

/** Response headers that echo a request header (lower case). */
const ECHOING_HEADERS = new Set(["access-control-allow-origin", "access-control-allow-headers"]);

/** An error body with its quoting fields scrubbed: `status` and `code` stay, so it is still the contract's body. */
function scrubErrorBody(body: string, redact: (text: string) => string): string {
  let error: ErrorBody;
  try {
    error = JSON.parse(body);
  } catch {
    return redact(body); // not the contract's body: a mock bug, but still never an echo of the secret
  }
  const details = error.details?.map(({ location, message }) => ({
    ...(location !== undefined && { location: redact(location) }),
    message: redact(message),
  }));
  return JSON.stringify(errorBody(error.status, redact(error.message), details));
}

/** The response with every quote of the request scrubbed by `redact`; the same object when nothing quoted it. */
export function scrubQuotes(response: MockResponse, redact: (text: string) => string): MockResponse {
  const body = response.status >= 400 ? scrubErrorBody(response.body, redact) : response.body;
  let headers = response.headers;
  for (const [name, value] of Object.entries(headers)) {
    if (!ECHOING_HEADERS.has(name.toLowerCase())) continue;
    const scrubbed = redact(value);
    if (scrubbed !== value) headers = { ...headers, [name]: scrubbed };
  }
  return body === response.body && headers === response.headers ? response : { ...response, body, headers };
}
