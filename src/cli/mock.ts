/** `signalzen-api mock`: the mock server and its world, until Ctrl-C or SIGTERM. */
import * as contract from "../../generated/contract.js";
import { createWorld } from "../world/index.js";
import { importOptional, integerOption, parse, UsageError } from "./options.js";
import { USAGE } from "./usage.js";

/** `--latency 300` or `--latency 200-800`. */
function latencyOption(value: string | undefined): number | [number, number] | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value);
  if (!match) throw new UsageError(`--latency must be milliseconds (300) or a range (200-800); got "${value}"`);
  return match[2] === undefined ? Number(match[1]) : [Number(match[1]), Number(match[2])];
}

function failRateOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(value))
    throw new UsageError(`--fail-rate must be a fraction from 0 to 1, such as 0.1; got "${value}"`);
  return Number(value);
}

/** `--assets-base URL`: checked as the world checks it, so a bad one is a usage error before anything starts. */
function assetsBaseOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    createWorld({ users: 0, assetsBase: value });
  } catch (error) {
    throw new UsageError(`--assets-base: ${(error as Error).message}`);
  }
  return value;
}

export async function mock(args: string[]): Promise<void> {
  const values = parse(args, {
    port: { type: "string" },
    host: { type: "string" },
    secret: { type: "string" },
    seed: { type: "string" },
    users: { type: "string" },
    data: { type: "string" },
    latency: { type: "string" },
    "fail-rate": { type: "string" },
    "rate-limit": { type: "string" },
    "fail-status": { type: "string" },
    "assets-base": { type: "string" },
    dynamic: { type: "boolean" },
    quiet: { type: "boolean" },
  });
  if (values.help) return void console.log(USAGE);
  if (values.secret !== undefined && values.secret.trim() === "") {
    throw new UsageError("--secret must not be empty; leave it out to accept any non-empty secret");
  }
  if (
    values.data !== undefined &&
    (values.seed !== undefined || values.users !== undefined || values["assets-base"] !== undefined)
  ) {
    throw new UsageError(
      "--data serves the world in that file; --seed, --users and --assets-base shape a generated world: " +
        "give one or the other",
    );
  }
  const port = integerOption("port", values.port, 0, 65535);
  const users = integerOption("users", values.users, 0, 1_000_000);
  const rateLimit = integerOption("rate-limit", values["rate-limit"], 1, 1_000_000);
  const latency = latencyOption(values.latency);
  const failRate = failRateOption(values["fail-rate"]);
  // Imported here so that `docs` and `--help` work without Prism installed.
  const { startMock } = await import("../mock/server.js");
  const { describeScenario, FAIL_STATUSES } = await import("../mock/scenario.js");
  const failStatus = integerOption("fail-status", values["fail-status"], 100, 599);
  if (failStatus !== undefined && !FAIL_STATUSES.includes(failStatus)) {
    throw new UsageError(
      `--fail-status must be one of ${FAIL_STATUSES.join(", ")} (an error every operation declares); got "${failStatus}"`,
    );
  }
  const assetsBase = assetsBaseOption(values["assets-base"]);
  // Only --data needs the file checker, and with it ajv (an optional peer, like verify's).
  const { loadWorldFile, WorldDataError } =
    values.data === undefined
      ? { loadWorldFile: undefined, WorldDataError: undefined }
      : await importOptional(
          () => import("../world/load-file.js"),
          "mock --data needs ajv and ajv-formats",
          "ajv@8 ajv-formats@3",
        );
  const write = (line: string) => process.stdout.write(`${line}\n`);
  // A request's line waits for the rest of this turn of the event loop, and they go out in one write: one write
  // per line (synchronous to a pipe or file) cost 7% of the mock's CPU under load.
  let pending = "";
  const flush = () => {
    if (pending) process.stdout.write(pending);
    pending = "";
  };
  const log = (line: string) => {
    if (!pending) setImmediate(flush);
    pending += `${line}\n`;
    if (pending.length > 64 * 1024) flush();
  };
  const scenario = {
    ...(latency !== undefined && { latency }),
    ...(failRate !== undefined && { failRate }),
    ...(rateLimit !== undefined && { rateLimit }),
    ...(failStatus !== undefined && { failStatus }),
  };
  let server: Awaited<ReturnType<typeof startMock>>;
  try {
    const data = values.data === undefined ? undefined : loadWorldFile!(values.data);
    server = await startMock({
      ...(port !== undefined && { port }),
      ...(values.host !== undefined && { host: values.host }),
      ...(values.secret !== undefined && { secret: values.secret }),
      ...(values.seed !== undefined && { seed: values.seed }),
      ...(users !== undefined && { users }),
      ...(data !== undefined && { data }),
      ...(assetsBase !== undefined && { assetsBase }),
      ...scenario,
      ...(!values.quiet && {
        onResponse: (line) => log(`${line.method} ${line.path} ${line.status} ${line.ms.toFixed(1)}ms`),
      }),
    });
  } catch (error) {
    // A bad world file stops the mock before it listens: nothing is served half-loaded.
    if (WorldDataError && error instanceof WorldDataError) throw new UsageError(`--data ${error.message}`);
    throw error;
  }
  write(`SignalZen API mock listening on ${server.url}`);
  write(
    values.secret !== undefined
      ? "  secret: only the secret given with --secret is accepted (Authorization: Bearer <secret>)"
      : "  secret: any non-empty Bearer secret is accepted (--secret S requires one)",
  );
  const world = server.world;
  const operators = world.operators().length;
  write(
    values.data !== undefined
      ? `  world: ${values.data}: ${world.userCount} users, ${operators} operators`
      : `  world: ${world.userCount} users and their chats, ${operators} operators ` +
          `(seed "${values.seed ?? "default"}"; --seed, --users, --data shape it)`,
  );
  for (const line of describeScenario(scenario)) write(`  ${line}`);
  if (values.data === undefined) {
    write(`  pictures: avatars and files are placeholders under ${assetsBase ?? `${server.url}/__signalzen/assets`}`);
  }
  write(`  change the scenario while it runs: ${server.url}/__signalzen/scenario (GET, PATCH, DELETE)`);
  write(`  open ${server.url} in a browser for a page about this mock`);
  if (values.dynamic)
    write("  --dynamic is no longer needed: the world replaces Prism's generated data (see the CHANGELOG)");
  write(`  try: curl -H "Authorization: Bearer any" -H "Accept: ${contract.mediaType}" ${server.url}/users/123`);
  write("  Ctrl-C stops it.");
  const stop = (signal: string) => {
    flush();
    write(`mock: ${signal}, stopping`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}
