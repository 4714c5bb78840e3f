/**
 * Scrubs the API secret from text that came from elsewhere (bodies, other libraries' messages).
 * A secret of 1-3 characters is not scrubbed: every such run of letters in a message would be blanked.
 * Used by the client and by `verify`; no Node API, so the client can stay browser-safe.
 */
const MIN_REDACTED_LENGTH = 4;

export function redactSecret(text: string, secret: string): string {
  return secret.length >= MIN_REDACTED_LENGTH && text.includes(secret) ? text.split(secret).join("[redacted]") : text;
}
