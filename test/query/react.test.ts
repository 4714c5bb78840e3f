// @vitest-environment happy-dom
/**
 * React components over `@signalzen/api/query` and the MSW handlers, as a frontend's component test has them
 * (happy-dom is the DOM; Testing Library renders). Written with `createElement` so the root tsconfig needs no JSX.
 */
import { QueryClient, QueryClientProvider, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { createElement, type ReactNode, useEffect } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSignalZenClient } from "../../src/client/index.js";
import { createHandlers } from "../../src/mock/msw.js";
import { signalzenQueries } from "../../src/query/index.js";
import { createWorld } from "../../src/world/fixtures.js";

const SEED = "react";
const world = createWorld({ seed: SEED, users: 40 });
// As a browser app calls the API: a path on its own origin, where a route of its server adds the secret (MSW
// answers that path here), so no secret is in the page.
const PROXY = "/api/signalzen";
const q = signalzenQueries(createSignalZenClient({ baseUrl: PROXY, retry: false }));

function withClient(children: ReactNode) {
  return createElement(QueryClientProvider, { client: new QueryClient() }, children);
}

function FirstUsers() {
  const { data, error, isPending } = useQuery(q.users.list({ limit: 5 }));
  if (isPending) return createElement("p", null, "Loading");
  if (error) return createElement("p", { role: "alert" }, `${error.name}: ${error.message}`);
  return createElement(
    "ul",
    null,
    data.users.map((user) => createElement("li", { key: user.id }, user.name ?? `#${user.id}`)),
  );
}

function EveryUser() {
  const { data, hasNextPage, fetchNextPage } = useInfiniteQuery(q.users.infinite({ limit: 15 }));
  const loaded = data?.pages.length;
  // One page more each time a page arrives, as a list that loads on scroll does.
  useEffect(() => {
    if (loaded && hasNextPage) void fetchNextPage();
  }, [loaded, hasNextPage, fetchNextPage]);
  const users = data?.pages.flatMap((page) => page.users) ?? [];
  return createElement("p", null, hasNextPage === false ? `all ${users.length}: ${users.map((u) => u.id)}` : "more");
}

function OneUser({ id, queries = q }: { id: number; queries?: typeof q }) {
  const { data, error } = useQuery(queries.users.get(id));
  if (error) return createElement("p", { role: "alert" }, `${error.name} ${"status" in error ? error.status : ""}`);
  return createElement("p", null, data ? data.name : "Loading");
}

describe("React components with @signalzen/api/query", () => {
  const server = setupServer(...createHandlers({ seed: SEED, users: 40, baseUrl: PROXY }));
  // msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's key, so both are named.
  const failUnhandled = { onUnhandledRequest: "error", onUnhandledFrame: "error" } as const;
  beforeAll(() => server.listen(failUnhandled));
  afterEach(() => cleanup());
  afterAll(() => server.close());

  it("useQuery(q.users.list({ limit: 5 })) renders the world's first five users", async () => {
    render(withClient(createElement(FirstUsers)));
    expect(screen.getByText("Loading")).toBeTruthy();
    const items = await screen.findAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual(
      world.listUsers(0, 5).users.map((user) => user.name ?? `#${user.id}`),
    );
  });

  it("useInfiniteQuery reaches all 40 users, in id order", async () => {
    render(withClient(createElement(EveryUser)));
    const ids = [...world.users()].map((user) => user.id);
    await waitFor(() => expect(screen.getByText(/^all/).textContent).toBe(`all 40: ${ids}`), { timeout: 10_000 });
  });

  it("a missing user is the query's NotFoundError, after one request", async () => {
    let requests = 0;
    server.events.on("request:start", () => requests++);
    render(withClient(createElement(OneUser, { id: 999999 })));
    expect((await screen.findByRole("alert")).textContent).toBe("NotFoundError 404");
    expect(requests).toBe(1);
    server.events.removeAllListeners("request:start");
  });

  // In a browser (a window exists) TanStack's own default is 3 retries, 1 s apart and more: left on, they would
  // multiply the client's.
  it("a 500 is retried by the client's policy only: 1 + its 2 retries", async () => {
    const user7 = `${location.origin}${PROXY}/users/7`;
    server.use(http.get(user7, () => new HttpResponse(null, { status: 500 })));
    const requests: string[] = [];
    server.events.on("request:start", ({ request }) => requests.push(request.url));
    const retrying = signalzenQueries(
      createSignalZenClient({ baseUrl: PROXY, retry: { backoffMs: 1, backoffLimit: 1 } }),
    );
    render(withClient(createElement(OneUser, { id: 7, queries: retrying })));
    expect((await screen.findByRole("alert")).textContent).toBe("InternalServerError 500");
    expect(requests).toEqual(Array(3).fill(user7));
    server.events.removeAllListeners("request:start");
    server.resetHandlers();
  });
});
