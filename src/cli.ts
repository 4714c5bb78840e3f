#!/usr/bin/env node
/**
 * `signalzen-api` (`npx @signalzen/api <command>`): mock, verify, docs.
 * Arguments are parsed by node:util's parseArgs (built in, strict: unknown flags are errors).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { PrismMissingError } from "./mock/prism.js";

const USAGE = `Usage: signalzen-api <command> [options]

Commands:
  mock      Run the SignalZen API mock server (Prism, with the contract's rules enforced).
            --port N      port to listen on (default 4010; 0 picks a free port)
            --host H      address to listen on (default 127.0.0.1)
            --secret S    accept only this Bearer secret (default: any non-empty secret)
            --dynamic     serve data generated from the schemas instead of the examples
            --seed S      seed for --dynamic, so runs repeat
            --quiet       do not log each request
  verify    Check any server against the contract and print a report (exit 0 only when all pass).
            --base-url URL       the server, e.g. https://api.signalzen.com/external (required)
            --secret S           the API secret (or set SIGNALZEN_API_SECRET)
            --json               print the report as JSON
            --user-id N          start from this user instead of the first listed one
            --message-id N       start from this message instead of the first listed one
            --max-requests N     stop after N requests (default 500)
            --timeout-ms N       per request (default 10000)
            --seed N             seed of the generated requests (default 1)
            --probe-methods      also send POST, for the 405 checks (otherwise only GET is sent)
            --verbose            list passing checks too
  docs      Write the self-contained API docs page.
            --output F    where to write it (default docs/index.html)

Run 'signalzen-api <command> --help' for a command's options.`;

class UsageError extends Error {}

/** Loads a command's optional dependencies, or says how to install them. */
async function importOptional<T>(load: () => Promise<T>, need: string, install: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND") throw new MissingDependencyError(`${need}, which are not installed. Install them with: npm install --save-dev ${install}`);
    throw error;
  }
}

class MissingDependencyError extends Error {}

function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean" } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function integerOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${value}"`);
  return Number(value);
}

async function mock(args: string[]): Promise<void> {
  const values = parse(args, {
    port: { type: "string" },
    host: { type: "string" },
    secret: { type: "string" },
    dynamic: { type: "boolean" },
    seed: { type: "string" },
    quiet: { type: "boolean" },
  });
  if (values.help) return void console.log(USAGE);
  if (values.secret !== undefined && values.secret.trim() === "") throw new UsageError("--secret must not be empty; leave it out to accept any non-empty secret");
  if (values.seed !== undefined && !values.dynamic) throw new UsageError("--seed only applies with --dynamic");
  const port = integerOption("port", values.port, 0, 65535);
  // Imported here so that `docs` and `--help` work without Prism installed.
  const { startMock } = await import("./mock/server.js");
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const server = await startMock({
    ...(port !== undefined && { port }),
    ...(values.host !== undefined && { host: values.host }),
    ...(values.secret !== undefined && { secret: values.secret }),
    dynamic: values.dynamic ?? false,
    ...(values.seed !== undefined && { seed: values.seed }),
    ...(!values.quiet && { onResponse: (line) => write(`${line.method} ${line.path} ${line.status} ${line.ms.toFixed(1)}ms`) }),
  });
  write(`SignalZen API mock listening on ${server.url}`);
  write(
    values.secret !== undefined
      ? "  secret: only the secret given with --secret is accepted (Authorization: Bearer <secret>)"
      : "  secret: any non-empty Bearer secret is accepted (--secret S requires one)",
  );
  write(values.dynamic ? `  data: generated from the schemas${values.seed ? ` (seed ${values.seed})` : ""}` : "  data: the spec's examples (--dynamic for generated data)");
  write(`  try: curl -H "Authorization: Bearer any" -H "Accept: application/vnd.signalzen.v1+json" ${server.url}/users`);
  write("  Ctrl-C stops it.");
  const stop = (signal: string) => {
    write(`mock: ${signal}, stopping`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

async function docs(args: string[]): Promise<void> {
  const values = parse(args, { output: { type: "string" } });
  if (values.help) return void console.log(USAGE);
  const { buildDocs } = await import("./docs/build.js");
  const output = buildDocs({ ...(values.output !== undefined && { output: values.output }) });
  console.log(`docs: wrote ${output} (self-contained; open it in a browser, no network needed)`);
}

async function verifyCommand(args: string[]): Promise<void> {
  const values = parse(args, {
    "base-url": { type: "string" },
    secret: { type: "string" },
    json: { type: "boolean" },
    "user-id": { type: "string" },
    "message-id": { type: "string" },
    "max-requests": { type: "string" },
    "timeout-ms": { type: "string" },
    seed: { type: "string" },
    "probe-methods": { type: "boolean" },
    verbose: { type: "boolean" },
  });
  if (values.help) return void console.log(USAGE);
  const baseUrl = values["base-url"];
  if (!baseUrl || !/^https?:\/\/[^/]/.test(baseUrl)) throw new UsageError(`--base-url must be an http(s) URL, e.g. --base-url http://127.0.0.1:4010; got ${baseUrl === undefined ? "nothing" : JSON.stringify(baseUrl)}`);
  const secret = values.secret ?? process.env.SIGNALZEN_API_SECRET;
  if (!secret?.trim()) throw new UsageError("give the API secret with --secret S or the SIGNALZEN_API_SECRET environment variable");
  const id = (name: string) => integerOption(name, values[name as "user-id"], 1, 2_147_483_647);
  // Imported here so that `mock` and `docs` work without verify's optional dependencies.
  const { verify, formatReport } = await importOptional(async () => ({ ...(await import("./verify/run.js")), ...(await import("./verify/report.js")) }), "verify needs ajv, ajv-formats and fast-check", "ajv@8 ajv-formats@3 fast-check@4");
  const report = await verify({
    baseUrl,
    secret,
    ...(id("user-id") !== undefined && { userId: id("user-id")! }),
    ...(id("message-id") !== undefined && { messageId: id("message-id")! }),
    ...(values["max-requests"] !== undefined && { maxRequests: integerOption("max-requests", values["max-requests"], 1, 100_000)! }),
    ...(values["timeout-ms"] !== undefined && { timeoutMs: integerOption("timeout-ms", values["timeout-ms"], 1, 600_000)! }),
    ...(values.seed !== undefined && { seed: integerOption("seed", values.seed, 0, 2_147_483_647)! }),
    probeMethods: values["probe-methods"] ?? false,
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report, { verbose: values.verbose ?? false }));
  if (!report.ok) process.exitCode = 1;
}

const commands: Record<string, (args: string[]) => Promise<void>> = { mock, verify: verifyCommand, docs };

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") return void console.log(USAGE);
  const run = commands[command];
  if (!run) throw new UsageError(`unknown command "${command}"`);
  await run(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`signalzen-api: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof PrismMissingError || error instanceof MissingDependencyError) {
    console.error(`signalzen-api: ${error.message}`);
    process.exit(1);
  }
  console.error(`signalzen-api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
