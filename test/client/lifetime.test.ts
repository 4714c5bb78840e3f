/**
 * The client and its process's lifetime in Node (Deno and Bun: runtimes.test.ts): the attempt's timeout
 * keeps a process alive while an attempt is pending, so a hung request still ends in a TimeoutError, and
 * not after, so a script exits as soon as its last call is answered, whatever `timeoutMs` is.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleClient } from "../helpers/bundle.js";
import { lifetimeScript } from "../helpers/lifetime-script.js";

describe("a Node script using the client", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "signalzen-lifetime-"));
  const run = (mode: string) => promisify(execFile)(process.execPath, ["run.mjs", mode], { cwd: directory, encoding: "utf8", timeout: 15_000 });

  beforeAll(async () => {
    writeFileSync(path.join(directory, "client.mjs"), await bundleClient());
    writeFileSync(path.join(directory, "run.mjs"), lifetimeScript);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("exits as soon as its last call is answered, not when the ten-minute timeout would have run out", async () => {
    expect((await run("answer")).stdout.trim()).toBe('{"id":1}');
  }, 20_000);

  it("stays alive while its only pending work is a hung attempt, to get the TimeoutError", async () => {
    expect((await run("hang")).stdout.trim()).toBe("TimeoutError");
  }, 20_000);
});
