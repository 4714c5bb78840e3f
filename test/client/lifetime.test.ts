/**
 * The client and its process's lifetime in Node (Deno and Bun: runtimes.test.ts): the attempt's timeout
 * keeps a process alive while an attempt is pending, so a hung request still ends in a TimeoutError, and
 * not after, so a script exits as soon as its last call is answered, whatever `timeoutMs` is; and a timed-out
 * attempt leaves no connection behind, even to a server that trickles its body for as long as it is read.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignalZenClient, TimeoutError } from "../../src/client/index.js";
import { bundleClient } from "../helpers/bundle.js";
import { caught } from "../helpers/caught.js";
import { type HostileServer, startHostileServer } from "../helpers/hostile-server.js";
import { lifetimeScript, trickleHandler } from "../helpers/lifetime-script.js";

describe("a Node script using the client", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "signalzen-lifetime-"));
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ["run.mjs", ...args], { cwd: directory, encoding: "utf8", timeout: 15_000 });
  let trickling: HostileServer;

  beforeAll(async () => {
    writeFileSync(path.join(directory, "client.mjs"), await bundleClient());
    writeFileSync(path.join(directory, "run.mjs"), lifetimeScript);
    trickling = await startHostileServer(trickleHandler);
  });
  afterAll(async () => {
    await trickling?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("exits as soon as its last call is answered, not when the ten-minute timeout would have run out", async () => {
    expect((await run("answer")).stdout.trim()).toBe('{"id":1}');
  }, 20_000);

  it("stays alive while its only pending work is a hung attempt, to get the TimeoutError", async () => {
    expect((await run("hang")).stdout.trim()).toBe("TimeoutError");
  }, 20_000);

  it("leaves no connection open after attempts time out on a trickling body, and exits (the trickle lasts 30 s)", async () => {
    expect((await run("trickle", trickling.url)).stdout.trim()).toBe('{"errors":["TimeoutError"],"open":0}');
    expect(trickling.requests.filter((request) => request === "GET /users/1")).toHaveLength(20);
  }, 20_000);
});

describe("a server that trickles its headers (README: Timeouts)", () => {
  /** A raw server sending its status line and headers a byte every 50 ms (5 s in all); counts open sockets. */
  async function slowHeaders() {
    const head = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: ${"a".repeat(60)}\r\n\r\n{}`;
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket)).on("error", () => {});
      let sent = 0;
      const timer = setInterval(() => (sent < head.length ? socket.write(head[sent++]!) : socket.end()), 50);
      socket.on("close", () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const close = () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    };
    return { url: `http://127.0.0.1:${port}`, open: () => sockets.size, close };
  }

  it("with a signal on the call, a timed-out attempt's connection is closed at once", async () => {
    const server = await slowHeaders();
    try {
      const sz = createSignalZenClient({
        apiSecret: "lifetime-secret",
        baseUrl: server.url,
        retry: false,
        timeoutMs: 300,
      });
      const error = await caught(sz.users.get(1, { signal: new AbortController().signal }));
      expect(error).toBeInstanceOf(TimeoutError);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(server.open()).toBe(0);
    } finally {
      await server.close();
    }
  });
});
