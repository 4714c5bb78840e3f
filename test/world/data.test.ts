/**
 * The load format: a generated world round-trips through toData -> worldFromData with identical answers, and
 * checkWorldData refuses each kind of bad data with the JSON path of the first bad record and the rule.
 */
import { describe, expect, it } from "vitest";
import { checkWorldData, generateWorld, type WorldData, worldFromData } from "../../src/world/index.js";
import type { Message, User } from "../../src/world/types.js";
import { SEEDS } from "./helpers.js";

/** A fresh copy of a small generated world's data, to spoil one record of. */
const sample = (): WorldData => JSON.parse(JSON.stringify(generateWorld({ users: 12 }).toData()));
const FORMAT = 'the load format is { "users": [User, ...], "messages": { "<user id>": [Message, ...] } }';

/** The keys of the first two chats, and the users they belong to. */
function twoChats(data: WorldData): [string, string] {
  const [first, second] = Object.keys(data.messages).filter((key) => data.messages[key]!.length > 1);
  return [first!, second!];
}

describe("toData -> worldFromData", () => {
  it.each(SEEDS)("seed %j: every answer of the loaded world equals the generated world's", (seed) => {
    const generated = generateWorld({ seed, users: 120 });
    const data = JSON.parse(JSON.stringify(generated.toData())) as WorldData;
    expect(checkWorldData(data)).toEqual({ ok: true, data });
    const loaded = worldFromData(data);
    expect(loaded.userCount).toBe(generated.userCount);
    expect([...loaded.users()]).toEqual([...generated.users()]);
    expect(loaded.operators()).toEqual(
      generated.operators().filter((operator) => JSON.stringify(data).includes(operator.email)),
    );
    for (const [offset, limit] of [
      [0, 1],
      [0, 50],
      [99, 99],
      [119, 50],
      [120, 50],
      [5000, 10],
    ] as const) {
      expect(loaded.listUsers(offset, limit)).toEqual(generated.listUsers(offset, limit));
    }
    for (const id of [0, 1, 60, 120, 121, 1.5]) {
      expect(loaded.getUser(id)).toEqual(generated.getUser(id));
      expect(loaded.chat(id)).toEqual(generated.chat(id));
      for (const [offset, limit] of [
        [0, 1],
        [0, 50],
        [50, 99],
        [400, 5],
      ] as const) {
        expect(loaded.listMessages(id, offset, limit)).toEqual(generated.listMessages(id, offset, limit));
      }
    }
    for (const { id } of generated.users()) {
      for (const message of generated.chat(id)!) {
        expect(loaded.getMessage(id, message.id)).toEqual(message);
        expect(loaded.getMessage(id === 1 ? 2 : 1, message.id)).toBeUndefined();
      }
    }
    expect(JSON.stringify(loaded.toData())).toBe(JSON.stringify(generated.toData()));
  });

  it("a user with no key, or with an empty chat, has an empty chat", () => {
    const data = sample();
    const [first] = twoChats(data);
    data.messages[first!] = [];
    const emptyKeyless = data.users.find((user) => !(String(user.id) in data.messages))!;
    expect(checkWorldData(data).ok).toBe(true);
    const world = worldFromData(data);
    for (const id of [Number(first), emptyKeyless.id]) {
      expect(world.chat(id)).toEqual([]);
      expect(world.listMessages(id, 0, 50)).toEqual({ limit: 50, offset: 0, total: 0, messages: [] });
    }
  });

  it("the operators of a loaded world are those its messages name, by id", () => {
    const data = sample();
    const named = new Map<number, unknown>();
    for (const chat of Object.values(data.messages))
      for (const m of chat) if (m.sender_type === "operator") named.set(m.sender.id, m.sender);
    expect(worldFromData(data).operators()).toEqual([...named.keys()].sort((a, b) => a - b).map((id) => named.get(id)));
  });
});

