/**
 * The client and its query options, made once for the app. The API secret stays on a server: the browser calls a
 * path on its own origin with no secret, and a route there adds it (in development, Vite's proxy to the mock in
 * vite.config.ts; in production, a route of your backend). With MSW, the handlers answer that same path.
 */
import { createSignalZenClient } from "@signalzen/api";
import { signalzenQueries } from "@signalzen/api/query";

/** The path of the proxy route that adds the secret: MSW answers it in the example and its tests. */
export const API_BASE = "/api/signalzen";

export const sz = createSignalZenClient({ baseUrl: API_BASE });
export const q = signalzenQueries(sz);
