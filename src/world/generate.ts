/**
 * A world made from a seed: `generateWorld({ seed, users })` (the fixtures entry's public `createWorld` calls it).
 *
 * Nothing is made up front but the team: each user and each chat is made from (seed, user id) when asked for,
 * so a world of 1,000,000 users is created as fast as one of 250, and memory grows with what is read.
 *
 * A world of N users is the first N users of the same seed's larger worlds in everything but time: names,
 * emails, references, pages, attributes, chats' words, senders, read flags and message ids depend only on
 * (seed, id). Times do not: the users of any world share the same two-year sign-up period (see clock.ts), so
 * user 5 signs up later in a world of 250 than in a world of 1,000,000, and its chat moves with it. That keeps
 * both a small world and a huge one believable (neither 250 sign-ups in one afternoon nor a million in one
 * month), at the cost of records that differ between sizes of the same seed.
 */

import * as contract from "../contract/facts.js";
import { boundedMemo, stringBytes } from "../shared/memo.js";
import { ASSETS_PATH } from "./assets-path.js";
import { type ChatPlan, planChat } from "./chat.js";
import { isoTime, signupTime, WORLD_NOW } from "./clock.js";
import { deepFreeze } from "./freeze.js";
import { chatLength, messageIdsOf } from "./message-ids.js";
import { createAccount, createIdentity, type Identity } from "./people.js";
import { chance } from "./random.js";
import type { Message, User, World, WorldOptions } from "./types.js";

/**
 * The seed of the default world, fixed so that it is the same world everywhere. It is the first of
 * `signalzen-1`, `signalzen-2`, ... with which the reference's examples resolve as the reference shows them:
 * user 123 is a named visitor, and message 1234 is a text message that user sent, in user 123's chat.
 * test/world/rules.test.ts checks both that and that no earlier seed qualifies; when a change to the
 * generator moves it, that test names the new seed (and the CHANGELOG says the world changed).
 */
export const DEFAULT_SEED = "signalzen-481";
/** Enough users that a full walk takes several pages even at the largest limit (99). */
export const DEFAULT_USERS = 250;
export const MAX_USERS = 1_000_000;

/**
 * Where a world's avatars and files are unless told: under the default mock server's own origin (the contract's
 * local server), which the server answers itself and the MSW handlers intercept, so no picture needs a network.
 */
export const DEFAULT_ASSETS_BASE = `${contract.servers[1]}${ASSETS_PATH}`;

/** A generated world's options, checked (a RangeError or TypeError says which and why), with their defaults. */
export function checkWorldOptions(options: WorldOptions): { seed: string; size: number; assetsBase: string } {
  const { seed = DEFAULT_SEED, users: size = DEFAULT_USERS, assetsBase = DEFAULT_ASSETS_BASE } = options;
  if (typeof seed !== "string") {
    throw new TypeError(`The world's seed must be a string, got ${typeof seed} ${String(seed)}.`);
  }
  if (typeof size !== "number" || !Number.isInteger(size) || size < 0 || size > MAX_USERS) {
    const got = typeof size === "string" ? `the string "${size}"` : String(size);
    throw new RangeError(`The world's users must be a whole number from 0 to ${MAX_USERS}, got ${got}.`);
  }
  const base = typeof assetsBase === "string" && URL.canParse(assetsBase) ? new URL(assetsBase) : undefined;
  if (!base || !/^https?:$/.test(base.protocol) || base.search || base.hash) {
    throw new RangeError(
      `The world's assetsBase must be an absolute http(s) URL with no query or fragment, such as ` +
        `${DEFAULT_ASSETS_BASE}; got ${JSON.stringify(assetsBase)}.`,
    );
  }
  return { seed, size, assetsBase: assetsBase.replace(/\/+$/, "") };
}

