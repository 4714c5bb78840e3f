/**
 * `signalzen-api verify`: checks any server against the contract and prints the report on stdout,
 * with one progress line per finished check on stderr (so that `--json` output stays parseable).
 */
import { shownUrl } from "../contract/base-url.js";
import { importPeer } from "../node/optional-peer.js";
import { VERIFY_DEFAULTS } from "../verify/defaults.js";
import { baseUrlProblem } from "../verify/session.js";
import { type CommandHelp, formatHelp } from "./help.js";
import { integerOption, parse, UsageError } from "./options.js";

export const VERIFY_HELP = {
  name: "verify",
  synopsis: "--base-url URL [options]",
  summary: "Check any server against the contract and print a report; a line per finished check goes to stderr.",
  details:
    "Exit status: 0 when every check that ran passed (checks not run, such as the POST ones without\n" +
    "--probe-methods, are listed with why), 1 when one failed or the run stopped early.",
  options: {
    "base-url": {
      type: "string",
      value: "URL",
      text: "the server, e.g. https://api.signalzen.com/external (required)",
    },
    secret: { type: "string", value: "S", text: "the API secret (or set SIGNALZEN_API_SECRET)" },
    json: { type: "boolean", text: "print the report as JSON" },
    "user-id": { type: "string", value: "N", text: "start from this user instead of the first listed one" },
    "message-id": { type: "string", value: "N", text: "start from this message instead of the first listed one" },
    "max-requests": {
      type: "string",
      value: "N",
      text: `stop after N requests (default ${VERIFY_DEFAULTS.maxRequests})`,
    },
    "timeout-ms": { type: "string", value: "N", text: `per request (default ${VERIFY_DEFAULTS.timeoutMs})` },
    "deadline-ms": {
      type: "string",
      value: "N",
      text: `for the whole run, after which checks stop (default ${VERIFY_DEFAULTS.deadlineMs})`,
    },
    "max-body-bytes": {
      type: "string",
      value: "N",
      text: `read at most N bytes of a body (default ${VERIFY_DEFAULTS.maxBodyBytes})`,
    },
    seed: { type: "string", value: "N", text: `seed of the generated requests (default ${VERIFY_DEFAULTS.seed})` },
    "probe-methods": { type: "boolean", text: "also send POST, for the 405 checks (otherwise only GET is sent)" },
    strict: { type: "boolean", text: "exit 1 unless every check ran and passed (not run counts as failed)" },
    verbose: { type: "boolean", text: "list passing checks too" },
  },
  examples: [
    "signalzen-api verify --base-url http://127.0.0.1:4010 --secret any --probe-methods",
    "SIGNALZEN_API_SECRET=... signalzen-api verify --base-url https://api.signalzen.com/external --json",
  ],
} as const satisfies CommandHelp;

export async function verify(args: string[]): Promise<void> {
  const values = parse(args, VERIFY_HELP.options);
  if (values.help) return void console.log(formatHelp(VERIFY_HELP));
  const baseUrl = values["base-url"];
  const problem = baseUrl === undefined ? "must be an http(s) URL" : baseUrlProblem(baseUrl);
  if (problem) {
    const got = baseUrl === undefined ? "nothing" : shownUrl(baseUrl);
    throw new UsageError(`--base-url ${problem}, e.g. --base-url http://127.0.0.1:4010; got ${got}`);
  }
  const secret = values.secret ?? process.env.SIGNALZEN_API_SECRET;
  if (!secret?.trim())
    throw new UsageError("give the API secret with --secret S or the SIGNALZEN_API_SECRET environment variable");
  const whole = (name: keyof typeof values, min: number, max: number) =>
    integerOption(name, values[name] as string | undefined, min, max);
  const userId = whole("user-id", 1, 2_147_483_647);
  const messageId = whole("message-id", 1, 2_147_483_647);
  const maxRequests = whole("max-requests", 1, 100_000);
  const timeoutMs = whole("timeout-ms", 1, 600_000);
  const deadlineMs = whole("deadline-ms", 1, 86_400_000);
  const maxBodyBytes = whole("max-body-bytes", 1, 1_073_741_824);
  const seed = whole("seed", 0, 2_147_483_647);
  // Imported here so that `mock` and `docs` work without verify's optional dependencies.
  const { verifyServer, formatVerifyReport, formatProgress } = await importPeer(
    async () => ({ ...(await import("../verify/run.js")), ...(await import("../verify/report.js")) }),
    { need: "verify needs ajv, ajv-formats and fast-check", install: ["ajv@8", "ajv-formats@3", "fast-check@4"] },
  );
  const report = await verifyServer({
    baseUrl: baseUrl!,
    secret,
    ...(userId !== undefined && { userId }),
    ...(messageId !== undefined && { messageId }),
    ...(maxRequests !== undefined && { maxRequests }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(deadlineMs !== undefined && { deadlineMs }),
    ...(maxBodyBytes !== undefined && { maxBodyBytes }),
    ...(seed !== undefined && { seed }),
    probeMethods: values["probe-methods"] ?? false,
    strict: values.strict ?? false,
    onProgress: (check, done, total) => console.error(formatProgress(check, done, total)),
  });
  console.log(
    values.json ? JSON.stringify(report, null, 2) : formatVerifyReport(report, { verbose: values.verbose ?? false }),
  );
  if (!report.ok) process.exitCode = 1;
}
