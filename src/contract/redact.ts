/**
 * Scrubs the API secret from text that came from elsewhere: bodies and headers as received, other libraries'
 * messages, a redirect's target. A server that echoes the secret rarely echoes it as sent, so every form the usual
 * encoders give it is matched:
 * - as sent;
 * - any of its characters escaped as JSON writes them (`\"`, `\\`, `\/`, `\u0022`), as URL encoding does (`%22`),
 *   or as HTML does (`&quot;`, `&#34;`, `&#x22;`), in any mix and either hex case: encoders escape only some;
 * - base64 and base64url of it, at each of the three alignments it can have inside a longer encoded text (a server
 *   echoing `Authorization: Bearer <secret>` base64-encoded), and hex of it;
 * - its UTF-16 form read as UTF-8 or Latin-1 (a NUL between its characters): a body in UTF-16 decoded as UTF-8.
 * `anyCase` matches all of these in any letter case, for text a parser may have case-folded (a URL's host, a
 * header's name) where a secret in another case is still the secret.
 * Not matched: encodings of encodings (base64 of the URL-encoded secret), hashes, encryption. Where a text is cut
 * (a body read only in part), `redactCut` also drops the tail that could hold the start of a cut-off form.
 *
 * A secret of 1-3 characters is not scrubbed: every such run of letters in a message would be blanked.
 * Used by the client, `verify` and the mock; no Node API, so the client stays browser-safe.
 */
const MIN_REDACTED_LENGTH = 4;
/** The longest form one character of the secret takes above: `\u0022`, `&#x22;`, `&quot;`. */
const LONGEST_CHARACTER_FORM = 6;
const NAMED_ENTITIES: Record<string, string> = { '"': "quot", "&": "amp", "'": "apos", "<": "lt", ">": "gt" };

export interface Redactor {
  /** The text with every form of the secret replaced by `[redacted]`. */
  (text: string): string;
  /** The same, for a text cut short: it also drops the tail that could hold the start of a cut-off form. */
  cut(text: string): string;
  /** The same, matching letters in any case: for a URL's host or a header's name, which parsers lower-case. */
  anyCase(text: string): string;
}

/** A hex digit pattern that takes either case: `2[aA]` for 0x2a. */
const hexOf = (code: number) =>
  code
    .toString(16)
    .padStart(2, "0")
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
const escapeRegExp = (text: string) => text.replace(/[\\^$.|?*+()[\]{}/]/g, "\\$&");

function pattern(secret: string, flags: string): RegExp {
  const characters = [...secret].map((character) => {
    const code = character.charCodeAt(0);
    const literal = escapeRegExp(character);
    const named = NAMED_ENTITIES[character];
    const hex = hexOf(code);
    return `(?:${literal}|\\\\${literal}|\\\\u00${hex}|%${hex}|&#${code};|&#[xX]${hex};${named ? `|&${named};` : ""})`;
  });
  const forms = [
    characters.join(""),
    [...secret].map((character) => hexOf(character.charCodeAt(0))).join(""),
    [...secret].map(escapeRegExp).join("\\x00"),
  ];
  for (let offset = 0; offset < 3; offset++) {
    // The part of the encoding that depends on the secret's bytes alone, whatever surrounds it.
    const encoded = btoa("\0".repeat(offset) + secret).slice(
      Math.ceil((offset * 4) / 3),
      Math.floor(((offset + secret.length) * 4) / 3),
    );
    forms.push(escapeRegExp(encoded), escapeRegExp(encoded.replace(/\+/g, "-").replace(/\//g, "_")));
  }
  return new RegExp(forms.join("|"), flags);
}

/** The redactor for one secret; its pattern is built once. */
export function secretRedactor(secret: string): Redactor {
  if (secret.length < MIN_REDACTED_LENGTH) {
    const same = (text: string) => text;
    return Object.assign(same, { cut: same, anyCase: same });
  }
  const found = pattern(secret, "g");
  let foundInAnyCase: RegExp | undefined; // built on first use: most redactors never need it
  const anyCase = (text: string) => {
    foundInAnyCase ??= pattern(secret, "gi");
    return text.replace(foundInAnyCase, "[redacted]");
  };
  const redact = (text: string) => text.replace(found, "[redacted]");
  const tail = LONGEST_CHARACTER_FORM * secret.length - 1;
  return Object.assign(redact, {
    cut: (text: string) => redact(text).slice(0, -tail),
    anyCase,
  });
}

let last: [string, Redactor] | undefined;

/** `text` with every form of `secret` replaced by `[redacted]` (the redactor of the last secret is kept). */
export function redactSecret(text: string, secret: string): string {
  if (last?.[0] !== secret) last = [secret, secretRedactor(secret)];
  return last[1](text);
}
