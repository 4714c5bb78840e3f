import { isErrorFromAlias } from "@zodios/core";
import type { z } from "zod";
import { createApiClient, schemas } from "../.out/openapi-zod-client/client.js";
import { ACCEPT, CALLS, type CallerConfig, type Outcome } from "./calls.js";

type Message = z.infer<typeof schemas.Message>;
const sender = (message: Message) =>
  message.sender_type === "operator" ? `operator ${message.sender.forename}` : `user ${message.sender.name}`;

/** Zodios validates every 2xx body against the generated zod schema (it throws if one does not match). */
export async function callAll(config: CallerConfig): Promise<Outcome> {
  const api = createApiClient(config.baseUrl, {
    axiosConfig: { headers: { Accept: ACCEPT, Authorization: `Bearer ${config.apiSecret}` } },
  });
  const statuses: number[] = [];
  api.axios.interceptors.response.use((response) => {
    statuses.push(response.status);
    return response;
  });
  const users = await api.listUsers({ queries: { limit: CALLS.limit } });
  const user = await api.getUser({ params: { id: CALLS.userId } });
  const messages = await api.listUserMessages({ params: { user_id: CALLS.userId }, queries: { limit: CALLS.limit } });
  const message = await api.getUserMessage({ params: { user_id: CALLS.userId, id: CALLS.messageId } });
  const unknownUser = await api.getUser({ params: { id: CALLS.unknownUserId } }).then(
    () => ({ status: 200, body: "an answer to an unknown user" }),
    (error: unknown) => {
      if (!isErrorFromAlias(api.api, "getUser", error)) throw error;
      return { status: error.response.status, body: schemas.ErrorBody.parse(error.response.data) };
    },
  );
  const [usersStatus, userStatus, messagesStatus, messageStatus] = statuses as [number, number, number, number];
  return {
    users: { status: usersStatus, body: users },
    user: { status: userStatus, body: user },
    messages: { status: messagesStatus, body: messages },
    message: { status: messageStatus, body: message },
    unknownUser,
    senders: messages.messages.map(sender),
  };
}
