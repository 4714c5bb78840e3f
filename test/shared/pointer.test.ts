/** The shared primitives that navigate documents and name places: JSON pointers, `$ref`s, JSON paths, path templates. */
import { describe, expect, it } from "vitest";
import { jsonPath, pointerAsPath } from "../../src/shared/json-path.js";
import { fillPath } from "../../src/shared/path-template.js";
import {
  deref,
  escapePointer,
  follow,
  RefCycleError,
  resolvePointer,
  resolveRef,
  schemaNameOf,
} from "../../src/shared/pointer.js";

describe("pointer helper", () => {
  const document = {
    components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { type: "string" }, "x/y~z": { const: 1 } } },
    loop: { $ref: "#/loop" },
  };

  it("escapes and resolves RFC 6901 pointers", () => {
    expect(escapePointer("x/y~z")).toBe("x~1y~0z");
    expect(resolvePointer(document, `#/components/schemas/${escapePointer("x/y~z")}`)).toEqual({ const: 1 });
    expect(resolvePointer(document, "/components/missing/deeper")).toBeUndefined();
    expect(resolvePointer(document, "#")).toBe(document);
  });

  it("follows chains of $refs, and refuses cycles, dangling and remote refs with a message", () => {
    expect(deref(document, { $ref: "#/components/schemas/A" })).toEqual({ type: "string" });
    expect(() => deref(document, { $ref: "#/loop" })).toThrow("$ref #/loop is part of a cycle");
    expect(() => deref(document, { $ref: "#/nowhere" })).toThrow("$ref #/nowhere points at nothing");
    expect(() => deref(document, { $ref: "other.yaml#/x" })).toThrow("$ref other.yaml#/x is not local");
    expect(schemaNameOf({ $ref: "#/components/schemas/User" })).toBe("User");
    expect(schemaNameOf({ type: "string" })).toBeUndefined();
  });

  it("reads a $ref as a URI fragment, percent-decoded, and keeps keywords beside it as OpenAPI 3.1 does", () => {
    const spaced = { components: { schemas: { "A B": { type: "string" }, "{id}": { type: "integer" } } } };
    expect(deref(spaced, { $ref: "#/components/schemas/A%20B" })).toEqual({ type: "string" });
    expect(resolveRef(spaced, "#/components/schemas/%7Bid%7D")).toEqual({ type: "integer" });
    expect(resolveRef(spaced, "#/components/schemas/%zz")).toBeUndefined();
    expect(deref(document, { $ref: "#/components/schemas/B", description: "a name" })).toEqual({
      type: "string",
      description: "a name",
    });
    expect(follow(document, { node: { $ref: "#/components/schemas/A" }, pointer: "#/x" }).pointer).toBe(
      "#/components/schemas/B",
    );
    expect(() => deref(document, { $ref: "#/loop" })).toThrow(RefCycleError);
  });

  it("spells JSON paths one way: identifiers with a dot, other keys quoted, indexes in brackets", () => {
    expect(jsonPath(["messages", "7", 3, "sender", "id"])).toBe('$.messages["7"][3].sender.id');
    expect(jsonPath([])).toBe("$");
    expect(pointerAsPath("/sender/a~1b/0")).toBe('.sender["a/b"][0]');
  });

  it("fills a path template, percent-encoding each value", () => {
    expect(fillPath("/users/{user_id}/messages/{id}", { user_id: 7, id: 12 })).toBe("/users/7/messages/12");
    expect(fillPath("/users/{id}", { id: "1/../admin" })).toBe("/users/1%2F..%2Fadmin");
  });
});
