/**
 * Each command's help, written once beside the command: its option table is both what node:util's parseArgs
 * reads and what `--help` lists, so an option cannot be accepted without being documented, nor documented
 * without being accepted.
 */

interface OptionHelp {
  type: "string" | "boolean";
  short?: string;
  /** What the option's value is called in the help, e.g. `N` for `--port N`; only for string options. */
  value?: string;
  /** What it does, and its default; a `\n` starts a line of its own, indented under the first. */
  text: string;
  /** Accepted, but left out of the help (an option kept only so that old scripts still run). */
  hidden?: boolean;
}

export type OptionTable = Record<string, OptionHelp>;

export interface CommandHelp {
  name: string;
  /** What follows the command on the usage line, e.g. `[options]` or `BASE HEAD [options]`. */
  synopsis: string;
  /** One line: what the command does (the list of commands shows it too). */
  summary: string;
  /** More about it, shown only in the command's own help, e.g. its exit status. */
  details?: string;
  /** The positional arguments, name and text, as the options are. */
  arguments?: Record<string, string>;
  options: OptionTable;
  /** Whole command lines, one per example. */
  examples: string[];
}

/** `--help` and `-h`, which every command accepts. */
const HELP_OPTION = { type: "boolean", short: "h", text: "print this help" } as const satisfies OptionHelp;

/** The table as parseArgs takes it, `--help` included. */
export function parseArgsOptions(options: OptionTable): Record<string, { type: "string" | "boolean"; short?: string }> {
  const config: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, { type, short }] of Object.entries({ ...options, help: HELP_OPTION })) {
    config[name] = { type, ...(short !== undefined && { short }) };
  }
  return config;
}

/** The command's `--help` text: usage, what it does, its arguments and options (one table), and examples. */
export function formatHelp(help: CommandHelp): string {
  const argumentRows = Object.entries(help.arguments ?? {});
  const optionRows = Object.entries<OptionHelp>({ ...help.options, help: HELP_OPTION })
    .filter(([, option]) => !option.hidden)
    .map(([name, option]): [string, string] => {
      const flag = `${option.short ? `-${option.short}, ` : ""}--${name}`;
      return [option.value ? `${flag} ${option.value}` : flag, option.text];
    });
  const width = Math.max(...[...argumentRows, ...optionRows].map(([label]) => label.length)) + 2;
  const indent = `\n  ${" ".repeat(width)}`;
  const table = (title: string, rows: [string, string][]) =>
    [title, ...rows.map(([label, text]) => `  ${label.padEnd(width)}${text.split("\n").join(indent)}`)].join("\n");
  const examples = help.examples.map((example) => `  ${example}`);
  return [
    `Usage: signalzen-api ${help.name} ${help.synopsis}`,
    help.summary,
    ...(help.details ? [help.details] : []),
    ...(argumentRows.length ? [table("Arguments:", argumentRows)] : []),
    table("Options:", optionRows),
    [examples.length === 1 ? "Example:" : "Examples:", ...examples].join("\n"),
  ].join("\n\n");
}
