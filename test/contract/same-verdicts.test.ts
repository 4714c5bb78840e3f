/**
 * Contract 2.0.0 rewrote four constructs so that common generators read them (issue 23): the schema `Error`
 * became `ErrorBody`, `sender_type` is `enum: [...]` instead of `const`, `UserMessage`/`OperatorMessage` are
 * plain closed objects instead of `allOf` + `unevaluatedProperties`, and `ErrorCode` is inlined into the error
 * body's `code`. None of that may weaken or tighten the contract: every body, valid or broken, gets the same
 * verdict from ajv 2020-12 under the released 1.0.0 schemas (whose schemas are 1.1.0's) and under today's.
 *
 * The bodies: the mock's whole default world (every user, every message, every page), every documented error
 * body the mock builds, the spec's examples, and mutated copies of each (a field dropped, nulled, retyped, a
 * property added, the discriminator swapped, the error code or status changed).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as contract from "../../generated/contract.js";
import spec from "../../generated/openapi.json" with { type: "json" };
import { errorBody } from "../../src/mock/responses.js";
import { createSchemaValidator } from "../../src/node/schema-validator.js";
import { escapePointer } from "../../src/shared/pointer.js";
import { generateWorld } from "../../src/world/index.js";
import { RELEASED_DIR } from "../diff/gate.js";

type Json = Record<string, unknown>;

const released = parse(readFileSync(`${RELEASED_DIR}/1.0.0/openapi.yaml`, "utf8"));
const base = createSchemaValidator(released);
const today = createSchemaValidator();

/** A schema in both documents: its pointer in 1.0.0 and today (the one renamed schema differs). */
interface Target {
  before: string;
  after: string;
}
const schema = (name: string, after = name): Target => ({
  before: `#/components/schemas/${name}`,
  after: `#/components/schemas/${after}`,
});
const errorResponses = Object.keys(released.components.responses).map((name) => {
  const pointer = `#/components/responses/${name}/content/${escapePointer(contract.mediaType)}/schema`;
  return { before: pointer, after: pointer };
});

const USER = [schema("User")];
const MESSAGE = [schema("Message"), schema("UserMessage"), schema("OperatorMessage")];
const SENDER = [schema("UserSender"), schema("OperatorSender")];
const ERROR = [schema("Error", "ErrorBody"), ...errorResponses];

interface Case {
  label: string;
  value: unknown;
  targets: Target[];
}

/** Mutated copies of a body: each field (at any depth) dropped, nulled, retyped; a property added to each object. */
function* mutants(label: string, value: unknown, targets: Target[]): Generator<Case> {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    paths.push(path);
    if (node && typeof node === "object") for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  /** A copy of the body with `change` applied to the node at `path` (`[]` is the body itself). */
  const edited = (path: string[], change: (node: unknown) => unknown): unknown => {
    const copy = structuredClone({ root: value }) as Json;
    const full = ["root", ...path];
    const key = full.at(-1)!;
    const parent = resolve(copy, full.slice(0, -1)) as Json;
    const next = change(parent[key]);
    if (next === DROP) Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else parent[key] = next;
    return copy.root;
  };
  const seen = new Set<string>();
  for (const path of paths) {
    const current = resolve(value, path);
    const key = path.at(-1);
    const edits: [string, (node: unknown) => unknown][] = [];
    if (current && typeof current === "object")
      edits.push(["+extra", (node) => (Array.isArray(node) ? [...node, "x"] : { ...(node as Json), extra: "x" })]);
    if (key !== undefined) {
      edits.push(
        ["dropped", () => DROP],
        ["null", () => null],
        ["string", () => (typeof current === "string" ? `${current}${"x".repeat(3000)}` : "1")],
        ["number", () => (typeof current === "number" ? -current : 1)],
        ["boolean", () => true],
        ["object", () => ({})],
      );
    }
    if (key === "sender_type") edits.push(["swapped", swap]);
    if (key === "code") for (const code of CODES) edits.push([code, () => code]);
    if (key === "status") edits.push(["404", () => 404]);
    for (const [name, change] of edits) {
      const mutated = edited(path, change);
      const text = JSON.stringify(mutated);
      if (seen.has(text)) continue;
      seen.add(text);
      yield { label: `${label} /${path.join("/")} ${name}`, value: mutated, targets };
    }
  }
}

// How many of each verdict the corpus gives today (9,229 accepted and 45,464 rejected of 54,693), rounded down.
const ACCEPTED_AT_LEAST = 9_000;
const REJECTED_AT_LEAST = 45_000;
const DROP = Symbol("drop");
const CODES = Object.values(contract.errors).map((error) => error.code);
const swap = (type: unknown) => (type === "user" ? "operator" : type === "operator" ? "user" : "bot");
const resolve = (node: unknown, path: string[]) => path.reduce<unknown>((at, key) => (at as Json)?.[key], node);

