/**
 * The rules, each proved on a small edit of the real openapi.yaml: the table below diffs the contract against
 * each edit in both directions (base → edit, edit → base) and expects the exact set of rules and the verdict.
 * Together the edits cover every rule in src/diff/rules.ts, and `$ref` moves that must report nothing.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type DiffReport, diffDocuments } from "../../src/diff/compare-documents.js";
import { RULES, type RuleId } from "../../src/diff/rules.js";

type Doc = Record<string, any>;
type Verdict = "breaking" | "compatible" | "none";

const contract: Doc = parse(readFileSync(new URL("../../openapi.yaml", import.meta.url), "utf8"));

interface Mutation {
  name: string;
  /** An edit applied to both sides first, when the rule needs something the contract does not have. */
  setup?: (doc: Doc) => void;
  edit: (doc: Doc) => void;
  /** The verdict and rules of contract → edit. */
  forward: [Verdict, RuleId[]];
  /** The verdict and rules of edit → contract. */
  backward: [Verdict, RuleId[]];
}

const schemas = (doc: Doc) => doc.components.schemas;
const parameters = (doc: Doc) => doc.components.parameters;
const responses = (doc: Doc) => doc.components.responses;
const op = (doc: Doc, path: string) => doc.paths[path].get;
const errorPin = (doc: Doc, response: string) =>
  responses(doc)[response].content["application/vnd.signalzen.v1+json"].schema.allOf[1].properties;
const MEDIA = "application/vnd.signalzen.v1+json";

