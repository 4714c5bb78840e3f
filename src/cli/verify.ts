/** `signalzen-api verify`: checks any server against the contract and prints the report. */
import { importOptional, integerOption, parse, UsageError } from "./options.js";
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
  const { verify: run, formatReport } = await importOptional(async () => ({ ...(await import("../verify/run.js")), ...(await import("../verify/report.js")) }), "verify needs ajv, ajv-formats and fast-check", "ajv@8 ajv-formats@3 fast-check@4");
  const report = await run({
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
