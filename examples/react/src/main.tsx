/**
 * The app's entry: MSW answers the API in the browser (its service worker is `public/mockServiceWorker.js`,
 * written by `npx msw init public`), then React renders. For a real backend, drop `startMocking`.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { API_BASE } from "./api.js";

async function startMocking() {
  const { setupWorker } = await import("msw/browser");
  const { createHandlers } = await import("@signalzen/api/msw");
  // msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame; each ignores the other's key, so both are named.
  const options = { onUnhandledRequest: "bypass", onUnhandledFrame: "bypass", quiet: true } as const;
  await setupWorker(...createHandlers({ users: 40, baseUrl: API_BASE })).start(options);
}

const queryClient = new QueryClient();

await startMocking();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
