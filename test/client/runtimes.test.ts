/**
 * The client in Deno and Bun (the npm packages `deno` and `bun` ship their binaries), against the mock:
 * the same bundle a consumer's bundler would make, using nothing but the Fetch API.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import { generateWorld } from "../../src/world/index.js";
import { bundleClient } from "../helpers/bundle.js";
import { repoRoot } from "../helpers/cli.js";
import { type HostileServer, startHostileServer } from "../helpers/hostile-server.js";
import { lifetimeScript, trickleHandler } from "../helpers/lifetime-script.js";
import { npm } from "../helpers/npm.js";

// Outside node_modules, like Node 24: binaries there would land on every npm script's PATH.
const runtimes = path.join(repoRoot, ".runtimes");
const bin = (name: string) => path.join(runtimes, "node_modules/.bin", name);
const SECRET = "runtime-test-secret";
// The mock serves the default world: what each runtime sees must be exactly it.
const world = generateWorld();

const script = `
import { createSignalZenClient, NotFoundError, AuthenticationError } from "./client.mjs";
const [url, secret] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const sz = createSignalZenClient({ apiSecret: secret, baseUrl: url });
const results = { page: await sz.users.list({ limit: 5 }), user: (await sz.users.get(123)).name, senders: [] };
for await (const message of sz.messages.all(123, { limit: 1, concurrency: 2 })) results.senders.push(message.sender_type === "operator" ? message.sender.forename : message.sender.name);
try { await sz.users.get(1500000000); } catch (error) { results.notFound = [error instanceof NotFoundError, error.status, error.code]; }
try { await createSignalZenClient({ apiSecret: "wrong-secret", baseUrl: url }).users.list(); } catch (error) { results.auth = [error instanceof AuthenticationError, error.status]; }
console.log(JSON.stringify(results));
`;

describe.each(["bun", "deno"])("client in %s", (runtime) => {
  let mock: RunningMock;
  let trickling: HostileServer;
  const directory = mkdtempSync(path.join(tmpdir(), `signalzen-${runtime}-`));

  beforeAll(async () => {
    if (!existsSync(bin("bun")) || !existsSync(bin("deno"))) {
      npm(["install", "--prefix", runtimes, "--no-save", "bun@1", "deno@2"], repoRoot);
    }
    writeFileSync(path.join(directory, "client.mjs"), await bundleClient());
    writeFileSync(path.join(directory, "run.mjs"), script);
    writeFileSync(path.join(directory, "lifetime.mjs"), lifetimeScript);
    mock = await startMock({ port: 0, secret: SECRET });
    trickling = await startHostileServer(trickleHandler);
  }, 600_000);
  afterAll(async () => {
    await mock?.close();
    await trickling?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("lists, gets, walks, narrows and throws typed errors", async () => {
    const args = runtime === "deno" ? ["run", "--allow-net", "--allow-read", "--no-prompt", "run.mjs"] : ["run.mjs"];
    // Asynchronously: the mock answers from this very process.
    const { stdout: output } = await promisify(execFile)(bin(runtime), [...args, mock.url, SECRET], {
      cwd: directory,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    });
    const results = JSON.parse(output.trim().split("\n").at(-1)!);
    expect(results.page).toEqual(world.listUsers(0, 5));
    expect(results.user).toBe(world.getUser(123)!.name);
    expect(results.senders).toEqual(
      world
        .chat(123)!
        .map((message) => (message.sender_type === "operator" ? message.sender.forename : message.sender.name)),
    );
    expect(results.notFound).toEqual([true, 404, "not_found"]);
    expect(results.auth).toEqual([true, 401]);
  }, 60_000);

  it.each([
    ["exits once its last call is answered, not when the timeout would have run out", "answer", '{"id":1}'],
    ["stays alive while an attempt hangs, to get its TimeoutError", "hang", "TimeoutError"],
    [
      "leaves no connection open after attempts time out on a trickling body, and exits",
      "trickle",
      '{"errors":["TimeoutError"],"open":0}',
    ],
  ])(
    "a script %s",
    async (_title, mode, expected) => {
      const script = ["lifetime.mjs", mode, ...(mode === "trickle" ? [trickling.url] : [])];
      const args = runtime === "deno" ? ["run", "--allow-read", "--allow-net", "--no-prompt", ...script] : script;
      const { stdout } = await promisify(execFile)(bin(runtime), args, {
        cwd: directory,
        encoding: "utf8",
        timeout: 15_000,
        env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      });
      expect(stdout.trim()).toBe(expected);
    },
    20_000,
  );
});
