/** Shared by the world's tests: the worlds they range over, and whole-world walks. */

import { DEFAULT_SEED } from "../../src/world/index.js";
import type { Message, User, World } from "../../src/world/types.js";

/** Several seeds, the default first: rules are checked over every record of each. */
export const SEEDS = [DEFAULT_SEED, "alpha", "zeta-42", "🦊 seeds are any string"];

/** Every user of a world with its chat. */
export function* everyChat(world: World): Generator<{ user: User; chat: Message[] }> {
  for (const user of world.users()) yield { user, chat: world.chat(user.id)! };
}

export const seconds = (iso: string | null) => (iso === null ? null : Date.parse(iso) / 1000);
