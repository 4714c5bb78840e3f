/** An injected fetch for client tests: answers from a handler and records every request. */
import * as contract from "../../generated/contract.js";

export type Handler = (request: Request, attempt: number) => Response | Promise<Response>;

export function stubFetch(handler: Handler) {
  const requests: Request[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    return handler(request, requests.length);
  };
  return { fetch, requests };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": contract.mediaType, ...headers } });
}

export function errorResponse(status: number, headers: Record<string, string> = {}): Response {
  const error = contract.errors[String(status) as keyof typeof contract.errors];
  return json(
    { status, code: error?.code ?? "internal_server_error", message: error?.message ?? "boom" },
    status,
    headers,
  );
}
