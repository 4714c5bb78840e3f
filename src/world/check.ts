/**
 * Checks data in the load format before it is served, and names the first bad record: its JSON path
 * (`$.messages["7"][3].sender.id`) and the rule it breaks. Records are checked in file order, users first.
 *
 * What is checked: the shape of the file; each record against its schema, through `validateRecord` (the
 * Node loader passes ajv over openapi.yaml; the browser may pass nothing); and the rules that tie records
 * together, which no schema can express: user ids unique and ascending, a chat only for a user that exists,
 * message ids unique across the world and ascending within a chat, a visitor's message sent by the chat's
 * own user (same id, name and email), and an operator identical wherever it appears.
 *
 * What is not: the time and read-flag coherence a generated world has. A hand-edited world may want an odd
 * state (a message from the future, an unread message in the middle) to see how a frontend shows it.
 */
import { bounds } from "../contract/facts.js";
import { isObject } from "../shared/json.js";
import { jsonPath, pathStep } from "../shared/json-path.js";
import type { WorldData } from "./types.js";

export type RecordValidator = (schema: "User" | "Message", value: unknown) => string | undefined;
export type WorldDataCheck = { ok: true; data: WorldData } | { ok: false; path: string; rule: string };

const FORMAT = 'the load format is { "users": [User, ...], "messages": { "<user id>": [Message, ...] } }';
const SENDER_FIELDS = ["id", "name", "email"] as const;

const isId = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= bounds.id.minimum && value <= bounds.id.maximum;
const NOT_AN_ID = `must be a whole number from ${bounds.id.minimum} to ${bounds.id.maximum}`;
const show = (value: unknown) => (value === undefined ? "missing" : JSON.stringify(value));

class Refusal {
  constructor(
    readonly path: string,
    readonly rule: string,
  ) {}
}

function refuse(path: string, rule: string): never {
  throw new Refusal(path, rule);
}

export function checkWorldData(data: unknown, validateRecord?: RecordValidator): WorldDataCheck {
  try {
    check(data, validateRecord);
    return { ok: true, data: data as WorldData };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, path: error.path, rule: error.rule };
    throw error;
  }
}

function check(data: unknown, validateRecord: RecordValidator | undefined): void {
  if (!isObject(data)) refuse("$", `must be an object: ${FORMAT}`);
  const extra = Object.keys(data).find((key) => key !== "users" && key !== "messages");
  if (extra !== undefined) refuse(jsonPath([extra]), `is not part of the load format: ${FORMAT}`);
  const { users, messages } = data;
  if (!Array.isArray(users)) refuse("$.users", `must be an array of User records: ${FORMAT}`);
  if (!isObject(messages)) refuse("$.messages", `must be an object of chats by user id: ${FORMAT}`);

  const userIndex = new Map<number, number>();
  let previousUser = 0;
  users.forEach((user: unknown, index) => {
    const path = `$.users[${index}]`;
    if (!isObject(user)) refuse(path, "must be a User object");
    const breach = validateRecord?.("User", user);
    if (breach !== undefined) refuse(path, `breaks the User schema: ${breach}`);
    const { id } = user;
    if (!isId(id)) refuse(`${path}.id`, `${NOT_AN_ID}, got ${show(id)}`);
    const earlier = userIndex.get(id);
    if (earlier !== undefined)
      refuse(`${path}.id`, `duplicates user id ${id} of $.users[${earlier}]: user ids are unique`);
    if (id < previousUser)
      refuse(`${path}.id`, `user ids must ascend in list order: ${id} comes after ${previousUser}`);
    userIndex.set(id, index);
    previousUser = id;
  });

  const messagePaths = new Map<number, string>();
  const operators = new Map<number, { sender: Record<string, unknown>; path: string }>();
  for (const [key, chat] of Object.entries(messages)) {
    // Quoted even when the key reads as a name: a chat's key is a user id, written as a string in the file.
    const chatPath = `$.messages[${JSON.stringify(key)}]`;
    const owner = String(Number(key)) === key ? userIndex.get(Number(key)) : undefined;
    if (owner === undefined) {
      refuse(chatPath, `a chat's key must be the id of a user in $.users, as a whole number: there is no user ${key}`);
    }
    if (!Array.isArray(chat)) refuse(chatPath, "must be an array of Message records (the user's chat, oldest first)");
    const user = users[owner] as Record<string, unknown>;
    let previousMessage = 0;
    chat.forEach((message: unknown, index) => {
      const path = `${chatPath}[${index}]`;
      if (!isObject(message)) refuse(path, "must be a Message object");
      const breach = validateRecord?.("Message", message);
      if (breach !== undefined) refuse(path, `breaks the Message schema: ${breach}`);
      const { id, sender_type: senderType, sender } = message;
      if (!isId(id)) refuse(`${path}.id`, `${NOT_AN_ID}, got ${show(id)}`);
      const earlier = messagePaths.get(id);
      if (earlier !== undefined) {
        refuse(`${path}.id`, `duplicates message id ${id} of ${earlier}: message ids are unique across the world`);
      }
      if (id < previousMessage) {
        refuse(`${path}.id`, `message ids must ascend within a chat: ${id} comes after ${previousMessage}`);
      }
      messagePaths.set(id, path);
      previousMessage = id;
      if (senderType !== "user" && senderType !== "operator") {
        refuse(`${path}.sender_type`, `must be "user" or "operator", got ${show(senderType)}`);
      }
      if (!isObject(sender)) refuse(`${path}.sender`, "must be an object (who sent the message)");
      if (senderType === "user") {
        for (const field of SENDER_FIELDS) {
          if (sender[field] === user[field]) continue;
          refuse(
            `${path}.sender.${field}`,
            `a visitor's message in user ${key}'s chat is sent by that user: sender.${field} must be ` +
              `${show(user[field])} as in $.users[${owner}], got ${show(sender[field])}`,
          );
        }
        return;
      }
      if (!isId(sender.id)) refuse(`${path}.sender.id`, `${NOT_AN_ID}, got ${show(sender.id)}`);
      const first = operators.get(sender.id);
      if (!first) {
        operators.set(sender.id, { sender, path: `${path}.sender` });
        return;
      }
      for (const field of new Set([...Object.keys(first.sender), ...Object.keys(sender)])) {
        if (sender[field] === first.sender[field]) continue;
        refuse(
          `${path}.sender${pathStep(field)}`,
          `operator ${sender.id} must be the same in every message: its ${field} is ${show(first.sender[field])} ` +
            `at ${first.path}, got ${show(sender[field])}`,
        );
      }
    });
  }
}
