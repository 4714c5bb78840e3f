import { createApiClient, type Schemas } from "../.out/typed-openapi/api.js";
import { ErrorBody, MessageList, Message as MessageSchema, User, UserList } from "../.out/typed-openapi/schemas.js";
import { ACCEPT, CALLS, type CallerConfig, type Outcome } from "./calls.js";

const sender = (message: Schemas.Message) =>
  message.sender_type === "operator" ? `operator ${message.sender.forename}` : `user ${message.sender.name}`;

/** typed-openapi leaves the fetching to us: the fetcher adds the query, the two headers and the base URL. */
export async function callAll(config: CallerConfig): Promise<Outcome> {
  const api = createApiClient(
    {
      fetch: ({ method, url, urlSearchParams, overrides }) => {
        if (urlSearchParams) url.search = urlSearchParams.toString();
        const headers = { Accept: ACCEPT, Authorization: `Bearer ${config.apiSecret}` };
        return fetch(url, { ...overrides, method: method.toUpperCase(), headers });
      },
    },
    config.baseUrl,
  );
  const users = await api.get("/users", { query: { limit: CALLS.limit }, withResponse: true });
  const user = await api.get("/users/{id}", { path: { id: CALLS.userId }, withResponse: true });
  const messages = await api.get("/users/{user_id}/messages", {
    path: { user_id: CALLS.userId },
    query: { limit: CALLS.limit },
    withResponse: true,
  });
  const message = await api.get("/users/{user_id}/messages/{id}", {
    path: { user_id: CALLS.userId, id: CALLS.messageId },
    withResponse: true,
  });
  const unknownUser = await api.get("/users/{id}", { path: { id: CALLS.unknownUserId }, withResponse: true });
  // Its zod schemas validate the real answers.
  const page = MessageList.parse(messages.data);
  return {
    users: { status: users.status, body: UserList.parse(users.data) },
    user: { status: user.status, body: User.parse(user.data) },
    messages: { status: messages.status, body: page },
    message: { status: message.status, body: MessageSchema.parse(message.data) },
    unknownUser: { status: unknownUser.status, body: ErrorBody.parse(unknownUser.data) },
    senders: page.messages.map(sender),
  };
}
