/** What TanStack's hooks infer from the options, under `strict`: the records' types and the client's error. */
import { type InfiniteData, QueryClient, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import { createSignalZenClient, type SignalZenError } from "../../src/client/index.js";
import type { Message, MessageList, User, UserList } from "../../src/contract/models.js";
import { signalzenQueries } from "../../src/query/index.js";

const q = signalzenQueries(createSignalZenClient({ apiSecret: "x" }));

describe("@signalzen/api/query types", () => {
  it("useQuery(q.users.get(1)) has User data and SignalZenError errors", () => {
    const result = useQuery(q.users.get(1));
    expectTypeOf(result.data).toEqualTypeOf<User | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<SignalZenError | null>();
  });

  it("every operation's data is its record", () => {
    expectTypeOf(useQuery(q.users.list()).data).toEqualTypeOf<UserList | undefined>();
    expectTypeOf(useQuery(q.messages.list(1, { limit: 5 })).data).toEqualTypeOf<MessageList | undefined>();
    expectTypeOf(useQuery(q.messages.get(1, 2)).data).toEqualTypeOf<Message | undefined>();
    const users = useInfiniteQuery(q.users.infinite({ limit: 20 }));
    expectTypeOf(users.data?.pages).toEqualTypeOf<UserList[] | undefined>();
    expectTypeOf(users.error).toEqualTypeOf<SignalZenError | null>();
    const chat = useInfiniteQuery(q.messages.infinite(1, { start: "newest" }));
    expectTypeOf(chat.data?.pages).toEqualTypeOf<MessageList[] | undefined>();
  });

  it("keys are typed for getQueryData and setQueryData", () => {
    const client = new QueryClient();
    expectTypeOf(client.getQueryData(q.users.get(1).queryKey)).toEqualTypeOf<User | undefined>();
    expectTypeOf(client.getQueryData(q.users.infinite().queryKey)).toMatchTypeOf<
      InfiniteData<UserList, unknown> | undefined
    >();
    // @ts-expect-error a message is not a user
    client.setQueryData(q.users.get(1).queryKey, {} as Message);
  });

  it("refuses arguments of the wrong type", () => {
    // @ts-expect-error an id is a number
    q.users.get("1");
    // @ts-expect-error limit is a number
    q.users.list({ limit: "20" });
    // @ts-expect-error start is "oldest" or "newest"
    q.messages.infinite(1, { start: "latest" });
    // @ts-expect-error the chat needs its user's id
    q.messages.infinite();
  });
});
