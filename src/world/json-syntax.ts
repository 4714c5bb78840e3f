/**
 * Where a text stops being JSON, and why, for an error message a person can act on; and where valid JSON repeats
 * a key, which JSON.parse takes silently (the last one wins: a user list or a chat would vanish).
 *
 * JSON.parse is what reads a world file; this scanner runs after it, to say where it failed (Node 20's messages
 * give no position for the most common mistakes: "Unexpected token 'x', ... is not valid JSON"), or where a key
 * repeats. The grammar is RFC 8259's, small enough that a scanner costs less than a dependency (jsonc-parser and
 * parse-json would be new runtime dependencies of the package for these messages).
 */
import { jsonPath } from "../shared/json-path.js";

export interface JsonSyntaxError {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  problem: string;
}

/** A key that appears twice in one object of otherwise valid JSON. */
export interface DuplicateKey {
  /** The JSON path of the repeated member (`$.messages["7"]`). */
  path: string;
  /** Where the second one is: 1-based, as editors count. */
  line: number;
  column: number;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
    readonly path?: string,
  ) {}
}

const position = (text: string, offset: number) => {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
};

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const LITERALS = ["true", "false", "null"];
/** A run of string characters that need no look: neither a quote, a backslash nor a control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON forbids in a string
const PLAIN = /[^"\\\u0000-\u001f]+/y;

/** The first syntax error in `text`; undefined when it is valid JSON (or nested too deeply to scan). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stop = scan(text, false);
  return stop && { ...position(text, stop.offset), problem: stop.problem };
}

/** The first key repeated in one object of `text` (valid JSON); undefined when there is none. */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const stop = scan(text, true);
  return stop?.path === undefined ? undefined : { path: stop.path, ...position(text, stop.offset) };
}

/** The first problem: a syntax error, or with `keys`, a repeated key. */
function scan(text: string, keys: boolean): Stop | undefined {
  let at = 0;
  // The path to the value being read (keys and indexes), kept only when looking for repeated keys.
  const path: (string | number)[] = [];
  const stop: (problem: string) => never = (problem) => {
    throw new Stop(at, problem);
  };
  const describe = (expected: string) =>
    at >= text.length
      ? `the file ends where ${expected} was expected`
      : `found ${JSON.stringify(text[at])} where ${expected} was expected`;
  const skipSpace = () => {
    for (let code = text.charCodeAt(at); code === 32 || code === 10 || code === 13 || code === 9; ) {
      code = text.charCodeAt(++at);
    }
  };

  function string(): void {
    at++;
    for (;;) {
      PLAIN.lastIndex = at;
      if (PLAIN.test(text)) at = PLAIN.lastIndex;
      const char = text[at];
      if (char === undefined) stop('a string is not closed (a " is missing)');
      if (char === '"') {
        at++;
        return;
      }
      if (char < " ") stop("a string holds a raw control character (a line break?): write it escaped, like \\n");
      if (char === "\\") {
        const escaped = text[at + 1];
        HEX4.lastIndex = at + 2;
        if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) at += 2;
        else if (escaped === "u" && HEX4.test(text)) at += 6;
        else stop('a string holds an invalid escape: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX');
      } else at++;
    }
  }

  function list(close: "]" | "}"): void {
    at++;
    skipSpace();
    const seen = keys && close === "}" ? new Set<string>() : undefined;
    for (let index = 0; ; index++) {
      if (index === 0 && text[at] === close) break;
      if (close === "}") {
        skipSpace();
        if (text[at] !== '"') stop(describe("a property name in double quotes"));
        const start = at;
        string();
        if (seen) {
          const raw = text.slice(start, at);
          const key: string = raw.includes("\\") ? JSON.parse(raw) : raw.slice(1, -1);
          path.push(key);
          if (seen.has(key)) {
            throw new Stop(start, "a repeated key", jsonPath(path));
          }
          seen.add(key);
        }
        skipSpace();
        if (text[at] !== ":") stop(describe("':' after the property name"));
        at++;
      } else if (keys) path.push(index);
      value();
      if (keys) path.pop();
      skipSpace();
      if (text[at] === close) break;
      if (text[at] !== ",") stop(describe(`',' or '${close}'`));
      at++;
    }
    at++;
  }

  function value(): void {
    skipSpace();
    const char = text[at];
    NUMBER.lastIndex = at;
    const word = LITERALS.find((literal) => literal[0] === char && text.startsWith(literal, at));
    if (char === "{" || char === "[") list(char === "{" ? "}" : "]");
    else if (char === '"') string();
    else if (word) at += word.length;
    else if (NUMBER.test(text)) at = NUMBER.lastIndex;
    else stop(describe("a value (an object, array, string, number, true, false or null)"));
  }

  try {
    value();
    skipSpace();
    if (at < text.length) stop(`found ${JSON.stringify(text[at])} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof RangeError) return undefined; // nested too deeply for this scanner's stack
    if (!(error instanceof Stop)) throw error;
    return error;
  }
}
