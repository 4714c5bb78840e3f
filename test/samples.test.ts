/**
 * The code samples on the docs page: the docs build writes them from the templates (openapi.yaml holds none),
 * the Shell and Ruby ones are the reference's own requests, and every sample, in every language, runs against
 * the mock and gets its record.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { mediaType, operations, servers } from "../generated/contract.js";
import { bundleWithSamples } from "../src/docs/build.js";
import {
  type ContractOperation,
  concretePath,
  queryString,
  sampleRequest,
  specOperation,
} from "../src/docs/sample-request.js";
import { CLIENT_PACKAGE, type CodeSample, codeSamples, withCodeSamples } from "../src/docs/samples.js";
import { type RunningMock, startMock } from "../src/mock/server.js";
import { referenceSampleFor } from "./docs/reference-samples.js";
import { runNode, runRuby, runShell, type SampleRun, typecheck, writeFetchRecorder } from "./docs/run-sample.js";

/** Where the TypeScript samples' `@signalzen/api` resolves: the package's client entry, in source. */
const CLIENT_ENTRY = fileURLToPath(new URL("../src/client/index.ts", import.meta.url));

const LANGUAGES = ["Shell", "Ruby", "TypeScript", "JavaScript"];
const root = fileURLToPath(new URL("..", import.meta.url));

type Json = any; // a parsed OpenAPI document, walked by the tests

