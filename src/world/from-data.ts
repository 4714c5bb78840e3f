/**
 * A world served from data in the load format (a file a team wrote or edited). The data must have passed
 * checkWorldData: ids unique and ascending, which is what lets lookups here be binary searches.
 * Records are served as they are in the data, key order included.
 */
import { deepFreeze } from "./freeze.js";
import type { Message, OperatorSender, World, WorldData } from "./types.js";

/** The index of the record with `id` in a list ordered by ascending id, or -1. */
function indexOfId(records: readonly { id: number }[], id: number): number {
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = records[middle]!.id;
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

const NO_MESSAGES: Message[] = [];

export function worldFromData(data: WorldData): World {
  // Frozen as served: the caller's data object is the world now, and must not change under it (freeze.ts).
  const { users, messages } = deepFreeze(data);
  const chatOf = (userId: number): Message[] | undefined => {
    if (indexOfId(users, userId) < 0) return undefined;
    return Object.hasOwn(messages, userId) ? messages[userId]! : NO_MESSAGES;
  };
  let team: OperatorSender[] | undefined;

  return {
    userCount: users.length,
    listUsers: (offset, limit) => ({ limit, offset, total: users.length, users: users.slice(offset, offset + limit) }),
    getUser(id) {
      const index = indexOfId(users, id);
      return index < 0 ? undefined : users[index];
    },
    listMessages(userId, offset, limit) {
      const chat = chatOf(userId);
      return chat && { limit, offset, total: chat.length, messages: chat.slice(offset, offset + limit) };
    },
    getMessage(userId, messageId) {
      const chat = chatOf(userId);
      const index = chat ? indexOfId(chat, messageId) : -1;
      return index < 0 ? undefined : chat![index];
    },
    users: () => users.slice(),
    chat: (userId) => chatOf(userId)?.slice(),
    operators() {
      if (!team) {
        const byId = new Map<number, OperatorSender>();
        for (const chat of Object.values(messages)) {
          for (const message of chat)
            if (message.sender_type === "operator") byId.set(message.sender.id, message.sender);
        }
        team = [...byId.values()].sort((a, b) => a.id - b.id);
      }
      return team.slice();
    },
    toData: () => ({ users: users.slice(), messages: { ...messages } }),
  };
}
