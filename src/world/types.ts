/** What a world is, whoever made it: the generator (`generateWorld`) or a loaded file (`worldFromData`). */
import type { Message, MessageList, OperatorSender, User, UserList } from "../contract/models.js";

export type { Message, OperatorSender, User, UserAttribute } from "../contract/models.js";

export interface WorldOptions {
  /** What the world is made from: the same seed and size give the same bytes. @default DEFAULT_SEED */
  seed?: string;
  /** How many users, 0 to MAX_USERS. @default DEFAULT_USERS */
  users?: number;
  /**
   * Where the world's avatars and files are: `${assetsBase}/avatars/7/thumb.png`, `${assetsBase}/files/167/IMG_2041.jpg`.
   * Both mock hosts answer these URLs with placeholders, so pictures load with no network.
   * @default DEFAULT_ASSETS_BASE, the default mock server's own: "http://127.0.0.1:4010/__signalzen/assets"
   */
  assetsBase?: string;
}

/**
 * The load format, as `signalzen-api world` writes it and `mock --data` reads it: every user in list order,
 * and each user's chat under the user's id. A user with no messages may have no key (`[]` is also accepted).
 */
export interface WorldData {
  users: User[];
  messages: Record<string, Message[]>;
}

/**
 * A world answers the API's four reads. Records it returns are shared: treat them as read-only.
 * Offsets and limits are taken as given (the caller has validated them against the contract).
 */
export interface World {
  readonly userCount: number;
  /** Exactly the body `GET /users` returns. */
  listUsers(offset: number, limit: number): UserList;
  getUser(id: number): User | undefined;
  /** Exactly the body `GET /users/{user_id}/messages` returns; undefined when there is no such user. */
  listMessages(userId: number, offset: number, limit: number): MessageList | undefined;
  /** Undefined when the user does not exist or the message is not in that user's chat. */
  getMessage(userId: number, messageId: number): Message | undefined;
  /** Every user, in list order (made one at a time for a generated world). */
  users(): Iterable<User>;
  /** A user's whole chat, oldest first; undefined when there is no such user. */
  chat(userId: number): Message[] | undefined;
  /** The team that answers the chats, by ascending id. */
  operators(): OperatorSender[];
  /** The whole world in the load format. */
  toData(): WorldData;
}