describe("code samples", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "signalzen-samples-"));
  let document: Json;

  beforeAll(() => {
    const bundled = path.join(directory, "openapi.json");
    bundleWithSamples({ output: bundled });
    document = JSON.parse(readFileSync(bundled, "utf8"));
  }, 60_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const samplesOf = (operation: ContractOperation): CodeSample[] =>
    specOperation(document, operation)["x-codeSamples"] as CodeSample[];
  const sampleOf = (operation: ContractOperation, label: string): CodeSample => {
    const found = samplesOf(operation).find((sample) => sample.label === label);
    if (!found) throw new Error(`${operation.operationId} has no ${label} sample`);
    return found;
  };
  /** The window the list samples ask for: the spec's own examples for offset and limit. */
  const pageWindow = () => ({
    offset: document.components.parameters.offset.example,
    limit: document.components.parameters.limit.example,
  });

  describe("as the docs build writes them", () => {
    it("gives every operation the four languages in order, with the labels redocly.yaml shows as tabs", () => {
      for (const operation of operations)
        expect(
          samplesOf(operation).map((sample) => sample.label),
          operation.operationId,
        ).toEqual(LANGUAGES);
      const config = parse(readFileSync(path.join(root, "redocly.yaml"), "utf8"));
      expect(config.openapi.codeSamples.languages.map((language: { label: string }) => language.label)).toEqual(
        LANGUAGES,
      );
    });

    it("are exactly what the templates write, and openapi.yaml holds none of its own", () => {
      expect(readFileSync(path.join(root, "openapi.yaml"), "utf8")).not.toMatch(/x-code-?samples/i);
      for (const operation of operations) {
        expect(samplesOf(operation), operation.operationId).toEqual(codeSamples(sampleRequest(document, operation)));
      }
    });

    it("refuses a spec that carries samples of its own, or an operation generated/contract.ts does not know", () => {
      const { "x-codeSamples": _samples, ...plain } = document.paths["/users"].get;
      const withOwn = {
        ...document,
        paths: { ...document.paths, "/users": { get: { ...plain, "x-codeSamples": [] } } },
      };
      expect(() => withCodeSamples(withOwn)).toThrow(
        "listUsers carries x-codeSamples in openapi.yaml: remove them; the docs build writes every operation's " +
          "samples from the templates in src/docs/samples.ts",
      );
      const extra = {
        ...document,
        paths: { ...document.paths, "/extra": { get: { ...plain, operationId: "listExtras" } } },
      };
      expect(() => withCodeSamples(extra)).toThrow(
        "GET /extra is in the spec but not in generated/contract.ts: run `npm run generate`",
      );
    });

    it("writes the reference's own Shell and Ruby request for each operation, plus the page window on lists", () => {
      const { offset, limit } = pageWindow();
      for (const operation of operations) {
        const request = sampleRequest(document, operation);
        const reference = referenceSampleFor(`${servers[0]}${concretePath(request)}`);
        const shell = sampleOf(operation, "Shell").source;
        const ruby = sampleOf(operation, "Ruby").source;
        if (operation.queryParams.length === 0) {
          expect(shell, operation.operationId).toBe(reference.shell);
          expect(ruby, operation.operationId).toBe(reference.ruby);
        } else {
          expect(shell, operation.operationId).toBe(
            reference.shell.replace(reference.url, `${reference.url}?offset=${offset}&limit=${limit}`),
          );
          expect(ruby, operation.operationId).toBe(
            reference.ruby.replace(", headers:", `, query: { offset: ${offset}, limit: ${limit} }, headers:`),
          );
        }
      }
    });

    it("writes the TypeScript with this package's client and a typed result, the JavaScript with fetch", () => {
      const getMessage = operations.find((operation) => operation.operationId === "getUserMessage")!;
      expect(sampleOf(getMessage, "TypeScript").source).toBe(
        [
          `import { createSignalZenClient, type Message } from "${CLIENT_PACKAGE}";`,
          "",
          "const signalzen = createSignalZenClient({",
          '  apiSecret: "YOUR_API_SECRET",',
          `  baseUrl: "${servers[0]}",`,
          "});",
          "",
          "const message: Message = await signalzen.messages.get(123, 1234);",
          "console.log(JSON.stringify(message, null, 2));",
        ].join("\n"),
      );
      expect(sampleOf(getMessage, "JavaScript").source).toBe(
        [
          'const apiSecret = "YOUR_API_SECRET";',
          "",
          `const response = await fetch("${servers[0]}/users/123/messages/1234", {`,
          `  headers: { Authorization: \`Bearer \${apiSecret}\`, Accept: "${mediaType}" },`,
          "});",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the expected sample's own template literal
          "if (!response.ok) throw new Error(`SignalZen API answered ${response.status}: ${await response.text()}`);",
          "const message = await response.json();",
          "console.log(JSON.stringify(message, null, 2));",
        ].join("\n"),
      );
      const { offset, limit } = pageWindow();
      const listMessages = operations.find((operation) => operation.operationId === "listUserMessages")!;
      expect(sampleOf(listMessages, "TypeScript").source).toContain(
        `const page: MessageList = await signalzen.messages.list(123, { offset: ${offset}, limit: ${limit} });`,
      );
    });
  });

  describe("run against the mock's default world", () => {
    let mock: RunningMock;
    let recorder: string;
    let tsconfig: string;
    const typescriptDirectory = path.join(directory, "typescript");

    /** Only the base URL changes: the sample calls the mock instead of production. */
    const pointedAtMock = (source: string): string => {
      expect(source).toContain(servers[0]);
      const local = source.replaceAll(servers[0], mock.url);
      expect(local).not.toContain("api.signalzen.com");
      return local;
    };

    beforeAll(async () => {
      mock = await startMock({ port: 0 });
      recorder = writeFetchRecorder(directory);
      mkdirSync(typescriptDirectory);
      for (const operation of operations) {
        writeFileSync(
          path.join(typescriptDirectory, `${operation.operationId}.ts`),
          pointedAtMock(sampleOf(operation, "TypeScript").source),
        );
      }
      tsconfig = await typecheck(typescriptDirectory, CLIENT_ENTRY, CLIENT_PACKAGE);
    }, 120_000);
    afterAll(async () => {
      await mock?.close();
    });

    /** Asked for once, answered 200, and the printed record is the one asked for. */
    const expectRecord = (operation: ContractOperation, run: SampleRun) => {
      const request = sampleRequest(document, operation);
      expect(run.requests).toEqual([`200 ${mock.url}${concretePath(request)}${queryString(request)}`]);
      const record = JSON.parse(run.stdout);
      if (operation.listKey) {
        expect(record).toMatchObject(pageWindow());
        expect(Array.isArray(record[operation.listKey])).toBe(true);
      } else {
        expect(record.id).toBe(request.pathParameters.at(-1)!.value);
      }
    };

    for (const operation of operations) {
      it(`${operation.operationId}: the Shell sample, through sh and curl`, async () => {
        expectRecord(operation, await runShell(pointedAtMock(sampleOf(operation, "Shell").source)));
      });

      it(`${operation.operationId}: the Ruby sample, through ruby and HTTParty`, async () => {
        expectRecord(
          operation,
          await runRuby(pointedAtMock(sampleOf(operation, "Ruby").source), directory, operation.operationId),
        );
      });

      it(`${operation.operationId}: the TypeScript sample, compiled under strict and run`, async () => {
        const file = path.join(typescriptDirectory, `${operation.operationId}.ts`);
        expectRecord(operation, await runNode(file, recorder, { typescript: { tsconfig } }));
      });

      it(`${operation.operationId}: the JavaScript sample, in Node`, async () => {
        const file = path.join(directory, `${operation.operationId}.mjs`);
        writeFileSync(file, pointedAtMock(sampleOf(operation, "JavaScript").source));
        expectRecord(operation, await runNode(file, recorder));
      });
    }
  });
});
