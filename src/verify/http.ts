/**
 * How `verify` talks to a server: plain fetch, so it sees exactly what was sent back (no retries, no
 * error mapping); every request counted against the budget and bounded by a timeout; the secret
 * redacted from everything it records.
 */
import * as contract from "../../generated/contract.js";
import { redactSecret } from "../client/redact.js";

export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string> };
  response?: { status: number; headers: Record<string, string>; text: string; json: unknown; contentType: string };
  /** Why no response came (timeout, connection refused). */
  error?: string;
}

export class BudgetExhausted extends Error {
  constructor(maxRequests: number) {
    super(`the request budget of ${maxRequests} is used up; raise --max-requests to run the remaining checks`);
    this.name = "BudgetExhausted";
  }
}

export interface SessionOptions {
  baseUrl: string;
  secret: string;
  maxRequests: number;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type HeaderChoice = { authorization?: string | null; accept?: string | null };

export function createSession(options: SessionOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  let sent = 0;
  const redact = (text: string) => redactSecret(text, options.secret);

  async function send(path: string, choice: HeaderChoice = {}, method = "GET"): Promise<Exchange> {
    if (sent >= options.maxRequests) throw new BudgetExhausted(options.maxRequests);
    sent++;
    const headers: Record<string, string> = {};
    const authorization = choice.authorization === undefined ? `Bearer ${options.secret}` : choice.authorization;
    const accept = choice.accept === undefined ? contract.mediaType : choice.accept;
    if (authorization !== null) headers.Authorization = authorization;
    if (accept !== null) headers.Accept = accept;
    const url = baseUrl + path;
    const shown = { method, url, headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, redact(value)])) };
    try {
      const response = await doFetch(url, { method, headers, signal: AbortSignal.timeout(options.timeoutMs), redirect: "manual" });
      const text = redact(await response.text());
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (responseHeaders[name] = redact(value)));
      return { request: shown, response: { status: response.status, headers: responseHeaders, text, json, contentType: response.headers.get("content-type") ?? "" } };
    } catch (error) {
      const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${options.timeoutMs} ms` : redact(error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}` : String(error));
      return { request: shown, error: reason };
    }
  }

  return { send, requestsSent: () => sent, redact };
}

export type Session = ReturnType<typeof createSession>;

/** Whether a Content-Type is the API's media type (parameters such as charset allowed). */
export function isVendorType(contentType: string): boolean {
  return contentType.split(";")[0]!.trim().toLowerCase() === contract.mediaType;
}
