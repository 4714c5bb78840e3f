/**
 * The package as another repo gets it: `npm pack`, a fresh project installs the tarball, compiles every
 * TypeScript example in README under `strict`, starts the mock and runs the examples against it.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitOf, repoRoot } from "../helpers/cli.js";
import { npm } from "../helpers/npm.js";

const SECRET = "consumer-test-secret";

function sizeOf(directory: string): number {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

/** Every ```ts block in README, in order. */
function readmeExamples(): string[] {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe("the packed package in a fresh project", () => {
  const work = mkdtempSync(path.join(tmpdir(), "signalzen-consumer-"));
  const project = path.join(work, "project");
  let tarball: string;

  beforeAll(() => {
    npm(["pack", "--pack-destination", work], repoRoot);
    tarball = path.join(work, readdirSync(work).find((name) => name.endsWith(".tgz"))!);
    mkdirSync(project);
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    npm(["install", tarball], project);
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("installs the client and types with only their small runtime dependencies, under 1 MB", () => {
    const modules = path.join(project, "node_modules");
    const installed = readdirSync(modules).flatMap((name) => (name.startsWith("@") ? readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`) : [name])).filter((name) => !name.startsWith("."));
    expect(installed.sort()).toEqual(["@signalzen/api", "openapi-fetch", "openapi-typescript-helpers"]);
    const bytes = installed.reduce((sum, name) => sum + sizeOf(path.join(modules, name)), 0);
    const tarballBytes = statSync(tarball).size;
    console.log(`installed_size_bytes: ${bytes}\ntarball_bytes: ${tarballBytes}`);
    expect(bytes).toBeLessThan(1024 * 1024);
  });

  it("says how to install Prism when the mock is asked for without it, and exits non-zero", async () => {
    const child = spawn(path.join(project, "node_modules/.bin/signalzen-api"), ["mock", "--port", "0"], { cwd: project });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    expect(await exitOf(child as never)).toEqual({ code: 1, signal: null });
    expect(output.trim()).toBe("signalzen-api: The mock server needs @stoplight/prism-cli, which is not installed. Install it with: npm install --save-dev @stoplight/prism-cli@5.14.2");
  });

  it("says how to install verify's dependencies when they are missing", async () => {
    const child = spawn(path.join(project, "node_modules/.bin/signalzen-api"), ["verify", "--base-url", "http://127.0.0.1:9", "--secret", "x"], { cwd: project });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    expect(await exitOf(child as never)).toEqual({ code: 1, signal: null });
    expect(output.trim()).toBe("signalzen-api: verify needs ajv, ajv-formats and fast-check, which are not installed. Install them with: npm install --save-dev ajv@8 ajv-formats@3 fast-check@4");
  });

  it("compiles every README example under strict, then runs them against the mock it starts", async () => {
    npm(["install", "--save-dev", "typescript@5.9", "@types/node@20", "@stoplight/prism-cli@5.14.2"], project);
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(3);
    mkdirSync(path.join(project, "src"));
    examples.forEach((code, index) => writeFileSync(path.join(project, "src", `example${index + 1}.ts`), code));
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noUncheckedIndexedAccess: true, outDir: "out", types: ["node"], skipLibCheck: false }, include: ["src"] }),
    );
    execFileSync(process.execPath, [path.join(project, "node_modules/typescript/bin/tsc"), "-p", project], { cwd: project, encoding: "utf8" });

    const mock = spawn(path.join(project, "node_modules/.bin/signalzen-api"), ["mock", "--port", "0", "--secret", SECRET, "--quiet"], { cwd: project });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        mock.stdout.on("data", (chunk: Buffer) => {
          output += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        mock.once("exit", () => reject(new Error(`the mock exited: ${output}`)));
      });
      for (const [index, code] of examples.entries()) {
        // The examples name the default mock address; this run's mock is on a free port.
        const compiled = readFileSync(path.join(project, "out", `example${index + 1}.js`), "utf8").replaceAll("http://127.0.0.1:4010", url);
        writeFileSync(path.join(project, "out", `example${index + 1}.js`), compiled);
        const output = execFileSync(process.execPath, [path.join(project, "out", `example${index + 1}.js`)], { cwd: project, encoding: "utf8", env: { ...process.env, SIGNALZEN_API_SECRET: SECRET } });
        if (code.includes("createSignalZenClient({ apiSecret: process.env")) {
          expect(output.split("\n")[0]).toMatch(/^404 not_found GET http:\/\/127\.0\.0\.1:\d+\/users\/1500000000 failed with 404: not_found: No user with id 1500000000/);
          expect(output.split("\n")[1]).toBe("1 123 1 2 2 1 undefined 200"); // total, id, users walked, messages total and walked, raw id, raw error, status
        } else if (code.includes("startMock(")) {
          expect(output).toBe("1\n");
        } else {
          expect(output).toBe(""); // types only
        }
      }
    } finally {
      mock.kill("SIGTERM");
      await exitOf(mock as never);
    }
  }, 600_000);

  it("passes publint and arethetypeswrong (ESM-only package; openapi.yaml is a data file, not a module)", () => {
    const bin = (name: string) => path.join(repoRoot, "node_modules/.bin", name);
    expect(execFileSync(bin("publint"), [tarball, "--strict"], { encoding: "utf8" })).toContain("All good!");
    const attw = execFileSync(bin("attw"), [tarball, "--profile", "esm-only", "--exclude-entrypoints", "./openapi.yaml", "--format", "json"], { encoding: "utf8" });
    // The JSON lists every resolution mode; the esm-only profile (and attw's exit code) ignores node10 and CJS.
    const problems = Object.values(JSON.parse(attw).problems ?? {}).flat() as { resolutionKind?: string }[];
    expect(problems.filter((problem) => !["node10", "node16-cjs"].includes(problem.resolutionKind ?? ""))).toEqual([]);
  }, 60_000);

  it("exports exactly what README promises", async () => {
    const manifest = JSON.parse(readFileSync(path.join(project, "node_modules/@signalzen/api/package.json"), "utf8"));
    expect(Object.keys(manifest.exports)).toEqual([".", "./types", "./mock", "./openapi.yaml", "./package.json"]);
    expect(manifest.bin).toEqual({ "signalzen-api": "./dist/src/cli/index.js" });
    expect(readFileSync(path.join(project, "node_modules/@signalzen/api/openapi.yaml"), "utf8")).toBe(readFileSync(path.join(repoRoot, "openapi.yaml"), "utf8"));
  });
});
