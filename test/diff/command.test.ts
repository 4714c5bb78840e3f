/** `signalzen-api diff` as a user runs it: arguments, exit statuses, the two output forms, and bad input. */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { DIFF_USAGE, runDiff } from "../../src/cli/diff.js";
import { ruleOf } from "../../src/diff/rules.js";
import { cliArgs, exitOf, repoRoot } from "../helpers/cli.js";

const work = mkdtempSync(path.join(tmpdir(), "signalzen-diff-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contractText = readFileSync(path.join(repoRoot, "openapi.yaml"), "utf8");
const contract = parse(contractText);
const CONTRACT = path.join(repoRoot, "openapi.yaml");

/** Writes a document into the scratch directory and returns its path. */
function write(name: string, content: string | object): string {
  const file = path.join(work, name);
  writeFileSync(file, typeof content === "string" ? content : stringify(content));
  return file;
}

function edited(edit: (doc: Record<string, any>) => void): Record<string, any> {
  const doc = structuredClone(contract);
  edit(doc);
  return doc;
}

const withoutEmail = edited((doc) => {
  const user = doc.components.schemas.User;
  delete user.properties.email;
  user.required = user.required.filter((name: string) => name !== "email");
});

async function run(args: string[], options: Parameters<typeof runDiff>[2] = { cwd: repoRoot }) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runDiff(
    args,
    { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) },
    options,
  );
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("signalzen-api diff", () => {
  it("reports nothing, and exits 0, for openapi.yaml against itself", async () => {
    expect(await run([CONTRACT, CONTRACT])).toEqual({
      code: 0,
      stdout: `No change that matters to a consumer: ${CONTRACT} → ${CONTRACT}`,
      stderr: "",
    });
  });

  it("reads JSON as well as YAML: openapi.yaml against generated/openapi.json is no change", async () => {
    const json = path.join(repoRoot, "generated/openapi.json");
    expect(await run([CONTRACT, json])).toMatchObject({ code: 0, stderr: "" });
  });

  it("exits 1 and lists the breaking change with both pointers, where it is seen and why", async () => {
    const head = write("without-email.yaml", withoutEmail);
    const result = await run([CONTRACT, head]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        'BREAKING   response-property-removed: field "email" removed',
        "  base: #/components/schemas/User/properties/email",
        "  head: #/components/schemas/User",
        "  in:   GET /users 200: users[]; GET /users/{id} 200; components/schemas/User (and 1 more)",
        `  why:  ${ruleOf("response-property-removed").explanation}`,
        "",
        `1 breaking, 0 compatible: ${CONTRACT} → ${head}`,
      ].join("\n"),
    );
  });

  it("exits 0 when every change is compatible, and still lists them, breaking ones first when both", async () => {
    const compatible = write(
      "country.yaml",
      edited((doc) => (doc.components.schemas.User.properties.country = { type: "string" })),
    );
    const result = await run([CONTRACT, compatible]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe('compatible response-property-added: new optional field "country"');

    const both = write(
      "both.yaml",
      edited((doc) => {
        doc.components.schemas.User.properties.country = { type: "string" };
        delete doc.components.responses.TooManyRequests.headers;
      }),
    );
    const lines = (await run([CONTRACT, both])).stdout.split("\n").filter((line) => /^\S/.test(line));
    expect(lines).toEqual([
      "BREAKING   retry-after-removed: header Retry-After removed",
      'compatible response-property-added: new optional field "country"',
      `1 breaking, 1 compatible: ${CONTRACT} → ${both}`,
    ]);
  });

  it("prints the same report as JSON with --json", async () => {
    const head = write("without-email-json.yaml", withoutEmail);
    const result = await run(["--json", CONTRACT, head]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      base: CONTRACT,
      head,
      breaking: 1,
      compatible: 0,
      changes: [
        {
          class: "breaking",
          rule: "response-property-removed",
          message: 'field "email" removed',
          explanation: ruleOf("response-property-removed").explanation,
          base: "#/components/schemas/User/properties/email",
          head: "#/components/schemas/User",
          where: [
            "GET /users 200: users[]",
            "GET /users/{id} 200",
            "components/schemas/User",
            "components/schemas/UserList: users[]",
          ],
        },
      ],
    });
  });

  it("reads this repository's openapi.yaml at a git ref with git:REF", async () => {
    expect(await run(["git:HEAD", "git:HEAD"])).toEqual({
      code: 0,
      stdout: "No change that matters to a consumer: git:HEAD → git:HEAD",
      stderr: "",
    });
    const head = write("without-email-git.yaml", withoutEmail);
    expect((await run(["git:HEAD", head])).code).toBe(1);
    const missing = await run(["git:no-such-ref-here", CONTRACT]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^signalzen-api diff: git:no-such-ref-here: git cannot show openapi\.yaml at "no-such-ref-here" \(fatal: .+\)$/,
    );
    expect(await run(["git:", CONTRACT])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'signalzen-api diff: git:: name a git ref after "git:", for example git:HEAD or git:main',
    });
  });

  describe("exits 2 on input it cannot compare, naming the document and what is wrong", () => {
    const cases: [string, () => string, string][] = [
      ["a missing file", () => path.join(work, "nope.yaml"), "cannot read it (no such file)"],
      [
        "a directory",
        () => {
          const dir = path.join(work, "a-dir.yaml");
          mkdirSync(dir, { recursive: true });
          return dir;
        },
        "cannot read it (it is a directory)",
      ],
      [
        "OpenAPI 3.0",
        () => write("v30.yaml", { ...contract, openapi: "3.0.3" }),
        'it is OpenAPI "3.0.3"; diff compares OpenAPI 3.1 documents (openapi: 3.1.x)',
      ],
      [
        "no openapi key",
        () => write("no-key.yaml", { info: contract.info, paths: {} }),
        'not an OpenAPI document (it has no "openapi" key; expected openapi: 3.1.x)',
      ],
      [
        "a YAML list",
        () => write("list.yaml", "- a\n- b\n"),
        "not an OpenAPI document (expected a mapping at the top)",
      ],
      ["broken YAML", () => write("broken.yaml", "openapi: 3.1.0\npaths: {\n"), "not valid YAML ("],
      ["broken JSON", () => write("broken.json", '{"openapi": '), "not valid JSON ("],
      [
        "an external $ref",
        () =>
          write(
            "external.yaml",
            edited((doc) => (doc.components.schemas.User = { $ref: "user.yaml" })),
          ),
        'the $ref "user.yaml" at #/components/schemas/User is not local; ' +
          "bundle the document into one file first (npx @redocly/cli bundle)",
      ],
      [
        "a $ref to nothing",
        () =>
          write(
            "dangling.yaml",
            edited((doc) => delete doc.components.schemas.Email),
          ),
        'the $ref "#/components/schemas/Email" at #/components/schemas/User/properties/email/oneOf/0 points at nothing',
      ],
      [
        "a $ref loop",
        () =>
          write(
            "loop.yaml",
            edited((doc) => {
              doc.components.schemas.A = { $ref: "#/components/schemas/B" };
              doc.components.schemas.B = { $ref: "#/components/schemas/A" };
            }),
          ),
        'the $ref "#/components/schemas/B" leads back to itself',
      ],
    ];
    it.each(cases)("%s", async (_name, make, reason) => {
      const file = make();
      const result = await run([CONTRACT, file]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.startsWith(`signalzen-api diff: ${file}: ${reason}`), result.stderr).toBe(true);
    });
  });

  it("says how to install the YAML parser when it is missing, and reads JSON without it", async () => {
    const missing = Object.assign(new Error("Cannot find package 'yaml'"), { code: "ERR_MODULE_NOT_FOUND" });
    const options = { cwd: repoRoot, importYaml: () => Promise.reject(missing) };
    expect(await run([CONTRACT, CONTRACT], options)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `signalzen-api diff: ${CONTRACT}: reading YAML needs the yaml package, which is not installed. ` +
        "Install it with: npm install --save-dev yaml@2 (JSON documents need nothing)",
    });
    const json = path.join(repoRoot, "generated/openapi.json");
    expect((await run([json, json], options)).code).toBe(0);
  });

  it("exits 2 with the usage on wrong arguments, and prints the usage with --help", async () => {
    expect(await run([CONTRACT])).toEqual({
      code: 2,
      stdout: "",
      stderr: `signalzen-api diff: diff compares two documents, BASE and HEAD; got 1\n\n${DIFF_USAGE}`,
    });
    const unknown = await run(["--base", CONTRACT, CONTRACT]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^signalzen-api diff: Unknown option '--base'/);
    expect(await run(["--help"])).toEqual({ code: 0, stdout: DIFF_USAGE, stderr: "" });
  });

  it("`signalzen-api diff` (and `npm run diff`) exits with the command's status", async () => {
    const head = write("without-email-main.yaml", withoutEmail);
    const child = spawn(process.execPath, [...cliArgs, "diff", CONTRACT, head], { cwd: repoRoot });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    expect(await exitOf(child as never)).toEqual({ code: 1, signal: null });
    expect(output.trim().split("\n").at(-1)).toBe(`1 breaking, 0 compatible: ${CONTRACT} → ${head}`);
  }, 30_000);
});
