/**
 * Pagination, for each list operation: `offset` and `limit` echoed, a bounded walk over every page
 * (consistent `total`, no page longer than `limit`, no id twice), and an empty page past `total`.
 */

import type { Operation } from "../../contract/facts.js";
import * as contract from "../../contract/facts.js";
import type { Json } from "../../shared/json.js";
import { type Check, withPath } from "../check.js";
import { excerpt, expectStatus, type Finding } from "../conformance.js";
import { query } from "../requests.js";

export function paginationChecks(operation: Operation): Check[] {
  const listKey = operation.listKey!;
  const items = (body: unknown): Json[] => ((body as Json)?.[listKey] as Json[]) ?? [];
  const { limit: limitBounds, offset: offsetBounds } = contract.bounds;
  return [
    {
      id: `pagination/${operation.operationId}/echo`,
      title: "limit and offset are echoed (the defaults when not sent), and a page holds at most limit items",
      run: (context) =>
        withPath(context, operation, async (path) => {
          const findings: Finding[] = [];
          for (const [sent, expected] of [
            [{}, { limit: limitBounds.default, offset: offsetBounds.default }],
            [
              { offset: 1, limit: 2 },
              { offset: 1, limit: 2 },
            ],
          ] as const) {
            const reply = await context.session.send(path + query(sent));
            const { exchange } = reply;
            const problems = expectStatus(reply, operation, 200, `GET ${path}${query(sent)}`);
            findings.push(...problems);
            if (problems.length) continue;
            const body = reply.json as Json;
            for (const [name, value] of Object.entries(expected)) {
              if (body[name] === value) continue;
              const message = `${name} should be ${value}, got ${JSON.stringify(body[name])}`;
              findings.push({ message, exchange, instancePath: `/${name}`, excerpt: excerpt(body[name]) });
            }
            const count = items(body).length;
            if (count > expected.limit) {
              const message = `the page has ${count} items for limit ${expected.limit}`;
              findings.push({ message, exchange, instancePath: `/${listKey}` });
            }
          }
          return findings;
        }),
    },
    {
      id: `pagination/${operation.operationId}/walk`,
      title: "a walk over every page: total consistent, pages no longer than limit, no id twice",
      run: (context) =>
        withPath(context, operation, async (path) => {
          const findings: Finding[] = [];
          const seen = new Map<number, number>();
          let total: number | undefined;
          let count = 0;
          const limit = limitBounds.maximum;
          for (let page = 0, offset = 0; page < context.maxWalkPages; page++, offset += limit) {
            const reply = await context.session.send(path + query({ offset, limit }));
            const { exchange } = reply;
            const problems = expectStatus(reply, operation, 200, `GET ${path}${query({ offset, limit })}`);
            if (problems.length) return [...findings, ...problems];
            const body = reply.json as Json;
            if (total !== undefined && body.total !== total) {
              const message = `total changed from ${total} to ${body.total} between pages`;
              findings.push({ message, exchange, instancePath: "/total", excerpt: excerpt(body.total) });
            }
            total ??= body.total as number;
            const pageItems = items(body);
            if (pageItems.length > limit) {
              const message = `the page at offset ${offset} has ${pageItems.length} items for limit ${limit}`;
              findings.push({ message, exchange, instancePath: `/${listKey}` });
            }
            pageItems.forEach((item, index) => {
              if (!seen.has(item.id)) {
                seen.set(item.id, offset + index);
                return;
              }
              const first = seen.get(item.id);
              const message = `id ${item.id} at offset ${offset + index} was already seen at offset ${first}`;
              findings.push({ message, exchange, instancePath: `/${listKey}/${index}/id`, excerpt: excerpt(item.id) });
            });
            count += pageItems.length;
            if (pageItems.length === 0 || offset + limit >= (total ?? 0)) {
              if (count !== total && findings.length === 0) {
                findings.push({
                  message: `the walk found ${count} records but total says ${total}`,
                  exchange,
                  instancePath: "/total",
                });
              }
              return findings;
            }
          }
          return findings; // bounded: the first maxWalkPages pages were checked
        }),
    },
    {
      id: `pagination/${operation.operationId}/beyond-total`,
      title: "an offset at or past total gives an empty page (the documented behaviour), not an error",
      run: (context) =>
        withPath(context, operation, async (path) => {
          const first = await context.session.send(path + query({ limit: 1 }));
          const problems = expectStatus(first, operation, 200, `GET ${path}?limit=1`);
          if (problems.length) return problems;
          const total = (first.json as Json).total as number;
          const offset = Math.min(total, offsetBounds.maximum);
          const reply = await context.session.send(path + query({ offset }));
          const findings = expectStatus(reply, operation, 200, `GET ${path}${query({ offset })}`);
          const count = items(reply.json).length;
          if (!findings.length && count !== 0) {
            const message = `offset ${offset} (= total) should give an empty page, got ${count} items`;
            findings.push({ message, exchange: reply.exchange, instancePath: `/${listKey}` });
          }
          return findings;
        }),
    },
  ];
}
