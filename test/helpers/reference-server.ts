/**
 * A small, correct implementation of the SignalZen API (150 users, 3 messages each), with switches that
 * break the contract one way at a time, so `verify` can be held to report each violation exactly, and
 * choices the reference leaves open, so `verify` can be held to accept every conforming answer.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as contract from "../../generated/contract.js";
import { acceptAdmits } from "../../src/mock/accept.js";

export const VIOLATIONS = [
  "wrong-type", // getUser sends the id as a string
  "missing-required", // listed users have no email
  "plain-json", // 200s are sent as application/json
  "no-auth", // a request without Authorization gets 200
  "500-on-limit-99", // listUsers answers 500 to limit=99
  "repeated-id", // the second page of users repeats an id of the first
  "no-echo", // listUsers always says limit 50
  "changing-total", // listUsers' total grows on every request
  "oversize-page", // listUsers sends one more user than limit
  "ignores-accept", // no 406: any Accept gets 200
  "bad-error-body", // 400s have a body that is not the error schema
  "extra-property", // messages carry a property the schema does not allow
  "post-allowed", // POST gets 200, not 405
  "beyond-total-400", // an offset at or past total gets 400, not an empty page
  "invalid-as-404", // an invalid request gets 404 even when every record it names exists
] as const;
export type Violation = (typeof VIOLATIONS)[number];

/** What the published reference leaves to the implementation: each choice keeps the contract. */
export interface ReferenceChoices {
  /**
   * Look the records of the path up before validating anything else: an id that names no record
   * (`/users/abc`, `/users/0`, an unknown user under `/users/{user_id}/messages?limit=abc`) gets 404
   * rather than 400. @default false (validate first, as the mock does)
   */
  existenceFirst?: boolean;
  /**
   * No upper bound on `offset` (the reference states none): any whole number is accepted and one past
   * the records gives an empty page. @default false (offsets above the contract's int32 range get 400)
   */
  unboundedOffset?: boolean;
}

const USERS = 150;
const MESSAGES_PER_USER = 3;
const user = (id: number) => ({
  id,
  name: `User ${id}`,
  email: `user${id}@example.com`,
  reference: null,
  created_at: "2018-02-09T17:18:50.000Z",
  updated_at: "2018-02-09T17:18:50.000Z",
  online_at: null,
  last_url: null,
  user_attributes: [],
});
const message = (userId: number, id: number) => ({
  id,
  body: "hello",
  read_by_user: true,
  read_by_operator: false,
  created_at: "2018-02-09T17:18:50.000Z",
  file_url: null,
  auto_invitation: false,
  sender_type: "user",
  sender: { id: userId, name: null, email: null },
});
const messageIds = (userId: number) => Array.from({ length: MESSAGES_PER_USER }, (_, index) => userId * 10 + index);

/** Why a path names no record (any id that is not one of the records'), or undefined when it names one. */
function missingRecord(userPart: string | undefined, messagePart: string | undefined): string | undefined {
  const userId = userPart !== undefined && /^\d+$/.test(userPart) ? Number(userPart) : undefined;
  if (userPart !== undefined && (userId === undefined || userId < 1 || userId > USERS)) return "No such user";
  if (
    messagePart !== undefined &&
    !messageIds(userId!).includes(/^\d+$/.test(messagePart) ? Number(messagePart) : Number.NaN)
  )
    return "No such message";
  return undefined;
}

