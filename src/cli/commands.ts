/**
 * Every command of `signalzen-api`, with its help; and the help `signalzen-api --help` prints, which lists them.
 * A command's options, defaults and examples are in its own help (`signalzen-api <command> --help`), written
 * once beside the command (help.ts).
 */
import { DIFF_HELP, diff } from "./diff.js";
import { DOCS_HELP, docs } from "./docs.js";
import type { CommandHelp } from "./help.js";
import { MOCK_HELP, mock } from "./mock.js";
import { VERIFY_HELP, verify } from "./verify.js";
import { WORLD_HELP, world } from "./world.js";

interface Command {
  run: (args: string[]) => Promise<void>;
  help: CommandHelp;
}

/** In the order the help lists them. */
const COMMANDS: readonly Command[] = [
  { run: mock, help: MOCK_HELP },
  { run: world, help: WORLD_HELP },
  { run: verify, help: VERIFY_HELP },
  { run: diff, help: DIFF_HELP },
  { run: docs, help: DOCS_HELP },
];

/** The command of that name, if there is one. */
export const commandNamed = (name: string): Command | undefined =>
  COMMANDS.find((command) => command.help.name === name);

const width = Math.max(...COMMANDS.map(({ help }) => help.name.length)) + 2;

export const USAGE = [
  "Usage: signalzen-api <command> [options]",
  "",
  "Commands:",
  ...COMMANDS.map(({ help }) => `  ${help.name.padEnd(width)}${help.summary}`),
  "",
  "Run 'signalzen-api <command> --help' (or -h) for a command's options, their defaults and an example.",
].join("\n");
