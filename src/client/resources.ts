/**
 * The resources, `users` and `messages`. Each method names its path, and the generated `paths` give that path's
 * parameters and the record it answers with, so a parameter or a record type cannot drift from the contract.
 * Arguments are checked here, before anything is sent; the methods are async so a bad one is a rejection.
 */
import type * as contract from "../../generated/contract.js";
import type { paths } from "../../generated/schema.js";
import { checkId, checkPage } from "./arguments.js";
import type { Message, MessageList, PageParams, User, UserList } from "../contract/models.js";
import { paginator, type AllOptions, type Paginator } from "./paginate.js";

type Operation<Path extends keyof paths> = paths[Path]["get"];
export type Parameters<Path extends keyof paths> = Operation<Path>["parameters"];
export type Success<Path extends keyof paths> = Operation<Path>["responses"][200]["content"][typeof contract.mediaType];

/** Sends a GET to a path, with retries, and resolves with what the path answers. */
export type Get = <Path extends keyof paths>(
  path: Path,
  parameters: Parameters<Path>,
  signal: AbortSignal | undefined,
) => Promise<Success<Path>>;

export interface CallOptions {
  /** Aborts the call, including a retry wait. */
  signal?: AbortSignal;
}

/** The URL for a path and its parameters (path values are checked ids, query values checked integers: no escaping). */
export function urlFor<Path extends keyof paths>(baseUrl: string, path: Path, parameters: Parameters<Path>): string {
  const values: Record<string, unknown> = parameters.path ?? {};
  const query: Record<string, unknown> = parameters.query ?? {};
  let url = baseUrl + path.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
  let separator = "?";
  for (const key in query) {
    if (query[key] === undefined) continue;
    url += `${separator}${key}=${query[key]}`;
    separator = "&";
  }
  return url;
}

export function resources(baseUrl: string, get: Get) {
  return {
    users: {
      /** One page of users: `{ limit, offset, total, users }`. */
      async list(page?: PageParams, options?: CallOptions): Promise<UserList> {
        return get("/users", { query: checkPage(page) }, options?.signal);
      },
      /** One user; throws `NotFoundError` when there is none with that id. */
      async get(id: number, options?: CallOptions): Promise<User> {
        return get("/users/{id}", { path: { id: checkId("id", id) } }, options?.signal);
      },
      /** Every user, in order of id, across pages. */
      all(options: AllOptions = {}): Paginator<User, UserList> {
        const fetchPage = (query: PageParams, signal: AbortSignal) => get("/users", { query }, signal);
        return paginator(fetchPage, (page) => page.users, options, urlFor(baseUrl, "/users", {}));
      },
    },
    messages: {
      /** One page of a user's chat: `{ limit, offset, total, messages }`. */
      async list(userId: number, page?: PageParams, options?: CallOptions): Promise<MessageList> {
        return get(
          "/users/{user_id}/messages",
          { path: { user_id: checkId("userId", userId) }, query: checkPage(page) },
          options?.signal,
        );
      },
      /** One message of a user's chat; narrow it on `sender_type`. */
      async get(userId: number, id: number, options?: CallOptions): Promise<Message> {
        return get(
          "/users/{user_id}/messages/{id}",
          { path: { user_id: checkId("userId", userId), id: checkId("id", id) } },
          options?.signal,
        );
      },
      /** Every message of a user's chat, oldest first, across pages. */
      all(userId: number, options: AllOptions = {}): Paginator<Message, MessageList> {
        const path = { user_id: checkId("userId", userId) };
        const fetchPage = (query: PageParams, signal: AbortSignal) =>
          get("/users/{user_id}/messages", { path, query }, signal);
        return paginator(
          fetchPage,
          (page) => page.messages,
          options,
          urlFor(baseUrl, "/users/{user_id}/messages", { path }),
        );
      },
    },
  };
}

export type Resources = ReturnType<typeof resources>;
