/** `@signalzen/api/fixtures` gives the same records as the MSW handlers (and so the mock server) for the same seed. */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import * as contract from "../../generated/contract.js";
import type { components } from "../../generated/schema.js";
import { createHandlers } from "../../src/mock/msw.js";
import { createWorld, type User } from "../../src/world/fixtures.js";

const BASE = "https://api.signalzen.com/external";
const headers = { Accept: contract.mediaType, Authorization: "Bearer fixtures" };
const get = async (path: string) => (await fetch(BASE + path, { headers })).json();

describe("fixtures", () => {
  const msw = setupServer(...createHandlers({ seed: "fixtures", users: 40 }));
  // msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's key, so both are named.
  const unhandled = { onUnhandledRequest: "error", onUnhandledFrame: "error" } as const;
  beforeAll(() => msw.listen(unhandled));
  afterAll(() => msw.close());
  const world = createWorld({ seed: "fixtures", users: 40 });

  it("the users in order, a user by id, a user's chat and the team equal what the handlers serve", async () => {
    const users = [...world.users()];
    expect(users).toHaveLength(40);
    expect((await get("/users?limit=99")).users).toEqual(users);
    for (const user of users.slice(0, 8)) {
      expect(await get(`/users/${user.id}`)).toEqual(world.getUser(user.id));
      expect((await get(`/users/${user.id}/messages?limit=99`)).messages).toEqual(world.chat(user.id));
    }
    const senders = users
      .flatMap((user) => world.chat(user.id)!)
      .filter((m) => m.sender_type === "operator")
      .map((m) => m.sender);
    const team = world.operators();
    expect(team.length).toBeGreaterThanOrEqual(5);
    for (const sender of senders) expect(team).toContainEqual(sender);
  });

  it("a world from data (the load format) gives the same records, and bad data is refused with its path", () => {
    const data = world.toData();
    const loaded = createWorld({ data });
    expect([...loaded.users()]).toEqual([...world.users()]);
    expect(loaded.toData()).toEqual(data);
    const broken = structuredClone(data);
    broken.users[1]!.id = broken.users[0]!.id;
    expect(() => createWorld({ data: broken })).toThrow(/^data: \$\.users\[1\]/);
    expect(() => createWorld({ data, seed: "x" })).toThrow(
      "give data, or seed, users and assetsBase to generate a world, not both",
    );
  });

  it("records are the generated types", () => {
    expectTypeOf(world.getUser(1)).toEqualTypeOf<components["schemas"]["User"] | undefined>();
    expectTypeOf<User>().toEqualTypeOf<components["schemas"]["User"]>();
    expectTypeOf(world.chat(1)).toEqualTypeOf<components["schemas"]["Message"][] | undefined>();
  });
});

describe("the world's records are frozen, and chats handed out are copies", () => {
  const world = createWorld({ seed: "frozen", users: 5 });
  it("a caller cannot change the world for the next reader", () => {
    const withChat = [...world.users()].find((user) => world.chat(user.id)!.length > 1)!;
    const chat = world.chat(withChat.id)!;
    const ids = chat.map((message) => message.id);
    chat.reverse(); // a copy: the world's chat keeps its order
    expect(world.chat(withChat.id)!.map((message) => message.id)).toEqual(ids);
    expect(() => {
      (world.getUser(withChat.id) as { name: string | null }).name = "Mutated";
    }).toThrow(TypeError);
    expect(world.getUser(withChat.id)!.name).not.toBe("Mutated");
  });

  it("createHandlers refuses options it cannot serve, saying what is allowed", () => {
    expect(() => createHandlers({ secret: "" })).toThrow("secret must be a non-empty Bearer token");
    expect(() => createHandlers({ baseUrl: "api.signalzen.com/external" })).toThrow(
      'baseUrl must be an http(s) URL or a path (such as https://api.signalzen.com/external or /api/signalzen), with no credentials, query or fragment; got "api.signalzen.com/external"',
    );
    expect(() => createHandlers({ failRate: Number.NaN })).toThrow(
      "failRate must be a number from 0 to 1 (0.1 fails one answer in ten); got NaN",
    );
  });
});
