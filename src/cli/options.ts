/** What every command shares: strict argument parsing and whole-number options. */
import { parseArgs } from "node:util";
import { type OptionTable, parseArgsOptions } from "./help.js";

/** Bad command-line input: printed with the help of the command it was given to (index.ts), exit code 2. */
export class UsageError extends Error {}

/** The parsed values, typed from the table (spelled out: parseArgs's own type cannot be named in a .d.ts). */
export type OptionValues<T extends OptionTable> = {
  [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string;
} & { help?: boolean };

/** node:util's parseArgs (built in, strict: unknown flags are errors), with `--help` and `-h` on every command. */
export function parse<T extends OptionTable>(args: string[], options: T): OptionValues<T> {
  try {
    const config = { args, options: parseArgsOptions(options), strict: true, allowPositionals: false };
    return parseArgs(config).values as OptionValues<T>;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A whole-number option within bounds, or a UsageError that says the allowed range and what was given. */
export function integerOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${value}"`);
  }
  return Number(value);
}
