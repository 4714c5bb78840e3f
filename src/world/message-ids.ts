/**
 * How long each chat is, and which message ids it holds, without making any chat.
 *
 * The scheme: users are grouped in blocks of BLOCK_USERS consecutive ids. Block `b` owns the message ids
 * `b * BLOCK_IDS + 1` to `(b + 1) * BLOCK_IDS`, enough for every chat of the block at its longest. Inside a
 * block, chats take consecutive ids in user order: a chat starts right after the previous user's last
 * message. So ids are unique across the world and ascend within a chat; the gaps between blocks look like what
 * a real account sees (other accounts' messages are numbered in between); and finding a chat's ids costs
 * the lengths of at most BLOCK_USERS - 1 chats before it, whatever the size of the world. Ids stay far below
 * the contract's int32 maximum: at 1,000,000 users the last block ends at 150,028,800.
 *
 * The reference's own example, `GET /users/123/messages/1234`, falls in the default world because user 123
 * is in block 0, where ids are the running count of messages, and DEFAULT_SEED was picked so that the chats
 * of users 1 to 122 hold fewer than 1234 messages and user 123's chat reaches past it (see DEFAULT_SEED).
 */
import { chance } from "./random.js";

/** No chat is longer: 150 is three full pages at the default limit of 50. */
export const MAX_CHAT_LENGTH = 150;
const BLOCK_USERS = 256;
const BLOCK_IDS = BLOCK_USERS * MAX_CHAT_LENGTH;

/**
 * 0 to MAX_CHAT_LENGTH messages: about 15% of users never chatted, most chats are short (a geometric
 * length, about 9 messages on average, at most 40) and about 3% are long (51 and up: more than one page).
 */
export function chatLength(seed: string, userId: number): number {
  const draw = chance(seed, "chat-length", userId);
  const kind = draw.next();
  if (kind < 0.15) return 0;
  if (kind >= 0.97) return draw.int(51, MAX_CHAT_LENGTH);
  let length = 1;
  while (length < 40 && draw.chance(0.89)) length++;
  return length;
}

/** Running message counts of recently used blocks (257 numbers each): a chat is usually read page by page. */
const RECENT_BLOCKS = 32;

export function messageIdsOf(seed: string) {
  const blocks = new Map<number, Int32Array>();

  function blockStarts(block: number): Int32Array {
    let starts = blocks.get(block);
    if (!starts) {
      starts = new Int32Array(BLOCK_USERS + 1);
      starts[0] = block * BLOCK_IDS + 1;
      for (let index = 0; index < BLOCK_USERS; index++) {
        starts[index + 1] = starts[index]! + chatLength(seed, block * BLOCK_USERS + index + 1);
      }
      if (blocks.size >= RECENT_BLOCKS) blocks.delete(blocks.keys().next().value!);
      blocks.set(block, starts);
    }
    return starts;
  }

  /** The id of the first message of a user's chat (also where it would start if the chat is empty). */
  return function firstMessageId(userId: number): number {
    const block = Math.floor((userId - 1) / BLOCK_USERS);
    return blockStarts(block)[userId - 1 - block * BLOCK_USERS]!;
  };
}
