/**
 * A seeded, bounded property-based run per operation: valid and invalid parameter values, never a 5xx,
 * every answer a declared status in its declared shape. Where the reference leaves the answer open,
 * every declared answer is accepted: a request that is invalid and names a record not known to exist
 * may get 400 or 404 (which check comes first is the server's choice).
 */
import fc from "fast-check";
import type { Operation } from "../../contract/facts.js";
import type { Json } from "../../shared/json.js";
import { fillPath } from "../../shared/path-template.js";
import type { Check } from "../check.js";
import { bodyStart, conforms, type Finding } from "../conformance.js";
import { documentedMaximum, parameterSchema, query } from "../requests.js";

interface Choice {
  value: string;
  /** Within the parameter's documented bounds and syntax. */
  valid: boolean;
}

/** Values of an integer parameter: in range, its edges and a known id, and invalid ones. */
function valuesFor(schema: Json, known: number | undefined): fc.Arbitrary<Choice> {
  const maximum = documentedMaximum(schema);
  const edges = [schema.minimum, schema.maximum, ...(known !== undefined ? [known] : [])];
  const invalid = [String(schema.minimum - 1), ...(maximum !== undefined ? [String(maximum + 1)] : []), "abc", "1.5"];
  return fc.oneof(
    fc
      .integer({ min: schema.minimum, max: Math.min(schema.maximum, schema.minimum + 200) })
      .map((value) => ({ value: String(value), valid: true })),
    fc.constantFrom(...edges).map((value) => ({ value: String(value), valid: true })),
    fc.constantFrom(...invalid).map((value) => ({ value, valid: false })),
  );
}

/** The statuses a generated request may get: every one the reference leaves open. */
function allowedStatuses(invalid: boolean, unknownRecord: boolean, namesRecords: boolean): number[] {
  if (invalid) return unknownRecord ? [400, 404] : [400];
  return namesRecords ? [200, 404] : [200];
}

export function generatedCheck(operation: Operation): Check {
  return {
    id: `generated/${operation.operationId}`,
    title:
      "seeded generated requests with valid and invalid parameters: never 5xx, always a declared status in the " +
      "declared shape (400 for invalid input, or 404 when it names a record not known to exist)",
    run: async (context) => {
      const pathArbitraries = Object.fromEntries(
        operation.pathParams.map(({ name, resource }) => [
          name,
          valuesFor(parameterSchema(operation, name), context.ids[resource]),
        ]),
      );
      const queryArbitraries = Object.fromEntries(
        operation.queryParams.map((name) => [
          name,
          fc.option(valuesFor(parameterSchema(operation, name), undefined), { nil: undefined }),
        ]),
      );
      const arbitrary = fc.record({ path: fc.record(pathArbitraries), query: fc.record(queryArbitraries) });
      const samples = fc.sample(arbitrary, { seed: context.seed, numRuns: context.generatedRuns });
      const findings: Finding[] = [];
      for (const sample of samples) {
        const path = fillPath(
          operation.path,
          Object.fromEntries(Object.entries(sample.path).map(([name, choice]) => [name, choice.value])),
        );
        const queryChoices = Object.entries(sample.query).filter(
          (entry): entry is [string, Choice] => entry[1] !== undefined,
        );
        const invalid = [...Object.values(sample.path), ...queryChoices.map(([, choice]) => choice)].some(
          (choice) => !choice.valid,
        );
        // Only the known records are known to exist: any other id, valid or not, may name nothing.
        const unknownRecord = operation.pathParams.some(
          ({ name, resource }) => sample.path[name]!.value !== String(context.ids[resource]),
        );
        const reply = await context.session.send(
          path + query(Object.fromEntries(queryChoices.map(([name, choice]) => [name, choice.value]))),
        );
        const { exchange } = reply;
        if (!exchange.response) {
          findings.push({ message: `no response (${exchange.error})`, exchange });
          continue;
        }
        const expected = allowedStatuses(invalid, unknownRecord, operation.pathParams.length > 0);
        const status = exchange.response.status;
        if (expected.includes(status)) {
          findings.push(...conforms(reply, operation));
          continue;
        }
        const about = invalid && unknownRecord ? " (about a record not known to exist)" : "";
        const kind = invalid ? "invalid" : "valid";
        const message = `${kind} parameters${about} should give ${expected.join(" or ")}, got ${status}`;
        findings.push({ message, exchange, excerpt: bodyStart(exchange) });
      }
      return findings;
    },
  };
}
