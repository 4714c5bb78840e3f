/**
 * The client and its process's lifetime in Node (Deno and Bun: runtimes.test.ts): the attempt's timeout
 * keeps a process alive while an attempt is pending, so a hung request still ends in a TimeoutError, and
 * not after, so a script exits as soon as its last call is answered, whatever `timeoutMs` is; and a timed-out
 * attempt leaves no connection behind, even to a server that trickles its body for as long as it is read.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleClient } from "../helpers/bundle.js";
import { startHostileServer, type HostileServer } from "../helpers/hostile-server.js";
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