export async function startReferenceServer(
  secret: string,
  violations: Violation[] = [],
  choices: ReferenceChoices = {},
) {
  const broken = new Set<Violation>(violations);
  let requests = 0;
  const server = http.createServer((request, response) => {
    requests++;
    const url = new URL(request.url ?? "/", "http://localhost");
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const type = status === 200 && broken.has("plain-json") ? "application/json" : contract.mediaType;
      response.writeHead(status, { "Content-Type": type, ...headers }).end(JSON.stringify(body));
    };
    const fail = (status: number, text: string, headers: Record<string, string> = {}) => {
      const code = contract.errors[String(status) as keyof typeof contract.errors].code;
      send(
        status,
        status === 400 && broken.has("bad-error-body") ? { error: text } : { status, code, message: text },
        headers,
      );
    };
    const match = /^\/users(?:\/([^/]+))?(?:\/(messages)(?:\/([^/]+))?)?$/.exec(url.pathname);
    if (!match) return fail(404, "No such path");
    const [, userPart, messagesPart, messagePart] = match;
    if (request.method !== "GET" && !(request.method === "POST" && broken.has("post-allowed")))
      return fail(405, "Only GET is allowed", { Allow: "GET" });
    if (!broken.has("ignores-accept") && !acceptAdmits(request.headers.accept, contract.mediaType))
      return fail(406, "Send Accept: application/vnd.signalzen.v1+json");
    const authorization = request.headers.authorization;
    if (!(authorization === undefined && broken.has("no-auth")) && authorization?.replace(/^bearer /i, "") !== secret)
      return fail(401, "Your API secret key is wrong.", { "WWW-Authenticate": "Bearer" });

    if (choices.existenceFirst) {
      const missing = missingRecord(userPart, messagePart);
      if (missing) return fail(404, missing);
    }

    const integer = (
      value: string | null | undefined,
      name: string,
      min: number,
      max: number,
      fallback?: number,
    ): number | string => {
      if (value === null || value === undefined) return fallback ?? `${name} is required`;
      return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
        ? Number(value)
        : `${name} must be an integer from ${min} to ${max}`;
    };
    const parsed = {
      userId: userPart === undefined ? 0 : integer(userPart, "user id", 1, contract.bounds.id.maximum),
      messageId: messagePart === undefined ? 0 : integer(messagePart, "message id", 1, contract.bounds.id.maximum),
      offset: integer(
        url.searchParams.get("offset"),
        "offset",
        contract.bounds.offset.minimum,
        choices.unboundedOffset ? Number.MAX_SAFE_INTEGER : contract.bounds.offset.maximum,
        contract.bounds.offset.default,
      ),
      limit: integer(
        url.searchParams.get("limit"),
        "limit",
        contract.bounds.limit.minimum,
        contract.bounds.limit.maximum,
        contract.bounds.limit.default,
      ),
    };
    const problem = Object.values(parsed).find((value) => typeof value === "string");
    if (problem) return fail(broken.has("invalid-as-404") ? 404 : 400, String(problem));
    const { userId, messageId, offset, limit } = parsed as Record<string, number>;
    if (userPart !== undefined && userId! > USERS) return fail(404, "No such user");

    const page = (all: unknown[], key: string, pageLimit = limit!) => {
      const total = all.length;
      if (broken.has("beyond-total-400") && key === "users" && offset! >= total) return fail(400, "offset past total");
      const items = all.slice(offset, offset! + pageLimit);
      send(200, {
        limit: key === "users" && broken.has("no-echo") ? 50 : limit,
        offset,
        total: key === "users" && broken.has("changing-total") ? total + requests : total,
        [key]: items,
      });
    };
    const withExtra = (record: object) => (broken.has("extra-property") ? { ...record, internal_note: "x" } : record);

    if (userPart === undefined) {
      if (broken.has("500-on-limit-99") && limit === 99) return fail(500, "boom");
      let users = Array.from({ length: USERS }, (_, index) => user(index + 1)) as Record<string, unknown>[];
      if (broken.has("missing-required")) users = users.map(({ email: _email, ...rest }) => rest);
      if (broken.has("repeated-id") && offset! > 0 && offset! < users.length)
        users = [...users.slice(0, offset), users[offset! - 1]!, ...users.slice(offset! + 1)];
      return page(users, "users", broken.has("oversize-page") ? limit! + 1 : limit);
    }
    if (messagesPart === undefined)
      return send(200, broken.has("wrong-type") ? { ...user(userId!), id: String(userId) } : user(userId!));
    const messages = messageIds(userId!).map((id) => withExtra(message(userId!, id)));
    if (messagePart === undefined) return page(messages, "messages");
    const found = messages.find((candidate) => (candidate as { id: number }).id === messageId);
    return found ? send(200, found) : fail(404, "No such message");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
