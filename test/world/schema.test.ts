/**
 * Every record a world holds is valid against its schema in openapi.yaml (ajv, the validator `verify` uses),
 * and its keys come in the schema's property order, so two hosts that JSON.stringify the same record send
 * the same bytes.
 */
import { describe, expect, it } from "vitest";
import spec from "../../generated/openapi.json" with { type: "json" };
import { createSchemaValidator } from "../../src/node/schema-validator.js";
import { generateWorld, MAX_USERS } from "../../src/world/index.js";
import type { Message, User } from "../../src/world/types.js";
import { everyChat, SEEDS } from "./helpers.js";

const validator = createSchemaValidator();
const schemas = spec.components.schemas;
const keysOf = (schema: { properties: object }) => Object.keys(schema.properties);
const MESSAGE_KEYS = keysOf(schemas.UserMessage);

function expectValid(pointer: string, value: unknown): void {
  expect(validator.validate(`#/components/schemas/${pointer}`, value), JSON.stringify(value)).toEqual([]);
}

function expectRecords(users: Iterable<{ user: User; chat: Message[] }>): number {
  let records = 0;
  for (const { user, chat } of users) {
    expectValid("User", user);
    expect(Object.keys(user)).toEqual(keysOf(schemas.User));
    for (const attribute of user.user_attributes) expect(Object.keys(attribute)).toEqual(keysOf(schemas.UserAttribute));
    for (const message of chat) {
      expectValid("Message", message);
      expect(Object.keys(message)).toEqual(MESSAGE_KEYS);
      const sender = message.sender_type === "user" ? schemas.UserSender : schemas.OperatorSender;
      expect(Object.keys(message.sender)).toEqual(keysOf(sender));
    }
    records += 1 + chat.length;
  }
  return records;
}

describe("every record of a world is valid against openapi.yaml", () => {
  it.each(SEEDS.flatMap((seed) => [0, 1, 250, 700].map((users) => [seed, users] as const)))(
    "seed %j, %i users",
    (seed, users) => {
      const world = generateWorld({ seed, users });
      const records = expectRecords(everyChat(world));
      expect(records).toBeGreaterThanOrEqual(users);
    },
  );

  it("a 1,000,000-user world: pages at the start, across block boundaries and at the end", () => {
    const world = generateWorld({ users: MAX_USERS });
    const ids = [1, 2, 255, 256, 257, 258, 511, 512, 513, 500_000, 999_744, 999_745, 999_999, 1_000_000];
    const sample = ids.map((id) => ({ user: world.getUser(id)!, chat: world.chat(id)! }));
    expect(expectRecords(sample)).toBeGreaterThan(ids.length);
  });

  it("pages are valid UserList and MessageList bodies", () => {
    const world = generateWorld();
    for (const [offset, limit] of [
      [0, 50],
      [200, 99],
      [249, 1],
      [250, 50],
      [10_000, 99],
    ] as const) {
      expectValid("UserList", world.listUsers(offset, limit));
      expect(Object.keys(world.listUsers(offset, limit))).toEqual(["limit", "offset", "total", "users"]);
    }
    for (const { user } of everyChat(world)) {
      const page = world.listMessages(user.id, 0, 99)!;
      expectValid("MessageList", page);
      expect(Object.keys(page)).toEqual(["limit", "offset", "total", "messages"]);
    }
  });

  it("the operators are valid OperatorSender records", () => {
    for (const seed of SEEDS)
      for (const operator of generateWorld({ seed }).operators()) expectValid("OperatorSender", operator);
  });
});
