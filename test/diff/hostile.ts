/**
 * Small documents built to make a differ slow or crash (issue 19, items 14-15): a chain of schemas each of whose
 * two properties refer to the next (2^levels routes to the leaf, no cycle), and a mapping nested very deep.
 */

/** S0..S{levels}: each Si has properties `a` and `b`, both `$ref` S(i+1); the leaf S{levels} is `{type: leafType}`. */
export function chainDocument(levels: number, leafType = "string"): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (let index = 0; index < levels; index++) {
    const next = { $ref: `#/components/schemas/S${index + 1}` };
    schemas[`S${index}`] = { type: "object", properties: { a: next, b: next } };
  }
  schemas[`S${levels}`] = { type: leafType };
  return {
    openapi: "3.1.0",
    info: { title: "chain", version: "1.0.0" },
    paths: {
      "/s": {
        get: {
          operationId: "getS",
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/S0" } } },
            },
          },
        },
      },
    },
    components: { schemas },
  };
}

/** A valid document whose `x-deep` extension nests `depth` mappings: 4,000 deep is about 24 KB as JSON. */
export function deepDocumentJson(depth: number): string {
  return `{"openapi":"3.1.0","info":{"title":"deep","version":"1.0.0"},"paths":{},"x-deep":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`;
}