export function generateWorld(options: WorldOptions = {}): World {
  const { seed, size, assetsBase } = checkWorldOptions(options);
  const account = createAccount(seed, assetsBase);
  const firstMessageId = messageIdsOf(seed);
  const exists = (id: number) => Number.isInteger(id) && id >= 1 && id <= size;

  function visitor(id: number): { identity: Identity; signedUp: number; plan: ChatPlan } {
    const identity = createIdentity(seed, account, id);
    const signedUp = signupTime(id, size, chance(seed, "signup", id).next());
    const plan = planChat(seed, id, identity, account.operators.length, chatLength(seed, id), signedUp);
    return { identity, signedUp, plan };
  }

  // At most 16 MiB of users and 32 MiB of chats, whatever the world's size and the traffic (memo.ts says why);
  // weighed as their JSON at two bytes a character, which is about what the records take in the heap.
  const weigh = (record: unknown) => stringBytes(JSON.stringify(record));
  const users = boundedMemo<number, User>({ entries: 20_000, bytes: 16 << 20, weigh });
  const chats = boundedMemo<number, Message[]>({ entries: 1_000, bytes: 32 << 20, weigh });
  const userById = (id: number) => users(id, () => deepFreeze(makeUser(id)));
  const chatById = (id: number) => chats(id, () => deepFreeze(makeChat(id)));

  function makeUser(id: number): User {
    const { identity, signedUp, plan } = visitor(id);
    const draw = chance(seed, "user-time", id);
    const { turns } = plan;
    // Seen online when last reading or writing in the chat, or on the sign-up visit; never, for an imported
    // user who has not chatted.
    let online: number | null = null;
    if (turns.length > 0) {
      const lastSeen = turns[Math.max(0, plan.readByUserUpTo)]!.time;
      online = Math.min(WORLD_NOW, lastSeen + draw.int(0, 15 * 60));
    } else if (!identity.imported) {
      online = signedUp + draw.int(5, 30 * 60);
    }
    const updated =
      online === null || draw.chance(0.6)
        ? (online ?? signedUp)
        : signedUp + Math.floor(draw.next() * (online - signedUp));
    return {
      id,
      name: identity.name,
      email: identity.email,
      reference: identity.reference,
      created_at: isoTime(signedUp),
      updated_at: isoTime(updated),
      online_at: online === null ? null : isoTime(online),
      last_url: online === null ? null : identity.lastUrl,
      user_attributes: identity.attributes,
    };
  }

  function makeChat(userId: number): Message[] {
    const { identity, plan } = visitor(userId);
    const sender = { id: userId, name: identity.name, email: identity.email };
    const first = firstMessageId(userId);
    return plan.turns.map((turn, index): Message => {
      const id = first + index;
      const fields = {
        id,
        body: turn.body,
        read_by_user: index <= plan.readByUserUpTo,
        read_by_operator: index <= plan.readByOperatorUpTo,
        created_at: isoTime(turn.time),
        file_url: turn.file === null ? null : `${assetsBase}/files/${id}/${turn.file}`,
        auto_invitation: turn.invitation,
      };
      return turn.operator < 0
        ? { ...fields, sender_type: "user", sender }
        : { ...fields, sender_type: "operator", sender: { ...account.operators[turn.operator]! } };
    });
  }

  function* allUsers(): Generator<User> {
    for (let id = 1; id <= size; id++) yield userById(id);
  }

  return {
    userCount: size,
    listUsers(offset, limit) {
      const users: User[] = [];
      for (let id = offset + 1; id <= Math.min(size, offset + limit); id++) users.push(userById(id));
      return { limit, offset, total: size, users };
    },
    getUser: (id) => (exists(id) ? userById(id) : undefined),
    listMessages(userId, offset, limit) {
      if (!exists(userId)) return undefined;
      const messages = chatById(userId);
      return { limit, offset, total: messages.length, messages: messages.slice(offset, offset + limit) };
    },
    getMessage(userId, messageId) {
      if (!exists(userId) || !Number.isInteger(messageId)) return undefined;
      const index = messageId - firstMessageId(userId);
      if (index < 0 || index >= chatLength(seed, userId)) return undefined;
      return chatById(userId)[index];
    },
    users: () => ({ [Symbol.iterator]: allUsers }),
    chat: (userId) => (exists(userId) ? chatById(userId).slice() : undefined),
    operators: () => deepFreeze(account.operators).slice(),
    toData() {
      const messages: Record<string, Message[]> = {};
      for (let id = 1; id <= size; id++) {
        const chat = makeChat(id);
        if (chat.length > 0) messages[id] = chat;
      }
      // Fresh records, not the remembered (frozen) ones: the load format is a copy to edit and write out.
      const users: User[] = [];
      for (let id = 1; id <= size; id++) users.push(makeUser(id));
      return { users, messages };
    },
  };
}
