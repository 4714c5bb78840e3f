/**
 * `@signalzen/api/fixtures`: the mock's world as plain typed records, for unit tests in other repos. The
 * same seed and size give the same records as `signalzen-api mock` and `@signalzen/api/msw`, and records
 * are the generated types, so a UI built from fixtures type-checks against the contract. Browser-safe.
 *
 * ```ts
 * import { createWorld } from "@signalzen/api/fixtures";
 * const world = createWorld({ users: 20 });
 * const [first] = world.users();
 * const chat = world.chat(first.id);
 * ```
 */
import { planWorld, type WorldSource } from "./source.js";
import type { World } from "./types.js";

export interface FixtureOptions extends WorldSource {}

/** The world by seed and size, or from data: users in order, a user by id, a chat, the team, the load format. */
export function createWorld(options: FixtureOptions = {}): World {
  return planWorld(options)();
}

export type { Message, MessageList, OperatorSender, User, UserList, UserSender } from "../contract/models.js";
export { DEFAULT_ASSETS_BASE, DEFAULT_SEED, DEFAULT_USERS, MAX_USERS } from "./generate.js";
export type { World, WorldData, WorldOptions } from "./types.js";