const MUTATIONS: Mutation[] = [
  // Operations
  {
    name: "an operation removed",
    edit: (doc) => delete doc.paths["/users/{id}"],
    forward: ["breaking", ["operation-removed"]],
    backward: ["compatible", ["operation-added"]],
  },
  {
    name: "a path template's parameter renamed ({id} → {user})",
    edit: (doc) => {
      const item = doc.paths["/users/{id}"];
      item.get.parameters[0].name = "user";
      doc.paths["/users/{user}"] = item;
      delete doc.paths["/users/{id}"];
    },
    forward: ["breaking", ["operation-added", "operation-removed"]],
    backward: ["breaking", ["operation-added", "operation-removed"]],
  },
  {
    name: "an operationId changed",
    edit: (doc) => (op(doc, "/users").operationId = "getUsers"),
    forward: ["breaking", ["operation-id-changed"]],
    backward: ["breaking", ["operation-id-changed"]],
  },
  {
    name: "the security scheme becomes an API key in a header",
    edit: (doc) => (doc.components.securitySchemes.apiSecret = { type: "apiKey", in: "header", name: "X-Api-Key" }),
    forward: ["breaking", ["security-changed"]],
    backward: ["breaking", ["security-changed"]],
  },
  {
    name: "the security scheme renamed, unchanged",
    edit: (doc) => {
      doc.components.securitySchemes.bearer = doc.components.securitySchemes.apiSecret;
      delete doc.components.securitySchemes.apiSecret;
      doc.security = [{ bearer: [] }];
    },
    forward: ["none", []],
    backward: ["none", []],
  },
  {
    name: "a server removed",
    edit: (doc) => doc.servers.pop(),
    forward: ["breaking", ["server-removed"]],
    backward: ["compatible", ["server-added"]],
  },
  {
    name: "a request body added to a GET",
    edit: (doc) =>
      (op(doc, "/users").requestBody = { content: { "application/json": { schema: { type: "object" } } } }),
    forward: ["breaking", ["request-body-changed"]],
    backward: ["breaking", ["request-body-changed"]],
  },
  {
    name: "a schema inlined out of components (ErrorDetail into ErrorBody.details.items)",
    edit: (doc) => {
      schemas(doc).ErrorBody.properties.details.items = schemas(doc).ErrorDetail;
      delete schemas(doc).ErrorDetail;
    },
    forward: ["breaking", ["component-schema-removed"]],
    backward: ["none", []],
  },
  // Parameters
  {
    name: "a required query parameter added",
    edit: (doc) =>
      op(doc, "/users").parameters.push({ name: "sort", in: "query", required: true, schema: { type: "string" } }),
    forward: ["breaking", ["parameter-added-required"]],
    backward: ["breaking", ["parameter-removed"]],
  },
  {
    name: "an optional query parameter added",
    edit: (doc) => op(doc, "/users").parameters.push({ name: "sort", in: "query", schema: { type: "string" } }),
    forward: ["compatible", ["parameter-added-optional"]],
    backward: ["breaking", ["parameter-removed"]],
  },
  {
    name: "a value added to an enum only requests use (a Sort schema behind a query parameter)",
    setup: (doc) => {
      schemas(doc).Sort = { type: "string", enum: ["asc", "desc"] };
      op(doc, "/users").parameters.push({ name: "sort", in: "query", schema: { $ref: "#/components/schemas/Sort" } });
    },
    edit: (doc) => schemas(doc).Sort.enum.push("random"),
    forward: ["compatible", ["parameter-values-widened"]],
    backward: ["breaking", ["parameter-values-narrowed"]],
  },
  {
    name: "limit made required",
    edit: (doc) => (parameters(doc).limit.required = true),
    forward: ["breaking", ["parameter-became-required"]],
    backward: ["compatible", ["parameter-became-optional"]],
  },
  {
    name: "limit's minimum raised (1 → 2)",
    edit: (doc) => (parameters(doc).limit.schema.minimum = 2),
    forward: ["breaking", ["parameter-values-narrowed"]],
    backward: ["compatible", ["parameter-values-widened"]],
  },
  {
    name: "limit's maximum lowered (99 → 50)",
    edit: (doc) => (parameters(doc).limit.schema.maximum = 50),
    forward: ["breaking", ["parameter-values-narrowed"]],
    backward: ["compatible", ["parameter-values-widened"]],
  },
  {
    name: "offset's type widened (integer → number)",
    edit: (doc) => (parameters(doc).offset.schema.type = "number"),
    forward: ["compatible", ["parameter-values-widened"]],
    backward: ["breaking", ["parameter-values-narrowed"]],
  },
  {
    name: "offset's type changed (integer → string)",
    edit: (doc) => {
      parameters(doc).offset.schema = { type: "string", default: 0 };
    },
    // The type narrows; the integer's format and bounds, dropped, widen: both are listed.
    forward: ["breaking", ["parameter-values-narrowed", "parameter-values-widened"]],
    backward: ["breaking", ["parameter-values-narrowed"]],
  },
  {
    name: "an enum value removed from a parameter",
    setup: (doc) => (parameters(doc).limit.schema.enum = [10, 50, 99]),
    edit: (doc) => (parameters(doc).limit.schema.enum = [10, 50]),
    forward: ["breaking", ["parameter-values-narrowed"]],
    backward: ["compatible", ["parameter-values-widened"]],
  },
  {
    name: "a pattern added to a string parameter",
    setup: (doc) => op(doc, "/users").parameters.push({ name: "q", in: "query", schema: { type: "string" } }),
    edit: (doc) => (op(doc, "/users").parameters[2].schema.pattern = "^[a-z]+$"),
    forward: ["breaking", ["parameter-values-narrowed"]],
    backward: ["compatible", ["parameter-values-widened"]],
  },
  {
    name: "limit's default changed (50 → 20)",
    edit: (doc) => (parameters(doc).limit.schema.default = 20),
    forward: ["breaking", ["parameter-default-changed"]],
    backward: ["breaking", ["parameter-default-changed"]],
  },
  {
    name: "limit's default dropped",
    edit: (doc) => delete parameters(doc).limit.schema.default,
    forward: ["breaking", ["parameter-default-changed"]],
    backward: ["compatible", ["parameter-default-added"]],
  },
  {
    name: "offset's serialization changed (explode: false)",
    edit: (doc) => (parameters(doc).offset.explode = false),
    forward: ["breaking", ["parameter-style-changed"]],
    backward: ["breaking", ["parameter-style-changed"]],
  },
  {
    name: "an exclusive minimum that means the same on an integer (minimum 1 → exclusiveMinimum 0)",
    edit: (doc) => {
      delete parameters(doc).limit.schema.minimum;
      parameters(doc).limit.schema.exclusiveMinimum = 0;
    },
    forward: ["none", []],
    backward: ["none", []],
  },
  // Responses
  {
    name: "the success media type renamed",
    edit: (doc) => {
      const content = op(doc, "/users").responses["200"].content;
      content["application/json"] = content[MEDIA];
      delete content[MEDIA];
    },
    forward: ["breaking", ["response-media-type-added", "response-media-type-removed"]],
    backward: ["breaking", ["response-media-type-added", "response-media-type-removed"]],
  },
  {
    name: "a response field removed (User.email)",
    edit: (doc) => {
      delete schemas(doc).User.properties.email;
      schemas(doc).User.required = schemas(doc).User.required.filter((name: string) => name !== "email");
    },
    forward: ["breaking", ["response-property-removed"]],
    backward: ["compatible", ["response-property-added"]],
  },
  {
    name: "a response field renamed (User.reference → User.ref)",
    edit: (doc) => {
      const user = schemas(doc).User;
      user.properties.ref = user.properties.reference;
      delete user.properties.reference;
      user.required = user.required.map((name: string) => (name === "reference" ? "ref" : name));
    },
    forward: ["breaking", ["response-property-added", "response-property-removed"]],
    backward: ["breaking", ["response-property-added", "response-property-removed"]],
  },
  {
    name: "a response field made optional (User.id)",
    edit: (doc) => (schemas(doc).User.required = schemas(doc).User.required.filter((name: string) => name !== "id")),
    forward: ["breaking", ["response-property-became-optional"]],
    backward: ["compatible", ["response-property-became-required"]],
  },
  {
    name: "a new optional response field (User.country)",
    edit: (doc) => (schemas(doc).User.properties.country = { type: "string", maxLength: 2 }),
    forward: ["compatible", ["response-property-added"]],
    backward: ["breaking", ["response-property-removed"]],
  },
  {
    name: "a field made nullable by a type array (OperatorSender.surname)",
    edit: (doc) => (schemas(doc).OperatorSender.properties.surname.type = ["string", "null"]),
    forward: ["breaking", ["response-became-nullable"]],
    backward: ["compatible", ["response-became-non-nullable"]],
  },
  {
    name: "a field made nullable by oneOf [X, null] (OperatorSender.email)",
    edit: (doc) =>
      (schemas(doc).OperatorSender.properties.email = {
        oneOf: [{ $ref: "#/components/schemas/Email" }, { type: "null" }],
      }),
    forward: ["breaking", ["response-became-nullable"]],
    backward: ["compatible", ["response-became-non-nullable"]],
  },
  {
    name: "nullable spelled the other way (User.name: type array → oneOf with null)",
    edit: (doc) =>
      (schemas(doc).User.properties.name = { oneOf: [{ type: "string", maxLength: 255 }, { type: "null" }] }),
    forward: ["none", []],
    backward: ["none", []],
  },
  {
    name: "a response field's type changed (read_by_user boolean → string)",
    edit: (doc) => (schemas(doc).UserMessage.properties.read_by_user.type = "string"),
    forward: ["breaking", ["response-type-changed"]],
    backward: ["breaking", ["response-type-changed"]],
  },
  {
    name: "a response field's type widened (total integer → number)",
    edit: (doc) => (schemas(doc).PageFields.properties.total.type = "number"),
    forward: ["breaking", ["response-type-changed"]],
    backward: ["compatible", ["response-values-narrowed"]],
  },
  {
    name: "a response format changed (Timestamp date-time → date)",
    edit: (doc) => (schemas(doc).Timestamp.format = "date"),
    forward: ["breaking", ["response-format-changed"]],
    backward: ["breaking", ["response-format-changed"]],
  },
  {
    name: "a response format dropped (Url uri)",
    edit: (doc) => delete schemas(doc).Url.format,
    forward: ["breaking", ["response-format-changed"]],
    backward: ["compatible", ["response-values-narrowed"]],
  },
  {
    name: "a response length raised (User.name maxLength 255 → 1000)",
    edit: (doc) => (schemas(doc).User.properties.name.maxLength = 1000),
    forward: ["breaking", ["response-values-widened"]],
    backward: ["compatible", ["response-values-narrowed"]],
  },
  {
    name: "a response array may be longer (UserList users maxItems 99 → 200)",
    edit: (doc) => (schemas(doc).UserList.allOf[1].properties.users.maxItems = 200),
    forward: ["breaking", ["response-values-widened"]],
    backward: ["compatible", ["response-values-narrowed"]],
  },
  {
    name: "a response string may be shorter (UserAttribute.name minLength 1 → 0)",
    edit: (doc) => (schemas(doc).UserAttribute.properties.name.minLength = 0),
    forward: ["breaking", ["response-values-widened"]],
    backward: ["compatible", ["response-values-narrowed"]],
  },
  {
    name: "a response pattern dropped (WWW-Authenticate's)",
    edit: (doc) => delete doc.components.headers.WWWAuthenticate.schema.pattern,
    forward: ["breaking", ["response-values-widened"]],
    backward: ["compatible", ["response-values-narrowed"]],
  },
  {
    name: "unevaluatedProperties: false dropped from an allOf page (UserList)",
    edit: (doc) => delete schemas(doc).UserList.unevaluatedProperties,
    forward: ["compatible", ["response-additional-properties-changed"]],
    backward: ["compatible", ["response-additional-properties-changed"]],
  },
  {
    name: "an anyOf without discriminator gains a member (matched by position)",
    setup: (doc) => (schemas(doc).User.properties.score = { anyOf: [{ type: "integer" }, { type: "string" }] }),
    edit: (doc) => schemas(doc).User.properties.score.anyOf.push({ type: "boolean" }),
    forward: ["breaking", ["response-union-member-added"]],
    backward: ["breaking", ["response-union-member-removed"]],
  },
  {
    name: "an anyOf member changed in place (position 2: string → boolean)",
    setup: (doc) => (schemas(doc).User.properties.score = { anyOf: [{ type: "integer" }, { type: "string" }] }),
    edit: (doc) => (schemas(doc).User.properties.score.anyOf[1] = { type: "boolean" }),
    forward: ["breaking", ["response-type-changed"]],
    backward: ["breaking", ["response-type-changed"]],
  },
  {
    name: "a recursive schema (User.referrer is a User) is compared without looping",
    setup: (doc) =>
      (schemas(doc).User.properties.referrer = { oneOf: [{ $ref: "#/components/schemas/User" }, { type: "null" }] }),
    edit: (doc) => (schemas(doc).User.properties.name.maxLength = 1000),
    forward: ["breaking", ["response-values-widened"]],
    backward: ["compatible", ["response-values-narrowed"]],
  },
  {
    name: "a schema that contains itself through allOf is compared without looping",
    setup: (doc) => {
      schemas(doc).Loop = {
        allOf: [{ $ref: "#/components/schemas/Loop" }, { type: "object", properties: { a: { type: "string" } } }],
      };
    },
    edit: (doc) => (schemas(doc).Loop.allOf[1].properties.a.maxLength = 3),
    forward: ["compatible", ["response-values-narrowed"]],
    backward: ["breaking", ["response-values-widened"]],
  },
  {
    name: "a new value of a response enum consumers switch on",
    setup: (doc) => {
      schemas(doc).User.properties.kind = { type: "string", enum: ["visitor", "lead"] };
      schemas(doc).User.required.push("kind");
    },
    edit: (doc) => schemas(doc).User.properties.kind.enum.push("customer"),
    forward: ["breaking", ["response-enum-value-added"]],
    backward: ["breaking", ["response-enum-value-removed"]],
  },
  {
    name: "a new value of an enum only exported as a type (ErrorCode, the error body's code)",
    edit: (doc) => schemas(doc).ErrorBody.properties.code.enum.push("payment_required"),
    forward: ["breaking", ["response-enum-value-added"]],
    backward: ["breaking", ["response-enum-value-removed"]],
  },
  {
    name: "a third sender_type (a new member of the discriminated union)",
    edit: (doc) => {
      const bot = structuredClone(schemas(doc).UserMessage);
      bot.properties.sender_type = { type: "string", enum: ["bot"] };
      schemas(doc).BotMessage = bot;
      schemas(doc).Message.oneOf.push({ $ref: "#/components/schemas/BotMessage" });
      schemas(doc).Message.discriminator.mapping.bot = "#/components/schemas/BotMessage";
    },
    forward: ["breaking", ["response-union-member-added"]],
    backward: ["breaking", ["component-schema-removed", "response-union-member-removed"]],
  },
  {
    name: "the union's members reordered (matched by discriminator, not position)",
    edit: (doc) => schemas(doc).Message.oneOf.reverse(),
    forward: ["none", []],
    backward: ["none", []],
  },
  {
    name: "a response object opened to undocumented fields (User.additionalProperties dropped)",
    edit: (doc) => delete schemas(doc).User.additionalProperties,
    forward: ["compatible", ["response-additional-properties-changed"]],
    backward: ["compatible", ["response-additional-properties-changed"]],
  },
  {
    name: "Retry-After made optional",
    edit: (doc) => (doc.components.headers.RetryAfter.required = false),
    forward: ["breaking", ["response-header-became-optional"]],
    backward: ["compatible", ["response-header-became-required"]],
  },
  {
    name: "WWW-Authenticate removed from 401",
    edit: (doc) => delete responses(doc).Unauthorized.headers,
    forward: ["breaking", ["response-header-removed"]],
    backward: ["compatible", ["response-header-added"]],
  },
  // Errors
  {
    name: "the error body loses a field (ErrorBody.message)",
    edit: (doc) => {
      delete schemas(doc).ErrorBody.properties.message;
      schemas(doc).ErrorBody.required = ["status", "code"];
    },
    forward: ["breaking", ["response-property-removed"]],
    backward: ["compatible", ["response-property-added"]],
  },
  {
    name: "the error body's details item made optional (ErrorDetail.message)",
    edit: (doc) => (schemas(doc).ErrorDetail.required = []),
    forward: ["breaking", ["response-property-became-optional"]],
    backward: ["compatible", ["response-property-became-required"]],
  },
  {
    name: "an error code string changed (not_found → no_such_record)",
    edit: (doc) => {
      errorPin(doc, "NotFound").code.const = "no_such_record";
      const code = schemas(doc).ErrorBody.properties.code;
      code.enum = code.enum.map((code: string) => (code === "not_found" ? "no_such_record" : code));
    },
    forward: ["breaking", ["error-code-changed", "response-enum-value-added", "response-enum-value-removed"]],
    backward: ["breaking", ["error-code-changed", "response-enum-value-added", "response-enum-value-removed"]],
  },
  {
    name: "an error response no longer pins its code",
    edit: (doc) => delete errorPin(doc, "Gone").code,
    forward: ["breaking", ["error-code-changed"]],
    // Pinning it again removes the nine other codes from the 410 body's type: comparisons with them stop compiling.
    backward: ["breaking", ["error-code-changed"]],
  },
  {
    name: "a documented error status removed from an operation (403 on GET /users)",
    edit: (doc) => delete op(doc, "/users").responses["403"],
    forward: ["breaking", ["response-status-removed"]],
    backward: ["compatible", ["response-status-added"]],
  },
  {
    name: "Retry-After removed from 429",
    edit: (doc) => delete responses(doc).TooManyRequests.headers,
    forward: ["breaking", ["retry-after-removed"]],
    backward: ["compatible", ["response-header-added"]],
  },
  // $ref moves
  {
    name: "$ref move: a response schema inlined (getUser 200 → User written out)",
    edit: (doc) => (op(doc, "/users/{id}").responses["200"].content[MEDIA].schema = structuredClone(schemas(doc).User)),
    forward: ["none", []],
    backward: ["none", []],
  },
  {
    name: "$ref move: an inline error schema moved into components",
    edit: (doc) => {
      const media = responses(doc).BadRequest.content[MEDIA];
      schemas(doc).BadRequestError = media.schema;
      media.schema = { $ref: "#/components/schemas/BadRequestError" };
    },
    forward: ["none", []],
    backward: ["breaking", ["component-schema-removed"]],
  },
  {
    name: "$ref move: a parameter inlined, a response moved into components",
    edit: (doc) => {
      op(doc, "/users").parameters[1] = structuredClone(parameters(doc).limit);
      responses(doc).User = op(doc, "/users/{id}").responses["200"];
      op(doc, "/users/{id}").responses["200"] = { $ref: "#/components/responses/User" };
    },
    forward: ["none", []],
    backward: ["none", []],
  },
  {
    name: "$ref move: a property's allOf parts regrouped (UserList's users moved into PageFields' part)",
    edit: (doc) => {
      const list = schemas(doc).UserList;
      const page = structuredClone(schemas(doc).PageFields);
      page.required.push("users");
      page.properties.users = list.allOf[1].properties.users;
      list.allOf = [page];
    },
    forward: ["none", []],
    backward: ["none", []],
  },
];

function verdictOf(report: DiffReport): Verdict {
  return report.breaking > 0 ? "breaking" : report.changes.length > 0 ? "compatible" : "none";
}

function outcome(base: Doc, head: Doc): [Verdict, RuleId[]] {
  const report = diffDocuments(base, head);
  return [verdictOf(report), [...new Set(report.changes.map((change) => change.rule))].sort()];
}

describe("diff classifies each edit of openapi.yaml", () => {
  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))("%s", (_name, mutation) => {
    const base = structuredClone(contract);
    mutation.setup?.(base);
    const head = structuredClone(base);
    mutation.edit(head);
    expect(outcome(base, head)).toEqual([mutation.forward[0], [...mutation.forward[1]].sort()]);
    expect(outcome(head, base)).toEqual([mutation.backward[0], [...mutation.backward[1]].sort()]);
  });

  it("holds at least 30 edits, covering every rule", () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(30);
    const covered = new Set(MUTATIONS.flatMap((mutation) => [...mutation.forward[1], ...mutation.backward[1]]));
    expect(RULES.map((rule) => rule.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it("finds nothing between the contract and itself", () => {
    expect(diffDocuments(contract, structuredClone(contract))).toEqual({ breaking: 0, compatible: 0, changes: [] });
  });
});
