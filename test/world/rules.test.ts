/**
 * The world's rules (issue 10, "The world"), checked over every record of whole worlds of several seeds, plus
 * samples of a 1,000,000-user world: ids, senders, time, read flags, variety, the reference's examples,
 * determinism, and the options.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { WORLD_NOW } from "../../src/world/clock.js";
import { DEFAULT_SEED, DEFAULT_USERS, generateWorld, MAX_USERS, type World } from "../../src/world/index.js";
import { MAX_CHAT_LENGTH } from "../../src/world/message-ids.js";
import type { Message, User } from "../../src/world/types.js";
import { CULTURES } from "../../src/world/vocabulary.js";
import { everyChat, SEEDS, seconds } from "./helpers.js";

const worlds = SEEDS.map((seed) => [seed, generateWorld({ seed })] as const);
const chatsOf = (world: World) => [...everyChat(world)];
const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d")
    .replace(/ı/g, "i");
const FREE_MAIL = new Set(CULTURES.flatMap((culture) => culture.domains));

describe.each(worlds)("world %j (250 users)", (_seed, world) => {
  const all = chatsOf(world);
  const messages = all.flatMap(({ chat }) => chat);

  it("has 250 users, ids 1 to 250 ascending in list order", () => {
    expect(world.userCount).toBe(DEFAULT_USERS);
    expect(all.map(({ user }) => user.id)).toEqual(Array.from({ length: DEFAULT_USERS }, (_, index) => index + 1));
  });

  it("message ids are positive, unique across the world and ascending within each chat", () => {
    expect(new Set(messages.map((message) => message.id)).size).toBe(messages.length);
    for (const { chat } of all) {
      for (let index = 1; index < chat.length; index++) expect(chat[index]!.id).toBeGreaterThan(chat[index - 1]!.id);
      for (const message of chat) expect(message.id).toBeGreaterThan(0);
    }
  });

  it("a visitor's message carries the chat's own user; an operator's, one of the fixed team, always the same", () => {
    const team = world.operators();
    expect(team.length).toBeGreaterThanOrEqual(5);
    expect(team.length).toBeLessThanOrEqual(10);
    expect(new Set(team.map((operator) => operator.id)).size).toBe(team.length);
    expect(new Set(team.map((operator) => operator.email)).size).toBe(team.length);
    expect(team.map((operator) => operator.id)).toEqual([...team.map((operator) => operator.id)].sort((a, b) => a - b));
    const byId = new Map(team.map((operator) => [operator.id, operator]));
    for (const { user, chat } of all) {
      for (const message of chat) {
        if (message.sender_type === "user")
          expect(message.sender).toEqual({ id: user.id, name: user.name, email: user.email });
        else expect(message.sender).toEqual(byId.get(message.sender.id));
      }
    }
  });

  it("only a chat's first message can be an automatic invitation, and it comes from an operator", () => {
    for (const { chat } of all) {
      chat.forEach((message, index) => {
        if (message.auto_invitation) {
          expect(index).toBe(0);
          expect(message.sender_type).toBe("operator");
        }
      });
    }
  });

  it("a file message has file_url set and body null; every other message has text", () => {
    for (const message of messages) {
      if (message.file_url === null) expect(typeof message.body).toBe("string");
      else {
        expect(message.body).toBeNull();
        expect(message.file_url).toMatch(
          new RegExp(`^http://127\\.0\\.0\\.1:4010/__signalzen/assets/files/${message.id}/[\\w.-]+$`),
        );
      }
    }
  });

  it("time: created <= updated, online >= created, messages strictly later, nothing after the world's now", () => {
    let previousSignup = 0;
    for (const { user, chat } of all) {
      const created = seconds(user.created_at)!;
      const updated = seconds(user.updated_at)!;
      const online = seconds(user.online_at);
      expect(created).toBeGreaterThanOrEqual(previousSignup);
      previousSignup = created;
      expect(updated).toBeGreaterThanOrEqual(created);
      expect(updated).toBeLessThanOrEqual(WORLD_NOW);
      if (online !== null) {
        expect(online).toBeGreaterThanOrEqual(created);
        expect(online).toBeLessThanOrEqual(WORLD_NOW);
      }
      let previous = created;
      for (const message of chat) {
        const at = seconds(message.created_at)!;
        expect(at).toBeGreaterThan(previous);
        expect(at).toBeLessThanOrEqual(WORLD_NOW);
        previous = at;
        // The visitor was online when writing: last seen is not before the visitor's own messages.
        if (message.sender_type === "user") expect(online).toBeGreaterThanOrEqual(at);
      }
      if (online === null) {
        expect(chat).toEqual([]);
        expect(user.last_url).toBeNull();
      }
    }
  });

  it("read flags: each side has read everything up to its own last message, so only the tail can be unread", () => {
    const unreadTails = { user: 0, operator: 0 };
    for (const { chat } of all) {
      for (const side of ["user", "operator"] as const) {
        const read = chat.map((message) => (side === "user" ? message.read_by_user : message.read_by_operator));
        const lastOwn = chat.map((message) => message.sender_type).lastIndexOf(side);
        read.forEach((flag, index) => {
          if (index <= lastOwn) expect(flag).toBe(true);
          if (index > 0 && flag) expect(read[index - 1]).toBe(true); // once unread, unread to the end
        });
        if (read.includes(false)) unreadTails[side]++;
      }
    }
    expect(unreadTails.user).toBeGreaterThan(0);
    expect(unreadTails.operator).toBeGreaterThan(0);
  });

  it("users look real: about one in six anonymous, names from several cultures, emails from the name", () => {
    const users = all.map(({ user }) => user);
    const anonymous = users.filter((user) => user.name === null);
    expect(anonymous.length / users.length).toBeGreaterThan(0.1);
    expect(anonymous.length / users.length).toBeLessThan(0.25);
    for (const user of anonymous) expect([user.email, user.reference, user.user_attributes]).toEqual([null, null, []]);
    const named = users.filter((user) => user.name !== null);
    expect(named.every((user) => user.email !== null)).toBe(true);
    const cultures = new Set(
      named.map((user) => CULTURES.findIndex((culture) => culture.given.includes(user.name!.split(" ")[0]!))),
    );
    expect(cultures.size).toBeGreaterThanOrEqual(10);
    expect(named.some((user) => /[^ -~]/.test(user.name!))).toBe(true);
    const companies = new Map(
      users.map((user) => [user.id, user.user_attributes.find((a) => a.name === "company")?.value]),
    );
    for (const user of named) {
      const [local, domain] = user.email!.split("@") as [string, string];
      const [given, family] = user.name!.split(" ");
      if (family !== undefined) expect(local.includes(fold(given!)) || local.includes(fold(family))).toBe(true);
      const company = companies.get(user.id);
      if (!FREE_MAIL.has(domain)) expect(domain).toBe(`${fold(company!).replace(/[^a-z0-9]/g, "")}.com`);
    }
    const references = named.map((user) => user.reference).filter((reference) => reference !== null);
    expect(new Set(references).size).toBe(references.length);
    expect(references.length / named.length).toBeGreaterThan(0.7);
  });

  it("attributes: 0 to a few per user, each name once; pages are on the account's own site", () => {
    const site = world.operators()[0]!.email.split("@")[1];
    const counts = new Set<number>();
    for (const { user } of all) {
      const names = user.user_attributes.map((attribute) => attribute.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.every((name) => ["company", "plan", "country", "language"].includes(name))).toBe(true);
      counts.add(names.length);
      if (user.last_url !== null) expect(user.last_url.startsWith(`https://www.${site}/`)).toBe(true);
    }
    expect([...counts].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("chats: 0 to 150 messages, most short, a few longer than a default page; some invitations and files", () => {
    const lengths = all.map(({ chat }) => chat.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_CHAT_LENGTH);
    expect(lengths.filter((length) => length === 0).length).toBeGreaterThan(0);
    expect(lengths.filter((length) => length <= 20).length / lengths.length).toBeGreaterThan(0.8);
    expect(lengths.filter((length) => length > 50).length).toBeGreaterThanOrEqual(2);
    expect(all.filter(({ chat }) => chat[0]?.auto_invitation).length).toBeGreaterThan(10);
    expect(messages.filter((message) => message.file_url !== null).length).toBeGreaterThan(5);
  });
});

it("some operators have a picture and some have none", () => {
  const pictures = worlds.flatMap(([, world]) => world.operators().map((operator) => operator.picture_thumb_url));
  expect(pictures).toContain(null);
  for (const picture of pictures)
    if (picture !== null)
      expect(picture).toMatch(/^http:\/\/127\.0\.0\.1:4010\/__signalzen\/assets\/avatars\/\d+\/thumb\.png$/);
  expect(pictures.filter((picture) => picture !== null).length).toBeGreaterThan(pictures.length / 2);
});

describe("the reference's examples resolve in the default world", () => {
  const world = generateWorld();

  it("GET /users/123 is a named visitor; GET /users/123/messages/1234 is that visitor's text message", () => {
    const user = world.getUser(123)!;
    expect(user.id).toBe(123);
    expect(user.name).not.toBeNull();
    const message = world.getMessage(123, 1234)!;
    expect(message.id).toBe(1234);
    expect(message.sender_type).toBe("user");
    expect(message.sender).toEqual({ id: 123, name: user.name, email: user.email });
    expect(typeof message.body).toBe("string");
    expect(world.chat(123)!.map((m) => m.id)).toContain(1234);
  });

  it("DEFAULT_SEED is the first of signalzen-1, signalzen-2, ... that does it (as its comment says)", () => {
    const qualifies = (seed: string) => {
      const candidate = generateWorld({ seed });
      const message = candidate.getMessage(123, 1234);
      return candidate.getUser(123)!.name !== null && message?.sender_type === "user" && message.body !== null;
    };
    let first = 1;
    while (!qualifies(`signalzen-${first}`)) first++;
    expect(DEFAULT_SEED).toBe(`signalzen-${first}`);
  });
});

describe("lookups answer only what the world holds", () => {
  const world = generateWorld();

  it("users outside 1..250, and ids that are not whole numbers, are not found", () => {
    for (const id of [0, -1, 251, 1.5, Number.NaN, 2147483647]) {
      expect(world.getUser(id)).toBeUndefined();
      expect(world.chat(id)).toBeUndefined();
      expect(world.listMessages(id, 0, 50)).toBeUndefined();
      expect(world.getMessage(id, 1)).toBeUndefined();
    }
    expect(world.getUser(250)!.id).toBe(250);
  });

  it("a message is found only in its own chat", () => {
    const owner = chatsOf(world).find(({ chat }) => chat.length > 2)!;
    const other = chatsOf(world).find(({ user, chat }) => user.id !== owner.user.id && chat.length > 0)!;
    for (const message of owner.chat) {
      expect(world.getMessage(owner.user.id, message.id)).toEqual(message);
      expect(world.getMessage(other.user.id, message.id)).toBeUndefined();
    }
    expect(world.getMessage(owner.user.id, owner.chat[0]!.id - 1)).toBeUndefined();
    expect(world.getMessage(owner.user.id, owner.chat.at(-1)!.id + 1)).toBeUndefined();
    expect(world.getMessage(owner.user.id, owner.chat[0]!.id + 0.5)).toBeUndefined();
  });

  it("every listed record equals its detail", () => {
    for (const user of world.listUsers(0, 99).users) {
      expect(world.getUser(user.id)).toEqual(user);
      for (const message of world.listMessages(user.id, 0, 99)!.messages)
        expect(world.getMessage(user.id, message.id)).toEqual(message);
    }
  });
});

describe("pagination", () => {
  const world = generateWorld({ seed: "alpha" });
  const long = chatsOf(world)
    .filter(({ chat }) => chat.length > 50)
    .map(({ user }) => user.id);
  const someChats = [...long, 1, 2, 3, chatsOf(world).find(({ chat }) => chat.length === 0)!.user.id];

  it.each([1, 50, 99])("users at limit %i concatenate to exactly the world's users", (limit) => {
    const walked: User[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = world.listUsers(offset, limit);
      expect([page.limit, page.offset, page.total]).toEqual([limit, offset, 250]);
      if (offset >= page.total) {
        expect(page.users).toEqual([]);
        break;
      }
      expect(page.users.length).toBe(Math.min(limit, page.total - offset));
      walked.push(...page.users);
    }
    expect(walked).toEqual([...world.users()]);
  });

  it.each([1, 50, 99])("chats at limit %i concatenate to exactly each chat", (limit) => {
    expect(long.length).toBeGreaterThan(0);
    for (const userId of someChats) {
      const walked: Message[] = [];
      const chat = world.chat(userId)!;
      for (let offset = 0; offset < chat.length || offset === 0; offset += limit) {
        const page = world.listMessages(userId, offset, limit)!;
        expect([page.limit, page.offset, page.total]).toEqual([limit, offset, chat.length]);
        walked.push(...page.messages);
      }
      expect(walked).toEqual(chat);
      expect(world.listMessages(userId, chat.length, limit)!.messages).toEqual([]);
    }
  });
});

describe("determinism", () => {
  const digest = (world: World) => createHash("sha256").update(JSON.stringify(world.toData())).digest("hex");

  it("the same seed and size give identical JSON; other seeds differ", () => {
    for (const seed of SEEDS) {
      expect(JSON.stringify(generateWorld({ seed, users: 300 }).toData())).toBe(
        JSON.stringify(generateWorld({ seed, users: 300 }).toData()),
      );
    }
    const digests = SEEDS.map((seed) => digest(generateWorld({ seed })));
    expect(new Set(digests).size).toBe(SEEDS.length);
  });

  it("generateWorld() is the default seed at the default size", () => {
    expect(digest(generateWorld())).toBe(digest(generateWorld({ seed: DEFAULT_SEED, users: DEFAULT_USERS })));
  });

  // The world must be byte-identical on every machine and in later versions unless the CHANGELOG says the world
  // changed: this digest is of the default world's JSON. A deliberate change updates it and the CHANGELOG.
  it("the default world is the same bytes as when this digest was taken", () => {
    expect(digest(generateWorld())).toBe("ee66f874d83a1867fcb6f5677a0883110beda20847e5599172b3a2d5465cd886");
  });

  it("assetsBase moves every avatar and file URL, and nothing else; a base that is not an http(s) URL is refused", () => {
    const moved = generateWorld({ assetsBase: "https://assets.test/mock/" });
    const urls = (data: ReturnType<World["toData"]>) =>
      JSON.stringify(data).match(/"(?:file_url|picture_thumb_url)":"[^"]+"/g) ?? [];
    const before = urls(generateWorld().toData());
    const after = urls(moved.toData());
    expect(after.length).toBe(before.length);
    expect(after.every((url) => /":"https:\/\/assets\.test\/mock\/(avatars|files)\/\d+\/[\w.-]+"$/.test(url))).toBe(
      true,
    );
    const swapped = JSON.stringify(moved.toData()).replaceAll(
      "https://assets.test/mock/",
      "http://127.0.0.1:4010/__signalzen/assets/",
    );
    expect(swapped).toBe(JSON.stringify(generateWorld().toData()));
    for (const bad of ["/relative", "ftp://x.test", "https://x.test/?q=1", 7]) {
      expect(() => generateWorld({ assetsBase: bad as string })).toThrow(
        /^The world's assetsBase must be an absolute http\(s\) URL with no query or fragment, such as http:\/\/127\.0\.0\.1:4010\/__signalzen\/assets; got /,
      );
    }
  });

  it("a world of N users is the first N users of the same seed's bigger world in everything but time", () => {
    const small = generateWorld({ users: 250 });
    const big = generateWorld({ users: MAX_USERS });
    const timeless = ({ created_at, updated_at, online_at, ...rest }: User) => rest;
    const wordsOnly = ({ created_at, ...rest }: Message) => rest;
    let moved = 0;
    for (const user of small.users()) {
      const same = big.getUser(user.id)!;
      expect(timeless(same)).toEqual(timeless(user));
      expect(big.chat(user.id)!.map(wordsOnly)).toEqual(small.chat(user.id)!.map(wordsOnly));
      if (same.created_at !== user.created_at) moved++;
    }
    expect(moved).toBe(250);
  });
});

describe("a 1,000,000-user world", () => {
  const world = generateWorld({ users: MAX_USERS });

  it("holds users 1 to 1,000,000 and no more", () => {
    expect(world.userCount).toBe(MAX_USERS);
    expect(world.getUser(MAX_USERS)!.id).toBe(MAX_USERS);
    expect(world.getUser(MAX_USERS + 1)).toBeUndefined();
    const last = world.listUsers(MAX_USERS - 1, 99);
    expect([last.total, last.users.map((user) => user.id)]).toEqual([MAX_USERS, [MAX_USERS]]);
  });

  it("message ids stay unique and ascending across block boundaries, and within int32", () => {
    const ids: number[] = [];
    for (let userId = 250; userId <= 800; userId++) ids.push(...world.chat(userId)!.map((message) => message.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const lastIds = world.chat(MAX_USERS)!.map((message) => message.id);
    expect(Math.max(0, ...lastIds)).toBeLessThan(2147483647);
  });

  it("its last users' chats still end by the world's now", () => {
    for (let userId = MAX_USERS - 200; userId <= MAX_USERS; userId++) {
      for (const message of world.chat(userId)!) expect(seconds(message.created_at)).toBeLessThanOrEqual(WORLD_NOW);
    }
  });
});

describe("options", () => {
  it.each([
    [-1, "-1"],
    [1.5, "1.5"],
    [MAX_USERS + 1, "1000001"],
    [Number.NaN, "NaN"],
    ["250", 'the string "250"'],
  ])("users %j is refused with the allowed range", (users, shown) => {
    expect(() => generateWorld({ users: users as number })).toThrow(
      new RangeError(`The world's users must be a whole number from 0 to 1000000, got ${shown}.`),
    );
  });

  it("a seed that is not a string is refused", () => {
    expect(() => generateWorld({ seed: 7 as unknown as string })).toThrow(
      new TypeError("The world's seed must be a string, got number 7."),
    );
  });

  it("0 users is an empty world", () => {
    const world = generateWorld({ users: 0 });
    expect(world.listUsers(0, 50)).toEqual({ limit: 50, offset: 0, total: 0, users: [] });
    expect(world.toData()).toEqual({ users: [], messages: {} });
    expect(world.getUser(1)).toBeUndefined();
  });
});
