/**
 * Where a text stops being JSON, and why, for an error message a person can act on.
 *
 * JSON.parse is what reads a world file; this runs only after it has failed, because Node 20's messages
 * give no position for the most common mistakes ("Unexpected token 'x', ... is not valid JSON"). The grammar
 * is RFC 8259's, small enough that a scanner costs less than a dependency (jsonc-parser and parse-json
 * would be new runtime dependencies of the package for this one message).
 */

export interface JsonSyntaxError {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  problem: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The first syntax error in `text`; undefined when it is valid JSON (or nested too deeply to scan). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const stop: (problem: string) => never = (problem) => {
    throw new Stop(at, problem);
  };
  const describe = (expected: string) =>
    at >= text.length
      ? `the file ends where ${expected} was expected`
      : `found ${JSON.stringify(text[at])} where ${expected} was expected`;
  const skipSpace = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };

  function string(): void {
    at++;
    for (;;) {
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
    for (let first = true; ; first = false) {
      if (first && text[at] === close) break;
      if (close === "}") {
        skipSpace();
        if (text[at] !== '"') stop(describe("a property name in double quotes"));
        string();
        skipSpace();
        if (text[at] !== ":") stop(describe("':' after the property name"));
        at++;
      }
      value();
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
    const word = ["true", "false", "null"].find((literal) => text.startsWith(literal, at));
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
    const before = text.slice(0, error.offset);
    const lineStart = before.lastIndexOf("\n") + 1;
    return { line: before.split("\n").length, column: error.offset - lineStart + 1, problem: error.problem };
  }
}
