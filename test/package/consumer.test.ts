/**
 * The package as another repo gets it: `npm pack`, a fresh project installs the tarball, compiles every
 * TypeScript example in README under `strict`, starts the mock and runs the examples against it. On each CI leg
 * (toolchains.ts) with that leg's msw, Prism, vitest and TypeScript: Node 20 with msw 2 and TypeScript 5.9,
 * Node 24 with msw 3 and TypeScript 7, installed with no flags.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateWorld } from "../../src/world/index.js";
import { launchChromium } from "../helpers/browser.js";
import { exitOf, repoRoot } from "../helpers/cli.js";
import { npm } from "../helpers/npm.js";
import { installedVersion, legOf, within } from "./toolchains.js";

const SECRET = "consumer-test-secret";

function sizeOf(directory: string): number {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

/**
 * Runs a compiled README example in Chromium: `npx msw init public` as the README says, the example bundled as
 * a frontend's bundler would, served with the worker from one origin. Returns what the page logged.
 */
async function runInBrowser(project: string, file: string, awaited: string): Promise<string[]> {
  execFileSync(path.join(project, "node_modules/.bin/msw"), ["init", "public", "--no-save"], {
    cwd: project,
    encoding: "utf8",
  });
  const bundle = await build({
    entryPoints: [file],
    absWorkingDir: project,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const worker = readFileSync(path.join(project, "public/mockServiceWorker.js"));
  const site = http.createServer((request, response) => {
    if (request.url === "/app.js")
      return response.writeHead(200, { "Content-Type": "text/javascript" }).end(bundle.outputFiles[0]!.text);
    if (request.url === "/mockServiceWorker.js")
      return response.writeHead(200, { "Content-Type": "text/javascript" }).end(worker);
    return response
      .writeHead(200, { "Content-Type": "text/html" })
      .end('<!doctype html><div id="root"></div><script type="module" src="/app.js"></script>');
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const logged: string[] = [];
    const errors: string[] = [];
    page.on("console", (message) => (message.type() === "error" ? errors : logged).push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    const deadline = Date.now() + 20_000;
    const done = () => logged.includes(awaited) || errors.length > 0;
    while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).toEqual([]);
    return logged;
  } finally {
    await browser.close();
    await new Promise((resolve) => site.close(resolve));
  }
}

/** Every ```ts and ```tsx block in README, in order. */
function readmeExamples(): { code: string; extension: "ts" | "tsx" }[] {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  return [...readme.matchAll(/```(tsx?)\n([\s\S]*?)```/g)].map((match) => ({
    extension: match[1] as "ts" | "tsx",
    code: match[2]!,
  }));
}

/** A block that is a vitest test file (README's component test): vitest runs it, in the fresh project. */
const isVitestFile = (code: string) => code.includes('from "vitest"');

describe("the packed package in a fresh project", () => {
  const work = mkdtempSync(path.join(tmpdir(), "signalzen-consumer-"));
  const project = path.join(work, "project");
  let tarball: string;
  const leg = legOf();
  if (!leg) throw new Error(`Node ${process.versions.node} is not a tested leg (test/package/toolchains.ts)`);
  // The leg's tools, as a project on that toolchain has them; installed once, by the first test that needs them.
  let toolchainInstalled = false;
  const installToolchain = () => {
    if (toolchainInstalled) return;
    npm(
      [
        "install",
        "--save-dev",
        `typescript@${leg.typescript}`,
        `@types/node@${leg.node}`,
        `@stoplight/prism-cli@${leg.prism}`,
        `msw@${leg.msw}`,
        `vitest@${leg.vitest}`,
        // What README's frontend quick start installs, beside the leg's tools.
        "@types/react@19",
        "@types/react-dom@19",
        "happy-dom@21",
        "@testing-library/react@16",
        "@testing-library/dom@10",
      ],
      project,
    );
    npm(["install", "@tanstack/react-query@5", "react@19", "react-dom@19"], project);
    toolchainInstalled = true;
  };

  beforeAll(() => {
    npm(["pack", "--pack-destination", work], repoRoot);
    tarball = path.join(work, readdirSync(work).find((name) => name.endsWith(".tgz"))!);
    mkdirSync(project);
    writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
    npm(["install", tarball], project);
  }, 600_000);
  // The project holds a React and vitest install by the end: removing it can take a while on a busy machine.
  afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000);

  it("installs the client and types with only their small runtime dependencies, under 1 MB", () => {
    const modules = path.join(project, "node_modules");
    const installed = readdirSync(modules)
      .flatMap((name) =>
        name.startsWith("@") ? readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`) : [name],
      )
      .filter((name) => !name.startsWith("."));
    expect(installed.sort()).toEqual(["@signalzen/api", "openapi-fetch", "openapi-typescript-helpers"]);
    const bytes = installed.reduce((sum, name) => sum + sizeOf(path.join(modules, name)), 0);
    const tarballBytes = statSync(tarball).size;
    console.log(`installed_size_bytes: ${bytes}\ntarball_bytes: ${tarballBytes}`);
    expect(bytes).toBeLessThan(1024 * 1024);
  });

  it("says how to install Prism when the mock is asked for without it, and exits non-zero", async () => {
    const child = spawn(path.join(project, "node_modules/.bin/signalzen-api"), ["mock", "--port", "0"], {
      cwd: project,
    });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    expect(await exitOf(child as never)).toEqual({ code: 1, signal: null });
    // The Prism that runs on this Node: 5.16 on Node 24.18+, 5.14.2 on Node 20.
    const hinted =
      /^signalzen-api: The mock server needs @stoplight\/prism-cli, which is not installed\. Install it with: npm install --save-dev @stoplight\/prism-cli@(\S+)$/.exec(
        output.trim(),
      );
    expect(hinted, output).not.toBeNull();
    expect(within(hinted![1]!, leg.prism), `${hinted![1]} on the ${leg.leg} leg`).toBe(true);
  });

  it("names the missing package when @signalzen/api/msw is imported without msw", () => {
    // Static imports (no top-level await, so the entry can be require()d): the runtime's own error, which README explains.
    const script =
      'import("@signalzen/api/msw").then(() => console.log("loaded"), (error) => console.log(error.code, error.message.split(" imported from")[0]))';
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: project,
      encoding: "utf8",
    });
    expect(output.trim()).toBe("ERR_MODULE_NOT_FOUND Cannot find package 'msw'");
  });

  it("says how to install verify's dependencies when they are missing", async () => {
    const child = spawn(
      path.join(project, "node_modules/.bin/signalzen-api"),
      ["verify", "--base-url", "http://127.0.0.1:9", "--secret", "x"],
      { cwd: project },
    );
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    expect(await exitOf(child as never)).toEqual({ code: 1, signal: null });
    expect(output.trim()).toBe(
      "signalzen-api: verify needs ajv, ajv-formats and fast-check, which are not installed. Install them with: npm install --save-dev ajv@8 ajv-formats@3 fast-check@4",
    );
  });

  it("installs the leg's msw, Prism, vitest and TypeScript beside it with no flags", () => {
    installToolchain(); // npm stops with ERESOLVE when a peer range does not admit an installed version
    for (const [name, range] of [
      ["msw", leg.msw],
      ["@stoplight/prism-cli", leg.prism],
      ["vitest", leg.vitest],
      ["typescript", leg.typescript],
    ] as const)
      expect(within(installedVersion(name, project), range), `${name} ${installedVersion(name, project)}`).toBe(true);
  }, 600_000);

  it("compiles every README example under strict, then runs them against the mock it starts", async () => {
    installToolchain();
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(3);
    mkdirSync(path.join(project, "src"));
    const fileOf = ({ code, extension }: { code: string; extension: string }, index: number) =>
      `example${index + 1}${isVitestFile(code) ? ".test" : ""}.${extension}`;
    for (const [index, example] of examples.entries())
      writeFileSync(path.join(project, "src", fileOf(example, index)), example.code);
    // Every test snippet makes its client with retry: false, so an error shows at once rather than after retries.
    for (const { code } of examples)
      if (/setupServer\(|startMock\(|from "vitest"/.test(code) && code.includes("createSignalZenClient("))
        expect(code).toMatch(/createSignalZenClient\(\{[^}]*retry: false/);
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noUncheckedIndexedAccess: true,
          rootDir: "src", // TypeScript 7 requires it beside outDir (TS5011)
          jsx: "react-jsx",
          lib: ["ES2023", "DOM", "DOM.Iterable"],
          outDir: "out",
          types: ["node"],
          skipLibCheck: false,
        },
        include: ["src"],
      }),
    );
    const compiled = spawnSync(
      process.execPath,
      [path.join(project, "node_modules/typescript/bin/tsc"), "-p", project],
      {
        cwd: project,
        encoding: "utf8",
      },
    );
    expect(compiled.stdout + compiled.stderr, "tsc's diagnostics").toBe("");
    expect(compiled.status).toBe(0);

    const mock = spawn(
      path.join(project, "node_modules/.bin/signalzen-api"),
      ["mock", "--port", "0", "--secret", SECRET, "--quiet"],
      { cwd: project },
    );
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
      const ran: string[] = [];
      for (const [index, { code }] of examples.entries()) {
        const file = path.join(project, "out", fileOf({ code, extension: "js" }, index).replace(".test.js", ".js"));
        if (isVitestFile(code)) {
          const source = path.join("src", fileOf(examples[index]!, index));
          const output = execFileSync(path.join(project, "node_modules/.bin/vitest"), ["run", source], {
            cwd: project,
            encoding: "utf8",
            env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
          });
          expect(output).toMatch(/Tests\s+1 passed \(1\)/);
          ran.push("query-vitest");
          continue;
        }
        if (code.includes("setupWorker(")) {
          // MSW in the browser: run in Chromium from the page's own origin, as the README says.
          // msw logs its start and each request it handles, in its own order; the example logs one line, the name.
          const name = generateWorld().getUser(123)!.name!;
          const logged = await runInBrowser(project, file, name);
          expect(logged).toContain(name);
          ran.push(code.includes("@signalzen/api/query") ? "query-browser" : "msw-browser");
          continue;
        }
        // The examples name the default mock address; this run's mock is on a free port.
        writeFileSync(file, readFileSync(file, "utf8").replaceAll("http://127.0.0.1:4010", url));
        const output = execFileSync(process.execPath, [file], {
          cwd: project,
          encoding: "utf8",
          env: { ...process.env, SIGNALZEN_API_SECRET: SECRET },
        });
        if (code.includes("createSignalZenClient({ apiSecret: process.env")) {
          expect(output.split("\n")[0]).toMatch(
            /^404 not_found GET http:\/\/127\.0\.0\.1:\d+\/users\/1500000000 failed with 404: not_found: No user with id 1500000000/,
          );
          const chat = generateWorld().chat(123)!.length;
          // total, id, users walked, messages total and walked, raw id, raw error, status
          expect(output.split("\n")[1]).toBe(`250 123 250 ${chat} ${chat} 1 undefined 200`);
          ran.push("client");
        } else if (code.includes("@signalzen/api/query")) {
          const chat = generateWorld().chat(123)!.length;
          expect(output).toBe(`Renamed ${chat} @signalzen/api staging\n`);
          ran.push("query");
        } else if (code.includes("startMock(")) {
          expect(output).toBe("40\n");
          ran.push("mock");
        } else if (code.includes("mockError(")) {
          expect(output).toBe("service_unavailable\n1\n");
          ran.push("msw-states");
        } else if (code.includes("msw/node")) {
          expect(output).toBe("40 5\n");
          // A request no handler answers fails it (the options name both majors' key), rather than reaching
          // the network: here the running mock, which would answer.
          const unhandled = path.join(project, "out", "unhandled.js");
          const probe = `await fetch("${url}/users").then((r) => console.log("answered", r.status), () => console.log("refused"));`;
          const compiled = readFileSync(file, "utf8");
          expect(compiled).toContain("server.close();");
          writeFileSync(unhandled, compiled.replace("server.close();", `${probe}\nserver.close();`));
          const failed = spawnSync(process.execPath, [unhandled], { cwd: project, encoding: "utf8" });
          expect(failed.stdout).toBe("40 5\nrefused\n");
          expect(failed.stderr).toContain(`${url}/users`);
          ran.push("msw-node");
        } else if (code.includes("@signalzen/api/fixtures")) {
          expect(output).toBe("40 true true\n");
          ran.push("fixtures");
        } else {
          expect(output).toBe(""); // types only
        }
      }
      expect(ran.sort()).toEqual([
        "client",
        "fixtures",
        "mock",
        "msw-browser",
        "msw-node",
        "msw-states",
        "query",
        "query-browser",
        "query-vitest",
      ]);
    } finally {
      mock.kill("SIGTERM");
      await exitOf(mock as never);
    }
  }, 600_000);

  it("require()s every entry on Node 20.19+ and 24, with the names import() gives", () => {
    installToolchain(); // the msw entry needs msw
    const manifest = JSON.parse(readFileSync(path.join(project, "node_modules/@signalzen/api/package.json"), "utf8"));
    const entries = Object.entries(manifest.exports as Record<string, unknown>)
      .filter(([, target]) => typeof target === "object")
      .map(([entry]) => `@signalzen/api${entry.slice(1)}`);
    expect(entries).toEqual([
      "@signalzen/api",
      "@signalzen/api/types",
      "@signalzen/api/mock",
      "@signalzen/api/msw",
      "@signalzen/api/fixtures",
      "@signalzen/api/query",
    ]);
    const script = `
      const { createRequire } = await import("node:module");
      const require = createRequire(process.cwd() + "/");
      for (const entry of ${JSON.stringify(entries)}) {
        const required = Object.keys(require(entry)).filter((name) => name !== "module.exports").sort();
        const imported = Object.keys(await import(entry)).sort();
        console.log(entry, JSON.stringify(required) === JSON.stringify(imported) ? required.length : "differs");
      }`;
    const output = execFileSync(process.execPath, ["--no-warnings", "--input-type=module", "-e", script], {
      cwd: project,
      encoding: "utf8",
    });
    const counts = output.trim().split("\n");
    expect(counts.map((line) => line.split(" ")[0])).toEqual(entries);
    // "./types" is types only: nothing at run time, by either loader.
    for (const line of counts)
      expect(line).toMatch(line.startsWith("@signalzen/api/types ") ? /^\S+ 0$/ : /^\S+ [1-9]\d*$/);
  }, 600_000);

  it("passes @signalzen/api/query's own tests (test/query/) against the packed package, type tests under strict", () => {
    // The packages README's frontend quick start installs (already there after the README test; npm checks).
    installToolchain();
    const entries: Record<string, string> = {
      "../../src/client/index.js": "@signalzen/api",
      "../../src/contract/models.js": "@signalzen/api",
      "../../src/query/index.js": "@signalzen/api/query",
      "../../src/mock/msw.js": "@signalzen/api/msw",
      "../../src/world/fixtures.js": "@signalzen/api/fixtures",
    };
    const directory = path.join(project, "src", "query-tests");
    mkdirSync(directory, { recursive: true });
    for (const name of ["queries.test.ts", "react.test.ts", "query.test-d.ts"]) {
      let code = readFileSync(path.join(repoRoot, "test/query", name), "utf8");
      for (const [source, entry] of Object.entries(entries)) code = code.replaceAll(`"${source}"`, `"${entry}"`);
      expect(code).not.toContain("../../");
      writeFileSync(path.join(directory, name), code);
    }
    // tsc checks the type tests' expectTypeOf assertions and @ts-expect-error lines, with the project's strict tsconfig.
    execFileSync(process.execPath, [path.join(project, "node_modules/typescript/bin/tsc"), "-p", project], {
      cwd: project,
      encoding: "utf8",
    });
    const output = execFileSync(path.join(project, "node_modules/.bin/vitest"), ["run", "src/query-tests/"], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const total = ["queries.test.ts", "react.test.ts"]
      .map((name) => readFileSync(path.join(directory, name), "utf8").match(/^\s+it\(/gm)!.length)
      .reduce((sum, count) => sum + count);
    expect(output).toMatch(new RegExp(`Tests\\s+${total} passed \\(${total}\\)`));
  }, 600_000);

  it("passes publint and arethetypeswrong (ESM-only package; openapi.yaml is a data file, not a module)", () => {
    const bin = (name: string) => path.join(repoRoot, "node_modules/.bin", name);
    expect(execFileSync(bin("publint"), [tarball, "--strict"], { encoding: "utf8" })).toContain("All good!");
    const attw = execFileSync(
      bin("attw"),
      [tarball, "--profile", "esm-only", "--exclude-entrypoints", "./openapi.yaml", "--format", "json"],
      { encoding: "utf8" },
    );
    // The JSON lists every resolution mode; the esm-only profile (and attw's exit code) ignores node10 and CJS.
    const problems = Object.values(JSON.parse(attw).problems ?? {}).flat() as { resolutionKind?: string }[];
    expect(problems.filter((problem) => !["node10", "node16-cjs"].includes(problem.resolutionKind ?? ""))).toEqual([]);
  }, 60_000);

  it("exports exactly what README promises", async () => {
    const manifest = JSON.parse(readFileSync(path.join(project, "node_modules/@signalzen/api/package.json"), "utf8"));
    expect(Object.keys(manifest.exports)).toEqual([
      ".",
      "./types",
      "./mock",
      "./msw",
      "./fixtures",
      "./query",
      "./openapi.yaml",
      "./package.json",
    ]);
    expect(manifest.bin).toEqual({ "signalzen-api": "./dist/src/cli/index.js" });
    expect(readFileSync(path.join(project, "node_modules/@signalzen/api/openapi.yaml"), "utf8")).toBe(
      readFileSync(path.join(repoRoot, "openapi.yaml"), "utf8"),
    );
  });
});