/** The world's records, pages and error bodies, unmutated, and how many of each to mutate. */
function* corpus(): Generator<Case> {
  const world = generateWorld();
  let messages = 0;
  for (const user of world.users()) {
    yield { label: `user ${user.id}`, value: user, targets: USER };
    if (user.id <= 40 || user.id % 10 === 0) yield* mutants(`user ${user.id}`, user, USER);
    for (const message of world.chat(user.id)!) {
      yield { label: `message ${message.id}`, value: message, targets: MESSAGE };
      yield { label: `sender of ${message.id}`, value: message.sender, targets: SENDER };
      // Every record is checked as is; a sample is mutated (each kind of message comes early), to bound the time.
      messages += 1;
      if (messages <= 100 || messages % 200 === 0) yield* mutants(`message ${message.id}`, message, MESSAGE);
    }
    const page = world.listMessages(user.id, 0, 99)!;
    yield { label: `messages of ${user.id}`, value: page, targets: [schema("MessageList")] };
  }
  for (const [offset, limit] of [
    [0, 99],
    [200, 50],
    [0, 2],
    [250, 10],
  ] as const) {
    const page = world.listUsers(offset, limit);
    yield { label: `users ${offset}+${limit}`, value: page, targets: [schema("UserList")] };
    if (limit <= 10) yield* mutants(`users ${offset}+${limit}`, page, [schema("UserList")]);
  }
  const page = world.listMessages(123, 0, 3)!;
  yield* mutants("messages of 123", page, [schema("MessageList")]);
  for (const status of Object.keys(contract.errors).map(Number)) {
    const details = status === 400 ? [{ location: "query.limit", message: "must be <= 99" }] : undefined;
    const body = errorBody(status, contract.errors[String(status) as keyof typeof contract.errors].message, details);
    yield { label: `error ${status}`, value: body, targets: ERROR };
    yield* mutants(`error ${status}`, body, ERROR);
  }
  for (const [name, example] of Object.entries<{ value: unknown }>(spec.components.examples)) {
    const targets = "status" in (example.value as Json) ? ERROR : [...USER, ...MESSAGE, schema("UserList")];
    yield { label: `example ${name}`, value: example.value, targets };
    yield* mutants(`example ${name}`, example.value, targets);
  }
}

/** Each (body, schema) pair with the released contract's verdict, computed once. */
const judged = [...corpus()].flatMap(({ label, value, targets }) =>
  targets.map((target) => ({ label, value, target, accepted: base.validate(target.before, value).length === 0 })),
);

/** Every (body, schema) pair whose verdict under `after` differs from the released contract's. */
function differences(after: ReturnType<typeof createSchemaValidator>, pairs = judged): string[] {
  return pairs
    .filter(({ value, target, accepted }) => accepted !== (after.validate(target.after, value).length === 0))
    .map(
      ({ label, target, accepted }) => `${label} against ${target.after}: 1.0.0 ${accepted ? "accepts" : "rejects"}`,
    );
}

describe("contract 2.0.0 accepts and rejects exactly the bodies 1.0.0 did", () => {
  it("the same verdict for the whole default world, every error body, the examples and mutated copies", () => {
    expect(differences(today)).toEqual([]);
    // Both verdicts are exercised, in numbers: the mutations reach what the schemas forbid and what they allow.
    expect(judged.filter((each) => each.accepted).length).toBeGreaterThan(ACCEPTED_AT_LEAST);
    expect(judged.filter((each) => !each.accepted).length).toBeGreaterThan(REJECTED_AT_LEAST);
  }, 120_000);

  it("would see a weaker contract: a message schema left open to extra properties is caught", () => {
    const weaker = structuredClone(spec) as Json & typeof spec;
    delete (weaker.components.schemas.OperatorMessage as Partial<typeof spec.components.schemas.OperatorMessage>)
      .additionalProperties;
    const messages = judged.filter(({ target }) => target.after.endsWith("Message"));
    const differ = differences(createSchemaValidator(weaker), messages);
    expect(differ.length).toBeGreaterThan(0);
    expect(differ.filter((line) => !/ \+extra against .*: 1\.0\.0 rejects$/.test(line))).toEqual([]);
  }, 120_000);

  it("both message schemas list the same fields in the same order (the world sends them so)", () => {
    const { UserMessage, OperatorMessage } = spec.components.schemas;
    expect(Object.keys(OperatorMessage.properties)).toEqual(Object.keys(UserMessage.properties));
    expect(OperatorMessage.required).toEqual(UserMessage.required);
  });
});
