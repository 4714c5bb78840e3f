/**
 * The three contenders of `bench:client` and `bench:instructions`, on one stub `fetch` that answers the
 * same user for every request (a fresh Response per call, as a real fetch gives):
 * - `client`: `sz.users.get(123)`;
 * - `openapi_fetch`: bare openapi-fetch with the same two headers as its default `headers`, same request;
 * - `raw_fetch`: `fetch(new Request(...)).json()`.
 */
import createClient from "openapi-fetch";
import * as contract from "../generated/contract.js";
import spec from "../generated/openapi.json" with { type: "json" };
import type { paths } from "../generated/schema.js";
import { createSignalZenClient } from "../src/client/index.js";

export const CONTENDERS = ["client", "openapi_fetch", "raw_fetch"] as const;
export type Contender = (typeof CONTENDERS)[number];

export function contenders(): Record<Contender, () => Promise<unknown>> {
  const baseUrl = contract.servers[0];
  const headers = { Authorization: "Bearer bench-secret", Accept: contract.mediaType };
  // The reference's own user 123, as the spec's example has it.
  const body = JSON.stringify(spec.components.examples.user.value);
  const responseHeaders = {
    "Content-Type": contract.mediaType,
    "Content-Length": String(new TextEncoder().encode(body).length),
  };
  const stubFetch = async (_request: Request) => new Response(body, { headers: responseHeaders });
  const sz = createSignalZenClient({ apiSecret: "bench-secret", baseUrl, fetch: stubFetch });
  const bare = createClient<paths>({ baseUrl, fetch: stubFetch, headers });
  return {
    client: () => sz.users.get(123),
    openapi_fetch: () => bare.GET("/users/{id}", { params: { path: { id: 123 } } }),
    raw_fetch: async () => (await stubFetch(new Request(`${baseUrl}/users/123`, { headers }))).json(),
  };
}
