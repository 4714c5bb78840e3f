/**
 * One fake paged list (users, or a user's messages) for the tests and the benchmark: it answers `?offset&limit`
 * from `count` records with ids 1, 2, ..., either in-process as an injected `fetch` (`pagedFetch`) or over
 * node:http on 127.0.0.1 (`startPagedServer`). `tamper` rewrites a page to make the list misbehave.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as contract from "../../generated/contract.js";
import type { Message, MessageList, User, UserList } from "../../src/client/index.js";

export const makeUser = (id: number): User => ({
  id,
  name: null,
  email: null,
  reference: null,
  created_at: "2018-02-09T17:18:50.000Z",
  updated_at: "2018-02-09T17:18:50.000Z",
  online_at: null,
  last_url: null,
  user_attributes: [],
});

export const makeMessage = (id: number): Message => ({
  id,
  body: "hi",
  read_by_user: true,
  read_by_operator: true,
  created_at: "2018-02-09T17:18:50.000Z",
  file_url: null,
  auto_invitation: false,
  sender_type: "user",
  sender: { id: 1, name: null, email: null },
});

type ListKey = "users" | "messages";
export type PageOf<Key extends ListKey> = Key extends "messages" ? MessageList : UserList;

export interface PagedListOptions<Key extends ListKey = "users"> {
  /** How many records there are; a function of the request's number (1, 2, ...) for a list that changes. */
  count: number | ((call: number) => number);
  /** @default "users" */
  key?: Key;
  /** Rewrites a page (or replaces it with anything at all) before it is sent. */
  tamper?: (page: PageOf<Key>, call: number) => unknown;
  /** Milliseconds before a page at `offset` is answered; `Infinity`: not until the request is aborted. */
  delayMs?: number | ((offset: number) => number);
}

/** The body for one request: the page at its offset and limit (the API's default limit when none is given). */
function pageFor<Key extends ListKey>(options: PagedListOptions<Key>, url: URL, call: number): unknown {
  const offset = Number(url.searchParams.get("offset") ?? 0);
  const limit = Number(url.searchParams.get("limit") ?? contract.bounds.limit.default);
  const total = typeof options.count === "function" ? options.count(call) : options.count;
  const ids = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, index) => offset + index + 1);
  const users: UserList = { limit, offset, total, users: ids.map(makeUser) };
  const messages: MessageList = { limit, offset, total, messages: ids.map(makeMessage) };
  const page = (options.key === "messages" ? messages : users) as PageOf<Key>; // Key is what chose it
  return options.tamper ? options.tamper(page, call) : page;
}

const delayFor = (options: PagedListOptions<ListKey>, url: URL) => {
  const offset = Number(url.searchParams.get("offset") ?? 0);
  return typeof options.delayMs === "function" ? options.delayMs(offset) : (options.delayMs ?? 0);
};

/** The list as an injected `fetch`, recording each request, the most requests in flight at once, and aborts. */
export function pagedFetch<Key extends ListKey = "users">(options: PagedListOptions<Key>) {
  const requests: Request[] = [];
  const aborted: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    const call = requests.length;
    const url = new URL(request.url);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const delay = delayFor(options, url);
      if (delay) {
        await new Promise<void>((resolve, reject) => {
          const onAbort = () => {
            clearTimeout(timer);
            aborted.push(Number(url.searchParams.get("offset") ?? 0));
            reject(request.signal.reason);
          };
          const timer =
            delay === Infinity
              ? undefined
              : setTimeout(() => {
                  request.signal.removeEventListener("abort", onAbort); // answered: a later abort is not this request's
                  resolve();
                }, delay);
          request.signal.addEventListener("abort", onAbort);
        });
      }
      return new Response(JSON.stringify(pageFor(options, url, call)), {
        headers: { "Content-Type": contract.mediaType },
      });
    } finally {
      inFlight--;
    }
  };
  return { fetch, requests, aborted, maxInFlight: () => maxInFlight };
}

export interface PagedServer {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

/** The list over node:http on 127.0.0.1, for walks through a real network stack (the benchmark). */
export async function startPagedServer<Key extends ListKey = "users">(
  options: PagedListOptions<Key>,
): Promise<PagedServer> {
  let calls = 0;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const body = JSON.stringify(pageFor(options, url, ++calls));
    const send = () => response.writeHead(200, { "Content-Type": contract.mediaType }).end(body);
    const delay = delayFor(options, url);
    if (delay === Infinity) return;
    if (delay) setTimeout(send, delay);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => calls,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
