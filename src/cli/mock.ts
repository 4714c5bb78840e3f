/** `signalzen-api mock`: the mock server, until Ctrl-C or SIGTERM. */
import { integerOption, parse, UsageError } from "./options.js";
import { USAGE } from "./usage.js";

export async function mock(args: string[]): Promise<void> {
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
  const { startMock } = await import("../mock/server.js");
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
