/**
 * Tiny node:http servers on 127.0.0.1 that misbehave on purpose (echo the secret, redirect, send huge or
 * trickling bodies), for the client's tests. Each is bounded: at most `maxRequests` requests (more get a 503),
 * bodies of a stated size, and a lifetime after which it closes itself; `close()` ends it at once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type HostileHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  server: HostileServer,
) => void;

export interface HostileServer {
  url: string;
  /** Requests received, in order (method and URL). */
  requests: string[];
  /** Responses still being sent: their connection is open and the body not finished. */
  unfinished: () => number;
  /** Responses the client hung up on before their body was finished. */
  cutByClient: () => number;
  close: () => Promise<void>;
}

export async function startHostileServer(
  handle: HostileHandler,
  { maxRequests = 100, lifetimeMs = 60_000 } = {},
): Promise<HostileServer> {
  let unfinished = 0;
  let cut = 0;
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (requests.length > maxRequests) return response.writeHead(503).end();
    unfinished++;
    let finished = false;
    response.on("finish", () => (finished = true));
    response.on("close", () => {
      unfinished--;
      if (!finished) cut++;
    });
    handle(request, response, hostile);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const lifetime = setTimeout(() => void hostile.close(), lifetimeMs);
  lifetime.unref();
  const hostile: HostileServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    unfinished: () => unfinished,
    cutByClient: () => cut,
    close: () => {
      clearTimeout(lifetime);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return hostile;
}

/** Writes `bytes` bytes of `fill` as fast as the client reads, stopping if it hangs up. */
export function sendBytes(response: http.ServerResponse, bytes: number, fill = "x"): void {
  const chunk = Buffer.alloc(65_536, fill);
  let left = bytes;
  const write = () => {
    while (left > 0 && !response.destroyed) {
      const part = chunk.subarray(0, Math.min(left, chunk.length));
      left -= part.length;
      if (!response.write(part)) return void response.once("drain", write);
    }
    if (!response.destroyed) response.end();
  };
  write();
}

/** Writes one byte every `everyMs` up to `bytes` bytes: a body that never quite arrives, for as long as it lasts. */
export function trickle(response: http.ServerResponse, { bytes = 300, everyMs = 100 } = {}): void {
  let left = bytes;
  const timer = setInterval(() => {
    if (left-- > 0) response.write(" ");
    else {
      clearInterval(timer);
      response.end();
    }
  }, everyMs);
  response.on("close", () => clearInterval(timer));
}
