import { client } from "../.out/hey-api/client.gen.js";
import { getUser, getUserMessage, listUserMessages, listUsers } from "../.out/hey-api/sdk.gen.js";
import type { Message } from "../.out/hey-api/types.gen.js";
import { ACCEPT, CALLS, type CallerConfig, type Outcome } from "./calls.js";

const sender = (message: Message) =>
  message.sender_type === "operator" ? `operator ${message.sender.forename}` : `user ${message.sender.name}`;

/** hey-api returns `response: undefined` only when fetch itself threw, which would have thrown here. */
const statusOf = (result: { response?: Response }) => result.response?.status ?? 0;

export async function callAll(config: CallerConfig): Promise<Outcome> {
  client.setConfig({ baseUrl: config.baseUrl, headers: { Accept: ACCEPT }, auth: () => config.apiSecret });
  const users = await listUsers({ query: { limit: CALLS.limit } });
  const user = await getUser({ path: { id: CALLS.userId } });
  const messages = await listUserMessages({ path: { user_id: CALLS.userId }, query: { limit: CALLS.limit } });
  const message = await getUserMessage({ path: { user_id: CALLS.userId, id: CALLS.messageId } });
  const unknownUser = await getUser({ path: { id: CALLS.unknownUserId } });
  const errorCode: string | undefined = unknownUser.error?.code;
  return {
    users: { status: statusOf(users), body: users.data },
    user: { status: statusOf(user), body: user.data },
    messages: { status: statusOf(messages), body: messages.data },
    message: { status: statusOf(message), body: message.data },
    unknownUser: { status: statusOf(unknownUser), body: errorCode && unknownUser.error },
    senders: messages.data?.messages.map(sender) ?? [],
  };
}
