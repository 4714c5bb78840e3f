/** `signalzen-api diff BASE HEAD`: the changes between two contracts that matter to a consumer (src/diff). */
import { runDiff } from "../diff/command.js";

export async function diff(args: string[]): Promise<void> {
  process.exitCode = await runDiff(args, {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
