/**
 * A tiny frontend, as a team would write one against the API: a user list and a chat, through the client,
 * with MSW's `setupWorker` serving the mock's world in the browser. No server of ours runs: the calls go to
 * the production URL and the service worker answers them.
 */
import { setupWorker } from "msw/browser";
import { createSignalZenClient } from "../../../src/client/index.js";
import { createHandlers } from "../../../src/mock/msw.js";

const worker = setupWorker(...createHandlers({ seed: "browser", users: 30 }));
// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's key, so both are named.
const options = {
  serviceWorker: { url: "/mockServiceWorker.js" },
  onUnhandledRequest: "error",
  onUnhandledFrame: "error",
  quiet: true,
} as const;
await worker.start(options);

// MSW answers any secret; this page opts in to holding one (a real app calls its own proxy with none).
const sz = createSignalZenClient({ apiSecret: "any-secret", dangerouslyAllowBrowser: true });
const page = await sz.users.list({ limit: 10 });
const list = document.createElement("ul");
list.id = "users";
for (const user of page.users) {
  const item = document.createElement("li");
  item.textContent = `${user.id} ${user.name ?? "anonymous visitor"}`;
  list.append(item);
}
const chat = document.createElement("ol");
chat.id = "chat";
// The first visitor on the page who has chatted.
let withChat = page.users[0]!;
for (const user of page.users) {
  withChat = user;
  if ((await sz.messages.list(user.id, { limit: 1 })).total > 0) break;
}
for await (const message of sz.messages.all(withChat.id, { limit: 5 })) {
  const item = document.createElement("li");
  const who = message.sender_type === "operator" ? message.sender.forename : (message.sender.name ?? "visitor");
  item.textContent = `${message.id} ${who}: ${message.body ?? message.file_url}`;
  chat.append(item);
}
document.body.append(list, chat);
document.body.dataset.total = String(page.total);
document.body.dataset.chatUser = String(withChat.id);
document.body.dataset.ready = "yes";
