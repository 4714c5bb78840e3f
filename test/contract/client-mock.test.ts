/** The client against the mock: the surface other repos code against, end to end, both held to the spec. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignalZenClient as create } from "../../src/client/create-client.js";
import {
  AuthenticationError,
  createSignalZenClient,
  type Message,
  NotFoundError,
  RateLimitError,
  type User,
} from "../../src/client/index.js";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { createSchemaValidator } from "../../src/node/schema-validator.js";
import { generateWorld } from "../../src/world/index.js";

const validator = createSchemaValidator();
// The world the mock serves by default: what the client sees must be exactly it.
const world = generateWorld();

describe("client against the mock", () => {
  let mock: RunningMock;
  let sz: ReturnType<typeof createSignalZenClient>;

  beforeAll(async () => {
    mock = await startMock({ port: 0, secret: "mock-secret" });
    sz = createSignalZenClient({ apiSecret: "mock-secret", baseUrl: mock.url });
  });
  afterAll(() => mock?.close());

  it("lists users: the envelope, valid against the spec", async () => {
    const page = await sz.users.list({ offset: 0, limit: 10 });
    expect(page).toEqual(world.listUsers(0, 10));
    expect(page.total).toBe(250);
    expect(validator.validate("#/components/schemas/UserList", page)).toEqual([]);
  });

  it("gets a user", async () => {
    const user: User = await sz.users.get(123);
    expect(user).toEqual(world.getUser(123));
  });

  it("throws NotFoundError for an unknown user", async () => {
    const error = await sz.users.get(251).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error).toEqual({ status: 404, code: "not_found", message: "No user with id 251." });
  });

  it("walks every user, and every message of a user, in order", async () => {
    const users: User[] = [];
    for await (const user of sz.users.all({ concurrency: 4 })) users.push(user);
    expect(users).toEqual([...world.users()]);
    expect(users).toHaveLength(250);
    const messages: Message[] = [];
    for await (const message of sz.messages.all(123, { limit: 7, concurrency: 2 })) messages.push(message);
    expect(messages).toEqual(world.chat(123));
    expect(messages.length).toBeGreaterThan(0);
  });

  it("lists and gets messages, narrowed by sender_type", async () => {
    const page = await sz.messages.list(123, { limit: 20 });
    expect(page).toEqual(world.listMessages(123, 0, 20));
    const message = await sz.messages.get(123, 1234);
    expect(message).toEqual(world.getMessage(123, 1234));
    const team = new Map(world.operators().map((operator) => [operator.id, operator]));
    for (const each of world.chat(123)!) {
      if (each.sender_type === "operator") expect(team.get(each.sender.id)).toEqual(each.sender);
      else expect(each.sender).toEqual({ id: 123, name: world.getUser(123)!.name, email: world.getUser(123)!.email });
    }
  });

  it("raw GET is openapi-fetch, fully typed, with both headers sent", async () => {
    const { data, error, response } = await sz.GET("/users/{id}", { params: { path: { id: 1 } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.signalzen.v1+json");
    expect(data?.id).toBe(1);
  });

  it("gets AuthenticationError with a wrong secret", async () => {
    const wrong = create({ apiSecret: "not-the-secret", baseUrl: mock.url });
    const error = await wrong.users.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("gets RateLimitError with retryAfter when the mock answers 429 (Retry-After above maxRetryAfter: thrown at once)", async () => {
    const askFor429 = (request: Request) =>
      fetch(
        new Request(request, {
          headers: { ...Object.fromEntries(request.headers), prefer: "code=429, retry-after=30" },
        }),
      );
    const limited = create({
      apiSecret: "mock-secret",
      baseUrl: mock.url,
      fetch: askFor429,
      retry: { maxRetryAfter: 1_000 },
    });
    const error = await limited.users.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(30_000);
    expect((error as RateLimitError).error).toEqual({
      status: 429,
      code: "too_many_requests",
      message: "You're making too many requests! Slow down!",
    });
  });

  it("raw GET shows the mock's 400 with its violations (the typed methods refuse limit 0 before sending)", async () => {
    const { error, response } = await sz.GET("/users", { params: { query: { limit: 0 } } });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      status: 400,
      code: "bad_request",
      message: "Your request is invalid: query.limit must be >= 1.",
      details: [{ location: "query.limit", message: "must be >= 1" }],
    });
    await expect(sz.users.list({ limit: 0 })).rejects.toThrow("limit must be a whole number from 1 to 99");
  });
});
