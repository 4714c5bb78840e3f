/** The 200 answer of a request that passed every rule: from the world, or a named example on request. */
import type { Operation } from "../contract/facts.js";
import * as contract from "../contract/facts.js";
import { boundedMemo, stringBytes } from "../shared/memo.js";
import type { World } from "../world/index.js";
import type { Parameters } from "./parameters.js";
import { errorResponse, jsonResponse, type MockResponse } from "./responses.js";

const examples: Readonly<Record<string, Readonly<Record<string, unknown>>>> = contract.successExamples;

/** The operation's named example (`Prefer: example=NAME`), or a 400 that lists the names it has. */
export function namedExample(operation: Operation, name: string): MockResponse {
  const named = examples[operation.operationId] ?? {};
  if (Object.hasOwn(named, name)) return jsonResponse(200, named[name]);
  const known = Object.keys(named).join(", ");
  const message = `Prefer: example=${name.slice(0, 50)} names no example of GET ${operation.path}; it has ${known}.`;
  return errorResponse(400, message, [
    { location: "header.Prefer", message: `example=${name.slice(0, 50)} does not exist` },
  ]);
}

const noUser = (id: number) => errorResponse(404, `No user with id ${id}.`);

/**
 * The world's answers, remembered: a world never changes, and serializing a page of 50 users costs more than
 * everything else a request does but Prism's validation. Bounded by count and by bytes (memo.ts), so memory stays
 * flat under any traffic, even pages of 6 MB each (issue 19).
 */
export function createWorldAnswers(world: World, bounds = { entries: 2_000, bytes: 64 << 20 }) {
  const answers = boundedMemo<string, MockResponse>({ ...bounds, weigh: (answer) => stringBytes(answer.body) });
  return (operation: Operation, parameters: Parameters): MockResponse => {
    const { path, offset, limit } = parameters;
    const key = `${operation.operationId} ${Object.values(path).join("/")} ${offset} ${limit}`;
    return answers(key, () => fromWorld(world, operation, parameters));
  };
}

/** The world's answer: the record or page asked for, or a 404 in the contract's body. */
function fromWorld(world: World, operation: Operation, parameters: Parameters): MockResponse {
  const { path, offset, limit } = parameters;
  switch (operation.operationId) {
    case "listUsers":
      return jsonResponse(200, world.listUsers(offset, limit));
    case "getUser": {
      const user = world.getUser(path.id!);
      return user ? jsonResponse(200, user) : noUser(path.id!);
    }
    case "listUserMessages": {
      const page = world.listMessages(path.user_id!, offset, limit);
      return page ? jsonResponse(200, page) : noUser(path.user_id!);
    }
    case "getUserMessage": {
      const message = world.getMessage(path.user_id!, path.id!);
      if (message) return jsonResponse(200, message);
      if (!world.getUser(path.user_id!)) return noUser(path.user_id!);
      return errorResponse(404, `No message with id ${path.id} in the chat of user ${path.user_id}.`);
    }
  }
}
