/**
 * The documented errors, each where the operation declares it: 401 without and with a wrong secret,
 * 406 without the vendor Accept, 400 for each documented parameter bound and for non-integers, 404 for
 * unknown records, and 405 for POST (only with probeMethods).
 */
import * as contract from "../../contract/facts.js";
import { declares, type Operation } from "../../contract/facts.js";
import { type Check, type CheckContext, withPath } from "../check.js";
import { expectStatus } from "../conformance.js";
import { documentedMaximum, parameterSchema, query } from "../requests.js";
import type { Reply } from "../session.js";

const MAX_ID = contract.bounds.id.maximum;

export function errorChecks(operation: Operation): Check[] {
  const checks: Check[] = [];
  const single = (
    id: string,
    title: string,
    status: number,
    send: (context: CheckContext, path: string) => Promise<Reply>,
    overrides?: Record<string, string | number>,
  ): Check => ({
    id: `errors/${operation.operationId}/${id}`,
    title,
    run: (context) =>
      withPath(
        context,
        operation,
        async (path) => {
          const reply = await send(context, path);
          return expectStatus(reply, operation, status, `${reply.exchange.request.method} ${path}`);
        },
        overrides,
      ),
  });
  if (declares(operation, 401)) {
    checks.push(
      single("401-missing", "401 without the Authorization header", 401, (context, path) =>
        context.session.send(path, { authorization: null }),
      ),
      single("401-wrong", "401 with a wrong secret", 401, (context, path) =>
        context.session.send(path, { authorization: "Bearer signalzen-verify-wrong-secret" }),
      ),
    );
  }
  if (declares(operation, 406)) {
    checks.push(
      single("406-missing", "406 without the vendor Accept (fetch sends */*)", 406, (context, path) =>
        context.session.send(path, { accept: null }),
      ),
      single("406-json", "406 for Accept: application/json", 406, (context, path) =>
        context.session.send(path, { accept: "application/json" }),
      ),
    );
  }
  if (declares(operation, 400)) {
    for (const name of operation.queryParams) {
      const schema = parameterSchema(operation, name);
      const maximum = documentedMaximum(schema);
      const invalid: [string, string | number][] = [];
      if (schema.minimum !== undefined) invalid.push(["below-minimum", schema.minimum - 1]);
      if (maximum !== undefined) invalid.push(["above-maximum", maximum + 1]);
      if (schema.type === "integer") invalid.push(["not-an-integer", "abc"]);
      for (const [kind, value] of invalid) {
        checks.push(
          single(`400-${name}-${kind}`, `400 for ${name}=${value}`, 400, (context, path) =>
            context.session.send(path + query({ [name]: value })),
          ),
        );
      }
    }
  }
  if (declares(operation, 404)) {
    for (const { name, resource } of operation.pathParams) {
      const title = `404 for an unknown ${resource} (${name}=${MAX_ID})`;
      checks.push(
        single(`404-unknown-${name}`, title, 404, (context, path) => context.session.send(path), { [name]: MAX_ID }),
      );
    }
  }
  if (declares(operation, 405)) checks.push(methodCheck(operation));
  return checks;
}

function methodCheck(operation: Operation): Check {
  return {
    id: `errors/${operation.operationId}/405-post`,
    title: "405 with Allow: GET for POST (sent only with --probe-methods)",
    run: async (context) => {
      if (!context.probeMethods) {
        return { notRun: "sends a POST: pass --probe-methods to run it (verify otherwise sends only GET)" };
      }
      return withPath(context, operation, async (path) => {
        const reply = await context.session.send(path, {}, "POST");
        const findings = expectStatus(reply, operation, 405, `POST ${path}`);
        const allow = reply.exchange.response?.headers.allow ?? "";
        if (!findings.length && !/\bGET\b/.test(allow)) {
          findings.push({ message: `Allow should name GET, got "${allow}"`, exchange: reply.exchange });
        }
        return findings;
      });
    },
  };
}
