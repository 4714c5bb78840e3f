/**
 * `signalzen-api verify`: checks any server against the contract and prints the report on stdout,
 * with one progress line per finished check on stderr (so that `--json` output stays parseable).
 */
import { shownUrl } from "../contract/base-url.js";
import { importPeer } from "../node/optional-peer.js";
import { baseUrlProblem } from "../verify/session.js";
import { integerOption, parse, UsageError } from "./options.js";
import { USAGE } from "./usage.js";

export async function verify(args: string[]): Promise<void> {
  const values = parse(args, {
    "base-url": { type: "string" },
    secret: { type: "string" },
    json: { type: "boolean" },
    "user-id": { type: "string" },
    "message-id": { type: "string" },
    "max-requests": { type: "string" },
    "timeout-ms": { type: "string" },
    "deadline-ms": { type: "string" },
    "max-body-bytes": { type: "string" },
    seed: { type: "string" },
    "probe-methods": { type: "boolean" },
    strict: { type: "boolean" },
    verbose: { type: "boolean" },
  });
  if (values.help) return void console.log(USAGE);
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
  const {
    verify: run,
    formatReport,
    formatProgress,
  } = await importPeer(
    async () => ({ ...(await import("../verify/run.js")), ...(await import("../verify/report.js")) }),
    { need: "verify needs ajv, ajv-formats and fast-check", install: ["ajv@8", "ajv-formats@3", "fast-check@4"] },
  );
  const report = await run({
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
    values.json ? JSON.stringify(report, null, 2) : formatReport(report, { verbose: values.verbose ?? false }),
  );
  if (!report.ok) process.exitCode = 1;
}
