/**
 * Reads a world file (the load format, as `signalzen-api world --output FILE` writes it) for `mock --data`.
 * Node only: it reads the file system and validates every record with ajv against openapi.yaml. Either the
 * whole file is good, or WorldDataError names the first bad record and the rule it breaks: nothing is
 * served half-loaded.
 */
import { readFileSync } from "node:fs";
import { createSchemaValidator } from "../contract/schema-validator.js";
import { checkWorldData, type RecordValidator } from "./check.js";
import { findJsonSyntaxError } from "./json-syntax.js";
import type { WorldData } from "./types.js";

const HOW_TO_FIX = "Fix it there, or write a fresh world file with `signalzen-api world --output FILE`.";

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

/** A JSON pointer inside a record (`/sender/email`) as the rest of a JSON path (`.sender.email`). */
function pointerAsPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((token) =>
      /^\d+$/.test(token)
        ? `[${token}]`
        : /^[A-Za-z_$][\w$]*$/.test(token)
          ? `.${token}`
          : `[${JSON.stringify(token)}]`,
    )
    .join("");
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

export function loadWorldFile(file: string): WorldData {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a directory" : String(error);
    throw new WorldDataError(
      file,
      undefined,
      `cannot be read: ${reason}`,
      "Check the path: it is relative to the current directory.",
    );
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1); // a byte-order mark some editors add is not an error
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = findJsonSyntaxError(text);
    const where = at ? `line ${at.line}, column ${at.column}: ${at.problem}` : (error as Error).message;
    throw new WorldDataError(file, undefined, `is not valid JSON: ${where}`);
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
