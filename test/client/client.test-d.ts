/** The client's types: what compiles, what does not, and what narrows. */
import { describe, expectTypeOf, it } from "vitest";
import {
  type APIError,
  createSignalZenClient,
  type GoneError,
  type Message,
  type MessageList,
  type NotFoundError,
  type OperatorSender,
  type RateLimitError,
  type User,
  type UserList,
  type UserSender,
} from "../../src/client/index.js";

const sz = createSignalZenClient({ apiSecret: "x", baseUrl: "http://127.0.0.1:4010" });

describe("client types", () => {
  it("returns the records and envelopes", () => {
    expectTypeOf(sz.users.list()).resolves.toEqualTypeOf<UserList>();
    expectTypeOf(sz.users.get(1)).resolves.toEqualTypeOf<User>();
    expectTypeOf(sz.messages.list(1, { limit: 20 })).resolves.toEqualTypeOf<MessageList>();
    expectTypeOf(sz.messages.get(1, 2)).resolves.toEqualTypeOf<Message>();
    expectTypeOf<UserList["users"]>().toEqualTypeOf<User[]>();
    expectTypeOf<UserList["total"]>().toEqualTypeOf<number>();
  });

  it("narrows a message on sender_type", async () => {
    const message = await sz.messages.get(123, 1234);
    if (message.sender_type === "operator") {
      expectTypeOf(message.sender).toEqualTypeOf<OperatorSender>();
      expectTypeOf(message.sender.forename).toBeString();
    } else {
      expectTypeOf(message.sender).toEqualTypeOf<UserSender>();
      expectTypeOf(message.sender.name).toEqualTypeOf<string | null>();
    }
  });

  it("iterates users and messages", async () => {
    for await (const user of sz.users.all({ concurrency: 4 })) expectTypeOf(user).toEqualTypeOf<User>();
    for await (const page of sz.messages.all(1).pages()) expectTypeOf(page).toEqualTypeOf<MessageList>();
  });

  it("refuses wrong parameters at compile time", () => {
    // @ts-expect-error an id is a number
    void sz.users.get("123");
    // @ts-expect-error a message needs the user id too
    void sz.messages.get(1234);
    // @ts-expect-error no such page option
    void sz.users.list({ limt: 10 });
    // @ts-expect-error offset is a number
    void sz.users.list({ offset: "0" });
    // @ts-expect-error no such option on all()
    void sz.users.all({ pageSize: 10 });
    // @ts-expect-error headers are strings
    void sz.users.get(1, { headers: { Prefer: 503 } });
    // @ts-expect-error no such call option
    void sz.users.get(1, { timeout: 5 });
  });

  it("takes { signal, headers } last on every method, and on all()", () => {
    const call = { signal: new AbortController().signal, headers: { Prefer: "code=503" } };
    expectTypeOf(sz.users.get(1, call)).resolves.toEqualTypeOf<User>();
    expectTypeOf(sz.users.list({ limit: 5 }, call)).resolves.toEqualTypeOf<UserList>();
    expectTypeOf(sz.messages.list(1, undefined, call)).resolves.toEqualTypeOf<MessageList>();
    expectTypeOf(
      sz.messages.get(1, 2, { headers: new Headers({ Prefer: "code=404" }) }),
    ).resolves.toEqualTypeOf<Message>();
    void sz.users.all({ ...call, limit: 10 }).pages();
    void sz.messages.all(1, { headers: [["Prefer", "code=500"]] });
  });

  it("types the raw GET by path", async () => {
    const { data } = await sz.GET("/users/{id}", { params: { path: { id: 1 } } });
    expectTypeOf(data).toEqualTypeOf<User | undefined>();
    // @ts-expect-error no such path
    void sz.GET("/user/{id}", { params: { path: { id: 1 } } });
    // @ts-expect-error the path parameter is required
    void sz.GET("/users/{id}", { params: { path: {} } });
  });

  it("gives each error class its literal status, so classes do not pass for one another", () => {
    expectTypeOf<NotFoundError["status"]>().toEqualTypeOf<404>();
    expectTypeOf<RateLimitError["status"]>().toEqualTypeOf<429>();
    expectTypeOf<APIError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<NotFoundError>().toMatchTypeOf<APIError>();
    expectTypeOf<NotFoundError>().not.toMatchTypeOf<GoneError>();
  });
});
