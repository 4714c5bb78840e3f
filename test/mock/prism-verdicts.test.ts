/**
 * Prism's verdicts are remembered (prism.ts): a remembered verdict is the verdict Prism gives, a 400 included, and
 * a stream of distinct canonical requests (a hostile client walking ids) never holds more than the bound.
 * Prism agrees with the contract's rules on the real spec, so its 400 is seen on a copy where it does not:
 * ids above 10 and limits above 20 are refused by Prism only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AcceptedRequest } from "../../src/mock/handler.js";
import { createPrismValidator, VERDICT_BOUNDS } from "../../src/mock/prism.js";
import { checkParameters, checkPath } from "../../src/mock/rules.js";
import { GOOD_HEADERS } from "../helpers/http.js";

const directory = mkdtempSync(path.join(tmpdir(), "prism-verdicts-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** openapi.yaml with Prism stricter than the rules: ids at most 10, limits at most 20. */
function stricterSpec(): string {
  const spec = readFileSync(path.join(import.meta.dirname, "../../openapi.yaml"), "utf8");
  const stricter = spec
    .replace(/(\n {4}Id:\n(?: {6}.*\n)*? {6}maximum: )2147483647/, "$110")
    .replace(/(\n {4}limit:\n(?: {6}.*\n)*? {8}maximum: )99/, "$120");
  expect(stricter.match(/maximum: 10\n/g)).toHaveLength(1);
  expect(stricter.match(/maximum: 20\n/g)).toHaveLength(1);
  const file = path.join(directory, "openapi.yaml");
  writeFileSync(file, stricter);
  return file;
}

/** The request as the rules accepted it. */
function accepted(target: string): AcceptedRequest {
  const [requestPath = "", query = ""] = target.split("?");
  const headers: Record<string, string> = { accept: GOOD_HEADERS.Accept, authorization: GOOD_HEADERS.Authorization };
  const request = {
    method: "GET",
    path: requestPath,
    search: query && `?${query}`,
    header: (name: string) => headers[name],
  };
  const route = checkPath(request);
  if ("status" in route) throw new Error(`${target}: ${route.body}`);
  const parameters = checkParameters(request, route);
  if ("status" in parameters) throw new Error(`${target}: ${parameters.body}`);
  return { request, route, parameters };
}

describe("Prism's verdicts, remembered", () => {
  const spec = stricterSpec();

  it("a remembered verdict is the one Prism gives: its 400 with the violations, and a pass", async () => {
    const engine = await createPrismValidator(spec);
    const unremembered = await createPrismValidator(spec, { entries: 1, bytes: 0 });
    const refused = await engine(accepted("/users/11"));
    expect(refused?.status).toBe(400);
    expect(JSON.parse(refused!.body).details).toEqual([
      { location: "path.id", message: "Request path parameter id must be <= 10" },
    ]);
    expect(await engine(accepted("/users/11"))).toBe(refused); // remembered: the very same answer
    expect(await unremembered(accepted("/users/11"))).toEqual(refused); // and what Prism says anew
    const tooLong = await engine(accepted("/users?limit=21"));
    expect(JSON.parse(tooLong!.body).details).toEqual([
      { location: "query.limit", message: "Request query parameter limit must be <= 20" },
    ]);
    expect(await engine(accepted("/users?limit=21"))).toBe(tooLong);
    for (const valid of ["/users/10", "/users?limit=20", "/users/3/messages/4"]) {
      expect(await engine(accepted(valid)), valid).toBeUndefined();
      expect(await engine(accepted(valid)), valid).toBeUndefined();
    }
  });

  it("distinct ids never hold more than the bound: the oldest verdicts are asked of Prism again", async () => {
    const engine = await createPrismValidator(spec, { entries: 3, bytes: 1 << 20 });
    const first = await engine(accepted("/users/11"));
    for (let id = 12; id < 14; id++) await engine(accepted(`/users/${id}`));
    expect(await engine(accepted("/users/11"))).toBe(first); // three held: still remembered
    for (let id = 14; id < 17; id++) await engine(accepted(`/users/${id}`)); // three more: /users/11 is the oldest
    const again = await engine(accepted("/users/11"));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    // The server's bounds: a hostile walk of ids holds at most 10,000 verdicts of a few hundred bytes each.
    expect(VERDICT_BOUNDS).toEqual({ entries: 10_000, bytes: 16 << 20 });
  });

  it("the bytes bound holds too: a verdict heavier than all of it is not remembered", async () => {
    const engine = await createPrismValidator(spec, { entries: 100, bytes: 300 });
    const refused = await engine(accepted("/users/11"));
    expect(await engine(accepted("/users/11"))).not.toBe(refused);
    expect(await engine(accepted("/users/11"))).toEqual(refused);
  });
});