describe("checkWorldData refuses bad data, naming the first bad record and the rule", () => {
  const refused = (data: unknown, validate?: Parameters<typeof checkWorldData>[1]) => checkWorldData(data, validate);

  it.each([
    ["null", null],
    ["an array", []],
    ["a string", "users"],
  ])("not an object: %s", (_name, data) => {
    expect(refused(data)).toEqual({ ok: false, path: "$", rule: `must be an object: ${FORMAT}` });
  });

  it("a key the format does not have, a users that is not an array, a messages that is not an object", () => {
    expect(refused({ users: [], messages: {}, operators: [] })).toEqual({
      ok: false,
      path: "$.operators",
      rule: `is not part of the load format: ${FORMAT}`,
    });
    expect(refused({ users: {}, messages: {} })).toEqual({
      ok: false,
      path: "$.users",
      rule: `must be an array of User records: ${FORMAT}`,
    });
    expect(refused({ users: [], messages: [] })).toEqual({
      ok: false,
      path: "$.messages",
      rule: `must be an object of chats by user id: ${FORMAT}`,
    });
  });

  it("a schema breach reported by the hook, at the record it is about; the hook sees every record", () => {
    const data = sample();
    const seen: string[] = [];
    const validate = (schema: "User" | "Message", value: unknown) => {
      seen.push(`${schema} ${(value as { id: number }).id}`);
      return schema === "Message" && (value as Message).id === data.messages[twoChats(data)[1]]![1]!.id
        ? ".body must be string"
        : undefined;
    };
    const [, second] = twoChats(data);
    expect(refused(data, validate)).toEqual({
      ok: false,
      path: `$.messages["${second}"][1]`,
      rule: "breaks the Message schema: .body must be string",
    });
    expect(seen.slice(0, 12)).toEqual(data.users.map((user) => `User ${user.id}`));
    expect(refused(data, (schema) => (schema === "User" ? '.email must match format "email"' : undefined))).toEqual({
      ok: false,
      path: "$.users[0]",
      rule: 'breaks the User schema: .email must match format "email"',
    });
  });

  it("without a hook, records still need an object with a whole-number id", () => {
    const data = sample();
    (data.users[3] as unknown as Record<string, unknown>).id = "4";
    expect(refused(data)).toEqual({
      ok: false,
      path: "$.users[3].id",
      rule: 'must be a whole number from 1 to 2147483647, got "4"',
    });
    (data.users as unknown[])[3] = 4;
    expect(refused(data)).toEqual({ ok: false, path: "$.users[3]", rule: "must be a User object" });
  });

  it("a duplicate user id", () => {
    const data = sample();
    data.users[5]!.id = 5;
    expect(refused(data)).toEqual({
      ok: false,
      path: "$.users[5].id",
      rule: "duplicates user id 5 of $.users[4]: user ids are unique",
    });
  });

  it("user ids out of order", () => {
    const data = sample();
    [data.users[6], data.users[7]] = [data.users[7]!, data.users[6]!];
    expect(refused(data)).toEqual({
      ok: false,
      path: "$.users[7].id",
      rule: "user ids must ascend in list order: 7 comes after 8",
    });
  });

  it.each([
    ["999", "there is no user 999"],
    ["007", "there is no user 007"],
    ["abc", "there is no user abc"],
  ])("a chat under %j, which is not a user's id", (key, problem) => {
    const data = sample();
    data.messages[key] = [];
    expect(refused(data)).toEqual({
      ok: false,
      path: `$.messages["${key}"]`,
      rule: `a chat's key must be the id of a user in $.users, as a whole number: ${problem}`,
    });
  });

  it("a chat that is not an array", () => {
    const data = sample();
    (data.messages as Record<string, unknown>)["3"] = { id: 1 };
    expect(refused(data)).toEqual({
      ok: false,
      path: '$.messages["3"]',
      rule: "must be an array of Message records (the user's chat, oldest first)",
    });
  });

  it("a message id used in two chats", () => {
    const data = sample();
    const [first, second] = twoChats(data);
    const taken = data.messages[first]![0]!.id;
    data.messages[second]![0]!.id = taken;
    expect(refused(data)).toEqual({
      ok: false,
      path: `$.messages["${second}"][0].id`,
      rule: `duplicates message id ${taken} of $.messages["${first}"][0]: message ids are unique across the world`,
    });
  });

  it("message ids out of order within a chat", () => {
    const data = sample();
    const [first] = twoChats(data);
    const chat = data.messages[first]!;
    [chat[0], chat[1]] = [chat[1]!, chat[0]!];
    expect(refused(data)).toEqual({
      ok: false,
      path: `$.messages["${first}"][1].id`,
      rule: `message ids must ascend within a chat: ${chat[1]!.id} comes after ${chat[0]!.id}`,
    });
  });

  it.each(["id", "name", "email"] as const)(
    "a visitor's message whose sender.%s contradicts the chat's user",
    (field) => {
      const data = sample();
      const key = Object.keys(data.messages).find((k) => data.messages[k]!.some((m) => m.sender_type === "user"))!;
      const index = data.messages[key]!.findIndex((m) => m.sender_type === "user");
      const message = data.messages[key]![index] as Extract<Message, { sender_type: "user" }>;
      const user = data.users.find((u) => u.id === Number(key)) as User;
      const wrong = { id: user.id + 1, name: "Someone Else", email: "someone@example.com" }[field];
      message.sender = { ...message.sender, [field]: wrong };
      expect(refused(data)).toEqual({
        ok: false,
        path: `$.messages["${key}"][${index}].sender.${field}`,
        rule:
          `a visitor's message in user ${key}'s chat is sent by that user: sender.${field} must be ` +
          `${JSON.stringify(user[field])} as in $.users[${data.users.indexOf(user)}], got ${JSON.stringify(wrong)}`,
      });
    },
  );

  it("a message whose sender_type is neither user nor operator", () => {
    const data = sample();
    const [first] = twoChats(data);
    (data.messages[first]![0] as unknown as Record<string, unknown>).sender_type = "bot";
    expect(refused(data)).toEqual({
      ok: false,
      path: `$.messages["${first}"][0].sender_type`,
      rule: 'must be "user" or "operator", got "bot"',
    });
  });

  it("an operator that is not the same in every message", () => {
    const data = sample();
    const places: [string, number][] = [];
    for (const [key, chat] of Object.entries(data.messages))
      chat.forEach((m, i) => {
        if (m.sender_type === "operator") places.push([key, i]);
      });
    const [firstKey, firstIndex] = places[0]!;
    const operatorId = data.messages[firstKey]![firstIndex]!.sender.id;
    const [key, index] = places.slice(1).find(([k, i]) => data.messages[k]![i]!.sender.id === operatorId)!;
    const message = data.messages[key]![index] as Extract<Message, { sender_type: "operator" }>;
    const forename = message.sender.forename;
    message.sender = { ...message.sender, forename: "Renamed" };
    expect(refused(data)).toEqual({
      ok: false,
      path: `$.messages["${key}"][${index}].sender.forename`,
      rule:
        `operator ${operatorId} must be the same in every message: its forename is ${JSON.stringify(forename)} ` +
        `at $.messages["${firstKey}"][${firstIndex}].sender, got "Renamed"`,
    });
  });

  it("the first bad record is the one reported: users before messages, then chats in key order", () => {
    const data = sample();
    const [first, second] = twoChats(data);
    data.messages[second]![0]!.id = 0;
    data.messages[first]![0]!.id = 0;
    expect(refused(data)).toMatchObject({ path: `$.messages["${first}"][0].id` });
    data.users[11]!.id = 1;
    expect(refused(data)).toMatchObject({ path: "$.users[11].id" });
  });
});
