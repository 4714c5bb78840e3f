/**
 * The mock server's transport: what turns a node:http request into the core's `MockRequest` (request.ts), what
 * only this host can see wrong with a request (a second Host header, a target that is not a path, an HTTP
 * version, a request Node could not parse at all), and the bytes of a response on a socket Node will not answer
 * itself. Every refusal is made by responses.ts, in the contract's error body.
 */
import type http from "node:http";
import { MAX_CONTROL_BODY_BYTES } from "./control.js";
import { announcesBody, type MockRequest } from "./request.js";
import { errorResponse, type MockResponse, statusHeaders } from "./responses.js";

/** A request target in absolute form (`GET http://host/users`) is served like its path (RFC 9112 §3.2.2). */
function splitTarget(target: string): { path: string; search: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    try {
      const url = new URL(target);
      return /^https?:$/.test(url.protocol) ? { path: url.pathname, search: url.search } : undefined;
    } catch {
      return undefined;
    }
  }
  const queryAt = target.indexOf("?");
  return queryAt === -1
    ? { path: target, search: "" }
    : { path: target.slice(0, queryAt), search: target.slice(queryAt) };
}

/** A scenario change's body, or undefined when it is larger than the control accepts (the rest unread). */
export function readControlBody(request: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CONTROL_BODY_BYTES) {
        request.pause();
        request.removeAllListeners("data");
        return resolve(undefined);
      }
      chunks.push(chunk);
    });
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", reject);
  });
}

export function toMockRequest(request: http.IncomingMessage, target: { path: string; search: string }): MockRequest {
  const headers = request.headersDistinct;
  // Repeated lines joined as fetch joins them: two Authorization lines are not one secret.
  const header = (name: string) => headers[name]?.join(", ");
  return { method: request.method ?? "GET", ...target, header, hasBody: announcesBody(header) };
}

const refuse = (message: string) => errorResponse(400, message);

/** What only this host sees wrong with a request, before the shared rules; each answered in the contract's body. */
export function checkTransport(request: http.IncomingMessage): MockResponse | { path: string; search: string } {
  if (request.httpVersion !== "1.1" && request.httpVersion !== "1.0") {
    return refuse("The request's HTTP version is not one this server speaks (HTTP/1.0 or 1.1).");
  }
  const hosts = request.headersDistinct.host ?? [];
  if (hosts.length > 1) return refuse("The request has more than one Host header (RFC 9112 §3.2); send one.");
  if (request.httpVersion === "1.1" && hosts.length === 0)
    return refuse("An HTTP/1.1 request must send a Host header.");
  return splitTarget(request.url ?? "/") ?? refuse("The request target must be a path, or an http(s) URL.");
}

/** Node could not parse the request (headers too large, a bare CR, NUL, an unknown version, no Host): why, in words. */
function describeClientError(error: Error & { code?: string }): string {
  if (error.code === "HPE_HEADER_OVERFLOW") return "The request's headers are too large (the limit is 16 KB).";
  if (error.code === "HPE_INVALID_VERSION")
    return "The request's HTTP version is not one this server speaks (HTTP/1.0 or 1.1).";
  if (error.code === "HPE_INVALID_METHOD")
    return "The request's method is not valid HTTP (methods are upper case: GET).";
  if (error.code === "HPE_INVALID_URL")
    return "The request target is not a valid path (encode spaces and other characters as %XX).";
  if (/host/i.test(error.message)) return "An HTTP/1.1 request must send a Host header.";
  return "The request is not valid HTTP/1.1 (for example a bare CR or a NUL in its headers).";
}

/** The refusal of a request Node could not parse, answered in the contract's body rather than Node's empty 400. */
export const unparsedRequest = (error: Error & { code?: string }) => refuse(describeClientError(error));

/** The refusal of CONNECT, which Node would otherwise close with no answer at all. */
export const connectRefused = () =>
  errorResponse(
    405,
    "CONNECT is not allowed: the API is read-only, only GET is allowed.",
    undefined,
    statusHeaders(405),
  );

/** The refusal of an `Expect:` other than 100-continue, which would otherwise get Node's 417 with no body. */
export const expectationRefused = (expect: string) =>
  refuse(`Expect: ${expect.slice(0, 100)} is not supported; send the request without it.`);

const REASONS: Record<number, string> = { 400: "Bad Request", 405: "Method Not Allowed" };

/** A whole response written on a socket Node will not answer itself; the connection is closed after it. */
export function rawResponse(response: MockResponse): string {
  const headers = {
    ...response.headers,
    "Content-Length": String(Buffer.byteLength(response.body)),
    Connection: "close",
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${response.status} ${REASONS[response.status]}\r\n${lines.join("\r\n")}\r\n\r\n${response.body}`;
}
