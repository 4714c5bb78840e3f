/**
 * JSON Schema validation against openapi.yaml, shared by `verify`, the world file loader and the tests. Node-only
 * (ajv, an optional peer, with code generation), so it lives in src/node/, not in the browser-safe src/contract/.
 *
 * ajv's 2020-12 dialect is the one OpenAPI 3.1 uses (draft-07 validators get `type: [string, "null"]`,
 * `const` and `unevaluatedProperties` wrong). Every violation names the JSON pointer into
 * openapi.yaml of the schema that failed and the keyword, so a report says which rule was broken.
 *
 * Collecting every error is quadratic in ajv (8,000 invalid items take about 2 s, a million would take hours) and
 * synchronous, so validation is bounded: a first pass stops at the first error (linear, and enough to tell valid
 * from invalid); only a value of at most MAX_DETAILED_VALUES values is then examined for every error. A larger
 * invalid value gets its first violation alone, marked as such.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import spec from "../../generated/openapi.json" with { type: "json" };
import { escapePointer, resolvePointer } from "../shared/pointer.js";

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
  /** Set when the value was too large to examine in full: this is its first violation, not its only one. */
  firstOnly?: string;
}

const DOCUMENT_ID = "openapi.yaml";

/**
 * The most values (objects, arrays and scalars, counted together) examined for every error. A full page of the
 * mock's world holds about 1,400; 3,000 invalid values (27,000 errors when each is an empty object) take about
 * 0.25 s to collect every error of, and the time grows with the square of the errors.
 */
const MAX_DETAILED_VALUES = 3_000;

/** Whether `value` holds more than `limit` values: a walk without recursion that stops past the limit. */
function holdsMoreValues(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  let count = 0;
  while (pending.length) {
    const node = pending.pop();
    if (++count > limit) return true;
    if (node && typeof node === "object") for (const child of Object.values(node)) pending.push(child);
  }
  return false;
}

/** Every object in the document, mapped to its JSON pointer, so an ajv error's schema can be located. */
function indexPointers(node: unknown, pointer: string, into: Map<object, string>): Map<object, string> {
  if (node && typeof node === "object" && !into.has(node)) {
    into.set(node, pointer);
    for (const [key, child] of Object.entries(node)) indexPointers(child, `${pointer}/${escapePointer(key)}`, into);
  }
  return into;
}

function createAjv(document: object, allErrors: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors,
    verbose: true, // errors carry their schema object, which indexPointers() turns into a pointer
    inlineRefs: false,
    strict: false, // the document is an OpenAPI document, not a bare schema: it has keywords ajv does not know
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}

export function createSchemaValidator(document: object = spec) {
  // Two compilations of the same schemas: one stops at the first error, one collects them all.
  const every = createAjv(document, true);
  const first = createAjv(document, false);
  const pointers = indexPointers(document, "", new Map());
  const compiled = new Map<string, ValidateFunction>();
  const compiledFirst = new Map<string, ValidateFunction>();

  function toViolations(errors: ErrorObject[], value: unknown, detailed: boolean, prefix = ""): SchemaViolation[] {
    const narrowed = narrowDiscriminated(errors, value, detailed);
    return narrowed.flatMap((error) => {
      if ("branch" in error) return toViolations(error.errors, error.value, detailed, prefix + error.instancePath);
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
    detailed: boolean,
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
      const validate = detailed ? validatorFor(branch) : validatorFor(branch, first, compiledFirst);
      validate(item);
      replaced.push(error.instancePath);
      result.push({ branch, instancePath: error.instancePath, value: item, errors: [...(validate.errors ?? [])] });
    }
    const inReplaced = (path: string) => replaced.some((r) => path === r || path.startsWith(`${r}/`));
    return [...errors.filter((error) => !inReplaced(error.instancePath)), ...result];
  }

  function validatorFor(pointer: string, ajv = every, cache = compiled): ValidateFunction {
    let validate = cache.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer.startsWith("#") ? pointer : `#${pointer}`}` });
      cache.set(pointer, validate);
    }
    return validate;
  }

  return {
    /**
     * Validates `value` against the schema at `pointer` (for example `#/components/schemas/User`): every
     * violation, or only the first (marked `firstOnly`) when the value holds more than MAX_DETAILED_VALUES values.
     */
    validate(pointer: string, value: unknown): SchemaViolation[] {
      const stopAtFirst = validatorFor(pointer, first, compiledFirst);
      if (stopAtFirst(value)) return [];
      if (holdsMoreValues(value, MAX_DETAILED_VALUES)) {
        const firstOnly =
          `the value holds more than ${MAX_DETAILED_VALUES} values: ` +
          "only its first violation was looked for, not every one";
        return toViolations(stopAtFirst.errors ?? [], value, false).map((violation) => ({ ...violation, firstOnly }));
      }
      const validate = validatorFor(pointer);
      validate(value);
      return toViolations(validate.errors ?? [], value, true);
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
