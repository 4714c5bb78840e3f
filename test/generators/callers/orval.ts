import { getUser, getUserMessage, listUserMessages, listUsers, type Message } from "../.out/orval/signalzen.js";
import { signalzenConfig } from "../configs/signalzen-fetch.js";
import { CALLS, type CallerConfig, type Outcome } from "./calls.js";

const sender = (message: Message) =>
  message.sender_type === "operator" ? `operator ${message.sender.forename}` : `user ${message.sender.name}`;

export async function callAll(config: CallerConfig): Promise<Outcome> {
  Object.assign(signalzenConfig, config);
  const users = await listUsers({ limit: CALLS.limit });
  const user = await getUser(CALLS.userId);
  const messages = await listUserMessages(CALLS.userId, { limit: CALLS.limit });
  const message = await getUserMessage(CALLS.userId, CALLS.messageId);
  const unknownUser = await getUser(CALLS.unknownUserId);
  const errorCode: string | undefined = unknownUser.status === 404 ? unknownUser.data.code : undefined;
  return {
    users: { status: users.status, body: users.data },
    user: { status: user.status, body: user.data },
    messages: { status: messages.status, body: messages.data },
    message: { status: message.status, body: message.data },
    unknownUser: { status: unknownUser.status, body: errorCode && unknownUser.data },
    senders: messages.status === 200 ? messages.data.messages.map(sender) : [],
  };
}
