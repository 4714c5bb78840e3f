/**
 * The rules every wing applies to a base URL (the client, the MSW handlers, verify), written once. Each wing
 * words its own error (what to give instead differs), but they accept and refuse the same URLs:
 * - no credentials (`http://svc:SECRET@host`): the secret travels in the Authorization header, and a URL is
 *   quoted in errors and logs, so one that carries a password must never be echoed (`shownUrl` masks it);
 * - no query or fragment, not even a bare `?` or `#`: each API path is appended to the base, so
 *   `http://host/?` would request `/?/users/7` and get that answer back as user 7;
 * - an http(s) URL, or (where a page resolves it: the client and MSW in a browser) a path such as `/api`.
 */

/** Whether the text names a user or password before its host (`scheme://user:password@host`). */
export function hasCredentials(text: string): boolean {
  return /^[a-z][\w+.-]*:\/\/[^/?#]*@/i.test(text) || (URL.canParse(text) && new URL(text).username !== "");
}

/** Whether the text has a query or fragment, however empty: `URL.search` is "" for a bare `?`, so read the text. */
export function hasQueryOrFragment(text: string): boolean {
  return /[?#]/.test(text);
}

/** A path on the page's own origin (`/api/signalzen`), not a scheme-relative `//host`. */
export function isPath(text: string): boolean {
  return text === "" || (text.startsWith("/") && !text.startsWith("//"));
}

/** An absolute http: or https: URL. */
export function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

/** The text as an error may quote it: anything that could be credentials masked, at most 100 characters. */
export function shownUrl(text: string): string {
  // Up to the last @ anywhere: a password may hold anything, even `/`, `?` or another @.
  return JSON.stringify(text.replace(/^([a-z][\w+.-]*:\/\/)?.*@/i, "$1***@").slice(0, 100));
}
