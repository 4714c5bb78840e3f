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
import {
  checkWorldData,
  createWorld as generateWorld,
  type World,
  type WorldData,
  type WorldOptions,
  worldFromData,
} from "../world/index.js";

export interface FixtureOptions extends WorldOptions {
  /** A world in the load format (`signalzen-api world` writes one) instead of a generated one. */
  data?: WorldData;
}

/** The world by seed and size, or from data: users in order, a user by id, a chat, the team, the load format. */
export function createWorld(options: FixtureOptions = {}): World {
  const { data, ...shape } = options;
  if (data === undefined) return generateWorld(shape);
  if (shape.seed !== undefined || shape.users !== undefined || shape.assetsBase !== undefined) {
    throw new RangeError("give data, or seed, users and assetsBase to generate a world, not both");
  }
  const check = checkWorldData(data);
  if (!check.ok) throw new RangeError(`data: ${check.path} ${check.rule}`);
  return worldFromData(check.data);
}

export type { Message, MessageList, OperatorSender, User, UserList, UserSender } from "../contract/models.js";
export type { World, WorldData, WorldOptions } from "../world/index.js";
export { DEFAULT_ASSETS_BASE, DEFAULT_SEED, DEFAULT_USERS, MAX_USERS } from "../world/index.js";
