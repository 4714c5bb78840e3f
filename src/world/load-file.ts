/**
 * Reads a world file (the load format, as `signalzen-api world --output FILE` writes it) for `mock --data`.
 * Node only: it reads the file system and validates every record with ajv against openapi.yaml. Either the
 * whole file is good, or WorldDataError names the first bad record and the rule it breaks: nothing is
 * served half-loaded.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { createSchemaValidator } from "../node/schema-validator.js";
import { pointerAsPath } from "../shared/json-path.js";
import { checkWorldData, type RecordValidator } from "./check.js";
import { findDuplicateKey, findJsonSyntaxError } from "./json-syntax.js";
import type { WorldData } from "./types.js";

const HOW_TO_FIX = "Fix it there, or write a fresh world file with `signalzen-api world --output FILE`.";
const CHECK_THE_PATH = "Check the path: it is relative to the current directory.";

export class WorldDataError extends Error {
  override name = "WorldDataError";
  constructor(
    /** The file, as the caller named it. */
    readonly file: string,
    /** The JSON path of the first bad record (`$.messages["7"][3].sender.id`); undefined when not JSON at all. */
    readonly path: string | undefined,
    /** What is wrong there. */
    readonly rule: string,
    hint = HOW_TO_FIX,
  ) {
    super(`${file}: ${path === undefined ? "" : `${path} `}${rule}. ${hint}`);
  }
}

/** Each record against its schema in openapi.yaml; the first violation, with the rule's place in the spec. */
let validator: ReturnType<typeof createSchemaValidator> | undefined;

function schemaValidator(): RecordValidator {
  validator ??= createSchemaValidator();
  return (schema, value) => {
    const [first] = validator!.validate(`#/components/schemas/${schema}`, value);
    if (!first) return undefined;
    const where = first.instancePath === "" ? "the record" : pointerAsPath(first.instancePath);
    return `${where} ${first.message} (openapi.yaml${first.specPointer})`;
  };
}

/**
 * The largest world file `mock --data` reads: parsing and checking it holds about five times its size in memory
 * at once (a 100 MB file peaked at 480 MB and took 12 s here), and a bigger world is better generated than loaded.
 */
export const MAX_WORLD_FILE_BYTES = 128 * 2 ** 20;
const MiB = 2 ** 20;

const SERVE_BIGGER =
  "A bigger world is served without a file: `signalzen-api mock --seed NAME --users N` generates one of up to " +
  "1,000,000 users, the same bytes on every machine.";

/** What a path names, when it is not a regular file. */
function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (a named pipe)";
  if (stats.isCharacterDevice()) return "a character device (such as /dev/zero)";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

function tooLarge(file: string, size: string): WorldDataError {
  return new WorldDataError(
    file,
    undefined,
    `is too large to serve: ${size}; a --data file may be at most ${MAX_WORLD_FILE_BYTES / MiB} MiB`,
    SERVE_BIGGER,
  );
}

/**
 * The file's text: a regular file of at most MAX_WORLD_FILE_BYTES, read as UTF-8. Refused before any read: what is
 * not a regular file (`/dev/zero` never ends; a FIFO with no writer would block forever), and a file over the cap
 * (JSON.parse cannot even hold a 563 MB text as one string).
 */
function readWorldFile(file: string): string {
  let descriptor: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait here forever, before fstat could refuse it.
    descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "there is no such file" : code === "EACCES" ? "permission is denied" : String(error);
    throw new WorldDataError(file, undefined, `cannot be read: ${reason}`, CHECK_THE_PATH);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) {
      throw new WorldDataError(file, undefined, `cannot be read: it is ${describeKind(stats)}`, CHECK_THE_PATH);
    }
    if (stats.size > MAX_WORLD_FILE_BYTES) throw tooLarge(file, `${(stats.size / MiB).toFixed(0)} MiB`);
    // Read in chunks up to one byte past the cap: a file that grows while it is read is still bounded.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(MiB, MAX_WORLD_FILE_BYTES + 1 - total));
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > MAX_WORLD_FILE_BYTES) throw tooLarge(file, `over ${MAX_WORLD_FILE_BYTES / MiB} MiB`);
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    closeSync(descriptor);
  }
}

export function loadWorldFile(file: string): WorldData {
  let text = readWorldFile(file);
  if (text.startsWith("\uFEFF")) text = text.slice(1); // a byte-order mark some editors add is not an error
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = findJsonSyntaxError(text);
    const where = at ? `line ${at.line}, column ${at.column}: ${at.problem}` : (error as Error).message;
    throw new WorldDataError(file, undefined, `is not valid JSON: ${where}`);
  }
  // JSON.parse keeps the last of two equal keys: a user list or a chat would vanish without a word.
  const repeated = findDuplicateKey(text);
  if (repeated) {
    throw new WorldDataError(
      file,
      repeated.path,
      `appears twice in its object (again at line ${repeated.line}, column ${repeated.column}); ` +
        "JSON keeps only the last, so the first would be lost: remove or merge one",
    );
  }
  return checkedWorldData(data, file);
}

/**
 * A world handed in as data (`startMock({ data })`) checked whole, as a file is: every record against its
 * schema, then the rules between records. `source` names it in the error.
 */
export function checkedWorldData(data: unknown, source: string): WorldData {
  const checked = checkWorldData(data, schemaValidator());
  if (!checked.ok) throw new WorldDataError(source, checked.path, checked.rule);
  return checked.data;
}
