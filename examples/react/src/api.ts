/**
 * The client and its query options, made once for the app. In a real app the API secret stays on a server: the
 * browser calls your backend, which holds the secret. Here MSW answers in the browser, so any secret will do.
 */
import { createSignalZenClient } from "@signalzen/api";
import { signalzenQueries } from "@signalzen/api/query";

export const sz = createSignalZenClient({ apiSecret: "example-secret" });
export const q = signalzenQueries(sz);
