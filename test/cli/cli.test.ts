/** The `signalzen-api` command line, run as a user runs it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DIFF_HELP } from "../../src/cli/diff.js";
import { DOCS_HELP } from "../../src/cli/docs.js";
import { type CommandHelp, formatHelp, type OptionTable } from "../../src/cli/help.js";
import { MOCK_HELP } from "../../src/cli/mock.js";
import { VERIFY_HELP } from "../../src/cli/verify.js";
import { WORLD_HELP } from "../../src/cli/world.js";
import { generateWorld } from "../../src/world/index.js";
import { exitOf, repoRoot, startCli } from "../helpers/cli.js";
import { GOOD_HEADERS, rawRequest } from "../helpers/http.js";

describe("signalzen-api mock", () => {
  it("prints its URL and secret rule, logs one line per request, and stops cleanly on SIGTERM", async () => {
    const cli = startCli(["mock", "--port", "0"]);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/secret: any non-empty Bearer secret is accepted \(--secret S requires one\)/);
      expect((await rawRequest(`${url}/users?limit=2`, { headers: GOOD_HEADERS })).status).toBe(200);
      await cli.waitFor(/GET \/users\?limit=2 200 \d+\.\dms/);
    } finally {
      cli.child.kill("SIGTERM");
    }
    expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null });
    expect(cli.output()).toContain("mock: SIGTERM, stopping");
  });

  it("with --secret, says only that secret is accepted and never prints it", async () => {
    const cli = startCli(["mock", "--port", "0", "--secret", "hunter2-secret", "--quiet"]);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/[^\s]+)/);
      expect(
        (await rawRequest(`${url}/users`, { headers: { ...GOOD_HEADERS, Authorization: "Bearer nope" } })).status,
      ).toBe(401);
      await cli.waitFor(/secret: only the secret given with --secret is accepted/);
    } finally {
      cli.child.kill("SIGINT");
    }
    expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null });
    expect(cli.output()).not.toContain("hunter2-secret");
    expect(cli.output()).not.toContain("GET /users"); // --quiet
  });

  it.each([
    [["mock", "--port", "abc"], '--port must be a whole number from 0 to 65535; got "abc"'],
    [["mock", "--users", "1000001"], '--users must be a whole number from 0 to 1000000; got "1000001"'],
    [["mock", "--latency", "fast"], '--latency must be milliseconds (300) or a range (200-800); got "fast"'],
    [["mock", "--fail-rate", "1.5"], '--fail-rate must be a fraction from 0 to 1, such as 0.1; got "1.5"'],
    [["mock", "--rate-limit", "0"], '--rate-limit must be a whole number from 1 to 1000000; got "0"'],
    [
      ["mock", "--data", "w.json", "--seed", "1"],
      "--data serves the world in that file; --seed, --users and --assets-base shape a generated world",
    ],
    [["mock", "--fail-status", "418"], "--fail-status must be one of 400, 401, 403, 405, 406, 429, 500, 503"],
    [["mock", "--assets-base", "cdn"], "--assets-base: The world's assetsBase must be an absolute http(s) URL"],
    [["world", "--assets-base", "cdn/x"], "The world's assetsBase must be an absolute http(s) URL with no query"],
    [["world", "--users", "2000000"], '--users must be a whole number from 0 to 1000000; got "2000000"'],
    [["mock", "--secret", ""], "--secret must not be empty"],
    [["mock", "--bogus"], "Unknown option '--bogus'"],
    [["world", "--bogus"], "Unknown option '--bogus'"],
    [["verify", "--bogus"], "Unknown option '--bogus'"],
    [["docs", "-x"], "Unknown option '-x'"],
    [["serve"], 'unknown command "serve"'],
    // A name every object has is not a command either.
    [["toString"], 'unknown command "toString"'],
  ])("refuses %j with exit code 2, says why, and shows the command's help", async (args, message) => {
    const cli = startCli(args);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.stdout()).toBe("");
    expect(cli.output()).toContain(`signalzen-api: ${message}`);
    const command = ["mock", "world", "verify", "docs"].includes(args[0]!) ? args[0] : "<command>";
    expect(cli.output()).toContain(`\n\nUsage: signalzen-api ${command} `);
    expect(cli.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("diff refuses an unknown option the same way, with its own help", async () => {
    const cli = startCli(["diff", "--bogus", "a.yaml", "b.yaml"]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.stdout()).toBe("");
    expect(cli.output()).toMatch(
      /^signalzen-api diff: Unknown option '--bogus'.*\n\nUsage: signalzen-api diff BASE HEAD/s,
    );
  });
});

describe("--help", () => {
  it("signalzen-api --help lists every command and says how to get a command's own help", async () => {
    const cli = startCli(["--help"]);
    expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null });
    expect(cli.output()).toBe(
      [
        "Usage: signalzen-api <command> [options]",
        "",
        "Commands:",
        "  mock    Run the SignalZen API mock server: a seeded world of users and chats, every contract rule enforced.",
        "  world   Write the world as JSON in the load format that 'mock --data' serves.",
        "  verify  Check any server against the contract and print a report; a line per finished check goes to stderr.",
        "  diff    List the changes between two contracts that matter to consumers, each breaking or compatible.",
        "  docs    Write the self-contained API docs page (it works offline: nothing is loaded from another host).",
        "",
        "Run 'signalzen-api <command> --help' (or -h) for a command's options, their defaults and an example.",
        "",
      ].join("\n"),
    );
  });

  /** What each command's help must say: its usage line, some of its option lines with their defaults, an example. */
  const expected: Record<string, { help: CommandHelp; lines: string[] }> = {
    mock: {
      help: MOCK_HELP,
      lines: [
        "Usage: signalzen-api mock [options]",
        "  --port N           port to listen on (default 4010; 0 picks a free port)",
        '  --seed S           the world\'s seed (default "signalzen-481": the same world everywhere)',
        "  --users N          how many users the world has, 0 to 1000000 (default 250)",
        "  --fail-status N    the status failures get instead: 400, 401, 403, 405, 406, 429, 500 or 503",
        "  --assets-base URL  where the world's avatars and files point (default: the server's own\n" +
          "                     /__signalzen/assets, which it answers with placeholders)",
        "  --quiet            do not log each request",
        "  -h, --help         print this help",
        "Examples:\n  signalzen-api mock --port 4010 --latency 200-800 --fail-rate 0.1",
      ],
    },
    world: {
      help: WORLD_HELP,
      lines: [
        "Usage: signalzen-api world [options]",
        "  --seed S           the world's seed (default \"signalzen-481\", the mock's)",
        "  --users N          how many users, 0 to 1000000 (default 250)",
        "  --assets-base URL  where avatars and files point (default http://127.0.0.1:4010/__signalzen/assets)",
        "  --output FILE      where to write it (default: standard output)",
        "  -h, --help         print this help",
        "Example:\n  signalzen-api world --seed demo --users 50 --output world.json",
      ],
    },
    verify: {
      help: VERIFY_HELP,
      lines: [
        "Usage: signalzen-api verify --base-url URL [options]",
        "  --base-url URL      the server, e.g. https://api.signalzen.com/external (required)",
        "  --max-requests N    stop after N requests (default 500)",
        "  --deadline-ms N     for the whole run, after which checks stop (default 300000)",
        "  --max-body-bytes N  read at most N bytes of a body (default 67108864)",
        "  --probe-methods     also send POST, for the 405 checks (otherwise only GET is sent)",
        "  -h, --help          print this help",
        "Examples:\n  signalzen-api verify --base-url http://127.0.0.1:4010 --secret any --probe-methods",
      ],
    },
    diff: {
      help: DIFF_HELP,
      lines: [
        "Usage: signalzen-api diff BASE HEAD [options]",
        "Arguments:\n  BASE, HEAD  an OpenAPI 3.1 document: a file (YAML or JSON), or git:REF for this repository's",
        "Options:\n  --json      print the report as JSON\n  -h, --help  print this help",
        "Exit status: 0 nothing breaking, 1 something breaking, 2 a document could not be read or is not OpenAPI 3.1.",
        "Examples:\n  signalzen-api diff git:main openapi.yaml",
      ],
    },
    docs: {
      help: DOCS_HELP,
      lines: [
        "Usage: signalzen-api docs [options]",
        "Options:\n  --output FILE  where to write it (default docs/index.html)\n  -h, --help     print this help",
        "Example:\n  signalzen-api docs --output public/api.html",
      ],
    },
  };

  it.each(Object.keys(expected))("%s --help and -h print its own help on stdout, exit 0", async (command) => {
    const { help, lines } = expected[command]!;
    for (const flag of ["--help", "-h"]) {
      const cli = startCli([command, flag]);
      expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null });
      expect(cli.output()).toBe(cli.stdout()); // nothing on stderr
      expect(cli.stdout()).toBe(`${formatHelp(help)}\n`);
      for (const line of lines) expect(cli.stdout()).toContain(`${line}\n`);
      // Every option the command accepts is listed, but the one kept only for old scripts.
      for (const [name, option] of Object.entries(help.options as OptionTable)) {
        if (option.hidden) expect(cli.stdout()).not.toContain(`--${name}`);
        else expect(cli.stdout()).toMatch(new RegExp(`\n  --${name}[ \n]`));
      }
    }
  });
});

