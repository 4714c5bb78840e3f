/**
 * `createSignalZenClient()`: the typed client, wired from its parts. A call goes: argument checks (resources.ts),
 * attempts under the retry policy (retry.ts), each attempt a request whose body is read once, bounded, under its
 * own timeout and scrubbed of the secret (attempt.ts), and either the record or a typed error (errors.ts).
 *
 * No Node-only API is used here: it runs in Node, browsers, Deno and Bun.
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import * as contract from "../contract/facts.js";
import { secretRedactor } from "../contract/redact.js";
import { attempt, type Transport } from "./attempt.js";
import { bodyChecks } from "./body-checks.js";
import { type ClientOptions, checkOptions } from "./options.js";
import { type Get, type Resources, resources, urlFor } from "./resources.js";
import { withRetries } from "./retry.js";
import { resolveRetryPolicy } from "./retry-policy.js";

type RawClient = Client<paths, `${string}/${string}`>;

export interface SignalZenClient extends Resources {
  /**
   * Raw, fully typed openapi-fetch: `{ data, error, response }`, with both headers sent. No argument
   * checks, retries, timeout or typed errors, and no redirect followed: it shows exactly what the server answered.
   */
  GET: RawClient["GET"];
  /** The openapi-fetch client behind `GET` (its `use()` middleware applies to `GET`, not to the resources). */
  raw: RawClient;
}

export function createSignalZenClient(options: ClientOptions): SignalZenClient {
  const { baseUrl, apiSecret, timeoutMs, maxResponseBytes } = checkOptions(options);
  const policy = resolveRetryPolicy(options.retry);
  // Through a proxy on the page's origin there is no secret: the proxy adds it.
  const headers = new Headers({ Accept: contract.mediaType });
  if (apiSecret !== undefined) headers.set("Authorization", `Bearer ${apiSecret}`);
  const customFetch = options.fetch;
  // Resolved per call, not at creation, so a fetch patched later (MSW) still applies.
  const fetch = (request: Request) => (customFetch ?? globalThis.fetch)(request);
  const transport: Transport = {
    fetch,
    headers,
    timeoutMs,
    maxResponseBytes,
    redact: secretRedactor(apiSecret ?? ""),
  };
  const get: Get = (path, parameters, call) => {
    const url = urlFor(baseUrl, path, parameters);
    return withRetries(policy, call.signal, () => attempt(transport, url, call, bodyChecks[path]!));
  };
  const raw: RawClient = createClient<paths>({ baseUrl, fetch, headers, redirect: "manual" });
  return { ...resources(baseUrl, get), GET: raw.GET, raw };
}
