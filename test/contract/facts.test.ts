/** The typed facts generated from openapi.yaml. */
import { describe, expect, it } from "vitest";
import * as contract from "../../generated/contract.js";
import spec from "../../generated/openapi.json" with { type: "json" };
import { contractFacts } from "../../scripts/generate.js";
import { declares, errorFact, operationById, resourceOfParam } from "../../src/contract/facts.js";

describe("contract facts", () => {
  it("name each operation's resource and each path parameter's, from the schemas, not the path's text", () => {
    expect(contract.operations.map((op) => [op.operationId, op.resource, op.listKey, op.pathParams])).toEqual([
      ["listUsers", "user", "users", []],
      ["getUser", "user", null, [{ name: "id", resource: "user" }]],
      ["listUserMessages", "message", "messages", [{ name: "user_id", resource: "user" }]],
      [
        "getUserMessage",
        "message",
        null,
        [
          { name: "user_id", resource: "user" },
          { name: "id", resource: "message" },
        ],
      ],
    ]);
  });

  it("derive a parameter's resource from the operation that answers its path, whatever the parameter is called", () => {
    const document = structuredClone(spec) as Record<string, any>;
    const item = document.paths["/users/{user_id}/messages/{id}"];
    delete document.paths["/users/{user_id}/messages/{id}"];
    item.get.parameters = [
      { name: "visitor", in: "path", required: true, schema: { type: "integer" } },
      item.get.parameters[1],
    ];
    document.paths["/users/{visitor}/messages/{id}"] = item;
    const facts = contractFacts(document);
    const renamed = facts.operations.find((op) => op.operationId === "getUserMessage")!;
    expect(renamed.pathParams).toEqual([
      { name: "visitor", resource: "user" },
      { name: "id", resource: "message" },
    ]);
  });

  it("answer typed look-ups", () => {
    const getUser = operationById("getUser");
    expect(getUser.path).toBe("/users/{id}");
    expect(declares(getUser, 404)).toBe(true);
    expect(declares(operationById("listUsers"), 404)).toBe(false);
    expect(errorFact(429)).toEqual({ code: "too_many_requests", message: expect.any(String), retryAfter: true });
    expect(errorFact(418)).toBeUndefined();
    expect(resourceOfParam(operationById("getUserMessage"), "user_id")).toBe("user");
    expect(() => resourceOfParam(getUser, "user_id")).toThrow("getUser has no path parameter user_id");
  });
});
