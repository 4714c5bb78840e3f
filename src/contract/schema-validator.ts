/**
 * JSON Schema validation against openapi.yaml, shared by `verify` and the tests.
 *
 * ajv's 2020-12 dialect is the one OpenAPI 3.1 uses (draft-07 validators get `type: [string, "null"]`,
 * `const` and `unevaluatedProperties` wrong). Every violation names the JSON pointer into
 * openapi.yaml of the schema that failed and the keyword, so a report says which rule was broken.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import spec from "../../generated/openapi.json" with { type: "json" };
import { escapePointer, resolvePointer } from "./pointer.js";

// ajv-formats is CommonJS with `exports.default`; under NodeNext the import is the whole module.
const addFormats = addFormatsModule.default;

export type OpenAPIDocument = typeof spec;

export interface SchemaViolation {
  /** Where in the checked value, as a JSON pointer ("" is the whole value). */
  instancePath: string;
  /** The schema rule that failed, as a JSON pointer into openapi.yaml, ending with the keyword. */
  specPointer: string;
  keyword: string;
  message: string;
}

const DOCUMENT_ID = "openapi.yaml";

/** Every object in the document, mapped to its JSON pointer, so an ajv error's schema can be located. */
function indexPointers(node: unknown, pointer: string, into: Map<object, string>): Map<object, string> {
  if (node && typeof node === "object" && !into.has(node)) {
    into.set(node, pointer);
    for (const [key, child] of Object.entries(node)) indexPointers(child, `${pointer}/${escapePointer(key)}`, into);
  }
  return into;
}

export function createSchemaValidator(document: object = spec) {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true, // errors carry their schema object, which indexPointers() turns into a pointer
    inlineRefs: false,
    strict: false, // the document is an OpenAPI document, not a bare schema: it has keywords ajv does not know
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  const pointers = indexPointers(document, "", new Map());
  const compiled = new Map<string, ValidateFunction>();

  function toViolations(errors: ErrorObject[], value: unknown, prefix = ""): SchemaViolation[] {
    const narrowed = narrowDiscriminated(errors, value);
    return narrowed.flatMap((error) => {
      if ("branch" in error) return toViolations(error.errors, error.value, prefix + error.instancePath);
      const at = error.parentSchema ? pointers.get(error.parentSchema) : undefined;
      return [
        {
          instancePath: prefix + error.instancePath,
          specPointer: `#${at ?? ""}/${error.keyword}`,
          keyword: error.keyword,
          message: describe(error),
        },
      ];
    });
  }

  /**
   * A message `oneOf` reports the failures of every branch. When the value names its branch through
   * the discriminator (`sender_type`), only that branch's failures are about it: validate it against
   * that branch alone and report those instead.
   */
  function narrowDiscriminated(
    errors: ErrorObject[],
    value: unknown,
  ): (ErrorObject | { branch: string; instancePath: string; value: unknown; errors: ErrorObject[] })[] {
    const result: (ErrorObject | { branch: string; instancePath: string; value: unknown; errors: ErrorObject[] })[] =
      [];
    const replaced: string[] = [];
    for (const error of errors) {
      const schema = error.parentSchema as
        | { discriminator?: { propertyName: string; mapping?: Record<string, string> } }
        | undefined;
      if (error.keyword !== "oneOf" || !schema?.discriminator?.mapping) continue;
      const item = resolvePointer(value, error.instancePath);
      const tag =
        item && typeof item === "object"
          ? (item as Record<string, unknown>)[schema.discriminator.propertyName]
          : undefined;
      const branch = typeof tag === "string" ? schema.discriminator.mapping[tag] : undefined;
      if (!branch) continue; // no valid discriminator value: every branch's failure is relevant
      const validate = validatorFor(branch);
      validate(item);
      replaced.push(error.instancePath);
      result.push({ branch, instancePath: error.instancePath, value: item, errors: [...(validate.errors ?? [])] });
    }
    const inReplaced = (path: string) => replaced.some((r) => path === r || path.startsWith(`${r}/`));
    return [...errors.filter((error) => !inReplaced(error.instancePath)), ...result];
  }

  function validatorFor(pointer: string): ValidateFunction {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer.startsWith("#") ? pointer : `#${pointer}`}` });
      compiled.set(pointer, validate);
    }
    return validate;
  }

  return {
    /** Validates `value` against the schema at `pointer` (for example `#/components/schemas/User`). */
    validate(pointer: string, value: unknown): SchemaViolation[] {
      const validate = validatorFor(pointer);
      return validate(value) ? [] : toViolations(validate.errors ?? [], value);
    },
  };
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties")
    return `has a property the schema does not allow: "${params.additionalProperty}"`;
  if (error.keyword === "unevaluatedProperties")
    return `has a property the schema does not allow: "${params.unevaluatedProperty}"`;
  if (error.keyword === "required") return `is missing the required property "${params.missingProperty}"`;
  if (error.keyword === "const") return `must be ${JSON.stringify(params.allowedValue)}`;
  return error.message ?? error.keyword;
}

/** The pointer of a response schema in openapi.yaml, for an operation's status. */
export function responseSchemaPointer(
  document: OpenAPIDocument,
  path: string,
  method: string,
  status: number,
): string | null {
  const operation = (document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[path]?.[
    method.toLowerCase()
  ];
  if (!operation?.responses[String(status)]) return null;
  const raw = operation.responses[String(status)] as { $ref?: string };
  const base = raw.$ref ? raw.$ref : `#/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${status}`;
  const response = resolvePointer(document, base) as { content?: Record<string, unknown> };
  const mediaType = Object.keys(response.content ?? {})[0];
  return mediaType ? `${base}/content/${escapePointer(mediaType)}/schema` : null;
}
