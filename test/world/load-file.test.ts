/**
 * loadWorldFile: a world file written from a generated world loads back whole; anything else is refused with a
 * WorldDataError naming the file, the JSON path of the first bad record, the rule it breaks and how to fix it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateWorld, type WorldData, worldFromData } from "../../src/world/index.js";
import { loadWorldFile, MAX_WORLD_FILE_BYTES, WorldDataError } from "../../src/world/load-file.js";

const directory = mkdtempSync(path.join(tmpdir(), "world-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const FIX = "Fix it there, or write a fresh world file with `signalzen-api world --output FILE`.";

let files = 0;
function file(content: string): string {
  const name = path.join(directory, `world-${++files}.json`);
  writeFileSync(name, content);
  return name;
}
const sample = (): WorldData => generateWorld({ seed: "load", users: 20 }).toData();

function refusal(name: string): WorldDataError {
  try {
    loadWorldFile(name);
  } catch (error) {
    expect(error).toBeInstanceOf(WorldDataError);
    return error as WorldDataError;
  }
  throw new Error(`${name} was loaded`);
}

describe("loadWorldFile", () => {
  it("loads what a world wrote, pretty-printed or not, with or without a byte-order mark", () => {
    const data = sample();
    for (const text of [JSON.stringify(data), JSON.stringify(data, null, 2), `\uFEFF${JSON.stringify(data)}`]) {
      const loaded = loadWorldFile(file(text));
      expect(loaded).toEqual(data);
      expect(JSON.stringify(worldFromData(loaded).toData())).toBe(JSON.stringify(data));
    }
  });

  it.each([
    [
      "a trailing comma",
      '{\n  "users": [],\n  "messages": {},\n}',
      4,
      1,
      'found "}" where a property name in double quotes was expected',
    ],
    [
      "a bare word",
      '{"users": [x], "messages": {}}',
      1,
      12,
      'found "x" where a value (an object, array, string, number, true, false or null) was expected',
    ],
    [
      "a cut-off file",
      '{"users": [',
      1,
      12,
      "the file ends where a value (an object, array, string, number, true, false or null) was expected",
    ],
    [
      "an empty file",
      "",
      1,
      1,
      "the file ends where a value (an object, array, string, number, true, false or null) was expected",
    ],
    ["text after the value", '{"users": [], "messages": {}}\n}', 2, 1, 'found "}" after the end of the JSON value'],
    [
      "a raw line break in a string",
      '{"users": [{"name": "a\nb"}]}',
      1,
      23,
      "a string holds a raw control character (a line break?): write it escaped, like \\n",
    ],
  ])("not JSON (%s): says so, with line and column", (_name, text, line, column, problem) => {
    const name = file(text);
    const error = refusal(name);
    expect(error.message).toBe(`${name}: is not valid JSON: line ${line}, column ${column}: ${problem}. ${FIX}`);
    expect([error.file, error.path]).toEqual([name, undefined]);
  });

  it("a record that breaks its schema: the record's path and the schema rule, with its place in openapi.yaml", () => {
    const data = sample();
    data.users[2]!.email = "not an email";
    const name = file(JSON.stringify(data));
    const error = refusal(name);
    expect(error.message).toBe(
      `${name}: $.users[2] breaks the User schema: .email must match format "email" ` +
        `(openapi.yaml#/components/schemas/Email/format). ${FIX}`,
    );
    expect([error.path, error.rule]).toEqual([
      "$.users[2]",
      'breaks the User schema: .email must match format "email" (openapi.yaml#/components/schemas/Email/format)',
    ]);
  });

  it("a message that breaks its schema: the branch its sender_type names is the one reported", () => {
    const data = sample();
    const key = Object.keys(data.messages)[0]!;
    const message = data.messages[key]![0]!;
    (message as unknown as Record<string, unknown>).read_by_user = "yes";
    const name = file(JSON.stringify(data));
    expect(refusal(name).message).toBe(
      `${name}: $.messages["${key}"][0] breaks the Message schema: .read_by_user must be boolean ` +
        `(openapi.yaml#/components/schemas/UserMessage/properties/read_by_user/type). ${FIX}`,
    );
  });

  it("a record with a property the schema does not have", () => {
    const data = sample();
    (data.users[0]!.user_attributes as unknown[]).push({ name: "plan", value: "Pro", note: "x" });
    const name = file(JSON.stringify(data));
    const last = data.users[0]!.user_attributes.length - 1;
    expect(refusal(name).message).toBe(
      `${name}: $.users[0] breaks the User schema: .user_attributes[${last}] has a property the schema does not ` +
        `allow: "note" (openapi.yaml#/components/schemas/UserAttribute/additionalProperties). ${FIX}`,
    );
  });

  it("a rule between records: a duplicate id", () => {
    const data = sample();
    data.users[1]!.id = 1;
    const name = file(JSON.stringify(data));
    const error = refusal(name);
    expect(error.message).toBe(
      `${name}: $.users[1].id duplicates user id 1 of $.users[0]: user ids are unique. ${FIX}`,
    );
  });

  it("a file that is not there, or a directory", () => {
    const missing = path.join(directory, "nowhere.json");
    expect(refusal(missing).message).toBe(
      `${missing}: cannot be read: there is no such file. Check the path: it is relative to the current directory.`,
    );
    expect(refusal(directory).message).toBe(
      `${directory}: cannot be read: it is a directory. Check the path: it is relative to the current directory.`,
    );
  });

  it("what is not a regular file, at once: /dev/zero (endless), a FIFO with no writer (it would block forever)", () => {
    const fifo = path.join(directory, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    const check = "Check the path: it is relative to the current directory.";
    expect(refusal("/dev/zero").message).toBe(
      `/dev/zero: cannot be read: it is a character device (such as /dev/zero). ${check}`,
    );
    expect(refusal(fifo).message).toBe(`${fifo}: cannot be read: it is a FIFO (a named pipe). ${check}`);
  });

  it("a file over the cap: says the cap and how to serve a bigger world, and does not blame the path", () => {
    const bigger =
      "A bigger world is served without a file: `signalzen-api mock --seed NAME --users N` generates one of up to " +
      "1,000,000 users, the same bytes on every machine.";
    // Sparse files: as large as `world --users 150000` writes (563 MB), and one byte over the cap.
    for (const [bytes, shown] of [
      [563_000_000, "537 MiB"],
      [MAX_WORLD_FILE_BYTES + 1, "128 MiB"],
    ] as const) {
      const name = path.join(directory, `big-${bytes}.json`);
      writeFileSync(name, "");
      truncateSync(name, bytes);
      expect(refusal(name).message).toBe(
        `${name}: is too large to serve: ${shown}; a --data file may be at most 128 MiB. ${bigger}`,
      );
    }
    expect(MAX_WORLD_FILE_BYTES).toBe(128 * 2 ** 20);
  });

  // Each edit marks with § where the repeated key begins.
  it.each([
    ["the top-level users", (json: string) => `${json.slice(0, -1)},§"users":[]}`, "$.users"],
    ["a chat", (json: string) => json.replace(/"messages":\{("\d+":)/, '"messages":{$1[],§$1'), '$.messages["1"]'],
    ["a field of a record", (json: string) => json.replace('"name":', '"name":"x",§"n\\u0061me":'), "$.users[0].name"],
  ])(
    "a key that appears twice (%s): named by its JSON path, where JSON.parse would keep the last",
    (_name, edit, at) => {
      const marked = edit(JSON.stringify(sample()));
      const text = marked.replace("§", "");
      expect(() => JSON.parse(text)).not.toThrow();
      const name = file(text);
      const error = refusal(name);
      expect([error.path, error.message]).toEqual([
        at,
        `${name}: ${at} appears twice in its object (again at line 1, column ${marked.indexOf("§") + 1}); ` +
          `JSON keeps only the last, so the first would be lost: remove or merge one. ${FIX}`,
      ]);
    },
  );
});
