/**
 * The resources, `users` and `messages`. Each method names its path, and the generated `paths` give that path's
 * parameters and the record it answers with, so a parameter or a record type cannot drift from the contract.
 * Arguments are checked here, before anything is sent; the methods are async so a bad one is a rejection.
 */

import type { paths } from "../../generated/schema.js";
import type * as contract from "../contract/facts.js";
import type { Message, MessageList, PageParams, User, UserList } from "../contract/models.js";
import { fillPath } from "../shared/path-template.js";
import { type CallHeaders, checkHeaders, checkId, checkKnown, checkPage } from "./arguments.js";
import type { Call } from "./attempt.js";
import { type AllOptions, type Paginator, paginator } from "./paginate.js";

type GetOperation<Path extends keyof paths> = paths[Path]["get"];
export type GetParameters<Path extends keyof paths> = GetOperation<Path>["parameters"];
type Success<Path extends keyof paths> = GetOperation<Path>["responses"][200]["content"][typeof contract.mediaType];

/** Sends a GET to a path, with retries, and resolves with what the path answers. */
export type Get = <Path extends keyof paths>(
  path: Path,
  parameters: GetParameters<Path>,
  call: Call,
) => Promise<Success<Path>>;

/** What every method takes last: `sz.users.get(7, { signal, headers: { Prefer: "code=503" } })`. */
export interface CallOptions {
  /** Aborts the call, including a retry wait (TanStack Query's `signal` fits here as it is). */
  signal?: AbortSignal | undefined;
  /**
   * Headers sent with this call's requests besides the client's own; `Authorization` and `Accept` are the client's
   * and are refused here.
   * @example { Prefer: "code=503" } // the mock answers with that status
   */
  headers?: CallHeaders | undefined;
}

/** A call's options, checked before anything is sent. */
function checkCall(options: CallOptions | undefined): Call {
  const { signal, headers, ...rest } = options ?? {};
  checkKnown(rest, "signal, headers");
  return { signal, headers: checkHeaders(headers) };
}

/** The URL for a path and its parameters (query values are checked integers: no escaping). */
export function urlFor<Path extends keyof paths>(baseUrl: string, path: Path, parameters: GetParameters<Path>): string {
  const values: Record<string, unknown> = parameters.path ?? {};
  const query: Record<string, unknown> = parameters.query ?? {};
  let url = baseUrl + fillPath(path, values);
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
        return get("/users", { query: checkPage(page) }, checkCall(options));
      },
      /** One user; throws `NotFoundError` when there is none with that id. */
      async get(id: number, options?: CallOptions): Promise<User> {
        return get("/users/{id}", { path: { id: checkId("id", id) } }, checkCall(options));
      },
      /** Every user, in order of id, across pages. */
      all(options: AllOptions = {}): Paginator<User, UserList> {
        const { headers, ...walk } = options ?? {};
        const added = checkHeaders(headers);
        const fetchPage = (query: PageParams, signal: AbortSignal) =>
          get("/users", { query }, { signal, headers: added });
        return paginator(fetchPage, (page) => page.users, walk, urlFor(baseUrl, "/users", {}));
      },
    },
    messages: {
      /** One page of a user's chat: `{ limit, offset, total, messages }`. */
      async list(userId: number, page?: PageParams, options?: CallOptions): Promise<MessageList> {
        return get(
          "/users/{user_id}/messages",
          { path: { user_id: checkId("userId", userId) }, query: checkPage(page) },
          checkCall(options),
        );
      },
      /** One message of a user's chat; narrow it on `sender_type`. */
      async get(userId: number, id: number, options?: CallOptions): Promise<Message> {
        return get(
          "/users/{user_id}/messages/{id}",
          { path: { user_id: checkId("userId", userId), id: checkId("id", id) } },
          checkCall(options),
        );
      },
      /** Every message of a user's chat, oldest first, across pages. */
      all(userId: number, options: AllOptions = {}): Paginator<Message, MessageList> {
        const path = { user_id: checkId("userId", userId) };
        const { headers, ...walk } = options ?? {};
        const added = checkHeaders(headers);
        const fetchPage = (query: PageParams, signal: AbortSignal) =>
          get("/users/{user_id}/messages", { path, query }, { signal, headers: added });
        return paginator(
          fetchPage,
          (page) => page.messages,
          walk,
          urlFor(baseUrl, "/users/{user_id}/messages", { path }),
        );
      },
    },
  };
}

export type Resources = ReturnType<typeof resources>;
