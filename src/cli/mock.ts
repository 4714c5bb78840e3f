/** `signalzen-api mock`: the mock server and its world, until Ctrl-C or SIGTERM. */
import * as contract from "../contract/facts.js";
import { describeScenario, FAIL_STATUSES } from "../mock/scenario.js";
import { importPeer } from "../node/optional-peer.js";
import { ASSETS_PATH, checkWorldOptions, DEFAULT_SEED, DEFAULT_USERS, MAX_USERS } from "../world/index.js";
import { type CommandHelp, formatHelp } from "./help.js";
import { integerOption, parse, UsageError } from "./options.js";

const statuses = `${FAIL_STATUSES.slice(0, -1).join(", ")} or ${FAIL_STATUSES.at(-1)}`;

export const MOCK_HELP = {
  name: "mock",
  synopsis: "[options]",
  summary: "Run the SignalZen API mock server: a seeded world of users and chats, every contract rule enforced.",
  options: {
    port: { type: "string", value: "N", text: "port to listen on (default 4010; 0 picks a free port)" },
    host: { type: "string", value: "H", text: "address to listen on (default 127.0.0.1)" },
    secret: { type: "string", value: "S", text: "accept only this Bearer secret (default: any non-empty secret)" },
    seed: {
      type: "string",
      value: "S",
      text: `the world's seed (default "${DEFAULT_SEED}": the same world everywhere)`,
    },
    users: {
      type: "string",
      value: "N",
      text: `how many users the world has, 0 to ${MAX_USERS} (default ${DEFAULT_USERS})`,
    },
    data: { type: "string", value: "FILE", text: "serve the world in FILE (written by 'world', hand-edited or not)" },
    latency: { type: "string", value: "MS", text: "delay each answer: MS, or MIN-MAX drawn per request (default 0)" },
    "fail-rate": {
      type: "string",
      value: "P",
      text: "that fraction (0 to 1, default 0) of answers fail: 500 or 503 (503 with Retry-After: 1)",
    },
    "fail-status": { type: "string", value: "N", text: `the status failures get instead: ${statuses}` },
    "rate-limit": {
      type: "string",
      value: "N",
      text: "at most N requests per second per secret; the rest get 429 (default: no limit)",
    },
    "assets-base": {
      type: "string",
      value: "URL",
      text: `where the world's avatars and files point (default: the server's own\n${ASSETS_PATH}, which it answers with placeholders)`,
    },
    quiet: { type: "boolean", text: "do not log each request" },
    // Kept so that scripts written for 1.x still start; it does nothing now (see the CHANGELOG).
    dynamic: { type: "boolean", text: "no longer needed", hidden: true },
  },
  examples: [
    "signalzen-api mock --port 4010 --latency 200-800 --fail-rate 0.1",
    "signalzen-api mock --data world.json --secret my-test-secret",
  ],
} as const satisfies CommandHelp;

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
    checkWorldOptions({ assetsBase: value });
  } catch (error) {
    throw new UsageError(`--assets-base: ${(error as Error).message}`);
  }
  return value;
}

export async function mock(args: string[]): Promise<void> {
  const values = parse(args, MOCK_HELP.options);
  if (values.help) return void console.log(formatHelp(MOCK_HELP));
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
  const users = integerOption("users", values.users, 0, MAX_USERS);
  const rateLimit = integerOption("rate-limit", values["rate-limit"], 1, 1_000_000);
  const latency = latencyOption(values.latency);
  const failRate = failRateOption(values["fail-rate"]);
  // Imported here so that `docs` and `--help` work without Prism installed.
  const { startMock } = await import("../mock/server.js");
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
      : await importPeer(() => import("../world/load-file.js"), {
          need: "mock --data needs ajv and ajv-formats",
          install: ["ajv@8", "ajv-formats@3"],
        });
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
