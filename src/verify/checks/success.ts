/** Success: every operation answers a request for a known record (or the first page) with 200 in its declared shape. */
import type { Operation } from "../../contract/facts.js";
import { type Check, withPath } from "../check.js";
import { expectStatus } from "../conformance.js";

export function successCheck(operation: Operation): Check {
  return {
    id: `success/${operation.operationId}`,
    title: `GET ${operation.path} answers 200 with a body valid against its schema`,
    run: (context) =>
      withPath(context, operation, async (path) =>
        expectStatus(await context.session.send(path), operation, 200, `GET ${path}`),
      ),
  };
}