describe("signalzen-api world and mock --data", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "signalzen-world-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("world writes the load format; mock --data serves exactly it, and says so at start-up", async () => {
    const file = path.join(directory, "world.json");
    const writer = startCli(["world", "--seed", "cli", "--users", "30", "--output", file]);
    expect(await exitOf(writer.child)).toEqual({ code: 0, signal: null });
    expect(writer.output()).toContain(
      `world: wrote ${file} (30 users); serve it with: signalzen-api mock --data ${file}`,
    );
    const data = JSON.parse(readFileSync(file, "utf8"));
    expect(data).toEqual(generateWorld({ seed: "cli", users: 30 }).toData());
    const cli = startCli([
      "mock",
      "--port",
      "0",
      "--data",
      file,
      "--latency",
      "5-10",
      "--fail-rate",
      "0",
      "--rate-limit",
      "100",
      "--fail-status",
      "503",
    ]);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/rate limit: 100 requests per second per secret/);
      expect(cli.output()).toContain(`world: ${file}: 30 users`);
      expect(cli.output()).toContain("latency: 5-10 ms per answer (drawn per request)");
      expect(cli.output()).toContain(
        `change the scenario while it runs: ${url}/__signalzen/scenario (GET, PATCH, DELETE)`,
      );
      const page = await rawRequest(`${url}/users?limit=99`, { headers: GOOD_HEADERS });
      expect(page.json().users).toEqual(data.users);
    } finally {
      cli.child.kill("SIGTERM");
    }
    expect(await exitOf(cli.child)).toEqual({ code: 0, signal: null });
  });

  const good = () => generateWorld({ seed: "bad", users: 5 }).toData();
  it.each([
    ["not JSON", () => "{ users: [", /not valid JSON/],
    [
      "a record that breaks its schema",
      () => {
        const d = good();
        (d.users[1] as { email: unknown }).email = 42;
        return JSON.stringify(d);
      },
      /\$\.users\[1\]/,
    ],
    [
      "a duplicate id",
      () => {
        const d = good();
        d.users[2]!.id = d.users[1]!.id;
        return JSON.stringify(d);
      },
      /\$\.users\[2\]/,
    ],
    [
      "a sender that contradicts its chat",
      () => {
        const d = good();
        const chat = Object.values(d.messages).find((messages) => messages.some((m) => m.sender_type === "user"))!;
        const index = chat.findIndex((m) => m.sender_type === "user");
        (chat[index]!.sender as { id: number }).id += 1;
        return JSON.stringify(d);
      },
      /\$\.messages\["\d+"\]\[\d+\]/,
    ],
  ])("mock --data refuses %s before listening: exit 2, the JSON path and the rule", async (_name, content, pattern) => {
    const file = path.join(directory, "bad.json");
    writeFileSync(file, content());
    const cli = startCli(["mock", "--port", "0", "--data", file]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.output()).toMatch(pattern);
    expect(cli.output()).not.toContain("listening");
    expect(cli.output()).not.toMatch(/\n\s+at /);
  });

  it("mock --data refuses what is not a regular file at once (/dev/zero never ends): exit 2, with why", async () => {
    const cli = startCli(["mock", "--port", "0", "--data", "/dev/zero"]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.output()).toContain(
      "--data /dev/zero: cannot be read: it is a character device (such as /dev/zero). Check the path",
    );
    expect(cli.output()).not.toContain("listening");
  });
});

