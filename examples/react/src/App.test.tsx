/**
 * The app's component test, as README's frontend quick start writes one: MSW's handlers in Node with a small world,
 * the fixtures to say what the page must show, and a QueryClient per test.
 */
import { createWorld } from "@signalzen/api/fixtures";
import { createHandlers } from "@signalzen/api/msw";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { App } from "./App.js";
import { API_BASE } from "./api.js";

const world = createWorld({ users: 40 });
const server = setupServer(...createHandlers({ users: 40, baseUrl: API_BASE })); // the proxy path the app calls
// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's key, so both are named.
const failUnhandled = { onUnhandledRequest: "error", onUnhandledFrame: "error" } as const;
beforeAll(() => server.listen(failUnhandled));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  window.location.hash = "";
});
afterAll(() => server.close());

function renderApp() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <App />
    </QueryClientProvider>,
  );
}

const names = (offset: number) => world.listUsers(offset, 10).users.map((user) => user.name ?? `Visitor ${user.id}`);

it("lists ten users, then the next ten", async () => {
  renderApp();
  const users = await screen.findByRole("navigation", { name: "users" });
  expect(
    within(users)
      .getAllByRole("link")
      .map((link) => link.textContent),
  ).toEqual(names(0));
  fireEvent.click(screen.getByRole("button", { name: "Next" }));
  await waitFor(() =>
    expect(
      within(users)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(names(10)),
  );
  expect(users.textContent).toContain("11–20 of 40");
});

it("opens a chat at its newest messages and loads older ones on demand", async () => {
  const user = [...world.users()].find((candidate) => world.chat(candidate.id)!.length > 20)!;
  const chat = world.chat(user.id)!;
  window.location.hash = `#/users/${user.id}`;
  renderApp();
  const section = await screen.findByRole("region", { name: "chat" });
  const shown = () =>
    within(section)
      .getAllByRole("listitem")
      .map((item) => Number(item.dataset.id));
  expect(shown()).toEqual(chat.slice(-20).map((message) => message.id));
  expect(section.textContent).toContain(`20 of ${chat.length} messages`);
  while (within(section).queryByRole("button")) {
    const before = shown().length;
    fireEvent.click(within(section).getByRole("button", { name: "Load older messages" }));
    await waitFor(() => expect(shown().length).toBeGreaterThan(before));
  }
  expect(shown()).toEqual(chat.map((message) => message.id));
  expect(await screen.findByRole("heading", { level: 2 })).toHaveProperty(
    "textContent",
    user.name ?? `Visitor ${user.id}`,
  );
});

it("shows a missing user as an error, not a crash", async () => {
  window.location.hash = "#/users/999999";
  renderApp();
  const alerts = await screen.findAllByRole("alert");
  expect(alerts[0]!.textContent).toBe(
    `Not found. GET ${location.origin}/api/signalzen/users/999999 failed with 404: not_found: No user with id 999999.`,
  );
});
