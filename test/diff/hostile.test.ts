/**
 * Documents built to make the differ slow or crash (issue 19, items 14-15): each is compared in time
 * proportional to its size, or refused with exit 2 and a message that says what is wrong.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDiff } from "../../src/cli/diff.js";
import { compareDocuments, diffDocuments } from "../../src/diff/compare-documents.js";
import { ruleOf } from "../../src/diff/rules.js";
import { cliArgs, repoRoot } from "../helpers/cli.js";
import { chainDocument, deepDocumentJson } from "./hostile.js";

const work = mkdtempSync(path.join(tmpdir(), "signalzen-diff-hostile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, content: string | object): string {
  const file = path.join(work, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io = { stdout: (line: string) => stdout.push(line), stderr: (line: string) => stderr.push(line) };
  const code = await runDiff(args, io, { cwd: repoRoot });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("schemas that refer to the next twice, n levels deep (2^n routes to the last)", () => {
  it("compares each pair of schemas once: 3n + 2 comparisons, not 2^n", () => {
    // Per level, the pair reached through `a`, the pair reached through `b`, and the component compared on its
    // own; then the response's schema and the leaf's component.
    expect(compareDocuments(chainDocument(8), chainDocument(8)).schemaPairs).toBe(26);
    expect(compareDocuments(chainDocument(16), chainDocument(16)).schemaPairs).toBe(50);
    expect(compareDocuments(chainDocument(16), chainDocument(16, "integer")).schemaPairs).toBe(50);
    expect(diffDocuments(chainDocument(16), chainDocument(16))).toEqual({ breaking: 0, compatible: 0, changes: [] });
  });

  it("lists every route to a change while they are few", () => {
    expect(diffDocuments(chainDocument(2), chainDocument(2, "integer"))).toEqual({
      breaking: 1,
      compatible: 0,
      changes: [
        {
          class: "breaking",
          rule: "response-type-changed",
          message: "type string → integer",
          explanation: ruleOf("response-type-changed").explanation,
          base: "#/components/schemas/S2/type",
          head: "#/components/schemas/S2/type",
          where: [
            "GET /s 200: a.a",
            "GET /s 200: a.b",
            "GET /s 200: b.a",
            "GET /s 200: b.b",
            "components/schemas/S0: a.a",
            "components/schemas/S0: a.b",
            "components/schemas/S0: b.a",
            "components/schemas/S0: b.b",
            "components/schemas/S1: a",
            "components/schemas/S1: b",
            "components/schemas/S2",
          ],
        },
      ],
    });
  });

  it("follows each link once per entry point when the routes are many: four places per entry, not 2^16", () => {
    const [change, ...others] = diffDocuments(chainDocument(16), chainDocument(16, "integer")).changes;
    expect(others).toEqual([]);
    const tail = ["a.a", "a.b", "b.a", "b.b"];
    const depth = (levels: number) => tail.map((end) => `${"a.".repeat(levels - 2)}${end}`);
    expect(change!.where).toEqual([
      ...depth(16).map((route) => `GET /s 200: ${route}`),
      ...Array.from({ length: 15 }, (_, level) =>
        depth(16 - level).map((route) => `components/schemas/S${level}: ${route}`),
      ).flat(),
      "components/schemas/S15: a",
      "components/schemas/S15: b",
      "components/schemas/S16",
    ]);
  });

  it("compares request bodies pair by pair too, not written out (2^40 schemas long at 40 levels)", () => {
    const withBody = (leafType: string) => {
      const document = chainDocument(40, leafType) as { paths: { "/s": { get: Record<string, unknown> } } };
      const schema = { $ref: "#/components/schemas/S0" };
      document.paths["/s"].get.requestBody = { content: { "application/json": { schema } } };
      return document;
    };
    expect(diffDocuments(withBody("string"), withBody("string")).changes).toEqual([]);
    const rules = diffDocuments(withBody("string"), withBody("integer")).changes.map((change) => change.rule);
    expect(rules).toEqual(["request-body-changed", "response-type-changed"]);
  });

  it("`signalzen-api diff` compares the 16-level document with its leaf's type changed, well within 20 s", async () => {
    const base = write("chain16.json", chainDocument(16));
    const head = write("chain16-integer.json", chainDocument(16, "integer"));
    const child = spawn(process.execPath, [...cliArgs, "diff", base, head], { cwd: repoRoot });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    // Before each pair was compared once, this took minutes: the kill turns that into a failure.
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    clearTimeout(killer);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(output.trim().split("\n").at(-1)).toBe(`1 breaking, 0 compatible: ${base} → ${head}`);
  }, 30_000);
});

describe("documents nested too deep, and JSON with a byte-order mark", () => {
  it("refuses a document nested 4,000 deep with exit 2 and a message, not a stack overflow", async () => {
    const deep = write("deep.json", deepDocumentJson(4000));
    const result = await run([deep, deep]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `signalzen-api diff: ${deep}: it nests more than 256 levels deep (at #/x-deep${"/a".repeat(56)}…); ` +
        "diff reads documents nested at most that deep",
    });
  });

  it("reads a document nested 200 deep", async () => {
    const deep = write("deep200.json", deepDocumentJson(200));
    expect(await run([deep, deep])).toEqual({
      code: 0,
      stdout: `No change that matters to a consumer: ${deep} → ${deep}`,
      stderr: "",
    });
  });

  it("stops with exit 2 and a message on schemas that refer to one another more than 256 levels deep", async () => {
    const chain = write("chain300.json", chainDocument(300));
    const result = await run([chain, chain]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `signalzen-api diff: could not compare ${chain} with ${chain}: schemas nest more than 256 levels deep ` +
        "(at #/components/schemas/S256/properties/a); diff stops there",
    );
  });

  it("stops with exit 2 and a message on an allOf chain of refs more than 256 long", async () => {
    const document = chainDocument(1) as { components: { schemas: Record<string, unknown> } };
    for (let index = 0; index < 300; index++) {
      document.components.schemas[`A${index}`] = { allOf: [{ $ref: `#/components/schemas/A${index + 1}` }] };
    }
    document.components.schemas.A300 = { type: "string" };
    const file = write("allof300.json", document);
    const result = await run([file, file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^signalzen-api diff: could not compare ${file} with ${file}: schemas refer to one another more than 256 ` +
          "levels deep \\(at #/components/schemas/A\\d+/allOf/0\\); diff stops there$",
      ),
    );
  });

  it("reads a JSON file that begins with a byte-order mark", async () => {
    const plain = write("plain.json", chainDocument(2));
    const marked = write("marked.json", `\uFEFF${JSON.stringify(chainDocument(2, "integer"))}`);
    const result = await run([plain, marked]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").at(-1)).toBe(`1 breaking, 0 compatible: ${plain} → ${marked}`);
  });
});
