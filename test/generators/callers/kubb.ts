import fetchClient from "@kubb/plugin-client/clients/fetch";
import { getUser, getUserMessage, listUserMessages, listUsers } from "../.out/kubb/clients/index.js";
import type { Message } from "../.out/kubb/types/Message.js";
import { errorBodySchema } from "../.out/kubb/zod/errorBodySchema.js";
import { messageListSchema } from "../.out/kubb/zod/messageListSchema.js";
import { messageSchema } from "../.out/kubb/zod/messageSchema.js";
import { userListSchema } from "../.out/kubb/zod/userListSchema.js";
import { userSchema } from "../.out/kubb/zod/userSchema.js";
import { ACCEPT, CALLS, type CallerConfig, type Outcome } from "./calls.js";

const sender = (message: Message) =>
  message.sender_type === "operator" ? `operator ${message.sender.forename}` : `user ${message.sender.name}`;

export async function callAll(config: CallerConfig): Promise<Outcome> {
  fetchClient.setConfig({
    baseURL: config.baseUrl,
    headers: { Accept: ACCEPT, Authorization: `Bearer ${config.apiSecret}` },
  });
  const users = await listUsers({ limit: CALLS.limit });
  const user = await getUser(CALLS.userId);
  const messages = await listUserMessages(CALLS.userId, { limit: CALLS.limit });
  const message = await getUserMessage(CALLS.userId, CALLS.messageId);
  const unknownUser = await getUser(CALLS.unknownUserId);
  // Its zod schemas validate the real answers.
  return {
    users: { status: users.status, body: userListSchema.parse(users.data) },
    user: { status: user.status, body: userSchema.parse(user.data) },
    messages: { status: messages.status, body: messageListSchema.parse(messages.data) },
    message: { status: message.status, body: messageSchema.parse(message.data) },
    unknownUser: { status: unknownUser.status, body: errorBodySchema.parse(unknownUser.data) },
    senders: messages.data.messages.map(sender),
  };
}
