import { Api, type Message } from "../.out/swagger-typescript-api/api.js";
import { ACCEPT, CALLS, type CallerConfig, type Outcome } from "./calls.js";

const sender = (message: Message) =>
  message.sender_type === "operator" ? `operator ${message.sender.forename}` : `user ${message.sender.name}`;

export async function callAll(config: CallerConfig): Promise<Outcome> {
  const api = new Api({
    baseUrl: config.baseUrl,
    baseApiParams: { headers: { Accept: ACCEPT } },
    securityWorker: () => ({ headers: { Authorization: `Bearer ${config.apiSecret}` } }),
  });
  const users = await api.users.listUsers({ limit: CALLS.limit });
  const user = await api.users.getUser(CALLS.userId);
  const messages = await api.users.listUserMessages(CALLS.userId, { limit: CALLS.limit });
  const message = await api.users.getUserMessage(CALLS.userId, CALLS.messageId);
  // It throws the response of an error status, with the error body (typed) in `error`.
  type GetUserResponse = Awaited<ReturnType<typeof api.users.getUser>>;
  const unknownUser = await api.users.getUser(CALLS.unknownUserId).catch((error: GetUserResponse) => error);
  const errorCode: string = unknownUser.error.code;
  return {
    users: { status: users.status, body: users.data },
    user: { status: user.status, body: user.data },
    messages: { status: messages.status, body: messages.data },
    message: { status: message.status, body: message.data },
    unknownUser: { status: unknownUser.status, body: errorCode && unknownUser.error },
    senders: messages.data.messages.map(sender),
  };
}