describe("where the output goes", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "signalzen-output-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([
    [
      "a folder",
      () => directory,
      `is a folder; give a file's path, e.g. --output ${path.join(directory, "world.json")}`,
    ],
    [
      "a file in a missing folder",
      () => path.join(directory, "missing", "world.json"),
      `cannot be created: the folder ${path.join(directory, "missing")} does not exist; ` +
        `create it first (mkdir -p ${path.join(directory, "missing")})`,
    ],
  ])("world --output to %s: exit 2, what is wrong and how to fix it", async (_name, output, why) => {
    const cli = startCli(["world", "--users", "3", "--output", output()]);
    expect(await exitOf(cli.child)).toEqual({ code: 2, signal: null });
    expect(cli.output()).toContain(`signalzen-api: --output ${output()} ${why}\n`);
    expect(cli.output()).not.toMatch(/\n\s+at |EISDIR|ENOENT/);
  });

  it("world --output to a full disk: exit 1, and says the file is incomplete", async () => {
    const cli = startCli(["world", "--users", "3", "--output", "/dev/full"]);
    expect(await exitOf(cli.child)).toEqual({ code: 1, signal: null });
    expect(cli.output()).toBe(
      "signalzen-api: world: could not write /dev/full: no space left on the device (ENOSPC); " +
        "what was written is incomplete\n",
    );
  });

  /** The command with its standard output's reader gone at once, as `... | head` leaves it. */
  async function withClosedStdout(args: string[]) {
    const cli = startCli(args);
    cli.child.stdout.destroy();
    let stderr = "";
    cli.child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    return { exit: await exitOf(cli.child), stderr };
  }

  it("world | head: a closed pipe ends the command quietly, exit 0", async () => {
    expect(await withClosedStdout(["world", "--users", "2000"])).toEqual({
      exit: { code: 0, signal: null },
      stderr: "",
    });
  });

  it("diff --json and verify --json | head end quietly too", async () => {
    const contract = path.join(repoRoot, "openapi.yaml");
    expect(await withClosedStdout(["diff", contract, contract, "--json"])).toEqual({
      exit: { code: 0, signal: null },
      stderr: "",
    });
    // verify's progress lines go to stderr, which is still open: only the report had nowhere to go.
    const server = http.createServer(() => undefined); // never answers: the deadline ends the run
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const verify = await withClosedStdout([
        "verify",
        "--base-url",
        url,
        "--secret",
        "x",
        "--json",
        "--deadline-ms",
        "300",
      ]);
      expect(verify.exit).toEqual({ code: 0, signal: null });
      expect(verify.stderr).not.toMatch(/EPIPE|\n\s+at /);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
