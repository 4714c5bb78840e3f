/**
 * The contract held to the generators people point at it (issue 23): orval, @hey-api/openapi-ts, kubb,
 * openapi-zod-client, typed-openapi and swagger-typescript-api each generate from openapi.yaml once (offline),
 * every output compiles with its caller under `strict` TypeScript 5.9 in one program, and each client makes
 * the four operations' calls and an unknown user's against the mock, with the settings README's "Using another
 * generator" gives. The answers must be exactly the world's; the zod clients validate them on the way.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMock, startMock } from "../../src/mock/server.js";
import type { Message } from "../../src/world/types.js";
import { ACCEPT, CALLS, type CallerConfig, type Outcome } from "./callers/calls.js";
import { GENERATORS, generateAll, OUT_DIR } from "./generate.js";

const API_SECRET = "generators-test-secret";
const here = path.dirname(new URL(import.meta.url).pathname);

let networkAttempts: string[] = [];
let mock: RunningMock;
const requests: string[] = [];

beforeAll(async () => {
  [networkAttempts, mock] = await Promise.all([
    generateAll(),
    startMock({ port: 0, secret: API_SECRET, onResponse: (line) => requests.push(`${line.path} ${line.status}`) }),
  ]);
}, 180_000);

afterAll(async () => {
  await mock?.close();
});

/** A generated module, loaded by path: it exists only once beforeAll has run, so tsc must not resolve it. */
const generated = (file: string): Promise<any> => import(path.join(OUT_DIR, file));

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));

describe("the contract in the common generators", () => {
  it("no generator tried to reach the network", () => {
    expect(networkAttempts).toEqual([]);
  });

  it("every generated client compiles with its caller under strict TypeScript 5.9, in one program", () => {
    expect(ts.version).toMatch(/^5\.9\./);
    const files = [...tsFiles(OUT_DIR), ...tsFiles(path.join(here, "callers")), ...tsFiles(path.join(here, "configs"))];
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true, // kubb imports its own files as "./X.ts"
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n  ");
      if (!diagnostic.file || diagnostic.start === undefined) return text;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${path.relative(here, diagnostic.file.fileName)}:${line + 1}: ${text}`;
    });
    expect(errors).toEqual([]);
    // Every generator's output is in the program.
    for (const { name } of GENERATORS)
      expect(
        files.some((file) => file.includes(`/.out/${name}/`)),
        name,
      ).toBe(true);
  }, 120_000);

  const sender = (message: Message) =>
    message.sender_type === "operator" ? `operator ${message.sender.forename}` : `user ${message.sender.name}`;

  it.each(GENERATORS.map(({ name }) => name))(
    "%s: its client gets exactly the world's answers from the mock, Accept and Bearer set as README says",
    async (name) => {
      const caller: { callAll: (config: CallerConfig) => Promise<Outcome> } = await import(`./callers/${name}.ts`);
      const { world, url } = mock;
      const unknown = await fetch(`${url}/users/${CALLS.unknownUserId}`, {
        headers: { Accept: ACCEPT, Authorization: `Bearer ${API_SECRET}` },
      });
      requests.length = 0;
      const outcome = await caller.callAll({ baseUrl: url, apiSecret: API_SECRET });
      const page = world.listMessages(CALLS.userId, 0, CALLS.limit)!;
      expect(outcome).toEqual({
        users: { status: 200, body: world.listUsers(0, CALLS.limit) },
        user: { status: 200, body: world.getUser(CALLS.userId) },
        messages: { status: 200, body: page },
        message: { status: 200, body: world.getMessage(CALLS.userId, CALLS.messageId) },
        unknownUser: { status: 404, body: await unknown.json() },
        senders: page.messages.map(sender),
      });
      expect(unknown.status).toBe(404);
      expect(new Set(page.messages.map((message) => message.sender_type))).toEqual(new Set(["user", "operator"]));
      // One request per call, and nothing else (no retry, no preflight, no 406 for a missing Accept).
      expect(requests).toEqual([
        `/users?limit=${CALLS.limit} 200`,
        `/users/${CALLS.userId} 200`,
        `/users/${CALLS.userId}/messages?limit=${CALLS.limit} 200`,
        `/users/${CALLS.userId}/messages/${CALLS.messageId} 200`,
        `/users/${CALLS.unknownUserId} 404`,
      ]);
    },
    30_000,
  );

  it("the zod schemas the generators wrote reject what the contract rejects", async () => {
    const zodClient = await generated("openapi-zod-client/client.ts");
    const typedOpenapi = await generated("typed-openapi/schemas.ts");
    const { messageSchema } = await generated("kubb/zod/messageSchema.ts");
    const { errorBodySchema } = await generated("kubb/zod/errorBodySchema.ts");
    const message = mock.world.getMessage(CALLS.userId, CALLS.messageId)!;
    const invalid = [
      { ...message, sender_type: "bot" },
      { ...message, sender_type: message.sender_type === "user" ? "operator" : "user" },
      { ...message, id: "1234" },
    ];
    for (const schema of [zodClient.schemas.Message, typedOpenapi.Message, messageSchema]) {
      expect(schema.safeParse(message).success).toBe(true);
      for (const value of invalid) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    const error = { status: 404, code: "not_found", message: "Not found." };
    for (const schema of [zodClient.schemas.ErrorBody, typedOpenapi.ErrorBody, errorBodySchema]) {
      expect(schema.safeParse(error).success).toBe(true);
      expect(schema.safeParse({ ...error, code: "no_such_code" }).success).toBe(false);
    }
  });
});
