#!/usr/bin/env node
/**
 * `signalzen-api` (`npx @signalzen/api <command>`): one module per command beside this one; this file
 * only dispatches and turns failures into a message and an exit code.
 */
import { MissingPeerError } from "../node/optional-peer.js";
import { commandNamed, USAGE } from "./commands.js";
import { formatHelp } from "./help.js";
import { UsageError } from "./options.js";

// A reader that closes the pipe (`signalzen-api world | head`) wants no more output: end quietly, as Unix tools do.
// Any other failure to write the output (a full disk) is said plainly, without a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  process.stderr.write(`signalzen-api: could not write to standard output: ${error.code ?? error.message}\n`);
  process.exit(1);
});
// With stderr closed there is nowhere to say anything: carry on, the exit code still tells.
process.stderr.on("error", () => undefined);

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") return void console.log(USAGE);
  const found = commandNamed(command);
  if (!found) throw new UsageError(`unknown command "${command}"`);
  await found.run(args);
}

const argv = process.argv.slice(2);
main(argv).catch((error: unknown) => {
  if (error instanceof UsageError) {
    // Bad input to a command is followed by that command's help; an unknown command, by the list of commands.
    const command = commandNamed(argv[0] ?? "");
    console.error(`signalzen-api: ${error.message}\n\n${command ? formatHelp(command.help) : USAGE}`);
    process.exit(2);
  }
  if (error instanceof MissingPeerError) {
    console.error(`signalzen-api: ${error.message}`);
    process.exit(1);
  }
  console.error(`signalzen-api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
